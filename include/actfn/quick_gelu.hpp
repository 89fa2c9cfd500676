// actfn/quick_gelu.hpp: actfn::quick_gelu, x·σ(1.702x), CLIP's approximation of GELU (Hugging
// Face's "quick_gelu"): SiLU with β = 1.702 as a constant, on SiLU's kernels.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "silu.hpp"

namespace actfn {

/// Quick GELU x·σ(1.702x), for T = float, double, long double and the 16-bit types: SiLU with
/// β = 1.702 (as a parameter of T's: 1.702f for float, as PyTorch's 1.702 * x computes in float),
/// with SiLU's kernels, bounds and edges, bit for bit silu<T, A>(1.702). quick_gelu(inf) = inf,
/// quick_gelu(-inf) = -0, NaN → NaN; its derivative has a root at x ≈ -0.7512. The constant is
/// known to the span loops, so they run slightly faster than silu<T, A>(1.702)'s.
template <floating_point T, tier A = faithful>
struct quick_gelu : detail::activation<quick_gelu<T, A>, T> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::quick_gelu";
  using detail::activation<quick_gelu, T>::operator();
  using detail::activation<quick_gelu, T>::derivative;
  /// (internal) SiLU's kernels (detail/kernels/silu.hpp), which read beta.
  using kernel_tag = typename silu<T, A>::kernel_tag;

  /// The factor of x inside σ.
  static constexpr parameter_t<T> beta = parameter_t<T>(1.702);

  /// x·σ(1.702x).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    return as_silu()(x);
  }

  /// σ(1.702x)·(1 + 1.702x·σ(-1.702x)).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    return as_silu().derivative(x);
  }

  /// (internal) The fast tier's derivative is faithful's, as SiLU's (silu.hpp).
  ACTFN_HOST_DEVICE constexpr bool faithful_slope() const noexcept {
    return !std::is_same_v<typename quick_gelu<T>::kernel_tag, kernel_tag>;
  }

 private:
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE static constexpr silu<T, A> as_silu() noexcept {
    silu<T, A> s;
    s.beta = beta;
    return s;
  }
};

}  // namespace actfn
