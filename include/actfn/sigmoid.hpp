// actfn/sigmoid.hpp: actfn::sigmoid, the logistic function σ(x) = 1/(1+e^-x).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/kernels/sigmoid.hpp"
#include "detail/parameterless.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/sigmoid.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Logistic sigmoid σ(x) = 1/(1+e^-x), for T = float, double, long double.
/// Range (0, 1); no overflow for any x; σ(-inf) = 0, σ(inf) = 1, NaN → NaN.
/// σ'(x) = e^-|x|/(1 + e^-|x|)² (no 1 - σ, which cancels); 0 at ±inf.
/// Error (asserted by tests/sigmoid.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct sigmoid : detail::parameterless<sigmoid<T, A>, T, detail::sigmoid_tag<A>>,
                 detail::output_derivative<sigmoid<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::sigmoid";
  using detail::output_derivative<sigmoid, T>::derivative_from_output;

  /// σ'(x) = y(1-y) from y = σ(x): for backprop that keeps the forward output (loses relative
  /// accuracy where y rounds to 1, x > 17 in float; derivative(x) does not).
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    const auto w = detail::widen(y);
    return static_cast<T>(w * (1 - w));
  }
};

}  // namespace actfn
