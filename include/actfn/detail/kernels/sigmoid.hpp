// actfn/detail/kernels/sigmoid.hpp: σ(x) = 1/(1+e^-x) and σ'(x), every kernel. Included once
// plainly (the wide-type kernels: constant evaluation, CUDA device code, long double), then once
// per target by foreach_target.hpp (ACTFN_TARGET set: the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_SIGMOID_HPP
#define ACTFN_DETAIL_KERNELS_SIGMOID_HPP

#include "../wide_math.hpp"

namespace actfn::detail {

// Both branches use e = e^-|x| in (0, 1], so nothing overflows for any x, and for x < 0 the
// value is e/(1+e): σ(-100) is 3.7e-44, not the 0 that 1/(1+e^100) rounds to.
// Error in W: two roundings after exp's, under 2 ULP of W.
template <class W>
ACTFN_HOST_DEVICE constexpr W sigmoid_value(W x) noexcept {
  const W e = detail::exp(-detail::abs(x));
  const W r = 1 / (1 + e);  // σ(|x|)
  return x < 0 ? e * r : r;
}

// σ'(x) = e/(1+e)² with e = e^-|x|: never σ(1-σ), whose 1-σ cancels to 0 for x > 17 in float.
template <class W>
ACTFN_HOST_DEVICE constexpr W sigmoid_derivative(W x) noexcept {
  const W e = detail::exp(-detail::abs(x));
  const W r = 1 / (1 + e);
  return e * r * r;
}

// The wide-type kernels above, for the scalar forms (detail/parameterless.hpp); A is the tier
// (actfn::faithful or actfn::precise), which picks the float lanes' kernels.
template <class A>
struct sigmoid_tag {
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W value(W x) noexcept {
    return sigmoid_value(x);
  }
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W derivative(W x) noexcept {
    return sigmoid_derivative(x);
  }
};

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_SIGMOID_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <class A>
struct kernel<sigmoid_tag<A>> {
  // faithful float: float lanes where madd fuses (lane_for); fast: float lanes for float,
  // double lanes for double; otherwise float and double are computed in double lanes, long
  // double in the wide kernels.
  template <class T>
  using lane = lane_for<T, A>;
  // The fast kernels are short: backward runs fused, in one loop (target/loops.hpp), where the
  // two passes of the longer kernels took 1.4-1.9x the derivative's time (float, AVX2).
  template <class T>
  static constexpr bool light_for = runs_fast<T, A>;

  // float lanes: σ(-|x|) or σ(|x|) from e^-|x| as hi + lo (target/exp_float.hpp), rounded once.
  // float in double lanes: σ(x) = 1/(1 + e), e = e^-x: in double, e^120 does not overflow and
  // 1 + e has no cancellation, so the left tail keeps its relative accuracy without a branch.
  // double: σ(|x|) or σ(-|x|) = e·σ(|x|) as hi + lo (target/logistic.hpp), rounded once.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    if constexpr (runs_fast<T, A>) {
      return logistic_fast<lane<T>>(x);  // target/exp_fast.hpp: one division, ≤ 4 ULP
    } else if constexpr (std::is_same_v<lane<T>, float>) {
      return logistic_ff(magnitude(x)).sigma(x);
    } else if constexpr (float_or_narrower<T>) {
      return recip(V(1.0) + exp_split(-x).exp());
    } else {
      return logistic_dd(magnitude(x)).sigma(x);
    }
  }

  // σ' = e/(1 + e)², e = e^-|x|: no 1 - σ, which cancels. float lanes: as hi + lo, rounded
  // once. float in double lanes: (e·r)·r, r = 1/(1 + e), where e·r ≤ 1 keeps the product from
  // underflowing on the left. double: e·σ(|x|)² as hi + lo.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    if constexpr (runs_fast<T, A>) {
      return logistic_slope_fast(magnitude(x), lane<T>(1));
    } else if constexpr (std::is_same_v<lane<T>, float>) {
      return logistic_ff(magnitude(x)).slope();
    } else if constexpr (float_or_narrower<T>) {
      const V e = exp_split<V, tail_reach<T>>(-x).exp();
      const V r = recip(V(1.0) + e);
      return (e * r) * r;
    } else {
      return logistic_dd(magnitude(x)).slope(V(1.0));
    }
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
