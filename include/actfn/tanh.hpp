// actfn/tanh.hpp: actfn::tanh, the hyperbolic tangent as an activation.
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/tanh.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/tanh.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Hyperbolic tangent, for T = float, double, long double.
/// Range (-1, 1); odd (tanh(-0) = -0); exact for tiny |x|; ±1 at ±inf; NaN → NaN.
/// Error (asserted by tests/tanh.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double.
template <floating_point T>
struct tanh : detail::activation<tanh<T>, T>, detail::output_derivative<tanh<T>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::tanh";
  using detail::activation<tanh, T>::operator();
  using detail::activation<tanh, T>::derivative;
  using detail::output_derivative<tanh, T>::derivative_from_output;
  /// (internal) The kernels that compute it: detail/kernels/tanh.hpp.
  using kernel_tag = detail::tanh_tag;

  /// tanh(x) = (e^x - e^-x)/(e^x + e^-x).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::tanh_value(detail::widen(x)));
  }

  /// tanh'(x) = sech²(x) = 4e^-2|x|/(1+e^-2|x|)²; 0 at ±inf.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::tanh_derivative(detail::widen(x)));
  }

  /// tanh'(x) = 1 - y² = (1-y)(1+y) from y = tanh(x), for backprop that keeps the output.
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    const auto w = detail::widen(y);
    return static_cast<T>((1 - w) * (1 + w));
  }
};

}  // namespace actfn
