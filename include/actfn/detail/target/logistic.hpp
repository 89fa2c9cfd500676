// actfn/detail/target/logistic.hpp: σ(±a) and σ'(a) as hi + lo over lanes of doubles, for
// the double-result kernels of sigmoid, tanh' and GELU-tanh. Per target, no include guard.

namespace actfn::detail::ACTFN_TARGET {

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

}  // namespace actfn::detail::ACTFN_TARGET
