// actfn/hardsigmoid.hpp: actfn::hardsigmoid, relu6(x + 3)/6, the piecewise-linear sigmoid.
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/kernels/hardsigmoid.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/hardsigmoid.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Hard sigmoid relu6(x + 3)/6, for T = float, double, long double: 0 up to -3, 1 from 3 on,
/// x/6 + ½ between. hardsigmoid(±inf) = 1, 0; NaN → NaN. hardsigmoid'(x) = 1/6 (rounded to T)
/// on (-3, 3), 0 elsewhere and at ±3 (PyTorch's convention), NaN for NaN.
/// Error (asserted by tests/hardsigmoid.cpp): value ≤ 1 ULP (measured: correctly rounded but for
/// rare double roundings, float and double), derivative exact; 4 ULP for long double.
template <floating_point T>
struct hardsigmoid : detail::activation<hardsigmoid<T>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::hardsigmoid";
  using detail::activation<hardsigmoid, T>::operator();
  using detail::activation<hardsigmoid, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/hardsigmoid.hpp.
  using kernel_tag = detail::hardsigmoid_tag;

  /// hardsigmoid(x) = min(max(x + 3, 0), 6)/6.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::hardsigmoid_value(detail::widen(x)));
  }

  /// hardsigmoid'(x) = 1/6 for -3 < x < 3, else 0.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::hardsigmoid_derivative(detail::widen(x)));
  }
};

}  // namespace actfn
