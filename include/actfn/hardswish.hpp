// actfn/hardswish.hpp: actfn::hardswish, x·relu6(x + 3)/6 (MobileNetV3).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/kernels/hardswish.hpp"
#include "detail/parameterless.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/hardswish.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Hard swish x·relu6(x + 3)/6, for T = float, double, long double: -0 up to -3 (x·0, as
/// PyTorch), x from 3 on, x(x + 3)/6 between. hardswish(inf) = inf, hardswish(-inf) = -0 (the
/// limit; PyTorch's formula gives NaN), hardswish(±0) = ±0, NaN → NaN. hardswish'(x) = 0 up to
/// -3, x/3 + ½ on (-3, 3), 1 from 3 on (PyTorch's convention since its 2025 fix); root at -3/2.
/// Error (asserted by tests/hardswish.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP (measured: correctly
/// rounded but for rare double roundings, float and double); 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct hardswish : detail::parameterless<hardswish<T, A>, T, detail::hardswish_tag> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::hardswish";
};

}  // namespace actfn
