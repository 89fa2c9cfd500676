// actfn/detail/kernels/tanh.hpp: tanh(x) and tanh'(x) = sech²(x), every kernel. Included once
// plainly (the wide-type kernels), then once per target (ACTFN_TARGET set: the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_TANH_HPP
#define ACTFN_DETAIL_KERNELS_TANH_HPP

#include "../wide_math.hpp"

namespace actfn::detail {

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

// The wide-type kernels above, for the scalar forms (detail/parameterless.hpp); A is the tier
// (actfn::faithful or actfn::precise), which picks the float lanes' kernels.
template <class A>
struct tanh_tag {
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W value(W x) noexcept {
    return tanh_value(x);
  }
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W derivative(W x) noexcept {
    return tanh_derivative(x);
  }
};

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_TANH_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <class A>
struct kernel<tanh_tag<A>> {
  // faithful float: float lanes where madd fuses (lane_for); fast: float lanes for float,
  // double lanes for double; otherwise float and double are computed in double lanes, long
  // double in the wide kernels.
  template <class T>
  using lane = lane_for<T, A>;
  // The fast kernels are short: backward runs fused, in one loop (target/loops.hpp), where the
  // two passes of the longer kernels took 1.4-1.9x the derivative's time (float, AVX2).
  template <class T>
  static constexpr bool light_for = runs_fast<T, A>;

  // tanh|x| = -m/(2 + m), m = e^-2|x| - 1 from expm1: no cancellation for small |x|, where
  // 1 - e^-2|x| would lose the low bits; the sign is put back last (tanh(-0) = -0).
  // double: m and 2 + m as hi + lo (target/exp.hpp's minus_one keeps m's relative accuracy),
  // the quotient rounded once.
  // float lanes: target/exp_float.hpp's tanh_ff (a polynomial near 0, 1 - 2e/(1 + e) beyond).
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    if constexpr (runs_fast<T, A>) {
      return tanh_fast<lane<T>>(x);  // target/exp_fast.hpp: one division, ≤ 4 ULP
    } else if constexpr (std::is_same_v<lane<T>, float>) {
      return tanh_ff(x);
    } else if constexpr (float_or_narrower<T>) {
      const V m = exp_split(V(-2.0) * magnitude(x)).expm1();
      return with_sign_of(-m * recip(m + V(2.0)), x);
    } else {
      const exp_dd<V> e(V(-2.0) * magnitude(x));
      V mh(0.0), ml(0.0);
      e.minus_one(mh, ml);
      const V dh = V(2.0) + mh;  // Fast2Sum: 2 > |mh|
      const V dl = ((V(2.0) - dh) + mh) + ml;
      return with_sign_of(divide_dd(-mh, -ml, dh, dl), x);
    }
  }

  // sech²x = 4e/(1 + e)², e = e^-2x: no 1 - tanh², which cancels, and no cosh², which
  // overflows. double: 4σ'(2|x|) as hi + lo; 2|x| is exact (or inf, where sech² is 0).
  // float lanes: 4σ'(2|x|) from the sigmoid's pairs (target/exp_float.hpp), rounded once.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    if constexpr (runs_fast<T, A>) {
      return logistic_slope_fast(V(lane<T>(2)) * magnitude(x), lane<T>(4));  // 2|x|: exact
    } else if constexpr (std::is_same_v<lane<T>, float>) {
      return logistic_ff(V(2.0f) * magnitude(x)).slope(4.0f);
    } else if constexpr (float_or_narrower<T>) {
      const V e = exp_split<V, tail_reach<T>>(V(-2.0) * x).exp();
      const V r = recip(V(1.0) + e);
      return (V(4.0) * e * r) * r;
    } else {
      return logistic_dd(V(2.0) * magnitude(x)).slope(V(4.0));
    }
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
