// actfn/detail/kernels/elu.hpp: the ELU family λ·x for x ≥ 0, λα·expm1(x/γ) below, and its
// derivative, every kernel: ELU (λ = γ = 1), SELU (λ and α fixed, γ = 1), CELU (λ = 1, γ = α).
// Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_ELU_HPP
#define ACTFN_DETAIL_KERNELS_ELU_HPP

#include "../wide_math.hpp"

namespace actfn::detail {

struct elu_tag {};

// The constants of one member of the family, in the type W the kernel computes in: λα is one
// constant (SELU's is the exact product, rounded once), and λα/γ the derivative's factor (CELU's
// is α/α = 1 exactly).
template <class W>
struct elu_form {
  W lambda, lambda_alpha, divisor;
};

// expm1, not e^x - 1, which cancels near 0. x ≥ 0 takes λ·x, so elu(±0) = ±0 whatever α.
template <class W>
ACTFN_HOST_DEVICE constexpr W elu_value(W x, elu_form<W> c) noexcept {
  return x >= 0 ? c.lambda * x : c.lambda_alpha * detail::expm1(x / c.divisor);
}

// λ for x > 0, λα/γ·e^(x/γ) for x ≤ 0: at 0 the left derivative, as PyTorch.
template <class W>
ACTFN_HOST_DEVICE constexpr W elu_derivative(W x, elu_form<W> c) noexcept {
  return x > 0 ? c.lambda : (c.lambda_alpha / c.divisor) * detail::exp(x / c.divisor);
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_ELU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<elu_tag> {
  // float in double lanes; double and long double in the wide kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, float>, double, void>;

  // x/γ as x·(1/γ): for a float result the second rounding is 2^-53 of the argument. e^(x/γ)
  // within e^±250: a negative α as small as the least subnormal float still takes α·e^250 past
  // FLT_MAX, to -inf as the exact CELU does.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    const elu_form<double> c = f.template form<double>();
    const V m = exp_split<V, 250>(x * V(1.0 / c.divisor)).expm1();
    return select(x < V(0.0), V(c.lambda_alpha) * m, V(c.lambda) * x);
  }

  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    const elu_form<double> c = f.template form<double>();
    const V e = exp_split<V, 250>(x * V(1.0 / c.divisor)).exp();
    return select(x > V(0.0), V(c.lambda), V(c.lambda_alpha / c.divisor) * e);
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
