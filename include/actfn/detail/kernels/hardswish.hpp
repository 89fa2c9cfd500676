// actfn/detail/kernels/hardswish.hpp: x·relu6(x + 3)/6 (MobileNetV3) and its derivative, every
// kernel. Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_HARDSWISH_HPP
#define ACTFN_DETAIL_KERNELS_HARDSWISH_HPP

namespace actfn::detail {

// x·(x + 3)/6 on (-3, 3); x from 3 on; x·0 = -0 up to -3 (PyTorch's x·relu6(x + 3)/6 gives -0
// there too, but NaN at -inf, where this gives the limit -0). Three roundings in W: within 1.5 ULP
// of W, far below an ULP of T where W is wider.
template <class W>
ACTFN_HOST_DEVICE constexpr W hardswish_value(W x) noexcept {
  if (x <= -3) return -W(0);
  if (x >= 3) return x;
  return x * (x + 3) / 6;
}

// 0 up to -3, (2x + 3)/6 = x/3 + ½ on (-3, 3), 1 from 3 on (PyTorch's convention at the kinks),
// NaN for NaN. Its root is -3/2.
template <class W>
ACTFN_HOST_DEVICE constexpr W hardswish_derivative(W x) noexcept {
  if (x <= -3) return W(0);
  if (x >= 3) return W(1);
  return (2 * x + 3) / 6;
}

// The wide-type kernels above, for the scalar forms (detail/parameterless.hpp).
struct hardswish_tag {
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W value(W x) noexcept {
    return hardswish_value(x);
  }
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W derivative(W x) noexcept {
    return hardswish_derivative(x);
  }
};

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_HARDSWISH_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<hardswish_tag> {
  // float and double in double lanes; long double in the wide kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)

  // float: x·(x + 3)·(1/6) in double, three roundings of 2^-53: correctly rounded as a float
  // but for the rare double rounding (≤ 0.5 + 2^-27 ULP). double: x·(x + 3) as a pair (TwoSum,
  // the product's exact error), divided by 6 as hardsigmoid's is (a product, corrected by the
  // exact remainder): within 0.5 + 2^-49 ULP, where PyTorch's three roundings reach 1.2 ULP.
  // Below 2^-500 the result is x/2 (x²/6 is below its last bit): no product error in the
  // subnormals. Then x from 3 on, -0 up to -3 and at -inf.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    const V xc = clamp_magnitude(x, 4.0);  // no inf·0 at -inf, no inf - inf in TwoSum
    V y(0.0);
    if constexpr (float_or_narrower<T>) {
      y = (xc * (xc + V(3.0))) * V(k_sixth);
    } else {
      V t(0.0), t_lo(0.0);
      two_sum(xc, V(3.0), t, t_lo);
      const V p = rounded(xc * t);
      const V p_lo = product_error(xc, t, p) + xc * t_lo;
      const V q = rounded(p * V(k_sixth));
      y = madd(exact_remainder(q, V(6.0), p) + p_lo, V(k_sixth), q);
      y = select(magnitude(x) < V(0x1p-500), x * V(0.5), y);
    }
    return select(V(3.0) <= x, x, select(x <= V(-3.0), V(-0.0), toward_curvature<T>(x, y, 1)));
  }

  // (2x + 3)/6 on (-3, 3): float in double (2x + 3 exact, one product by 1/6); double as the
  // value's division by 6, from 2x + 3 as a pair, so that the result keeps its relative accuracy
  // near the root -3/2 (where x/3 + ½ rounded twice would not). 0 up to -3, 1 from 3 on.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    const V xc = clamp_magnitude(x, 4.0);
    V y(0.0);
    if constexpr (float_or_narrower<T>) {
      y = madd(xc, V(2.0), V(3.0)) * V(k_sixth);
    } else {
      V t(0.0), t_lo(0.0);
      two_sum(xc + xc, V(3.0), t, t_lo);
      const V q = rounded(t * V(k_sixth));
      y = madd(exact_remainder(q, V(6.0), t) + t_lo, V(k_sixth), q);
    }
    return select(V(3.0) <= x, V(1.0), select(x <= V(-3.0), V(0.0), y));
  }

  // A 16-bit T's backward, g·(2x + 3)/6: g·(2x + 3) is exact in double (11 + 12 bits) and its
  // division by 6 (a product corrected by the exact remainder) is exact wherever the quotient is
  // a double, so that a quotient halfway between two 16-bit values (bfloat16 g = 0.333984375,
  // x = -1.5546875) rounds to even, where g times a rounded f' would land beside the midpoint.
  template <class T, class F, class V>
  requires is_binary16<T> ACTFN_INLINE static V backward(const F&, V x, V g) noexcept {
    const V n = g * madd(clamp_magnitude(x, 4.0), V(2.0), V(3.0));
    const V q = rounded(n * V(k_sixth));
    const V y = madd(exact_remainder(q, V(6.0), n), V(k_sixth), q);
    return select(V(3.0) <= x, g, select(x <= V(-3.0), V(0.0) * g, y));
  }

 private:
  static constexpr double k_sixth = 1.0 / 6;
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
