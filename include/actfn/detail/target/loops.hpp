// actfn/detail/target/loops.hpp: the span loops of one target (per target, no include guard):
// what the dispatcher calls (detail/dispatch.hpp).

namespace actfn::detail::ACTFN_TARGET {

// f'(x)·g, rounded once as T: for float in double lanes, f' is rounded to float first and the
// product of two floats is exact; for a 16-bit T, the product of the unrounded f' and g (whose 8
// or 11 bits leave it at double's accuracy) is what rounds to T.
template <class T, class L, class V>
ACTFN_INLINE V scale(V d, V g) noexcept {
  if constexpr (std::is_same_v<T, float> && std::is_same_v<L, double>) {
    return narrow_round(d) * g;
  } else {
    return d * g;
  }
}

// Whether K's kernel for T is short enough that backward runs fused, in one loop (`loop`): K::light
// (every T: ReLU's family and the piecewise ones) or K::light_for<T> (the fast tier's sigmoid and
// tanh, for float and double).
template <class K, class T>
inline constexpr bool light = [] {
  if constexpr (requires { K::light; }) {
    return true;
  } else if constexpr (requires { K::template light_for<T>; }) {
    return K::template light_for<T>;
  } else {
    return false;
  }
}();

// One span form on the lanes V at x (and g): f(x), f'(x) or g·f'(x).
template <op O, class T, class V, class F>
ACTFN_INLINE V one(const F& f, const T* x, const T* g) noexcept {
  using K = kernel<typename F::kernel_tag>;
  const V v = load<V>(x);
  if constexpr (O == op::value) {
    return K::template value<T>(f, v);
  } else if constexpr (O == op::derivative) {
    return K::template derivative<T>(f, v);
  } else if constexpr (requires { K::template backward<T>(f, v, v); }) {
    return K::template backward<T>(f, v, load<V>(g));  // the kernel's own (hardswish, 16-bit)
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
// few instructions (not light<K, T>), is the derivative loop a block at a time and one multiplication:
// the same single rounding of g·f' (f' is rounded to T first either way), at a few percent of
// the time, and a third less code for every translation unit to compile. A 16-bit T runs it fused:
// its f' is not rounded to T before the product.
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
        y[i] = static_cast<T>(operand(g[i]) * operand(fc.derivative(x[i])));
      }
    }
    return;
  }
  if constexpr (O == op::backward && !light<K, T> && !is_binary16<T>) {
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

namespace actfn::detail::ACTFN_TARGET {

// The gated unit's element step on lanes V: y = f(a)·b (O = op::value), or grad_a = g·b·f'(a)
// and grad_b = g·f(a) (op::backward), from f(a) and f'(a) as the kernel leaves them in its lanes
// (double for float: unrounded). g·b is exact in double lanes for float, and a pair for double
// (the product's exact error, dropped where g·b overflows), so that grad_a rounds once after the
// kernel's f'.
template <op O, class T, class V, class F>
ACTFN_INLINE void gated_one(const F& f, const T* a, const T* b, const T* g, T* ya, T* yb) noexcept {
  using K = kernel<typename F::kernel_tag>;
  constexpr bool wider =
      std::is_same_v<typename K::template lane<T>, double> && !std::is_same_v<T, double>;
  // A float kernel in double lanes is accurate to the float it rounds to. Below float's range
  // that is an absolute error of at most 2^-150, the documented limit of the products (tails
  // such as x·σ(x) from e^-250 in place of e^-10^20 for x = -10^20); above it, at x = ±inf, the
  // kernels' clamped x (2^200 for SiLU and Mish) stands for inf, and becomes it before the product.
  const auto as_float = [](V v) {
    if constexpr (wider) {
      return select(V(0x1.ffffffp127) <= magnitude(v),
                    v * V(std::numeric_limits<double>::infinity()), v);
    } else {
      return v;
    }
  };
  const V av = load<V>(a), bv = load<V>(b);
  if constexpr (O == op::value) {
    store(ya, as_float(K::template value<T>(f, av)) * bv);
  } else {
    const V gv = load<V>(g);
    V v(0.0), d(0.0);  // f(a), f'(a): from shared parts where the kernel has them
    if constexpr (requires { K::template value_and_derivative<T>(f, av, v, d); }) {
      K::template value_and_derivative<T>(f, av, v, d);
    } else {
      v = K::template value<T>(f, av), d = K::template derivative<T>(f, av);
    }
    v = as_float(v);  // (f' is bounded: no infinity to restore)
    const V p = rounded(gv * bv);
    if constexpr (std::is_same_v<T, double>) {
      const V p_lo = select(magnitude(p) < V(0x1p1000), product_error(gv, bv, p), V(0.0));
      store(ya, madd(p, d, p_lo * d));
    } else {  // exact in double lanes; in float lanes (the exact kernels: ReLU's family) rounded
      store(ya, p * d);
    }
    store(yb, gv * v);
  }
}

// The gated unit's span form O over n elements: what the dispatcher calls. Where F has no lane
// kernels for T here, the scalar calls (its wide-type kernels), each result rounded once more.
// The last, partial step runs on zero-padded copies, as `batches` does. Every input element is
// read before the outputs at its index are written, so an output may be an input's memory.
template <op O, class F, class T>
ACTFN_NOINLINE void gated_loop(const F& f, const T* a, const T* b, const T* g, T* ya, T* yb,
                               std::size_t n) noexcept {
  using K = kernel<typename F::kernel_tag>;
  const F fc = f;
  if constexpr (has_lane_kernels<K, T>) {
    if (has_lanes<K, T>(fc)) {
      using V = lanes_of<typename K::template lane<T>>;
      constexpr std::size_t step = width<V>;
      T at[step] = {}, bt[step] = {}, gt[step] = {}, yat[step], ybt[step];
      for (std::size_t i = 0; i < n; i += step) {
        if (n - i >= step) {
          gated_one<O, T, V>(fc, a + i, b + i, g + i, ya + i, yb + i);
          continue;
        }
        for (std::size_t j = 0; j < n - i; ++j) {
          at[j] = a[i + j], bt[j] = b[i + j];
          if constexpr (O == op::backward) gt[j] = g[i + j];
        }
        gated_one<O, T, V>(fc, at, bt, gt, yat, ybt);
        for (std::size_t j = 0; j < n - i; ++j) {
          ya[i + j] = yat[j];
          if constexpr (O == op::backward) yb[i + j] = ybt[j];
        }
      }
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const T ai = a[i], bi = b[i];
    if constexpr (O == op::value) {
      ya[i] = static_cast<T>(operand(fc(ai)) * operand(bi));
    } else {
      const T gi = g[i];
      const T v = fc(ai);
      ya[i] = static_cast<T>(operand(gi) * operand(bi) * operand(fc.derivative(ai)));
      yb[i] = static_cast<T>(operand(gi) * operand(v));
    }
  }
}

}  // namespace actfn::detail::ACTFN_TARGET
