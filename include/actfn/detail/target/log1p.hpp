// actfn/detail/target/log1p.hpp: log(1 + u) for u in [0, 1] over lanes of doubles, for float
// results (log1p_unit) and, as hi + lo, for double results (log1p_dd, log1p_exp_dd): softplus
// and log-sigmoid. Per target, no include guard.

namespace actfn::detail::ACTFN_TARGET {

// log(1 + u) = 2·atanh(s) = 2s·Σ s^2n/(2n + 1), s = u/(2 + u) in [0, 1/3]: every term positive, no
// cancellation for tiny u, and the ten terms below leave 2^-36 of the sum (the first omitted,
// (1/9)^10/21, bounds the rest). The coefficients are the exact series' (rounded to double).
inline constexpr double k_atanh_series[] = {1.0 / 19, 1.0 / 17, 1.0 / 15, 1.0 / 13, 1.0 / 11,
                                            1.0 / 9,  1.0 / 7,  1.0 / 5,  1.0 / 3,  1.0};

template <class V>
ACTFN_INLINE V log1p_unit(V u) noexcept {
  const V s = u * recip(V(2.0) + u);
  return (V(2.0) * s) * polynomial(s * s, k_atanh_series);
}

// For double results: log(1 + v) = 2s + s³·Q(s²), s = v/(2 + v) as hi + lo, Q a near-minimax
// fit (scripts/coefficients.py) good to 2^-54. v is u, or (u - 1)/2 above √2 - 1 (and ln 2 is
// added), so that v lies in [√2/2 - 1, √2 - 1], |s| ≤ 0.172: there s³·Q is at most 1% of the
// result, and its roundings (about 2^-52 of it) cost 2^-59 of the result.
inline constexpr double k_log1p_q[] = {
    0x1.0c4d8297b1431p-3, 0x1.0fb77bcdefa76p-3, 0x1.3b1c79943fca2p-3, 0x1.745cf7c1d5dafp-3,
    0x1.c71c7204621fep-3, 0x1.249249247513dp-2, 0x1.9999999999a43p-2, 0x1.5555555555555p-1};
inline constexpr double k_sqrt2_minus_1 = 0x1.a827999fcef32p-2;
inline constexpr double k_ln2_dd_hi = 0x1.62e42fefa39efp-1, k_ln2_dd_lo = 0x1.abc9e3b39803fp-56;

// log(1 + uh + ul) as lh + ll, for uh + ul in [0, 1], |ul| ≤ ulp(uh).
template <class V>
ACTFN_INLINE void log1p_dd(V uh, V ul, V& lh, V& ll) noexcept {
  const auto big = V(k_sqrt2_minus_1) < uh;
  // (u - 1)/2: u - 1 by Fast2Sum (|-1| ≥ u); exact where u ≥ 1/2, off by half an ulp below
  const V m = uh - V(1.0), m_lo = uh - (m + V(1.0));
  const V vh = select(big, V(0.5) * m, uh), vl = select(big, V(0.5) * (m_lo + ul), ul);
  const V dh = V(2.0) + vh, dl = ((V(2.0) - dh) + vh) + vl;  // Fast2Sum: 2 > |vh|
  V sh(0.0), sl(0.0);
  divide_dd(vh, vl, dh, dl, sh, sl);
  const V c = (sh * (sh * sh)) * polynomial(sh * sh, k_log1p_q);
  // ln 2 (where big) + 2s + (2sl + c), by a Fast2Sum: ln 2 > |2s|, or 0 + 2s
  const V a = select(big, V(k_ln2_dd_hi), V(0.0)), a_lo = select(big, V(k_ln2_dd_lo), V(0.0));
  const V s2 = V(2.0) * sh, h = a + s2;
  const V l = ((s2 - (h - a)) + a_lo) + madd(V(2.0), sl, c);
  lh = h + l;
  ll = l - (lh - h);
}

// log(1 + e^-a) for a ≥ 0 as (hi + lo)·s1·s2, and σ(-a) = e^-a/(1 + e^-a) in the same units
// (for a first-order term: rounded, to 2^-52). Beyond a = 600, where e
// nears the subnormals, log1p(e) is e itself (to 2^-865) and its 2^k is kept apart, as exp_dd
// keeps it, so that a product with a large factor (softplus's 1/β) never passes through a
// subnormal; below, s1 = s2 = 1.
template <class V>
struct log1p_exp_dd {
  V hi, lo, s1, s2, sigma;
  ACTFN_ALWAYS_INLINE explicit log1p_exp_dd(V a) noexcept
      : hi(0.0), lo(0.0), s1(1.0), s2(1.0), sigma(0.0) {
    const exp_dd<V> x(-a);
    const V eh = x.hi + x.lo, el = x.lo - (eh - x.hi);  // Fast2Sum: the table exp's lo may be
    const V s = x.s1 * x.s2, u = eh * s;                // 2^-7 of its hi
    V lh(0.0), ll(0.0);
    log1p_dd(u, el * s, lh, ll);
    const auto deep = V(600.0) < a;
    hi = select(deep, eh, lh);
    lo = select(deep, el, ll);
    s1 = select(deep, x.s1, V(1.0));
    s2 = select(deep, x.s2, V(1.0));
    sigma = select(deep, eh, u * recip(V(1.0) + u));  // deep: e^-a/(1 + e^-a) is e^-a
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
