// actfn/softsign.hpp: actfn::softsign, x/(1 + |x|).
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/softsign.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/softsign.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Softsign x/(1 + |x|), for T = float, double, long double. softsign(±inf) = ±1,
/// softsign(±0) = ±0, NaN → NaN. softsign'(x) = 1/(1 + |x|)²: 1 at 0, 0 at ±inf, kept to its
/// last bit where it is subnormal (no (1 + |x|)² overflow).
/// Error (asserted by tests/softsign.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP (measured: correctly
/// rounded but for rare double roundings, float and double); 4 and 8 ULP for long double.
template <floating_point T>
struct softsign : detail::activation<softsign<T>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::softsign";
  using detail::activation<softsign, T>::operator();
  using detail::activation<softsign, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/softsign.hpp.
  using kernel_tag = detail::softsign_tag;

  /// softsign(x) = x/(1 + |x|).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::softsign_value(detail::widen(x)));
  }

  /// softsign'(x) = 1/(1 + |x|)².
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::softsign_derivative(detail::widen(x)));
  }
};

}  // namespace actfn
