// actfn/hardsigmoid.hpp: actfn::hardsigmoid, relu6(x + 3)/6, the piecewise-linear sigmoid.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/kernels/hardsigmoid.hpp"
#include "detail/parameterless.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/hardsigmoid.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Hard sigmoid relu6(x + 3)/6, for T = float, double, long double: 0 up to -3, 1 from 3 on,
/// x/6 + ½ between. hardsigmoid(±inf) = 1, 0; NaN → NaN. hardsigmoid'(x) = 1/6 (rounded to T)
/// on (-3, 3), 0 elsewhere and at ±3 (PyTorch's convention), NaN for NaN.
/// Error (asserted by tests/hardsigmoid.cpp): value ≤ 1 ULP (measured: correctly rounded but for
/// rare double roundings, float and double), derivative exact; 4 ULP for long double.
template <floating_point T, tier A = faithful>
struct hardsigmoid : detail::parameterless<hardsigmoid<T, A>, T, detail::hardsigmoid_tag> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::hardsigmoid";
};

}  // namespace actfn
