// actfn/celu.hpp: actfn::celu, the continuously differentiable ELU max(0, x) + min(0,
// α·expm1(x/α)).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/error.hpp"
#include "elu.hpp"  // the kernels: the ELU family's (detail/kernels/elu.hpp)

namespace actfn {

/// CELU, for T = float, double, long double; α = 1 by default (finite, ≠ 0).
/// celu(x) = x for x ≥ 0 (celu(±0) = ±0), α·expm1(x/α) below (x/α rounded once in the wide
/// type). celu(inf) = inf, celu(-inf) = -α for α > 0 (-inf for α < 0). celu'(x) = 1 for x > 0,
/// e^(x/α) for x ≤ 0 (at 0 the left derivative, 1); NaN → NaN.
/// Error (asserted by tests/celu.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct celu : detail::elu_family<celu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::celu";
  using detail::elu_family<celu, T>::operator();
  using detail::elu_family<celu, T>::derivative;

  /// The scale of the negative side; celu with α = 1 is elu.
  parameter_t<T> alpha = 1;

  /// α = 1.
  constexpr celu() noexcept = default;

  /// Throws std::invalid_argument unless a is finite and ≠ 0.
  constexpr celu(parameter_t<T> a)
      : alpha(detail::checked_parameter(name, "alpha", a, a != 0, "finite and nonzero")) {}

  /// (internal) The kernel's constants: λ = 1, λα = α, γ = α.
  template <class W>
  ACTFN_HOST_DEVICE constexpr detail::elu_form<W> form() const noexcept {
    return {W(1), W(alpha), W(alpha)};
  }
};

/// celu(parameter) deduces celu<T> from a float, double or long double parameter (parameter_t
/// keeps T from being deduced through the constructor).
template <std::floating_point T>
celu(T) -> celu<T>;

}  // namespace actfn
