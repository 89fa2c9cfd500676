// actfn/detail/kernels/hardsigmoid.hpp: relu6(x + 3)/6 and its step 1/6 on (-3, 3), every kernel.
// Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_HARDSIGMOID_HPP
#define ACTFN_DETAIL_KERNELS_HARDSIGMOID_HPP

namespace actfn::detail {

// (x + 3)/6 clamped to [0, 1], with comparisons that keep NaN. Two roundings in W: within 1 ULP
// of W, far below an ULP of T where W is wider.
template <class W>
ACTFN_HOST_DEVICE constexpr W hardsigmoid_value(W x) noexcept {
  if (x <= -3) return W(0);
  if (x >= 3) return W(1);
  return (x + 3) / 6;
}

// 1/6 on (-3, 3), else 0 (PyTorch's convention at the kinks), NaN for NaN.
template <class W>
ACTFN_HOST_DEVICE constexpr W hardsigmoid_derivative(W x) noexcept {
  if (x <= -3 || x >= 3) return W(0);
  return x == x ? W(1) / 6 : x;
}

// The wide-type kernels above, for the scalar forms (detail/parameterless.hpp).
struct hardsigmoid_tag {
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W value(W x) noexcept {
    return hardsigmoid_value(x);
  }
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W derivative(W x) noexcept {
    return hardsigmoid_derivative(x);
  }
};

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_HARDSIGMOID_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<hardsigmoid_tag> {
  // float and double in double lanes; long double in the wide kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)

  // float: (x + 3)·(1/6) in double: x + 3 exact but below 2^-29, where its rounding is far below
  // the result's ULP (x/6 + ½ as one FMA would cancel near -3, where 1/6's rounding error is all
  // that is left); the double result is within 2^-52 of the exact value, so the float it rounds
  // to is correctly rounded but for the rare double rounding (≤ 0.5 + 2^-28 ULP). double: t + t_lo
  // = x + 3 exactly (TwoSum), q = t/6 by a product, and q corrected by the exact remainder (t - 6q
  // + t_lo)/6: no division, within 0.5 + 2^-50 ULP, where the two roundings of (x + 3)/6 reach 1.2
  // ULP. Both clamp to [0, 1] by comparisons that keep NaN (1 < y ? 1 : y, then y < 0 ? 0 : y).
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    V y(0.0);
    if constexpr (float_or_narrower<T>) {
      y = (x + V(3.0)) * V(k_sixth);
    } else {
      const V xc = clamp_magnitude(x, 8.0);  // no inf - inf in TwoSum
      V t(0.0), t_lo(0.0);
      two_sum(xc, V(3.0), t, t_lo);
      const V q = rounded(t * V(k_sixth));
      y = madd(exact_remainder(q, V(6.0), t) + t_lo, V(k_sixth), q);
    }
    const V m = select(V(1.0) < y, V(1.0), y);
    return select(m < V(0.0), V(0.0), m);
  }

  // 1/6 (rounded to T; for a 16-bit T the double, rounded at the store, or in backward's
  // product) on (-3, 3), else 0, NaN for NaN: the ReLU step of 3 - |x|, scaled.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    constexpr double sixth =
        is_binary16<T> ? k_sixth : static_cast<double>(static_cast<T>(k_sixth));
    return step(V(3.0) - magnitude(x), V(0.0)) * V(sixth);
  }

 private:
  static constexpr double k_sixth = 1.0 / 6;
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
