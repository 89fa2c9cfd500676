// actfn/detail/target/logistic.hpp: σ(±a) and σ'(a) as hi + lo over lanes of doubles, for
// the double-result kernels of sigmoid, tanh' and GELU-tanh, and the products and quotients of
// hi + lo pairs they and Mish's use. Per target, no include guard.

namespace actfn::detail::ACTFN_TARGET {

// (ah + al)·(bh + bl) = ph + pl to about 2^-104 (plus al·bl's 2^-106), for |al| ≪ |ah|, |bl| ≪
// |bh|.
template <class V>
ACTFN_INLINE void multiply_dd(V ah, V al, V bh, V bl, V& ph, V& pl) noexcept {
  ph = rounded(ah * bh);
  pl = product_error(ah, bh, ph) + madd(ah, bl, al * bh);
}

// (nh + nl)/(dh + dl) = q + q_lo, |q_lo| ≤ ulp(q)/2, for |nl| ≪ |nh| and |dl| ≪ |dh|: the quotient
// nh/dh, then a correction from the exact remainder. Without an FMA, the first quotient is cut
// to 26 bits, so that its product with dh is two exact products (dh cut in two likewise); the
// correction is then 2^-25 of the quotient, and its own rounding has no weight.
template <class V>
ACTFN_INLINE void divide_dd(V nh, V nl, V dh, V dl, V& q, V& q_lo) noexcept {
  const V r0 = recip(dh);
  V q0(0.0), c(0.0);
  if constexpr (fused_madd) {
    q0 = rounded(nh * r0);
    c = madd(-q0, dl, exact_remainder(q0, dh, nh) + nl) * r0;
  } else {
    q0 = high26(nh * r0);
    const V d1 = high26(dh), d2 = dh - d1;
    c = (((nh - q0 * d1) - q0 * d2) + (nl - q0 * dl)) * r0;  // the first two exact
  }
  q = q0 + c;  // Fast2Sum: the correction may exceed half an ulp of q0 (nl, a 26-bit q0)
  q_lo = c - (q - q0);
}
// The same quotient rounded once.
template <class V>
ACTFN_INLINE V divide_dd(V nh, V nl, V dh, V dl) noexcept {
  V q(0.0), q_lo(0.0);
  divide_dd(nh, nl, dh, dl, q, q_lo);
  return q + q_lo;
}

// 1/(1 + e) for e = e^-a, a ≥ 0, as r0·(1 + c): 1 + e is formed as d + dl, |dl| ≤ ulp(d)/2, to
// 2^-105, and c comes
// from the remainder 1 - (d + dl)·r0, exact in its leading part: by the FMA, or, without one,
// from a 26-bit r0 and d cut in two 26-bit halves, whose products are exact. (Then the
// remainder is 2^-26 and c needs its square; the table exp's hi has 26 bits too, so e.hi·r0
// is exact as well.)
template <class V>
struct logistic_dd {
  exp_dd<V> e;
  V s, eh, r0, c;  // s = e.s1·e.s2, e = eh + e.lo·s; 1/(1 + e) = r0·(1 + c)
  ACTFN_ALWAYS_INLINE explicit logistic_dd(V a) noexcept
      : e(-a), s(e.s1 * e.s2), eh(e.hi * s), r0(0.0), c(0.0) {
    // where s is tiny, so is every use of e beside 1
    const V d0 = V(1.0) + eh, d0_lo = (V(1.0) - d0) + eh;  // Fast2Sum: 1 ≥ eh
    const V b = e.lo * s + d0_lo;                          // up to 2^-7 of d0 with the table exp
    const V d = d0 + b, dl = b - (d - d0);                 // Fast2Sum again: d0 ≥ 1 > |b|
    if constexpr (fused_madd) {
      r0 = recip(d);
      c = madd(-dl, r0, exact_remainder(d, r0, V(1.0)));
    } else {
      r0 = high26(recip(d));
      const V d1 = high26(d), d2 = d - d1;
      const V res = ((V(1.0) - d1 * r0) - d2 * r0) - dl * r0;  // the first two exact
      c = madd(res, res, res);                                 // 1/(1 - res) = 1 + res + res²
    }
  }
  V right() const noexcept { return madd(r0, c, r0); }  // σ(a)
  // σ(-a) where v's sign bit is set, σ(a) elsewhere, as (hi + lo)·s1·s2: f·σ(a) with f = e or 1,
  // the product formed as hi + lo and scaled last. The choice is made on f, before any work is
  // done on it: a choice between two computed results would let GCC compute each in a branch of
  // its own, and give up vectorizing a loop of scalar calls.
  void sigma_parts(V v, V& hi, V& lo, V& s1, V& s2) const noexcept {
    const V f = choose_by_sign(v, e.hi, V(1.0)), f_lo = choose_by_sign(v, e.lo, V(0.0));
    hi = rounded(f * r0);
    lo = madd(f, r0 * c, f_lo * right());  // e.lo is 2^-7 of e.hi in the table exp
    if constexpr (fused_madd) lo = lo + product_error(f, r0, hi);  // else exact: 26 × 26 bits
    s1 = choose_by_sign(v, e.s1, V(1.0));
    s2 = choose_by_sign(v, e.s2, V(1.0));
  }
  V sigma(V v) const noexcept {
    V hi(0.0), lo(0.0), s1(0.0), s2(0.0);
    sigma_parts(v, hi, lo, s1, s2);
    return ((hi + lo) * s1) * s2;
  }
  // σ'(a) = e·σ(a)² = (hi + lo)·s1·s2, likewise.
  void slope_parts(V& hi, V& lo) const noexcept {
    const V sq = rounded(r0 * r0);  // without an FMA exact: 26 × 26 bits
    if constexpr (fused_madd) {
      const V sql = product_error(r0, r0, sq) + V(2.0) * sq * c;
      hi = rounded(e.hi * sq);
      lo = product_error(e.hi, sq, hi) + madd(e.hi, sql, e.lo * sq);
    } else {  // sq = sq1 + sq2, 26 bits each: e.hi·sq1 and e.hi·sq2 are exact
      const V sql = sq * madd(c, c, V(2.0) * c), sq1 = high26(sq), sq2 = sq - sq1;
      hi = e.hi * sq1;
      lo = madd(e.hi, sq2, madd(e.hi, sql, e.lo * (sq + sql)));
    }
  }
  V slope(V factor) const noexcept {
    V hi(0.0), lo(0.0);
    slope_parts(hi, lo);
    return ((hi + lo) * (e.s1 * factor)) * e.s2;
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
