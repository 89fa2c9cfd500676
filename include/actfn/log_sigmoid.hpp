// actfn/log_sigmoid.hpp: actfn::log_sigmoid, log σ(x) = -softplus(-x).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/kernels/log_sigmoid.hpp"
#include "detail/parameterless.hpp"
#include "softplus.hpp"  // its double kernel: log σ(x) = -softplus(-x)
#define ACTFN_TARGET_INCLUDE "kernels/log_sigmoid.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// log σ(x) = -log(1 + e^-x), for T = float, double, long double: negative for every finite x,
/// log_sigmoid(-300) = -300 (not -inf), log_sigmoid(-inf) = -inf, log_sigmoid(inf) = -0 (the
/// limit, from below). log_sigmoid'(x) = σ(-x): 1 at -inf, 0 at inf. NaN → NaN.
/// Error (asserted by tests/log_sigmoid.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and
/// double; 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct log_sigmoid : detail::parameterless<log_sigmoid<T, A>, T, detail::log_sigmoid_tag> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::log_sigmoid";
};

}  // namespace actfn
