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
// whole batches, two per step (their latency chains overlap), then the tail through a
// zero-padded batch, so that every element takes the same instructions. f is a copy, so that
// no store to y can alias its parameters (a slope) and force a reload on every element.
template <op O, class F, class T>
ACTFN_INLINE void batches(const F& fc, const T* x, const T* g, T* y, std::size_t n) noexcept {
  using V = lanes_of<typename kernel<typename F::kernel_tag>::template lane<T>>;
  constexpr std::size_t w = width<V>;
  const std::size_t rest = n % w, whole = n - rest;
  std::size_t i = 0;
  for (; i + 2 * w <= whole; i += 2 * w) {
    const V a = one<O, T, V>(fc, x + i, g + i), b = one<O, T, V>(fc, x + i + w, g + i + w);
    store(y + i, a);
    store(y + i + w, b);
  }
  if (i < whole) store(y + i, one<O, T, V>(fc, x + i, g + i));
  if (rest == 0) return;
  T xt[w] = {}, gt[w] = {}, yt[w];
  for (std::size_t j = 0; j < rest; ++j) {
    xt[j] = x[whole + j];
    if constexpr (O == op::backward) gt[j] = g[whole + j];
  }
  store(yt, one<O, T, V>(fc, xt, gt));
  for (std::size_t j = 0; j < rest; ++j) y[whole + j] = yt[j];
}

// The span form O over n elements: what the dispatcher calls. Where F has no lane kernels for T
// here, the scalar calls, which are its wide-type kernels.
template <op O, class F, class T>
void loop(const F& f, const T* x, const T* g, T* y, std::size_t n) noexcept {
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
  if constexpr (has_lane_kernels<K, T>) batches<O>(fc, x, g, y, n);
}

}  // namespace actfn::detail::ACTFN_TARGET
