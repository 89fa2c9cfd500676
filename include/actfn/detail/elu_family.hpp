// actfn/detail/elu_family.hpp: the scalar forms ELU, SELU and CELU share. Each is λ·(x, or
// α·expm1(x/γ) below 0) with its own constants, given by D::form<W>() (detail/kernels/elu.hpp).
#pragma once

#include "activation.hpp"
#include "config.hpp"
#include "kernels/elu.hpp"

namespace actfn::detail {

template <class D, floating_point T>
struct elu_family : activation<D, T> {
  using activation<D, T>::operator();
  using activation<D, T>::derivative;
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

 private:
  ACTFN_HOST_DEVICE constexpr elu_form<wide_t<T>> constants() const noexcept {
    return static_cast<const D&>(*this).template form<wide_t<T>>();
  }
};

}  // namespace actfn::detail
