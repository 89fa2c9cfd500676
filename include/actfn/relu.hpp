// actfn/relu.hpp: actfn::relu, the rectified linear unit max(0, x).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/relu.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/relu.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Rectified linear unit, for T = float, double, long double. Exact (no rounding).
/// relu(inf) = inf, relu(-inf) = 0, NaN → NaN (std::max(T(0), NaN) would return 0).
/// relu'(0) = 0, as in PyTorch.
template <floating_point T, tier A = faithful>
struct relu : detail::activation<relu<T, A>, T>, detail::output_derivative<relu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::relu";
  using detail::output_derivative<relu, T>::derivative_from_output;
  using detail::activation<relu, T>::operator();
  using detail::activation<relu, T>::derivative;
  /// (internal) The kernels that compute its span forms: detail/kernels/relu.hpp.
  using kernel_tag = detail::relu_tag;

  /// relu(x) = x for x ≥ 0 (and NaN), 0 for x < 0.
  ACTFN_HOST_DEVICE constexpr T operator()(T x) const noexcept {
    return detail::operand(x) < 0 ? T(0) : x;
  }

  /// relu'(x) = 1 for x > 0, 0 for x ≤ 0, NaN for NaN.
  ACTFN_HOST_DEVICE constexpr T derivative(T x) const noexcept {
    const auto v = detail::operand(x);
    return v > 0 ? T(1) : v <= 0 ? T(0) : x;
  }

  /// relu'(x) from y = relu(x): 1 for y > 0, 0 for y = ±0 (x ≤ 0), NaN for NaN. Exact.
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept { return derivative(y); }
};

}  // namespace actfn
