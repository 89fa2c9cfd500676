// actfn/detail/target/loops.hpp: the span loops of one target (per target, no include guard):
// what the dispatcher calls (detail/dispatch.hpp).

namespace actfn::detail::ACTFN_TARGET {

// f'(x)·g, rounded once as T: f' is rounded to T first (exact if L is T), and the product of
// two floats in L = double is exact.
template <class T, class L, class V>
ACTFN_INLINE V scale(V d, V g) noexcept {
  if constexpr (!std::is_same_v<T, L>) {
    return narrow_round(d) * g;
  } else {
    return d * g;
  }
}

// One span form on the lanes V at x (and g): f(x), f'(x) or g·f'(x).
template <op O, class T, class V, class F>
ACTFN_INLINE V one(const F& f, const T* x, const T* g) noexcept {
  using K = kernel<typename F::kernel_tag>;
  const V v = load<V>(x);
  if constexpr (O == op::value) {
    return K::template value<T>(f, v);
  } else if constexpr (O == op::derivative) {
    return K::template derivative<T>(f, v);
  } else {
    return scale<T, typename K::template lane<T>>(K::template derivative<T>(f, v), load<V>(g));
  }
}

// y[i] = f(x[i]), f'(x[i]) or g[i]·f'(x[i]) for i < n, with F's kernel on this target's lanes:
// two batches per step, whose operations lanes_twin.hpp interleaves so that their latency
// chains overlap. The last, partial step runs the same code on a zero-padded copy, so that every
// element takes the same instructions. f is a copy, so that no store to y can alias its parameters
// (a slope) and force a reload on every element.
template <op O, class F, class T>
ACTFN_INLINE void batches(const F& fc, const T* x, const T* g, T* y, std::size_t n) noexcept {
  using V = lanes_of<typename kernel<typename F::kernel_tag>::template lane<T>>;
  constexpr std::size_t step = width<V>;
  T xt[step] = {}, gt[step] = {}, yt[step];
  for (std::size_t i = 0; i < n; i += step) {
    const bool tail = n - i < step;
    const T* xp = x + i;
    const T* gp = g + i;
    T* yp = y + i;
    if (tail) {
      for (std::size_t j = 0; j < n - i; ++j) {
        xt[j] = x[i + j];
        if constexpr (O == op::backward) gt[j] = g[i + j];
      }
      xp = xt, gp = gt, yp = yt;
    }
    store(yp, one<O, T, V>(fc, xp, gp));
    if (tail) {
      for (std::size_t j = 0; j < n - i; ++j) y[i + j] = yt[j];
    }
  }
}

// The span form O over n elements: what the dispatcher calls. Where F has no lane kernels for T
// here, the scalar calls, which are its wide-type kernels. backward, for kernels longer than a
// few instructions (not K::light), is the derivative loop a block at a time and one multiplication:
// the same single rounding of g·f' (f' is rounded to T first either way), at a few percent of
// the time, and a third less code for every translation unit to compile.
template <op O, class F, class T>
ACTFN_NOINLINE void loop(const F& f, const T* x, const T* g, T* y, std::size_t n) noexcept {
  using K = kernel<typename F::kernel_tag>;
  const F fc = f;
  if (!has_lanes<K, T>(fc)) {
    for (std::size_t i = 0; i < n; ++i) {
      if constexpr (O == op::value) {
        y[i] = fc(x[i]);
      } else if constexpr (O == op::derivative) {
        y[i] = fc.derivative(x[i]);
      } else {
        y[i] = g[i] * fc.derivative(x[i]);
      }
    }
    return;
  }
  if constexpr (O == op::backward && !requires { K::light; }) {
    constexpr std::size_t block = 512;  // 2-4 KiB: stays in L1 between the two passes
    T d[block];
    for (std::size_t i = 0; i < n; i += block) {
      const std::size_t m = n - i < block ? n - i : block;
      loop<op::derivative>(fc, x + i, x + i, d, m);
      for (std::size_t j = 0; j < m; ++j) y[i + j] = g[i + j] * d[j];  // y may be x or g
    }
  } else if constexpr (has_lane_kernels<K, T>) {
    batches<O>(fc, x, g, y, n);
  }
}

}  // namespace actfn::detail::ACTFN_TARGET
