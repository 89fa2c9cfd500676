// actfn/detail/kernels/silu.hpp: SiLU/Swish x·σ(βx) and its derivative, every kernel. Included
// once plainly (the wide-type kernels), then once per target (ACTFN_TARGET set: the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_SILU_HPP
#define ACTFN_DETAIL_KERNELS_SILU_HPP

#include "../logistic_product.hpp"

namespace actfn::detail {

struct silu_tag {};

// x·σ(βx), with x·σ formed from normal factors (logistic_product). At x = ±inf the limit: x
// where σ(βx) → a positive value, a zero of x's sign where σ(βx) → 0 (x·0 would be NaN).
template <class W>
ACTFN_HOST_DEVICE constexpr W silu_value(W x, W beta) noexcept {
  const W xc = finite_part(x);
  const logistic_product<W> p(xc, beta);
  if (xc != x) return p.times_sigma(W(1)) == 0 ? zero_like(x) : x;  // ±inf, or NaN
  return p.times_sigma_exact(x);
}

// σ(b)·[(1 + b·σ(-b)) + b_lo·σ(-b)(2 + b(σ(-b) - σ(b)))], b = βx: the second term is b_lo times
// the first's derivative in b. A root at b ≈ -1.2785, where 1 + b·σ(-b) cancels. At b = ±inf,
// the limits 1 and -0.
template <class W>
ACTFN_HOST_DEVICE constexpr W silu_derivative(W x, W beta) noexcept {
  const logistic_product<W> p(finite_part(x), beta);
  if (detail::abs(p.b) == ce::k_inf<W>) return p.b > 0 ? W(1) : -W(0);
  const W sn = p.times_sigma_neg(W(1));
  const W s = p.times_sigma(W(1));
  return p.times_sigma((1 + p.b * sn) + p.b_lo * sn * (2 + p.b * (sn - s)));
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_SILU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<silu_tag> {
  // float in double lanes, where βx is exact (two 24-bit factors); double and long double in the
  // wide kernels (x87 long double for double: lane kernels for double are not written yet).
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, float>, double, void>;

  // x/(1 + e^-βx): e^-βx within e^±250 (exp_split's Reach), so that no product overflows, and
  // x within ±2^200, far beyond FLT_MAX, so that x = ±inf times a σ that is 0 gives a zero of
  // x's sign (-2^200·e^-250 rounds to -0 as a float) and times σ = ½ (β = 0) still rounds to ±inf.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    const V xc = clamp_magnitude(x, 0x1p200);
    return xc * recip(V(1.0) + exp_split<V, 250>(V(-static_cast<double>(f.beta)) * xc).exp());
  }

  // σ(b)·(1 + b·σ(-b)) with σ(-b) = e·σ(b), e = e^-b: b within ±250, so that b·σ(-b) stays
  // finite at b = inf (and 0 as a float at b = -250 or below, where the exact value is too).
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    const V b =
        clamp_magnitude(V(static_cast<double>(f.beta)) * clamp_magnitude(x, 0x1p200), 250.0);
    const V e = exp_split<V, 250>(-b).exp();
    const V s = recip(V(1.0) + e);
    return s * madd(b, e * s, V(1.0));
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
