// actfn/detail/target/exp.hpp: e^t over lanes of doubles, for float results (exp_split, good
// to 2^-37) and for double results (exp_dd, as hi + lo good to 2^-59), by the reduction
// e^t = 2^k·e^r, k = round(t/ln2), |r| ≤ ln2/2. Per target, no include guard.

namespace actfn::detail::ACTFN_TARGET {

// ln 2 = hi + lo, hi on 42 bits: k·hi is exact for |k| < 2^11 even without an FMA.
inline constexpr double k_ln2_hi = 0x1.62e42fefa3800p-1, k_ln2_lo = 0x1.ef35793c76730p-45;
inline constexpr double k_log2e = 0x1.71547652b82fep+0;
// y + k_round rounds y to an integer k and holds k + 1023, 2^k's exponent field, in its low bits.
inline constexpr double k_round = 0x1.8p52 + 1023;

// Coefficients and their errors: printed by `python3 scripts/coefficients.py`.
// e^r - 1 = r·Q(r) for |r| ≤ ln2/2: relative error 2^-37.5.
inline constexpr double k_expm1[] = {
    0x1.a136bf03ec612p-16, 0x1.a17e052cd2c8fp-13, 0x1.6c166bde96885p-10, 0x1.1110a6173845ep-7,
    0x1.55555565c7e0ep-5,  0x1.5555557e7777ep-3,  0x1.fffffffffe062p-2,  0x1.fffffffff61ddp-1};

// For float results. e^t = s·(1 + q) and e^t - 1 = (s - 1) + s·q, with s = 2^k, q = e^r - 1.
// t is clamped to ±120 first: e^-120 ≈ 8e-53, so any float result it feeds is 0 or its limit
// even after a factor 10^3 (GELU-tanh's x·v'(x) at its clamp), and no product of the kernels
// can overflow or underflow a double in any order -ffast-math may reassociate it into
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

// For double results. e^r = 1 + r + r²/2 + r³·P(r) for |r| ≤ ln2/2: relative error 2^-59.8
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

}  // namespace actfn::detail::ACTFN_TARGET
