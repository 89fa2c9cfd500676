// actfn/detail/double_kernels.hpp: the run-time kernels for double results, over lanes V of
// doubles. There is no wider type to absorb roundings here, so each quantity that needs it is
// carried as an unevaluated sum hi + lo (error-free transformations: Fast2Sum and the FMA's
// exact product residual), and the result is rounded once at the end: measured ≤ 0.51 ULP
// (tests, README). The exact residuals need a fused madd, so these kernels are used where the
// lanes have one (ACTFN_FUSED_MADD), and not under -ffast-math, whose reassociation removes
// exactly these error terms (measured: 2.9 ULP); elsewhere double keeps the long double path.
#pragma once

#include "lanes_math.hpp"

namespace actfn::detail::double_kernels {

using namespace lanes_math;

// e^r = 1 + r + r²·P(r) for |r| ≤ ln2/2: relative error 2^-61.4 (scripts/coefficients.py).
inline constexpr double k_exp_p[] = {
    0x1.1f730349868cep-29, 0x1.af4de97ca4194p-26, 0x1.27e4db646b17ep-22, 0x1.71de0231960ebp-19,
    0x1.a01a01a6d889cp-16, 0x1.a01a01abe7fe1p-13, 0x1.6c16c16c162d4p-10, 0x1.11111111100dcp-7,
    0x1.5555555555556p-5,  0x1.5555555555557p-3,  0x1.0000000000000p-1};

// e^t, t ≤ 0, as s1·s2·(hi + lo): hi + lo = e^r to about 2^-60, and 2^k = s1·s2 in two normal
// factors (s1 = 2^max(k, -1000)), so that a result in the subnormals is scaled there by the
// last multiplication, its only rounding. t is clamped to -760, past which every result is 0.
template <class V>
struct exp_dd {
  V r, rest;  // e^r = 1 + r + rest, |rest| < 0.2|r|: expm1's parts (tanh)
  V hi, lo, s1, s2;
  explicit exp_dd(V t) noexcept : r(0.0), rest(0.0), hi(0.0), lo(0.0), s1(0.0), s2(0.0) {
    t = max_of(V(-760.0), t);  // NaN stays
    const V y = opaque(madd(t, V(k_log2e), V(k_round)));
    const V k = y - V(k_round);
    const V r_hi = madd(k, V(-k_ln2_hi), t);  // exact
    r = madd(k, V(-k_ln2_lo), r_hi);
    const V r_lo = madd(k, V(-k_ln2_lo), r_hi - r);  // what rounding r lost
    rest = madd(r * r, horner(r, k_exp_p), r_lo);
    const V one_r = V(1.0) + r;  // 1 + r + rest, exactly, and then normalized to hi + lo
    const V rest1 = ((V(1.0) - one_r) + r) + rest;
    hi = one_r + rest1;
    lo = (one_r - hi) + rest1;
    const V k1 = max_of(V(-1000.0), k);
    s1 = exponent_field(k1 + V(k_round));
    s2 = exponent_field((k - k1) + V(k_round));
  }
};

// 1/(1 + e) for e = e^-a, a ≥ 0, as r0·(1 + res): 1 + e is formed exactly as d + dl, and res
// is the residual 1 - (d + dl)·r0 (exact in its leading part, thanks to the FMA).
template <class V>
struct logistic_dd {
  exp_dd<V> e;
  V r0, res;
  explicit logistic_dd(V a) noexcept : e(-a), r0(0.0), res(0.0) {
    const V s = e.s1 * e.s2;
    const V eh = e.hi * s;  // e = eh + e.lo·s; where s is tiny, so is every use of e beside 1
    const V d = V(1.0) + eh;
    const V dl = ((V(1.0) - d) + eh) + e.lo * s;
    r0 = recip(d);
    res = madd(-dl, r0, madd(-d, r0, V(1.0)));
  }
  V right() const noexcept { return madd(r0, res, r0); }  // σ(a)
  // σ(-a) = e·σ(a), the product formed as hi + lo and scaled last.
  V left() const noexcept {
    const V ph = rounded(e.hi * r0);
    const V pl = madd(e.hi, r0, -ph) + madd(e.hi, r0 * res, e.lo * r0);
    return ((ph + pl) * e.s1) * e.s2;
  }
  // factor·σ'(a) = factor·e·σ(a)², likewise.
  V slope(V factor) const noexcept {
    const V sq = rounded(r0 * r0);
    const V sql = madd(r0, r0, -sq) + V(2.0) * sq * res;
    const V ph = rounded(e.hi * sq);
    const V pl = madd(e.hi, sq, -ph) + madd(e.hi, sql, e.lo * sq);
    return ((ph + pl) * (e.s1 * factor)) * e.s2;
  }
};

template <class V>
V sigmoid_value(V x) noexcept {
  const logistic_dd l(magnitude(x));
  return select(x < V(0.0), l.left(), l.right());
}

template <class V>
V sigmoid_derivative(V x) noexcept {
  return logistic_dd(magnitude(x)).slope(V(1.0));
}

// tanh|x| = -m/(2 + m), m = e^-2|x| - 1, with m, 2 + m and the quotient each as hi + lo.
// m = (2^k - 1) + 2^k·r + 2^k·rest, 2^k - 1 as hi + lo (k < -53 rounds it), and for small
// |x| (k = 0) m is r itself plus a small correction, so it keeps its relative accuracy.
template <class V>
V tanh_value(V x) noexcept {
  const exp_dd e(V(-2.0) * magnitude(x));
  const V s = e.s1 * e.s2;
  const V a = s - V(1.0), a_lo = s - (a + V(1.0));  // Fast2Sum: 1 ≥ s
  const V b = s * e.r;
  const V m0 = a + b;  // Fast2Sum: a = 0 (k = 0) or |a| ≥ 1/2 > |b|
  const V m1 = (b - (m0 - a)) + madd(s, e.rest, a_lo);
  const V mh = m0 + m1;  // normalized, so that 1/dh below is 1/(2 + m) to first order
  const V ml = (m0 - mh) + m1;
  const V dh = V(2.0) + mh;  // Fast2Sum again: 2 > |mh|
  const V dl = ((V(2.0) - dh) + mh) + ml;
  const V r0 = recip(dh);
  const V q0 = rounded(-mh * r0);
  const V rem = madd(-q0, dl, madd(-q0, dh, -mh) - ml);  // -m - q0·(dh + dl)
  return with_sign_of(madd(rem, r0, q0), x);
}

// sech²x = 4σ'(2x); 2|x| is exact (or inf, where sech² is 0).
template <class V>
V tanh_derivative(V x) noexcept {
  return logistic_dd(V(2.0) * magnitude(x)).slope(V(4.0));
}

}  // namespace actfn::detail::double_kernels
