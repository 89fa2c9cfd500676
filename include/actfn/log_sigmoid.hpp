// actfn/log_sigmoid.hpp: actfn::log_sigmoid, log σ(x) = -softplus(-x).
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/log_sigmoid.hpp"
#include "softplus.hpp"  // its double kernel: log σ(x) = -softplus(-x)
#define ACTFN_TARGET_INCLUDE "kernels/log_sigmoid.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// log σ(x) = -log(1 + e^-x), for T = float, double, long double: negative for every finite x,
/// log_sigmoid(-300) = -300 (not -inf), log_sigmoid(-inf) = -inf, log_sigmoid(inf) = -0 (the
/// limit, from below). log_sigmoid'(x) = σ(-x): 1 at -inf, 0 at inf. NaN → NaN.
/// Error (asserted by tests/log_sigmoid.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and
/// double; 4 and 8 ULP for long double.
template <floating_point T>
struct log_sigmoid : detail::activation<log_sigmoid<T>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::log_sigmoid";
  using detail::activation<log_sigmoid, T>::operator();
  using detail::activation<log_sigmoid, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/log_sigmoid.hpp.
  using kernel_tag = detail::log_sigmoid_tag;

  /// log σ(x) = min(x, 0) - log1p(e^-|x|).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::log_sigmoid_value(detail::widen(x)));
  }

  /// log_sigmoid'(x) = σ(-x).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::log_sigmoid_derivative(detail::widen(x)));
  }
};

}  // namespace actfn
