// actfn/selu.hpp: actfn::selu, the scaled ELU of self-normalizing networks: λ·elu(x) with α fixed.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/config.hpp"
#include "elu.hpp"  // the kernels: the ELU family's (detail/kernels/elu.hpp)

namespace actfn {

/// SELU λ·elu(x) with α = 1.6732632423543772848170429916717 and λ
/// = 1.0507009873554804934193349852946 (Klambauer et al., 2017, as PyTorch), for T = float, double,
/// long double. selu(x) = λx for x ≥ 0 (selu(±0) = ±0), λα·expm1(x) below, with λα one constant
/// rounded once. selu(inf) = inf, selu(-inf) = -λα. selu'(x) = λ for x > 0, λα·e^x for x ≤ 0 (the
/// left derivative at 0); NaN → NaN. Error (asserted by tests/selu.cpp): value ≤ 1 ULP, derivative
/// ≤ 2 ULP for float and double; 4 and 8 ULP for long double.
template <floating_point T, tier A = faithful>
struct selu : detail::elu_family<selu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::selu";
  using detail::elu_family<selu, T>::operator();
  using detail::elu_family<selu, T>::derivative;

  /// λ and α, to 32 digits.
  static constexpr long double lambda = 1.0507009873554804934193349852946L;
  static constexpr long double alpha = 1.6732632423543772848170429916717L;

  /// (internal) The kernel's constants: λ, λα (the exact product, 1.75809934084737685994...,
  /// rounded once to W), γ = 1.
  template <class W>
  ACTFN_HOST_DEVICE constexpr detail::elu_form<W> form() const noexcept {
    return {W(lambda), W(1.7580993408473768599402175208123L), W(1)};
  }
};

}  // namespace actfn
