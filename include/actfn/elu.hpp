// actfn/elu.hpp: actfn::elu, the exponential linear unit: x for x ≥ 0, α·(e^x - 1) below.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "detail/elu_family.hpp"
#include "detail/error.hpp"
#include "detail/kernels/elu.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/elu.hpp"
#include "detail/foreach_target.hpp"

namespace actfn {

/// ELU, for T = float, double, long double; α = 1 by default (any finite α).
/// elu(x) = x for x ≥ 0 (so elu(±0) = ±0), α·expm1(x) below: no cancellation near 0, as
/// exp(x) - 1 would have. elu(inf) = inf, elu(-inf) = -α. elu'(x) = 1 for x > 0, α·e^x for x ≤ 0
/// (at 0 the left derivative α, as PyTorch); NaN → NaN.
/// Error (asserted by tests/elu.cpp): value ≤ 1 ULP, derivative ≤ 2 ULP for float and double;
/// 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct elu : detail::elu_family<elu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::elu";
  using detail::elu_family<elu, T>::operator();
  using detail::elu_family<elu, T>::derivative;

  /// The value approached at -inf is -alpha.
  parameter_t<T> alpha = 1;

  /// α = 1.
  constexpr elu() noexcept = default;

  /// Throws std::invalid_argument if a is NaN or infinite.
  constexpr elu(parameter_t<T> a)
      : alpha(detail::checked_parameter(name, "alpha", a, true, "finite")) {}

  /// (internal) The kernel's constants: λ = 1, λα = α, γ = 1.
  template <class W>
  ACTFN_HOST_DEVICE constexpr detail::elu_form<W> form() const noexcept {
    return {W(1), W(alpha), W(1)};
  }
};

/// elu(parameter) deduces elu<T> from a float, double or long double parameter (parameter_t
/// keeps T from being deduced through the constructor).
template <std::floating_point T>
elu(T) -> elu<T>;

}  // namespace actfn
