// actfn/leaky_relu.hpp: actfn::leaky_relu, x for x ≥ 0 and negative_slope·x below.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/leaky_relu.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/leaky_relu.hpp"
#include "detail/error.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Leaky ReLU with a finite negative slope (default 0.01), for T = float, double, long double.
/// Value error ≤ 0.5 ULP (one product). leaky_relu(-inf) = -inf for a positive slope;
/// NaN → NaN. The derivative at 0 is negative_slope (the left derivative, as in PyTorch).
template <floating_point T, tier A = faithful>
struct leaky_relu : detail::activation<leaky_relu<T, A>, T>,
                    detail::output_derivative<leaky_relu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::leaky_relu";
  using detail::output_derivative<leaky_relu, T>::derivative_from_output;
  using detail::activation<leaky_relu, T>::operator();
  using detail::activation<leaky_relu, T>::derivative;
  /// (internal) The kernels that compute its span forms: detail/kernels/leaky_relu.hpp.
  using kernel_tag = detail::leaky_relu_tag;

  /// The factor applied to negative inputs.
  parameter_t<T> negative_slope = parameter_t<T>(0.01);

  /// negative_slope = 0.01.
  constexpr leaky_relu() noexcept = default;

  /// negative_slope = slope; throws std::invalid_argument if slope is NaN or infinite.
  constexpr leaky_relu(parameter_t<T> slope) : negative_slope(slope) {
    if (!(slope - slope == 0)) {  // false exactly for NaN and ±inf
      detail::invalid_argument(std::string(name) + ": negative_slope must be finite, got " +
                               std::to_string(static_cast<long double>(slope)));
    }
  }

  /// leaky_relu(x) = x for x ≥ 0 (and NaN), negative_slope·x for x < 0.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    // The lane kernel's choice by bits: `x < 0 ? slope·x : x` is a branch to GCC (the product
    // may trap), and a user's loop of these calls would not vectorize.
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    const auto v = detail::operand(x);  // for a 16-bit x, the product is exact in double
    return v < 0 ? static_cast<T>(negative_slope * v) : x;
  }

  /// leaky_relu'(x) = 1 for x > 0, negative_slope for x ≤ 0, NaN for NaN.
  ACTFN_HOST_DEVICE constexpr T derivative(T x) const noexcept {
    const auto v = detail::operand(x);
    return v > 0 ? T(1) : v <= 0 ? static_cast<T>(negative_slope) : x;
  }

  /// leaky_relu'(x) from y = leaky_relu(x), for negative_slope > 0 (then y has x's sign): 1 for
  /// y > 0, negative_slope for y ≤ 0, NaN for NaN; exact. NaN where negative_slope ≤ 0 (y does
  /// not tell x's sign; backward_from_output throws).
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    if (!(negative_slope > 0)) return std::numeric_limits<T>::quiet_NaN();
    return derivative(y);
  }

  /// (internal) backward_from_output needs negative_slope > 0.
  void require_invertible() const {
    if (!(negative_slope > 0)) {
      detail::invalid_argument(std::string(name) +
                               ": the derivative from the output needs negative_slope > 0, got " +
                               std::to_string(static_cast<long double>(negative_slope)));
    }
  }
};

/// leaky_relu(parameter) deduces leaky_relu<T> from a float, double or long double parameter
/// (parameter_t keeps T from being deduced through the constructor).
template <std::floating_point T>
leaky_relu(T) -> leaky_relu<T>;

}  // namespace actfn
