// actfn/gelu.hpp: actfn::gelu, the Gaussian error linear unit x·Φ(x), exact or in the tanh
// approximation of GPT-2/BERT (PyTorch's approximate="tanh").
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"

namespace actfn {

/// Which GELU: `none` is the exact x·Φ(x); `tanh` is ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
enum class gelu_approximation { none, tanh };

}  // namespace actfn

#include "detail/kernels/gelu.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/gelu.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// Gaussian error linear unit, for T = float, double, long double.
/// gelu(inf) = inf, gelu(-inf) = -0, gelu'(inf) = 1, gelu'(-inf) = -0, NaN → NaN; a negative
/// result that underflows is -0 (x·Φ(x) < 0 for x < 0, GELU' < 0 below its root at -0.7518).
/// Error (asserted by tests/gelu.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double. Within 1/16 of the derivative's root at x ≈ -0.7518, an
/// absolute error ≤ 2^-26 (float) / 2^-55 (double) also passes (long double: 2^-62 within 1/4).
template <floating_point T, tier A = faithful>
struct gelu : detail::activation<gelu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::gelu";
  using detail::activation<gelu, T>::operator();
  using detail::activation<gelu, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/gelu.hpp.
  // float's fast-tier kernels, or the one set every other case shares (double's fast tier
  // included: its faithful kernels are within the fast bound, and faster than Eigen's)
  using kernel_tag = detail::gelu_tag<
      std::conditional_t<std::is_same_v<A, fast> && std::is_same_v<T, float>, fast, faithful>>;

  /// Exact (none) or tanh-approximated GELU.
  gelu_approximation approximation = gelu_approximation::none;

  /// Exact GELU.
  constexpr gelu() noexcept = default;

  /// GELU with the given approximation.
  ACTFN_HOST_DEVICE constexpr gelu(gelu_approximation a) noexcept : approximation(a) {}

  /// none: x·Φ(x), Φ(x) = ½·erfc(-x/√2). tanh: x·σ(2u), u = √(2/π)(x + 0.044715x³).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    const auto w = detail::widen(x);
    return static_cast<T>(approximation == gelu_approximation::tanh ? detail::gelu_tanh_value(w)
                                                                    : detail::gelu_value(w));
  }

  /// none: Φ(x) + x·φ(x). tanh: σ(2u) + x·σ'(2u)·2√(2/π)(1 + 0.134145x²).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    const auto w = detail::widen(x);
    return static_cast<T>(approximation == gelu_approximation::tanh
                              ? detail::gelu_tanh_derivative(w)
                              : detail::gelu_derivative(w));
  }

  /// (internal) float's fast tier computes GELU-tanh' by faithful's kernel (double lanes,
  /// rounded once: detail/kernels/gelu.hpp says why), so its span forms run faithful's loops,
  /// the same bits (the fast kernel's widening of float lanes ran at 0.85x faithful's speed).
  ACTFN_HOST_DEVICE constexpr bool faithful_slope() const noexcept {
    return std::is_same_v<A, fast> && std::is_same_v<T, float> &&
           approximation == gelu_approximation::tanh;
  }
};

}  // namespace actfn
