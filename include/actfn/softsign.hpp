// actfn/softsign.hpp: actfn::softsign, x/(1 + |x|).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/kernels/softsign.hpp"
#include "detail/parameterless.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/softsign.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Softsign x/(1 + |x|), for T = float, double, long double. softsign(±inf) = ±1,
/// softsign(±0) = ±0, NaN → NaN. softsign'(x) = 1/(1 + |x|)²: 1 at 0, 0 at ±inf, kept to its
/// last bit where it is subnormal (no (1 + |x|)² overflow).
/// Error (asserted by tests/softsign.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP (measured: correctly
/// rounded but for rare double roundings, float and double); 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct softsign : detail::parameterless<softsign<T, A>, T, detail::softsign_tag> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::softsign";
};

}  // namespace actfn
