// actfn/detail/target/exp_float.hpp: e^-a and σ as hi + lo over lanes of floats, for the
// float-lane kernels of the faithful tier. Used only where madd fuses (lane_for, lanes.hpp):
// every lo below is an FMA's exact residual or a Fast2Sum's. Per target, no include guard.
//
// Why pairs: σ(-a) = e/(1 + e) inherits e's relative error, and 1 + e rounds by up to 2^-24, so
// a float exp (about 1 ULP) and a plain division give up to 2 ULP. With e as hi + lo to about
// 2^-27, 1 + e as d + dl and the quotient corrected by its exact remainder, what is left is the
// final rounding (0.5 ULP) and a few hundredths.

namespace actfn::detail::ACTFN_TARGET {

// 2^(-i/8), i = 0..7, as hi + lo (to 2^-48): one permute reads each (lookup, lanes_*.hpp).
inline constexpr float kf_exp2_8_hi[8] = {0x1p+0f,        0x1.d5818ep-1f, 0x1.ae89fap-1f,
                                          0x1.8ace54p-1f, 0x1.6a09e6p-1f, 0x1.4bfdaep-1f,
                                          0x1.306fe0p-1f, 0x1.172b84p-1f};
inline constexpr float kf_exp2_8_lo[8] = {0.0f,
                                          -0x1.822dbcp-28f,
                                          -0x1.a94b14p-27f,
                                          0x1.15506ep-28f,
                                          0x1.9fcef4p-27f,
                                          -0x1.593abcp-26f,
                                          0x1.4636e2p-26f,
                                          -0x1.c15742p-28f};
inline constexpr float kf_8_log2e = 0x1.715476p+3f;  // 8/ln2
// ln2/8 = hi + lo to 2^-42, hi on 12 bits: m·hi is exact for the m below (≤ 1224).
inline constexpr float kf_ln2_8_hi = 0x1.62ep-4f, kf_ln2_8_lo = 0x1.0bfbe8p-18f;
// y + kf_round rounds y to an integer, held in its low bits.
inline constexpr float kf_round = 0x1.8p23f;
// (e^-r - 1 + r)/r² for |r| ≤ ln2/16 + 2^-12: a degree-2 Chebyshev fit (mpmath), error 1.7e-7,
// which r² ≤ 0.0019 scales to 2^-31.5 of e^-r.
inline constexpr float kf_expm1_q[] = {0x1.55597ap-5f, -0x1.555b8ep-3f, 0.5f};

// e^-a = 2^-k·(th + tl) for 0 ≤ a ≤ 106 (NaN included): m = 8k + i = round(8a/ln2), th =
// 2^(-i/8) from the table and tl = th·(e^-r - 1) + the table's lo, |r| ≤ ln2/16, |tl| ≤ 0.05·th,
// so th + tl is good to about 2^-28 from a polynomial of degree 4 alone; `field` holds 127 - k
// in its low bits (exponent_field makes 2^-k of it).
template <class V>
struct exp_parts_ff {
  V th, tl, field;
  ACTFN_ALWAYS_INLINE explicit exp_parts_ff(V a) noexcept : th(0.0f), tl(0.0f), field(0.0f) {
    // opaque, twice: under -ffast-math (y + kf_round) - kf_round would fold to y
    const V y = opaque(madd(a, V(kf_8_log2e), V(kf_round)));  // m in its low bits
    const V m = opaque(y - V(kf_round));
    V r = madd(m, V(-kf_ln2_8_hi), a);  // exact
    r = madd(m, V(-kf_ln2_8_lo), r);    // rounded by 2^-29 at most
    const V q = madd(madd(r, V(kf_expm1_q[0]), V(kf_expm1_q[1])), r, V(kf_expm1_q[2]));
    const V p = madd(rounded(r * r), q, -r);  // e^-r - 1
    th = lookup(kf_exp2_8_hi, y);
    tl = madd(th, p, lookup(kf_exp2_8_lo, y));
    // (m - 3.5)/8 is k + (i - 3.5)/8, within 7/16 of k: 127 - k rounds into the low bits
    field = opaque(madd(m - V(3.5f), V(-0.125f), V(kf_round + 127)));
  }
};

// e^-a for a ≥ 0 as (hi + lo)·s1·s2: hi + lo = th + tl by Fast2Sum, 2^-k = s1·s2 in two normal
// factors, 2^-min(k, 100) and the rest, so that a result in the subnormals rounds there once,
// in its last multiplication. a is capped at 106 first: e^-106·4 < 2^-150 (tanh′).
template <class V>
struct exp_neg_ff {
  V hi, lo, s1, s2;
  ACTFN_ALWAYS_INLINE explicit exp_neg_ff(V a) noexcept : hi(0.0f), lo(0.0f), s1(0.0f), s2(0.0f) {
    const exp_parts_ff<V> p(min_of(V(106.0f), a));  // NaN stays: MINPS returns its second operand
    hi = p.th + p.tl;                               // Fast2Sum: |tl| ≤ 0.05·th
    lo = (p.th - hi) + p.tl;
    const V f1 = max_of(p.field, V(kf_round + 27));  // 127 - min(k, 100)
    s1 = exponent_field(f1);
    s2 = exponent_field((p.field - f1) + V(kf_round + 127));
  }
};

// σ(-a) and σ(a) = 1/(1 + e), e = e^-a = (hi + lo)·s, s = s1·s2, for a ≥ 0. 1 + e is d + dl
// (a Fast2Sum), r0 = 1/d rounded, c = 1 - (d + dl)·r0 from the FMA's exact remainder, and
// the quotient (hi + lo)/(d + dl) = q0 + t·r0: q0 = hi·r0 rounded, t its exact remainder.
// e·s1 stands for e in d: where s2 < 1, e < 2^-100 is far below d's rounding either way.
template <class V>
struct logistic_ff {
  exp_neg_ff<V> e;
  V r0, c, q0, t;
  ACTFN_ALWAYS_INLINE explicit logistic_ff(V a) noexcept
      : e(a), r0(0.0f), c(0.0f), q0(0.0f), t(0.0f) {
    const V eh = e.hi * e.s1;  // exact: s1 ≥ 2^-100
    const V d = V(1.0f) + eh;
    const V dl = madd(e.lo, e.s1, (V(1.0f) - d) + eh);  // Fast2Sum: 1 ≥ eh
    r0 = recip(d);
    c = madd(-dl, r0, madd(-d, r0, V(1.0f)));
    q0 = rounded(e.hi * r0);
    t = madd(-q0, dl, e.lo) + madd(-q0, d, e.hi);  // hi - q0·d: exact
  }
  // σ(-a) where v's sign bit is set, else σ(a) = r0·(1 + c): each rounded once (but a
  // subnormal σ(-a), from a result rounded to float first at 2^-100 of its scale).
  V sigma(V v) const noexcept {
    const V left = madd(t, r0 * e.s1, q0 * e.s1) * e.s2;
    const V right = madd(r0, c, r0);
    return choose_by_sign(v, left, right);
  }
  // σ'(a)·f = e/(1 + e)²·f = s·(q0 + t·r0)·r0·(1 + c)·f, f a power of 2: q0·r0 as p + its
  // exact residual, the rest first-order terms; rounded once, as σ(-a). f scales p and rest
  // (exactly), not s1: s1·f after s1's max_of is a multiplication GCC moves into that choice's
  // branches, which then keeps a loop of scalar tanh′ calls from vectorizing.
  V slope(float f = 1.0f) const noexcept {
    const V p = rounded(q0 * r0);
    const V rest = madd(t * r0, r0, madd(p, c, madd(q0, r0, -p)));
    return madd(rest * V(f), e.s1, (p * V(f)) * e.s1) * e.s2;
  }
};

// tanh|x| for float lanes: below ln 2, x + x³·R(x²), R a degree-5 Chebyshev fit with
// float coefficients (2^-26.7 of tanh, mpmath); above, 1 - 2e/(1 + e), e = e^-2|x| ≤ 1/4
// rounded once (by 2^-27 at most, which moves the result by ≤ 0.16 ULP: the cut at ln 2 halves
// it against one where e may reach [1/4, 1/2)), 1 + e as d + dl, 1/(d + dl) corrected by the
// FMA's exact remainder, and the last FMA rounding once.
inline constexpr float kf_tanh_r[] = {0x1.10d1e4p-9f,  -0x1.0a9cc0p-7f, 0x1.63805ep-6f,
                                      -0x1.b9f44cp-5f, 0x1.1110aap-3f,  -0x1.555554p-2f};
inline constexpr float kf_tanh_cut = 0x1.62e430p-1f;  // ln 2 rounded up

// Horner's c[0]·y^(N-1) + ... + c[N-1], unrolled by the fold: GCC leaves a `for` over the
// coefficients a loop, which keeps a user's loop of scalar calls from vectorizing.
template <class V, std::size_t N, std::size_t... i>
ACTFN_INLINE V horner_ff(V y, const float (&c)[N], std::index_sequence<i...>) noexcept {
  V r(c[0]);
  ((r = madd(r, y, V(c[i + 1]))), ...);
  return r;
}

template <class V>
ACTFN_INLINE V tanh_ff(V x) noexcept {
  const V a = magnitude(x);
  // near 0: a + a³·R(a²)
  const V y = rounded(a * a);
  const V r = horner_ff(y, kf_tanh_r, std::make_index_sequence<std::size(kf_tanh_r) - 1>());
  const V near = madd(rounded(a * y), r, a);
  // e^-2a rounded once; 2a is capped at 19, where tanh rounds to 1 (1 - 2e^-19 is within 2^-26
  // of it), so 2^-k (k ≤ 27) is one normal factor.
  const exp_parts_ff<V> p(min_of(V(19.0f), a + a));  // NaN stays
  const V e = (p.th + p.tl) * exponent_field(p.field);
  const V d = V(1.0f) + e, dl = (V(1.0f) - d) + e;  // Fast2Sum: 1 ≥ e
  const V r0 = recip(d);
  const V inv = madd(r0, madd(-dl, r0, madd(-d, r0, V(1.0f))), r0);  // 1/(d + dl)
  const V far = madd(V(-2.0f) * e, inv, V(1.0f));
  return with_sign_of(select(a < V(kf_tanh_cut), near, far), x);
}

}  // namespace actfn::detail::ACTFN_TARGET
