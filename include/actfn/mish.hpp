// actfn/mish.hpp: actfn::mish, x·tanh(softplus(x)) (YOLOv4).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/kernels/mish.hpp"
#include "detail/parameterless.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/mish.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Mish x·tanh(log(1 + e^x)), for T = float, double, long double, computed as x·n/(n + 2) with
/// n = e^x(e^x + 2) written in e^-|x| (no overflow). mish(inf) = inf, mish(-inf) = -0 (the limit,
/// from below), mish(±0) = ±0. mish'(x) = tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x):
/// mish'(inf) = 1, mish'(-inf) = -0, a root at x ≈ -1.1924. NaN → NaN.
/// Error (asserted by tests/mish.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double
/// (within 1/16 of the root, an absolute error ≤ 2^-26 / 2^-55 also passes); 4 and 8 ULP for
/// long double (within 1/2 of the root, 2^-62 absolute).
template <floating_point T, tier A = faithful>
struct mish : detail::parameterless<mish<T, A>, T, detail::mish_tag> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::mish";
};

}  // namespace actfn
