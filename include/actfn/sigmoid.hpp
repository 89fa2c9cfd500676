// actfn/sigmoid.hpp: actfn::sigmoid, the logistic function σ(x) = 1/(1+e^-x).
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/double_kernels.hpp"
#include "detail/float_kernels.hpp"
#include "detail/sigmoid_kernel.hpp"

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

  /// σ(x) = 1/(1+e^-x), computed as e^x/(1+e^x) for x < 0.
  ACTFN_HOST_DEVICE constexpr T operator()(T x) const noexcept {
    if (this->run_lanes()) return this->on_lanes(x, [](auto v) { return value_lanes(v); });
    return static_cast<T>(detail::sigmoid_value(detail::widen(x)));
  }

  /// σ'(x) = e^-|x|/(1+e^-|x|)²; 0 at ±inf.
  ACTFN_HOST_DEVICE constexpr T derivative(T x) const noexcept {
    if (this->run_lanes()) return this->on_lanes(x, [](auto v) { return derivative_lanes(v); });
    return static_cast<T>(detail::sigmoid_derivative(detail::widen(x)));
  }

  /// σ'(x) = y(1-y) from y = σ(x): for backprop that keeps the forward output (loses relative
  /// accuracy where y rounds to 1, x > 17 in float; derivative(x) does not).
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    const auto w = detail::widen(y);
    return static_cast<T>(w * (1 - w));
  }

 private:
  friend detail::activation<sigmoid, T>;
  using lane = detail::kernel_lane<T>;
  template <class V>
  static V value_lanes(V x) noexcept {
    if constexpr (std::is_same_v<T, float>)
      return detail::float_kernels::sigmoid_value(x);
    else
      return detail::double_kernels::sigmoid_value(x);
  }
  template <class V>
  static V derivative_lanes(V x) noexcept {
    if constexpr (std::is_same_v<T, float>)
      return detail::float_kernels::sigmoid_derivative(x);
    else
      return detail::double_kernels::sigmoid_derivative(x);
  }
};

}  // namespace actfn
