// actfn/detail/double_kernels.hpp: the run-time kernels for double results, over lanes V of
// doubles. There is no wider type to absorb roundings here, so each quantity that needs it is
// carried as an unevaluated sum hi + lo (error-free transformations: Fast2Sum and the FMA's
// exact product residual), and the result is rounded once at the end: measured ≤ 0.76 ULP
// (tests, README). The exact residuals need a fused madd, so these kernels are used where the
// lanes have one (ACTFN_FUSED_MADD), and not under -ffast-math, whose reassociation removes
// exactly these error terms (measured: 2.9 ULP); elsewhere double keeps the long double path.
#pragma once

#include "lanes_math.hpp"

namespace actfn::detail::double_kernels {

using namespace lanes_math;

// e^r = 1 + r + r²/2 + r³·P(r) for |r| ≤ ln2/2: relative error 2^-59.8
// (scripts/coefficients.py). 1 + r + r²/2 is kept exact, so P's roundings are scaled by |r³|.
inline constexpr double k_exp_p[] = {
    0x1.1f66df7fca49fp-29, 0x1.af38a9b0ec855p-26, 0x1.27e4e1f48534fp-22, 0x1.71de0dae63bb3p-19,
    0x1.a01a01a47b054p-16, 0x1.a01a01a7c41d5p-13, 0x1.6c16c16c167e1p-10, 0x1.11111111109b3p-7,
    0x1.5555555555555p-5,  0x1.5555555555556p-3};

// e^t, t ≤ 0, as s1·s2·(hi + lo): hi + lo = e^r to about 2^-59, and 2^k = s1·s2 in two normal
// factors (s1 = 2^max(k, -1000)), so that a result in the subnormals is scaled there by the
// last multiplication, its only rounding. t is clamped to -800, past which every result is 0,
// even GELU-tanh's σ'(v) times x·v'(x) ≤ 2·10^11 at the clamp x = -10^4.
template <class V>
struct exp_dd {
  V r, half, tail;  // e^r - 1 = r + half + tail: r²/2 exactly, and the small rest (tanh)
  V hi, lo, s1, s2;
  ACTFN_ALWAYS_INLINE explicit exp_dd(V t) noexcept
      : r(0.0), half(0.0), tail(0.0), hi(0.0), lo(0.0), s1(0.0), s2(0.0) {
    t = max_of(V(-800.0), t);  // NaN stays
    const V y = opaque(madd(t, V(k_log2e), V(k_round)));
    const V k = y - V(k_round);
    const V r_hi = madd(k, V(-k_ln2_hi), t);  // exact
    r = madd(k, V(-k_ln2_lo), r_hi);
    const V r_lo = madd(k, V(-k_ln2_lo), r_hi - r);  // what rounding r lost
    const V r2 = rounded(r * r);
    half = V(0.5) * r2;
    tail = madd(r2 * r, horner(r, k_exp_p), madd(V(0.5), madd(r, r, -r2), r_lo));
    // 1 + r + half + tail as hi + lo, by three Fast2Sums (each addend smaller than the sum)
    const V a = V(1.0) + r, a_lo = (V(1.0) - a) + r;
    const V b = a + half, b_lo = (a - b) + half;
    hi = b + tail;
    lo = ((b - hi) + tail) + (a_lo + b_lo);
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
  ACTFN_ALWAYS_INLINE explicit logistic_dd(V a) noexcept : e(-a), r0(0.0), res(0.0) {
    const V s = e.s1 * e.s2;
    const V eh = e.hi * s;  // e = eh + e.lo·s; where s is tiny, so is every use of e beside 1
    const V d = V(1.0) + eh;
    const V dl = ((V(1.0) - d) + eh) + e.lo * s;
    r0 = recip(d);
    res = madd(-dl, r0, madd(-d, r0, V(1.0)));
  }
  V right() const noexcept { return madd(r0, res, r0); }  // σ(a)
  // σ(-a) = e·σ(a) = (hi + lo)·s1·s2, the product formed as hi + lo and scaled last.
  void left_parts(V& hi, V& lo) const noexcept {
    hi = rounded(e.hi * r0);
    lo = madd(e.hi, r0, -hi) + madd(e.hi, r0 * res, e.lo * r0);
  }
  V left() const noexcept {
    V hi(0.0), lo(0.0);
    left_parts(hi, lo);
    return ((hi + lo) * e.s1) * e.s2;
  }
  // σ'(a) = e·σ(a)² = (hi + lo)·s1·s2, likewise.
  void slope_parts(V& hi, V& lo) const noexcept {
    const V sq = rounded(r0 * r0);
    const V sql = madd(r0, r0, -sq) + V(2.0) * sq * res;
    hi = rounded(e.hi * sq);
    lo = madd(e.hi, sq, -hi) + madd(e.hi, sql, e.lo * sq);
  }
  V slope(V factor) const noexcept {
    V hi(0.0), lo(0.0);
    slope_parts(hi, lo);
    return ((hi + lo) * (e.s1 * factor)) * e.s2;
  }
};

template <class V>
ACTFN_INLINE V sigmoid_value(V x) noexcept {
  const logistic_dd l(magnitude(x));
  return select(x < V(0.0), l.left(), l.right());
}

template <class V>
ACTFN_INLINE V sigmoid_derivative(V x) noexcept {
  return logistic_dd(magnitude(x)).slope(V(1.0));
}

// tanh|x| = -m/(2 + m), m = e^-2|x| - 1, with m, 2 + m and the quotient each as hi + lo.
// m = (2^k - 1) + 2^k·(r + r²/2 + tail), 2^k - 1 as hi + lo (k < -53 rounds it): for small
// |x| (k = 0), m is r itself plus small corrections, so it keeps its relative accuracy.
template <class V>
ACTFN_INLINE V tanh_value(V x) noexcept {
  const exp_dd e(V(-2.0) * magnitude(x));
  const V s = e.s1 * e.s2;
  const V a = s - V(1.0), a_lo = s - (a + V(1.0));  // Fast2Sum: 1 ≥ s
  const V b = s * e.r, c = s * e.half, d = s * e.tail;
  // Fast2Sums, each addend smaller than the sum: a = 0 (k = 0) or |a| ≥ 1/2 > |b|, and then
  // r²/2 ≤ 0.18|r|, |tail| ≤ 0.06|r|
  const V m0 = a + b, m1 = m0 + c, mh = m1 + d;
  const V ml = ((b - (m0 - a)) + ((m0 - m1) + c)) + (((m1 - mh) + d) + a_lo);
  const V dh = V(2.0) + mh;  // Fast2Sum again: 2 > |mh|
  const V dl = ((V(2.0) - dh) + mh) + ml;
  const V r0 = recip(dh);
  const V q0 = rounded(-mh * r0);
  const V rem = madd(-q0, dl, madd(-q0, dh, -mh) - ml);  // -m - q0·(dh + dl)
  return with_sign_of(madd(rem, r0, q0), x);
}

// sech²x = 4σ'(2x); 2|x| is exact (or inf, where sech² is 0).
template <class V>
ACTFN_INLINE V tanh_derivative(V x) noexcept {
  return logistic_dd(V(2.0) * magnitude(x)).slope(V(4.0));
}

// GELU, tanh form: x·σ(v), v = 2√(2/π)·x·(1 + 0.044715x²). σ turns an absolute error in v
// into a relative one |v| times larger (up to 745), so v carries every rounding's error in dv
// (to first order), from constants split as hi + lo, and σ(v + dv) = σ(v)(1 + dv(1 - σ(v))).
inline constexpr double k_gelu_k = 0x1.9884533d43651p+0, k_gelu_k_lo = -0x1.cbc0d30ebfd15p-54;
inline constexpr double k_gelu_c = 0x1.6e4e26d4801f7p-5, k_gelu_c_lo = 0x1.441355475a31ap-59;
inline constexpr double k_gelu_c3 = 0x1.12ba9d1f60179p-3, k_gelu_c3_lo = 0x1.f30e7ff583a54p-57;

// 1 + a·x², x² = h + l, as hi + lo (TwoSum: a·x² may exceed 1).
template <class V>
ACTFN_INLINE void one_plus(V a, V a_lo, V h, V l, V& hi, V& lo) noexcept {
  const V q = rounded(a * h);
  const V q_lo = madd(a, h, -q) + madd(a, l, a_lo * h);
  hi = V(1.0) + q;
  const V b = hi - q;
  lo = ((V(1.0) - b) + (q - (hi - b))) + q_lo;
}

template <class V>
struct gelu_tanh_dd {
  // in initialization order: each from the ones before
  V xc, h, l;  // x clamped to ±1e4 (σ(v) is 0 or 1 far beyond), x² = h + l
  V dv, v;     // v + dv
  logistic_dd<V> sig;  // of |v|
  ACTFN_ALWAYS_INLINE explicit gelu_tanh_dd(V x) noexcept
      : xc(min_of(V(1e4), max_of(V(-1e4), x))),
        h(rounded(xc * xc)),
        l(madd(xc, xc, -h)),
        dv(0.0),
        v(arg(xc, h, l, dv)),
        sig(magnitude(v)) {}
  static V arg(V xc, V h, V l, V& dv) noexcept {
    V s(0.0), s_lo(0.0);
    one_plus(V(k_gelu_c), V(k_gelu_c_lo), h, l, s, s_lo);
    const V t = rounded(xc * s);
    const V t_lo = madd(xc, s, -t) + xc * s_lo;
    const V w = rounded(V(k_gelu_k) * t);
    dv = madd(V(k_gelu_k), t, -w) + madd(V(k_gelu_k), t_lo, V(k_gelu_k_lo) * t);
    return w;
  }
};

template <class V>
ACTFN_INLINE V gelu_tanh_value(V x) noexcept {
  const gelu_tanh_dd g(x);
  const auto& l = g.sig;
  const auto neg = g.v < V(0.0);
  V ph(0.0), pl(0.0);
  l.left_parts(ph, pl);
  // σ(v) = σh + σl (times s1·s2 where v < 0), and 1 - σ(v) to first order
  const V sh = select(neg, ph, l.r0), sl = select(neg, pl, l.r0 * l.res);
  const V rest = select(neg, l.r0, ph * (l.e.s1 * l.e.s2));
  const V xm = max_of(V(-1e4), x);  // -inf·σ would be NaN; σ(v) is 0 there
  const V yh = rounded(xm * sh);
  const V yl = madd(xm, sh, -yh) + xm * madd(sh, g.dv * rest, sl);
  const V y = ((yh + yl) * select(neg, l.e.s1, V(1.0))) * select(neg, l.e.s2, V(1.0));
  // x past the clamp: σ(v) = 1 exactly (inf stays inf); the sign of x, zeros included
  return with_sign_of(select(x > V(1e4), x, y), x);
}

// σ(v)(1 + dv(1 - σ)) + x·v'(x)/... : d/dx x·σ(v) = σ(v) + x·σ'(v)·k(1 + 3c·x²), each term as
// hi + lo, since the two cancel near the root x ≈ -0.7518 and on the left.
template <class V>
ACTFN_INLINE V gelu_tanh_derivative(V x) noexcept {
  const gelu_tanh_dd g(x);
  const auto& l = g.sig;
  const auto neg = g.v < V(0.0);
  const V s = l.e.s1 * l.e.s2;
  V ph(0.0), pl(0.0), dh(0.0), dl(0.0), p(0.0), p_lo(0.0);
  l.left_parts(ph, pl);
  l.slope_parts(dh, dl);  // σ'(v) = (dh + dl)·s1·s2
  const V sh = select(neg, ph, l.r0), sl = select(neg, pl, l.r0 * l.res);
  const V sigma = select(neg, ph * s, l.r0);             // σ(v), to first order
  const V a_lo = madd(sh, g.dv * (V(1.0) - sigma), sl);  // σ(v + dv) = sh + a_lo
  // m = x·k(1 + 3c·x²) as hi + lo
  one_plus(V(k_gelu_c3), V(k_gelu_c3_lo), g.h, g.l, p, p_lo);
  const V k1 = rounded(V(k_gelu_k) * p);
  const V k1_lo = madd(V(k_gelu_k), p, -k1) + madd(V(k_gelu_k), p_lo, V(k_gelu_k_lo) * p);
  const V mh = rounded(g.xc * k1);
  const V ml = madd(g.xc, k1, -mh) + g.xc * k1_lo;
  // b = m·σ'(v + dv) = bh + bl (times s1·s2), σ'(v + dv) = σ'(v)(1 + dv(1 - 2σ))
  const V bh = rounded(mh * dh);
  const V bl =
      madd(mh, dh, -bh) + madd(mh, madd(dh, g.dv * madd(V(-2.0), sigma, V(1.0)), dl), ml * dh);
  // v ≥ 0: σ + b·s, σ near 1/2..1 and unscaled; v < 0: both scaled, summed exactly first.
  const V pos = sh + (a_lo + (bh * s + bl * s));
  const V th = sh + bh, tb = th - sh;
  const V t_lo = ((sh - (th - tb)) + (bh - tb)) + (a_lo + bl);
  const V left = ((th + t_lo) * l.e.s1) * l.e.s2;
  return select(neg, left, pos);
}

}  // namespace actfn::detail::double_kernels
