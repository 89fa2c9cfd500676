// actfn/silu.hpp: actfn::silu, SiLU/Swish x·σ(βx) (β = 1.702: CLIP's "quick GELU").
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/error.hpp"
#include "detail/kernels/silu.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/silu.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// SiLU (Swish-β) x·σ(βx), for T = float, double, long double; β = 1 by default.
/// For β > 0: silu(inf) = inf, silu(-inf) = -0 (the limit, from below); silu(±0) = ±0; NaN → NaN.
/// β = 0 gives x/2; a negative β mirrors the curve. silu'(x) = σ(βx)(1 + βx·σ(-βx)): 1 at inf,
/// -0 at -inf (β > 0); it has a root at βx ≈ -1.2785.
/// Error (asserted by tests/silu.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double
/// (within 1/16 of the root, an absolute error ≤ 2^-26 / 2^-55 also passes); 4 and 8 ULP for
/// long double (within 1/4 of the root, 2^-62 absolute).
template <floating_point T, tier A = faithful>
struct silu : detail::activation<silu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::silu";
  using detail::activation<silu, T>::operator();
  using detail::activation<silu, T>::derivative;
  /// (internal) The kernels that compute it: detail/kernels/silu.hpp.
  // the fast tier's kernels for float and double (its value in lanes of T), or the one set every
  // other case shares
  using kernel_tag =
      detail::silu_tag<std::conditional_t<std::is_same_v<A, fast> && (std::is_same_v<T, float> ||
                                                                      std::is_same_v<T, double>),
                                          fast, faithful>>;

  /// The factor of x inside σ.
  parameter_t<T> beta = 1;

  /// β = 1: SiLU.
  constexpr silu() noexcept = default;

  /// Swish-β; throws std::invalid_argument if beta is NaN or infinite.
  constexpr silu(parameter_t<T> b)
      : beta(detail::checked_parameter(name, "beta", b, true, "finite")) {}

  /// silu(x) = x·σ(βx).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<detail::op::value>(x);
    return static_cast<T>(detail::silu_value(detail::widen(x), detail::widen(beta)));
  }

  /// silu'(x) = σ(βx)·(1 + βx·σ(-βx)).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if constexpr (!std::is_same_v<A, faithful>) {
      if (faithful_slope()) {
        silu<T> f;
        f.beta = beta;
        return f.derivative(x);
      }
    }
    if (this->runs_lanes()) return this->template on_lane<detail::op::derivative>(x);
    return static_cast<T>(detail::silu_derivative(detail::widen(x), detail::widen(beta)));
  }

  /// (internal) The fast tier computes SiLU' by faithful's kernels (without pairs its factor
  /// 1 + βx·σ(-βx) cancels towards its root), its span forms by faithful's loops: the same bits.
  ACTFN_HOST_DEVICE constexpr bool faithful_slope() const noexcept {
    return !std::is_same_v<typename silu<T>::kernel_tag, kernel_tag>;
  }
};

/// silu(parameter) deduces silu<T> from a float, double or long double parameter (parameter_t
/// keeps T from being deduced through the constructor).
template <std::floating_point T>
silu(T) -> silu<T>;

}  // namespace actfn
