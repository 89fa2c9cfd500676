// actfn/detail/elu_family.hpp: the scalar forms ELU, SELU and CELU share. Each is λ·(x, or
// α·expm1(x/γ) below 0) with its own constants, given by D::form<W>() (detail/kernels/elu.hpp).
#pragma once

#include "activation.hpp"
#include "config.hpp"
#include "kernels/elu.hpp"

namespace actfn::detail {

template <class D, floating_point T>
struct elu_family : activation<D, T>, output_derivative<D, T> {
  using activation<D, T>::operator();
  using activation<D, T>::derivative;
  using output_derivative<D, T>::derivative_from_output;
  /// (internal) The kernels that compute it: detail/kernels/elu.hpp.
  using kernel_tag = elu_tag;

  /// λx for x ≥ 0, λα·expm1(x/γ) for x < 0.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<op::value>(x);
    return static_cast<T>(elu_value(widen(x), constants()));
  }

  /// λ for x > 0, λα/γ·e^(x/γ) for x ≤ 0 (the left derivative at 0).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<op::derivative>(x);
    return static_cast<T>(elu_derivative(widen(x), constants()));
  }

  /// The derivative from y = f(x), for λα > 0 (then y ≤ 0 exactly where x ≤ 0): λ for y > 0,
  /// (y + λα)/γ for y ≤ 0 (λα/γ·e^(x/γ), as e^(x/γ) = 1 + y/(λα)), NaN for NaN; in the wide
  /// type, rounded once. Where y nears its limit -λα (x → -inf) the difference cancels: its
  /// error is y's rounding, half an ULP of λα, against a result that tends to 0. NaN where
  /// λα ≤ 0 (backward_from_output throws).
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    const auto c = constants();
    const auto w = widen(y);
    if (!(c.lambda_alpha > 0)) return std::numeric_limits<T>::quiet_NaN();
    return static_cast<T>(w > 0 ? c.lambda : w <= 0 ? (w + c.lambda_alpha) / c.divisor : w);
  }

  /// (internal) backward_from_output needs λα > 0 (α > 0).
  void require_invertible() const {
    if (!(constants().lambda_alpha > 0)) {
      invalid_argument(std::string(D::name) + ": the derivative from the output needs alpha > 0");
    }
  }

 private:
  ACTFN_HOST_DEVICE constexpr elu_form<wide_t<T>> constants() const noexcept {
    return static_cast<const D&>(*this).template form<wide_t<T>>();
  }
};

}  // namespace actfn::detail
