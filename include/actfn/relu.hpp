// actfn/relu.hpp: actfn::relu, the rectified linear unit max(0, x).
#pragma once

#include "detail/activation.hpp"
#include "detail/config.hpp"

namespace actfn {

/// Rectified linear unit, for T = float, double, long double. Exact (no rounding).
/// relu(inf) = inf, relu(-inf) = 0, NaN → NaN (std::max(T(0), NaN) would return 0).
/// relu'(0) = 0, as in PyTorch.
template <floating_point T>
struct relu : detail::activation<relu<T>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::relu";
  using detail::activation<relu, T>::operator();
  using detail::activation<relu, T>::derivative;

  /// relu(x) = x for x ≥ 0 (and NaN), 0 for x < 0.
  ACTFN_HOST_DEVICE constexpr T operator()(T x) const noexcept { return x < 0 ? T(0) : x; }

  /// relu'(x) = 1 for x > 0, 0 for x ≤ 0, NaN for NaN.
  ACTFN_HOST_DEVICE constexpr T derivative(T x) const noexcept {
    return x > 0 ? T(1) : x <= 0 ? T(0) : x;
  }

 private:
  // The span forms, in T's own lanes: the same results as the scalar forms above, which are
  // exact (max_of(0, x) is 0 > x ? 0 : x: -0 and NaN stay).
  friend detail::activation<relu, T>;
  using lane = detail::native_lane<T>;
  template <class V>
  static V value_lanes(V x) noexcept {
    using detail::max_of;  // for a plain T; a batch's own is found by argument lookup
    return max_of(V(T(0)), x);
  }
  template <class V>
  static V derivative_lanes(V x) noexcept {
    using detail::step;  // for a plain T; a batch's own is found by argument lookup
    return step(x, V(T(0)));
  }
};

}  // namespace actfn
