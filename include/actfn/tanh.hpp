// actfn/tanh.hpp: actfn::tanh, the hyperbolic tangent as an activation.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/kernels/tanh.hpp"
#include "detail/parameterless.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/tanh.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Hyperbolic tangent, for T = float, double, long double.
/// Range (-1, 1); odd (tanh(-0) = -0); exact for tiny |x|; ±1 at ±inf; NaN → NaN.
/// tanh'(x) = sech²(x) = 4e^-2|x|/(1 + e^-2|x|)² (no 1 - tanh², which cancels); 0 at ±inf.
/// Error (asserted by tests/tanh.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct tanh : detail::parameterless<tanh<T, A>, T, detail::tanh_tag<A>>,
              detail::output_derivative<tanh<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::tanh";
  using detail::output_derivative<tanh, T>::derivative_from_output;

  /// tanh'(x) = 1 - y² = (1-y)(1+y) from y = tanh(x), for backprop that keeps the output.
  ACTFN_HOST_DEVICE constexpr T derivative_from_output(T y) const noexcept {
    const auto w = detail::widen(y);
    return static_cast<T>((1 - w) * (1 + w));
  }
};

}  // namespace actfn
