// actfn/detail/kernels/elu.hpp: the ELU family λ·x for x ≥ 0, λα·expm1(x/γ) below, and its
// derivative, every kernel: ELU (λ = γ = 1), SELU (λ and α fixed, γ = 1), CELU (λ = 1, γ = α).
// Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_ELU_HPP
#define ACTFN_DETAIL_KERNELS_ELU_HPP

#include "../exact.hpp"
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

// x/γ as q + q_lo, q_lo = (x - q·γ)/γ from the exact remainder: for γ ≠ 1 (CELU), q's rounding
// would cost |q|·2^-64 of e^q, 2^6 ULP of a long double result at q = -127, with no wider type to
// absorb it. Skipped where it has no weight (|q| tiny, or e^q saturated) or Dekker's split could
// overflow.
template <class W>
struct elu_quotient {
  W q, q_lo = 0;
  ACTFN_HOST_DEVICE constexpr elu_quotient(W x, W divisor) noexcept : q(x / divisor) {
    const W a = detail::abs(q);
    if (divisor != 1 && a < W(1e5) && a > W(0x1p-900) && detail::abs(divisor) < W(0x1p900)) {
      const W p = q * divisor;
      q_lo = ((x - p) - product_error(q, divisor, p)) / divisor;  // x - p exact: p ≈ x
    }
  }
};

// expm1, not e^x - 1, which cancels near 0. x ≥ 0 takes λ·x, so elu(±0) = ±0 whatever α.
template <class W>
ACTFN_HOST_DEVICE constexpr W elu_value(W x, elu_form<W> c) noexcept {
  if (x >= 0) return c.lambda * x;
  const elu_quotient<W> d(x, c.divisor);
  const W m = detail::expm1(d.q);
  return c.lambda_alpha * (d.q_lo == 0 ? m : m + (m + 1) * d.q_lo);
}

// λ for x > 0, λα/γ·e^(x/γ) for x ≤ 0: at 0 the left derivative, as PyTorch.
template <class W>
ACTFN_HOST_DEVICE constexpr W elu_derivative(W x, elu_form<W> c) noexcept {
  if (x > 0) return c.lambda;
  const elu_quotient<W> d(x, c.divisor);
  return (c.lambda_alpha / c.divisor) * (detail::exp(d.q) * (1 + d.q_lo));
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
