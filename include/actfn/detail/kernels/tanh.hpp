// actfn/detail/kernels/tanh.hpp: tanh(x) and tanh'(x) = sech²(x), every kernel. Included once
// plainly (the wide-type kernels), then once per target (ACTFN_TARGET set: the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_TANH_HPP
#define ACTFN_DETAIL_KERNELS_TANH_HPP

#include "../wide_math.hpp"

namespace actfn::detail {

struct tanh_tag {};

// libm's tanh is exact for tiny |x| (tanh x = x, sign of zero kept) and ±1 at saturation.
template <class W>
ACTFN_HOST_DEVICE constexpr W tanh_value(W x) noexcept {
  return detail::tanh(x);
}

// sech²(x) = 4e/(1+e)² with e = e^-2|x| in (0, 1]: no 1 - tanh², which cancels to 0 for
// |x| > 9 in float, and no cosh², which overflows. -2|x| is exact.
template <class W>
ACTFN_HOST_DEVICE constexpr W tanh_derivative(W x) noexcept {
  const W e = detail::exp(-2 * detail::abs(x));
  const W r = 1 / (1 + e);
  return 4 * e * r * r;
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_TANH_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<tanh_tag> {
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;

  // tanh|x| = -m/(2 + m), m = e^-2|x| - 1 from expm1: no cancellation for small |x|, where
  // 1 - e^-2|x| would lose the low bits; the sign is put back last (tanh(-0) = -0).
  // double: m, 2 + m and the quotient each as hi + lo; m = (2^k - 1) + 2^k·(r + r²/2 + tail),
  // 2^k - 1 as hi + lo (k < -53 rounds it): for small |x| (k = 0), m is r itself plus small
  // corrections, so it keeps its relative accuracy.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    if constexpr (std::is_same_v<T, float>) {
      const V m = exp_split(V(-2.0) * magnitude(x)).expm1();
      return with_sign_of(-m * recip(m + V(2.0)), x);
    } else {
      const exp_dd e(V(-2.0) * magnitude(x));
      const V s = e.s1 * e.s2;
      const V a = s - V(1.0), a_lo = s - (a + V(1.0));  // Fast2Sum: 1 ≥ s
      const V b = s * e.r, c = s * e.half, d = s * e.tail;
      // Fast2Sums, each addend smaller than the sum: a = 0 (k = 0) or |a| ≥ 1/2 > |b|, and then
      // r²/2 ≤ 0.18|r|, |tail| ≤ 0.06|r|
      const V m0 = a + b, m1 = m0 + c, mh = m1 + d;
      const V ml = ((b - (m0 - a)) + ((m0 - m1) + c)) + (((m1 - mh) + d) + a_lo);
      const V dh = V(2.0) + mh;  // Fast2Sum again: 2 > |mh|
      const V dl = ((V(2.0) - dh) + mh) + ml;
      const V r0 = recip(dh);
      const V q0 = rounded(-mh * r0);
      const V rem = madd(-q0, dl, madd(-q0, dh, -mh) - ml);  // -m - q0·(dh + dl)
      return with_sign_of(madd(rem, r0, q0), x);
    }
  }

  // sech²x = 4e/(1 + e)², e = e^-2x: no 1 - tanh², which cancels, and no cosh², which
  // overflows. double: 4σ'(2|x|) as hi + lo; 2|x| is exact (or inf, where sech² is 0).
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    if constexpr (std::is_same_v<T, float>) {
      const V e = exp_split(V(-2.0) * x).exp();
      const V r = recip(V(1.0) + e);
      return (V(4.0) * e * r) * r;
    } else {
      return logistic_dd(V(2.0) * magnitude(x)).slope(V(4.0));
    }
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
