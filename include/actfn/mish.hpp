// actfn/mish.hpp: actfn::mish, x·tanh(softplus(x)) (YOLOv4).
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/mish.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/mish.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Mish x·tanh(log(1 + e^x)), for T = float, double, long double, computed as x·n/(n + 2) with
/// n = e^x(e^x + 2) written in e^-|x| (no overflow). mish(inf) = inf, mish(-inf) = -0 (the limit,
/// from below), mish(±0) = ±0; mish'(inf) = 1, mish'(-inf) = -0; mish' has a root at
/// x ≈ -1.1924. NaN → NaN.
/// Error (asserted by tests/mish.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double
/// (within 1/16 of the root, an absolute error ≤ 2^-26 / 2^-55 also passes); 4 and 8 ULP for
/// long double (within 1/2 of the root, 2^-62 absolute).
template <floating_point T>
struct mish : detail::activation<mish<T>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::mish";
  using detail::activation<mish, T>::operator();
  using detail::activation<mish, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/mish.hpp.
  using kernel_tag = detail::mish_tag;

  /// mish(x) = x·tanh(softplus(x)).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::mish_value(detail::widen(x)));
  }

  /// mish'(x) = tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::mish_derivative(detail::widen(x)));
  }
};

}  // namespace actfn
