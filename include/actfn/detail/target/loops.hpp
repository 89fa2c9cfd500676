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

// bfloat16's backward near x = 0, where f'(x) = f'(0) + f''(0)·x + ...: below |x| = 2^-24 the
// double f' may be f'(0) itself (x·f''(0) below its last bit), for many functions a short binary
// fraction (½: GELU, SiLU, softplus, hardswish; ¼: sigmoid), and its product with a gradient
// (a subnormal one) exactly halfway between two bfloat16 values, where the exact product lies
// just beside it: rounded to even, half of them went the wrong way (1,408 inputs of each such
// function, g = the least subnormal). A product q on such a midpoint, whose f' is f'(±0) itself,
// is moved a quarter spacing toward the exact one's side, the side of f'(±2^-8) (the probe, on
// x's side: far above the kernels' errors, near enough for the sign of the first nonzero term of
// f' - f'(0)).
// Computed only for a step that has such an x (float16 has none: its least is 2^-24).
// Whether x has such an input: a pass over the 16-bit inputs first (vectorized, a few percent of
// the backward's time), so that the steps check nothing where none has one.
template <class T>
ACTFN_INLINE bool has_near_zero(const T* x, std::size_t n) noexcept {
  std::uint32_t any = 0;  // an OR of 32-bit flags: the loop vectorizes (a bool's |= did not)
  for (std::size_t i = 0; i < n; ++i) {
    std::uint16_t b = 0;
    std::memcpy(&b, x + i, sizeof b);
    b = static_cast<std::uint16_t>((b & 0x7fff) - 1);
    any |= static_cast<std::uint32_t>(b < 0x337f);  // 0 < |x| < 2^-24: exponent field 103
  }
  return any != 0;
}

template <class T, class F, class V>
ACTFN_NOINLINE V off_ties(const F& f, const T* x, const T* g, V q) noexcept {
  constexpr std::size_t n = width<V>;
  if (!has_near_zero(x, n)) return q;
  using K = kernel<typename F::kernel_tag>;
  using E = double;
  const V v = load<V>(x);
  alignas(64) E qs[n], d[n], d0[n], p[n];
  const auto put = [](V w, E* out) {
    if constexpr (std::is_floating_point_v<V>) {
      out[0] = w;
    } else {
      w.store(out);
    }
  };
  put(q, qs);
  put(K::template derivative<T>(f, v), d);
  put(K::template derivative<T>(f, with_sign_of(V(0.0), v)), d0);
  put(K::template derivative<T>(f, with_sign_of(V(0x1p-8), v)), p);
  for (std::size_t j = 0; j < n; ++j) {
    const auto b = std::bit_cast<std::uint16_t>(x[j]) & 0x7fff;
    // only where f' came out as f'(0) (squared ReLU's 2x is exact: its ties are true ones)
    if (b == 0 || b >= 0x3380 || d[j] != d0[j] || d[j] == p[j] || !(qs[j] - qs[j] == 0)) continue;
    const double a = qs[j] < 0 ? -qs[j] : qs[j];
    int e = 0;
    std::frexp(a, &e);  // a = m·2^e, ½ ≤ m < 1: bfloat16's spacing there 2^(e - 8)
    const double spacing = std::ldexp(1.0, e - 8 < -133 ? -133 : e - 8);
    if (std::fmod(a, spacing) == spacing / 2) {
      const bool up = (p[j] > d[j]) == (static_cast<float>(g[j]) > 0);
      qs[j] += up ? spacing / 4 : -spacing / 4;  // exact
    }
  }
  if constexpr (std::is_floating_point_v<V>) {
    return qs[0];
  } else {
    return V::load(qs);
  }
}

// y[i] = f(x[i]), f'(x[i]) or g[i]·f'(x[i]) for i < n, with F's kernel on this target's lanes:
// two batches per step, whose operations lanes_twin.hpp interleaves so that their latency
// chains overlap. The last, partial step runs the same code on a zero-padded copy, so that every
// element takes the same instructions. f is a copy, so that no store to y can alias its parameters
// (a slope) and force a reload on every element.
template <op O, bool Ties = false, class F, class T>
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
    if constexpr (Ties) {
      store(yp, off_ties(fc, xp, gp, one<O, T, V>(fc, xp, gp)));
    } else {
      store(yp, one<O, T, V>(fc, xp, gp));
    }
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
    // bfloat16's backward near 0 (off_ties); the float-lane kernels of a 16-bit T, ReLU's
    // family, have f' constant there
    if constexpr (O == op::backward && std::is_same_v<T, bfloat16> &&
                  std::is_same_v<typename K::template lane<T>, double>) {
      if (has_near_zero(x, n)) return batches<O, true>(fc, x, g, y, n);
    }
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
