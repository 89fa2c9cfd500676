// actfn/detail/kernels/log_sigmoid.hpp: log σ(x) = -softplus(-x) and its derivative σ(-x), every
// kernel. Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_LOG_SIGMOID_HPP
#define ACTFN_DETAIL_KERNELS_LOG_SIGMOID_HPP

#include "../wide_math.hpp"

namespace actfn::detail {

// -(max(-x, 0) + log1p(e^-|x|)): no overflow, no log of a σ that rounded to 0 (log σ(-300) is
// -300, not -inf), and log1p keeps the right tail -e^-x. A sum of two terms of one sign, negated
// last, so that log σ(inf) is -0, the limit from below.
template <class W>
ACTFN_HOST_DEVICE constexpr W log_sigmoid_value(W x) noexcept {
  return -((x < 0 ? -x : W(0)) + detail::log1p(detail::exp(-detail::abs(x))));
}

// σ(-x) = 1/(1 + e) or e/(1 + e), e = e^-|x|: no overflow, and the right tail e^-x kept.
template <class W>
ACTFN_HOST_DEVICE constexpr W log_sigmoid_derivative(W x) noexcept {
  const W e = detail::exp(-detail::abs(x));
  return (x > 0 ? e : W(1)) / (1 + e);
}

// The wide-type kernels above, for the scalar forms (detail/parameterless.hpp).
struct log_sigmoid_tag {
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W value(W x) noexcept {
    return log_sigmoid_value(x);
  }
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W derivative(W x) noexcept {
    return log_sigmoid_derivative(x);
  }
};

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_LOG_SIGMOID_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<log_sigmoid_tag> {
  // float and double in double lanes (double with hi + lo pairs); long double in the wide
  // kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;

  // float: e^-|x| down to e^-120 (exp_split's clamp), whose log1p is 0 as a float, as is e^-|x|
  // there. double: -softplus(-x) by softplus's double kernel with β = 1 (b is x, exact).
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const V e = exp_split(-magnitude(x)).exp();
      return -(select(x < V(0.0), -x, V(0.0)) + log1p_unit(e));
    } else {
      // -0 - s, not 0 - s (the lanes' negation): log σ(inf) is -0
      return V(-0.0) - kernel<softplus_tag>::value<T>(unit_beta{}, -x);
    }
  }

  // σ(-x) = 1/(1 + e^x), as sigmoid's float kernel; double: σ(-x) as a pair, rounded once.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      return recip(V(1.0) + exp_split<V, tail_reach<T>>(x).exp());
    } else {
      return logistic_dd(magnitude(x)).sigma(-x);
    }
  }

 private:
  struct unit_beta {
    static constexpr double beta = 1.0;
    static constexpr bool unit = true;  // softplus's kernel skips β's work
  };
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
