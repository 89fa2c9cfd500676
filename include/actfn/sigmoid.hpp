// actfn/sigmoid.hpp: actfn::sigmoid, the logistic function σ(x) = 1/(1+e^-x).
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/sigmoid.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/sigmoid.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Logistic sigmoid σ(x) = 1/(1+e^-x), for T = float, double, long double.
/// Range (0, 1); no overflow for any x; σ(-inf) = 0, σ(inf) = 1, NaN → NaN.
/// Error (asserted by tests/sigmoid.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double.
template <floating_point T>
struct sigmoid : detail::activation<sigmoid<T>, T>, detail::output_derivative<sigmoid<T>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::sigmoid";
  using detail::activation<sigmoid, T>::operator();
  using detail::activation<sigmoid, T>::derivative;
  using detail::output_derivative<sigmoid, T>::derivative_from_output;
  /// (internal) The kernels that compute it: detail/kernels/sigmoid.hpp.
  using kernel_tag = detail::sigmoid_tag;

  /// σ(x) = 1/(1+e^-x), computed as e^x/(1+e^x) for x < 0.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::sigmoid_value(detail::widen(x)));
  }

  /// σ'(x) = e^-|x|/(1+e^-|x|)²; 0 at ±inf.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::sigmoid_derivative(detail::widen(x)));
  }

  /// σ'(x) = y(1-y) from y = σ(x): for backprop that keeps the forward output (loses relative
  /// accuracy where y rounds to 1, x > 17 in float; derivative(x) does not).
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    const auto w = detail::widen(y);
    return static_cast<T>(w * (1 - w));
  }
};

}  // namespace actfn
