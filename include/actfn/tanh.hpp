// actfn/tanh.hpp: actfn::tanh, the hyperbolic tangent as an activation.
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/double_kernels.hpp"
#include "detail/float_kernels.hpp"
#include "detail/tanh_kernel.hpp"

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

  /// tanh(x) = (e^x - e^-x)/(e^x + e^-x).
  ACTFN_HOST_DEVICE constexpr T operator()(T x) const noexcept {
    if (this->run_lanes()) return this->on_lanes(x, [](auto v) { return value_lanes(v); });
    return static_cast<T>(detail::tanh_value(detail::widen(x)));
  }

  /// tanh'(x) = sech²(x) = 4e^-2|x|/(1+e^-2|x|)²; 0 at ±inf.
  ACTFN_HOST_DEVICE constexpr T derivative(T x) const noexcept {
    if (this->run_lanes()) return this->on_lanes(x, [](auto v) { return derivative_lanes(v); });
    return static_cast<T>(detail::tanh_derivative(detail::widen(x)));
  }

  /// tanh'(x) = 1 - y² = (1-y)(1+y) from y = tanh(x), for backprop that keeps the output.
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    const auto w = detail::widen(y);
    return static_cast<T>((1 - w) * (1 + w));
  }

 private:
  friend detail::activation<tanh, T>;
  using lane = detail::kernel_lane<T>;
  template <class V>
  static V value_lanes(V x) noexcept {
    if constexpr (std::is_same_v<T, float>)
      return detail::float_kernels::tanh_value(x);
    else
      return detail::double_kernels::tanh_value(x);
  }
  template <class V>
  static V derivative_lanes(V x) noexcept {
    if constexpr (std::is_same_v<T, float>)
      return detail::float_kernels::tanh_derivative(x);
    else
      return detail::double_kernels::tanh_derivative(x);
  }
};

}  // namespace actfn
