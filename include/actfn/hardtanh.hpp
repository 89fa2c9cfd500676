// actfn/hardtanh.hpp: actfn::hardtanh, x clamped to [min_val, max_val].
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/error.hpp"
#include "detail/kernels/hardtanh.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/hardtanh.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Hard tanh clamp(x, min_val, max_val), for T = float, double, long double; [-1, 1] by default.
/// Exact (no rounding). hardtanh(±inf) = max_val, min_val; NaN → NaN (std::clamp would not
/// promise it); -0 inside the interval stays -0. hardtanh'(x) = 1 strictly inside (min_val,
/// max_val), 0 outside and at both ends (PyTorch's convention), NaN for NaN.
template <floating_point T, tier A = faithful>
struct hardtanh : detail::activation<hardtanh<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::hardtanh";
  using detail::activation<hardtanh, T>::operator();
  using detail::activation<hardtanh, T>::derivative;
  /// (internal) The kernels that compute its span forms: detail/kernels/hardtanh.hpp.
  using kernel_tag = detail::hardtanh_tag;

  /// The lower and upper bounds of the output.
  parameter_t<T> min_val = -1;
  parameter_t<T> max_val = 1;

  /// [-1, 1].
  constexpr hardtanh() noexcept = default;

  /// [lo, hi]; throws std::invalid_argument unless both are finite and lo < hi.
  constexpr hardtanh(parameter_t<T> lo, parameter_t<T> hi)
      : min_val(detail::checked_parameter(name, "min_val", lo, lo < hi, "finite and < max_val")),
        max_val(detail::checked_parameter(name, "max_val", hi, true, "finite")) {}

  /// min_val below min_val, max_val above max_val, x between (and NaN).
  ACTFN_HOST_DEVICE constexpr T operator()(T x) const noexcept {
    const auto v = detail::operand(x);
    return v < min_val ? static_cast<T>(min_val) : max_val < v ? static_cast<T>(max_val) : x;
  }

  /// 1 for min_val < x < max_val, 0 for the others, NaN for NaN.
  ACTFN_HOST_DEVICE constexpr T derivative(T x) const noexcept {
    const auto v = detail::operand(x);
    return min_val < v ? (v < max_val ? T(1) : T(0)) : v <= min_val ? T(0) : x;
  }
};

/// hardtanh(parameter) deduces hardtanh<T> from a float, double or long double parameter
/// (parameter_t keeps T from being deduced through the constructor).
template <std::floating_point T>
hardtanh(T, T) -> hardtanh<T>;

}  // namespace actfn
