// actfn/detail/float_kernels.hpp: the run-time kernels for float results, written once over
// a lane type V of doubles (a batch, or one double). Working in double keeps every float
// result within 0.5 ULP + a hair: the approximations below are good to 2^-35, and a double
// operation's rounding is 2^-53, against float's 2^-24 (README: all 2^32 inputs checked).
// No branches: out-of-range inputs are clamped and their results selected.
#pragma once

#include "lanes_math.hpp"

namespace actfn::detail::float_kernels {

using namespace lanes_math;

// Coefficients and their errors: printed by `python3 scripts/coefficients.py`.
// e^r - 1 = r·Q(r) for |r| ≤ ln2/2: relative error 2^-37.5.
inline constexpr double k_expm1[] = {
    0x1.a136bf03ec612p-16, 0x1.a17e052cd2c8fp-13, 0x1.6c166bde96885p-10, 0x1.1110a6173845ep-7,
    0x1.55555565c7e0ep-5,  0x1.5555557e7777ep-3,  0x1.fffffffffe062p-2,  0x1.fffffffff61ddp-1};
// erfc(a) = e^-a²·P(t)/(1 + 2a), t = (a - 3)/(a + 3), for a in [0, 10.5]: relative error
// 2^-35.7. The map t keeps the whole tail in one polynomial, so no branch picks a piece.
inline constexpr double k_erfc[] = {
    -0x1.2df041d213d84p-18, 0x1.5439ca3bb467fp-16, 0x1.f1030f6f4bda3p-14, -0x1.f54167dccac6bp-14,
    -0x1.998ceeec79b0ep-11, 0x1.f06be3b810954p-10, 0x1.4bb043ce36bdap-9,  -0x1.85783698dec01p-6,
    0x1.17c9ebc79e2aap-4,   -0x1.e88b6f0dac297p-4, 0x1.098368b301fa4p-3,  -0x1.85a15d68b4910p-5,
    -0x1.15c084c4f3fe3p-3,  0x1.40c522d7f0c67p+0};
inline constexpr double k_erfc_reach = 10.5;
inline constexpr double k_inv_sqrt2 = 0x1.6a09e667f3bcdp-1;
inline constexpr double k_inv_sqrt_pi = 0x1.20dd750429b6dp-1;
inline constexpr double k_two_sqrt_2_over_pi = 0x1.9884533d43651p+0;  // 2√(2/π)
inline constexpr double k_gelu_cubic = 0x1.6e4e26d4801f7p-5;          // 0.044715
inline constexpr double k_gelu_cubic3 = 0x1.12ba9d1f60179p-3;         // 3·0.044715

// e^t = s·(1 + q) and e^t - 1 = (s - 1) + s·q, with s = 2^k, k = round(t/ln2), q = e^r - 1.
// t is clamped to ±120 first: e^-120 ≈ 8e-53, so any float result it feeds is 0 or its limit
// even after a factor 10^3 (GELU-tanh's x·v'(x) at its clamp), and no product of the kernels
// below can overflow or underflow a double in any order -ffast-math may reassociate it into
// (measured: gelu_tanh'(-FLT_MAX) was inf with a ±700 clamp). NaN stays NaN.
template <class V>
struct exp_split {
  V s, q;
  ACTFN_ALWAYS_INLINE explicit exp_split(V t) noexcept : s(0.0), q(0.0) {
    t = min_of(V(120.0), max_of(V(-120.0), t));
    // opaque: under -ffast-math, (y + k_round) - k_round would fold to y.
    const V y = opaque(madd(t, V(k_log2e), V(k_round)));
    const V k = y - V(k_round);
    V r = madd(k, V(-k_ln2_hi), t);  // exact
    r = madd(k, V(-k_ln2_lo), r);
    s = exponent_field(y);
    q = horner(r, k_expm1) * r;
  }
  V exp() const noexcept { return madd(s, q, s); }
  V expm1() const noexcept { return madd(s, q, s - V(1.0)); }  // s - 1 is exact
};

// σ(x) = 1/(1 + e), e = e^-x: in double, e^120 does not overflow and 1 + e has no
// cancellation, so the left tail keeps its relative accuracy without a second branch.
template <class V>
ACTFN_INLINE V sigmoid_value(V x) noexcept {
  return recip(V(1.0) + exp_split(-x).exp());
}

// σ' = e/(1 + e)² as (e·r)·r, r = 1/(1 + e): no 1 - σ, which cancels, and e·r ≤ 1 keeps the
// product from underflowing on the left.
template <class V>
ACTFN_INLINE V sigmoid_derivative(V x) noexcept {
  const V e = exp_split(-x).exp();
  const V r = recip(V(1.0) + e);
  return (e * r) * r;
}

// tanh|x| = -m/(2 + m), m = e^-2|x| - 1 from expm1: no cancellation for small |x|, where
// 1 - e^-2|x| would lose the low bits; the sign is put back last (tanh(-0) = -0).
template <class V>
ACTFN_INLINE V tanh_value(V x) noexcept {
  const V m = exp_split(V(-2.0) * magnitude(x)).expm1();
  return with_sign_of(-m * recip(m + V(2.0)), x);
}

// sech²x = 4e/(1 + e)², e = e^-2x: no 1 - tanh², which cancels, and no cosh², which overflows.
template <class V>
ACTFN_INLINE V tanh_derivative(V x) noexcept {
  const V e = exp_split(V(-2.0) * x).exp();
  const V r = recip(V(1.0) + e);
  return (V(4.0) * e * r) * r;
}

// Φ(x) = ½erfc(-z) and e^-z², z = x/√2 clamped to ±10.5 (past it, the results below are their
// limits). erfc(a) for a = |z|, and Φ = 1 - ½erfc(a) for x > 0, where Φ is near 1 and only
// needs absolute accuracy.
template <class V>
struct normal_parts {
  V z, cdf, gauss;  // z clamped, Φ(x), e^-z² = √(2π)·φ(x)
  ACTFN_ALWAYS_INLINE explicit normal_parts(V x) noexcept : z(0.0), cdf(0.0), gauss(0.0) {
    z = min_of(V(k_erfc_reach), max_of(V(-k_erfc_reach), x * V(k_inv_sqrt2)));  // NaN stays
    const V a = magnitude(z);
    gauss = exp_split(-(a * a)).exp();
    // One reciprocal serves both t = (a - 3)/(a + 3) and 1/(1 + 2a).
    const V b = madd(a, V(2.0), V(1.0)), c = a + V(3.0);
    const V u = recip(c * b);
    const V half_erfc = (gauss * horner((a - V(3.0)) * b * u, k_erfc)) * (c * u * V(0.5));
    cdf = select(x < V(0.0), half_erfc, V(1.0) - half_erfc);
  }
  // true where x is so far left that every result is 0 (and -inf·0 must not be NaN)
  auto vanishes() const noexcept { return z <= V(-k_erfc_reach); }
};

template <class V>
ACTFN_INLINE V gelu_value(V x) noexcept {
  const normal_parts n(x);
  return select(n.vanishes(), V(0.0), x * n.cdf);
}

// GELU' = Φ(x) + x·φ(x) = Φ + z·e^-z²/√π, with the clamped z: at x = inf, x·φ would be inf·0.
template <class V>
ACTFN_INLINE V gelu_derivative(V x) noexcept {
  const normal_parts n(x);
  return select(n.vanishes(), V(0.0), madd(n.z * n.gauss, V(k_inv_sqrt_pi), n.cdf));
}

// The tanh form: ½x(1 + tanh u) = x·σ(v), v = 2u = 2√(2/π)·x·(1 + 0.044715x²), with x clamped
// to ±16 inside v: |v(16)| = 318, so past it σ(v) is 0 or 1 far below float's precision.
template <class V>
struct gelu_tanh_parts {
  V xc, e, r;  // clamped x, e^-v, σ(v) = 1/(1 + e)
  ACTFN_ALWAYS_INLINE explicit gelu_tanh_parts(V x) noexcept : xc(0.0), e(0.0), r(0.0) {
    xc = min_of(V(16.0), max_of(V(-16.0), x));
    const V v = (V(k_two_sqrt_2_over_pi) * xc) * madd(V(k_gelu_cubic) * xc, xc, V(1.0));
    e = exp_split(-v).exp();
    r = recip(V(1.0) + e);
  }
};

// x·σ(v); x = -inf gives -16·σ(v) = -0 (σ(v) ≈ 8e-53 there), x = inf gives inf.
template <class V>
ACTFN_INLINE V gelu_tanh_value(V x) noexcept {
  const gelu_tanh_parts p(x);
  return max_of(V(-16.0), x) * p.r;
}

// σ(v) + x·σ'(v)·v'(x)/... : d/dx x·σ(v) = σ(v) + x·σ'(v)·2√(2/π)(1 + 3·0.044715x²), with the
// clamped x in the second term, which vanishes past the clamp.
template <class V>
ACTFN_INLINE V gelu_tanh_derivative(V x) noexcept {
  const gelu_tanh_parts p(x);
  const V slope = V(k_two_sqrt_2_over_pi) * madd(V(k_gelu_cubic3) * p.xc, p.xc, V(1.0));
  return madd(p.xc * slope, (p.e * p.r) * p.r, p.r);
}

}  // namespace actfn::detail::float_kernels
