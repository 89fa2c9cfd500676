// actfn/softplus.hpp: actfn::softplus, log(1 + e^βx)/β, exact everywhere (no threshold switch).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/error.hpp"
#include "detail/kernels/softplus.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/softplus.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Softplus log(1 + e^βx)/β, for T = float, double, long double; β = 1 by default.
/// Computed as max(x, 0) + log1p(e^-|βx|)/β: no overflow (softplus(1000) = 1000), and no
/// threshold where it switches to x (PyTorch's `threshold = 20`): every result is the function's.
/// softplus(inf) = inf, softplus(-inf) = 0, softplus'(x) = σ(βx): 1 at inf, 0 at -inf; NaN → NaN.
/// Error (asserted by tests/softplus.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct softplus : detail::activation<softplus<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::softplus";
  using detail::activation<softplus, T>::operator();
  using detail::activation<softplus, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/softplus.hpp.
  using kernel_tag = detail::softplus_tag;

  /// The sharpness β > 0.
  parameter_t<T> beta = 1;

  /// β = 1.
  constexpr softplus() noexcept = default;

  /// Throws std::invalid_argument unless beta is finite and > 0.
  constexpr softplus(parameter_t<T> b)
      : beta(detail::checked_parameter(name, "beta", b, b > 0, "finite and > 0")) {}

  /// softplus(x) = log(1 + e^βx)/β.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::softplus_value(detail::widen(x), detail::widen(beta)));
  }

  /// softplus'(x) = σ(βx).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::softplus_derivative(detail::widen(x), detail::widen(beta)));
  }
};

/// softplus(parameter) deduces softplus<T> from a float, double or long double parameter
/// (parameter_t keeps T from being deduced through the constructor).
template <std::floating_point T>
softplus(T) -> softplus<T>;

}  // namespace actfn
