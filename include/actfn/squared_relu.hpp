// actfn/squared_relu.hpp: actfn::squared_relu, max(0, x)², Primer's squared ReLU (Hugging Face's
// "relu2").
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/squared_relu.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/squared_relu.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Squared ReLU max(0, x)², for T = float, double, long double and the 16-bit types.
/// Value correctly rounded (one rounding of the square; asserted ≤ 0.5 ULP by
/// tests/squared_relu.cpp), derivative 2·max(0, x) exact. squared_relu(inf) = inf, (-inf) = 0,
/// overflow to inf where x² exceeds T's range; NaN → NaN; squared_relu'(0) = 0 and
/// squared_relu'(-0) = -0, as 2·relu(x).
template <floating_point T, tier A = faithful>
struct squared_relu : detail::activation<squared_relu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::squared_relu";
  using detail::activation<squared_relu, T>::operator();
  using detail::activation<squared_relu, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/squared_relu.hpp.
  using kernel_tag = detail::squared_relu_tag;

  /// max(0, x)², NaN kept. (The lane kernel at run time: its choice is by bits, so that a
  /// user's loop of calls vectorizes.)
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    const auto v = detail::operand(x);  // a 16-bit x squares exactly in double
    const auto r = v < 0 ? decltype(v)(0) : v;
    return static_cast<T>(r * r);
  }

  /// 2·max(0, x), NaN kept.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    const auto v = detail::operand(x);
    const auto r = v < 0 ? decltype(v)(0) : v;
    return static_cast<T>(r + r);
  }
};

}  // namespace actfn
