// actfn/relu6.hpp: actfn::relu6, min(max(0, x), 6) (MobileNet).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "hardtanh.hpp"  // the kernels: the clamp's (detail/kernels/hardtanh.hpp)

namespace actfn {

/// ReLU6 min(max(0, x), 6), for T = float, double, long double: hardtanh on [0, 6]. Exact (no
/// rounding). relu6(inf) = 6, relu6(-inf) = 0, NaN → NaN (std::min and std::max would drop it),
/// relu6(-0) = -0 (as relu). relu6'(x) = 1 on (0, 6), 0 elsewhere, at 0 and at 6 (PyTorch's
/// convention), NaN for NaN.
template <floating_point T, tier A = faithful>
struct relu6 : detail::activation<relu6<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::relu6";
  using detail::activation<relu6, T>::operator();
  using detail::activation<relu6, T>::derivative;
  /// (internal) The kernels that compute its span forms: detail/kernels/hardtanh.hpp.
  using kernel_tag = detail::hardtanh_tag;

  /// (internal) The clamp's bounds, for the kernels.
  static constexpr parameter_t<T> min_val = 0;
  static constexpr parameter_t<T> max_val = 6;

  /// 0 below 0, 6 above 6, x between (and NaN).
  ACTFN_HOST_DEVICE constexpr T operator()(T x) const noexcept {
    const auto v = detail::operand(x);
    return v < min_val ? T(min_val) : max_val < v ? T(max_val) : x;
  }

  /// 1 for 0 < x < 6, 0 for the others, NaN for NaN.
  ACTFN_HOST_DEVICE constexpr T derivative(T x) const noexcept {
    const auto v = detail::operand(x);
    return min_val < v ? (v < max_val ? T(1) : T(0)) : v <= min_val ? T(0) : x;
  }
};

}  // namespace actfn
