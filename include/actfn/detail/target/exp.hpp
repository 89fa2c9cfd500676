// actfn/detail/target/exp.hpp: e^t over lanes of doubles, for float results (exp_split, good
// to 2^-37) and for double results (exp_dd, as hi + lo good to 2^-59), by the reduction
// e^t = 2^k·e^r, k = round(t/ln2), |r| ≤ ln2/2. Per target, no include guard.

namespace actfn::detail::ACTFN_TARGET {

// ln 2 = hi + lo, hi on 42 bits: k·hi is exact for |k| < 2^11 even without an FMA.
inline constexpr double k_ln2_hi = 0x1.62e42fefa3800p-1, k_ln2_lo = 0x1.ef35793c76730p-45;
inline constexpr double k_log2e = 0x1.71547652b82fep+0;
// y + k_round rounds y to an integer k and holds k + 1023, 2^k's exponent field, in its low bits.
inline constexpr double k_round = 0x1.8p52 + 1023;
// y + k_halves - k_halves rounds y (|y| < 2^51) to an integer, held in y + k_halves's low bits.
inline constexpr double k_halves = 0x1.8p52;

// 2^k = s1·s2 for an integral k in [-2044, 2046], in two normal factors 2^⌈k/2⌉ and 2^⌊k/2⌋.
template <class V>
ACTFN_INLINE void split_scale(V k, V& s1, V& s2) noexcept {
  const V k1 = opaque(V(0.5) * k + V(k_halves)) - V(k_halves);  // k/2 rounded to an integer
  s1 = exponent_field(k1 + V(k_round));
  s2 = exponent_field((k - k1) + V(k_round));
}

// Coefficients and their errors: printed by `python3 scripts/coefficients.py`.
// e^r - 1 = r·Q(r) for |r| ≤ ln2/2: relative error 2^-37.5.
inline constexpr double k_expm1[] = {
    0x1.a136bf03ec612p-16, 0x1.a17e052cd2c8fp-13, 0x1.6c166bde96885p-10, 0x1.1110a6173845ep-7,
    0x1.55555565c7e0ep-5,  0x1.5555557e7777ep-3,  0x1.fffffffffe062p-2,  0x1.fffffffff61ddp-1};

// For float results. e^t = s·(1 + q) and e^t - 1 = (s - 1) + s·q, with s = 2^k, q = e^r - 1.
// t is clamped to ±120 first: e^-120 ≈ 8e-53, so any float result it feeds is 0 or its limit
// even after a factor 10^3 (GELU-tanh's x·v'(x) at its clamp), and no product of the kernels
// can overflow or underflow a double in any order -ffast-math may reassociate it into
// (measured: gelu_tanh'(-FLT_MAX) was inf with a ±700 clamp). NaN stays NaN. A kernel whose
// e^t meets a factor up to FLT_MAX or a float parameter (SiLU's x·σ(βx), softplus's 1/β) takes
// Reach = 250 instead: e^-250·FLT_MAX is still below half the least subnormal float, and e^250
// times the least subnormal float is still above FLT_MAX.
template <class V, int Reach = 120>
struct exp_split;

// The Reach of a derivative's tails for T: a 16-bit T's backward multiplies the unrounded f' by
// gradients up to bfloat16's largest (3.4·10^38), so that f' must keep its relative accuracy
// down to 10^-79 (e^-181), the least bfloat16 over that gradient: 250, as for a float parameter.
// (At 120 the clamp showed through: sigmoid<bfloat16>'s backward at x = 123.5, g = -1.2·10^20,
// gave -9.2·10^-33 for -2.8·10^-34.)
template <class T>
inline constexpr int tail_reach = is_binary16<T> ? 250 : 120;

template <class V, int Reach>
struct exp_split {
  V s, q;
  ACTFN_ALWAYS_INLINE explicit exp_split(V t) noexcept : s(0.0), q(0.0) {
    t = clamp_magnitude(t, Reach);
    // opaque, twice: under -ffast-math, (y + k_round) - k_round would fold to y, and Clang
    // would distribute k·ln2 over y - k_round, losing r to cancellation.
    const V y = opaque(madd(t, V(k_log2e), V(k_round)));
    const V k = opaque(y - V(k_round));
    V r = madd(k, V(-k_ln2_hi), t);  // exact
    r = madd(k, V(-k_ln2_lo), r);
    s = exponent_field(y);
    q = polynomial(r, k_expm1) * r;
  }
  V exp() const noexcept { return madd(s, q, s); }
  V expm1() const noexcept { return madd(s, q, s - V(1.0)); }  // s - 1 is exact
};

// For double results, e^t for t ≤ 0 as s1·s2·(hi + lo): hi + lo = e^t/2^k to about 2^-59, and
// 2^k = s1·s2 in two normal factors (2^⌈k/2⌉ and 2^⌊k/2⌋), so that a result in the subnormals is
// scaled there by the last multiplication, its only rounding. t is clamped to -800, past which
// every result is 0, even GELU-tanh's σ'(v) times x·v'(x) ≤ 2·10^11 at the clamp x = -10^4.
// minus_one() gives e^t - 1 as hi + lo, keeping its relative accuracy near t = 0 (tanh).
// Two ways, by what the lanes have:

// With an FMA: e^r = 1 + r + r²/2 + r³·P(r), |r| ≤ ln2/2: relative error 2^-59.8
// (scripts/coefficients.py). 1 + r + r²/2 is kept exact (r² by the FMA's residual), so P's
// roundings are scaled by |r³|.
inline constexpr double k_exp_p[] = {
    0x1.1f66df7fca49fp-29, 0x1.af38a9b0ec855p-26, 0x1.27e4e1f48534fp-22, 0x1.71de0dae63bb3p-19,
    0x1.a01a01a47b054p-16, 0x1.a01a01a7c41d5p-13, 0x1.6c16c16c167e1p-10, 0x1.11111111109b3p-7,
    0x1.5555555555555p-5,  0x1.5555555555556p-3};

template <class V>
struct exp_dd_fma {
  V r, half, tail;  // e^r - 1 = r + half + tail: r²/2 exactly, and the small rest
  V hi, lo, s1, s2;
  ACTFN_ALWAYS_INLINE explicit exp_dd_fma(V t) noexcept
      : r(0.0), half(0.0), tail(0.0), hi(0.0), lo(0.0), s1(0.0), s2(0.0) {
    t = clamp_magnitude(t, 800.0);  // NaN stays
    const V y = opaque(madd(t, V(k_log2e), V(k_round)));
    const V k = opaque(y - V(k_round));
    const V r_hi = madd(k, V(-k_ln2_hi), t);  // exact
    r = madd(k, V(-k_ln2_lo), r_hi);
    const V r_lo = madd(k, V(-k_ln2_lo), r_hi - r);  // what rounding r lost
    const V r2 = rounded(r * r);
    half = V(0.5) * r2;
    tail = madd(r2 * r, polynomial(r, k_exp_p), madd(V(0.5), product_error(r, r, r2), r_lo));
    // 1 + r + half + tail as hi + lo, by three Fast2Sums (each addend smaller than the sum)
    const V a = V(1.0) + r, a_lo = (V(1.0) - a) + r;
    const V b = a + half, b_lo = (a - b) + half;
    hi = b + tail;
    lo = ((b - hi) + tail) + (a_lo + b_lo);
    split_scale(k, s1, s2);
  }
  // (2^k - 1) + 2^k·(r + r²/2 + tail), 2^k - 1 as hi + lo (k < -53 rounds it), by Fast2Sums,
  // each addend smaller than the sum: 2^k - 1 = 0 (k = 0) or |2^k - 1| ≥ 1/2 > |r|, and then
  // r²/2 ≤ 0.18|r|, |tail| ≤ 0.06|r|. For small |t| (k = 0) it is r itself plus corrections.
  void minus_one(V& mh, V& ml) const noexcept {
    const V s = s1 * s2;
    const V a = s - V(1.0), a_lo = s - (a + V(1.0));  // Fast2Sum: 1 ≥ s
    const V b = s * r, c = s * half, d = s * tail;
    const V m0 = a + b, m1 = m0 + c;
    mh = m1 + d;
    ml = ((b - (m0 - a)) + ((m0 - m1) + c)) + (((m1 - mh) + d) + a_lo);
  }
};

// Without an FMA (SSE2): e^t = 2^k·2^(j/64)·e^r, |r| ≤ ln2/128, 2^(j/64) from a table
// (detail/exp_table.hpp) as a 26-bit hi and a lo, and e^r = 1 + r + r²·Q(r): relative error
// 2^-69 (scripts/coefficients.py). Every product's rounding is scaled by |r| ≤ 0.0054 or
// smaller, so none needs to be exact; hi is the table's, lo ≤ 0.006·hi the rest.
inline constexpr double k_ln2_64_hi = 0x1.62e42fefa0000p-7, k_ln2_64_lo = 0x1.cf79abc9e3b3ap-46;
inline constexpr double k_64_log2e = 0x1.71547652b82fep+6;  // 64/ln2
inline constexpr double k_exp_q[] = {0x1.6c16d10b3c31dp-10, 0x1.111120b03696dp-7,
                                     0x1.5555555555194p-5, 0x1.5555555554dd4p-3,
                                     0x1.0000000000000p-1};

template <class V>
struct exp_dd_table {
  V r, r_lo, q, t_lo;  // e^(r + r_lo) = 1 + r + r_lo + q; 2^(j/64) = hi + t_lo
  V hi, lo, s1, s2;
  ACTFN_ALWAYS_INLINE explicit exp_dd_table(V t) noexcept
      : r(0.0), r_lo(0.0), q(0.0), t_lo(0.0), hi(0.0), lo(0.0), s1(0.0), s2(0.0) {
    t = clamp_magnitude(t, 800.0);  // NaN stays
    const V y = opaque(madd(t, V(k_64_log2e), V(k_halves)));
    const V j = opaque(y - V(k_halves));         // t·64/ln2 rounded: j = 64k + i, 0 ≤ i < 64
    const V r_hi = madd(j, V(-k_ln2_64_hi), t);  // exact: j·hi has at most 53 bits
    const V r_tail = j * V(-k_ln2_64_lo);
    r = r_hi + r_tail;  // rounded by 2^-60.5 at most, which only minus_one() needs back:
    r_lo = r_tail - (r - r_hi);
    q = (r * r) * polynomial(r, k_exp_q);
    hi = lookup(k_exp2_64_hi, y);
    t_lo = lookup(k_exp2_64_lo, y);
    lo = madd(hi + t_lo, r + q, t_lo);  // 2^(j/64)·(1 + r + q) - hi
    // k = (j - i)/64, i = j's low six bits, read from y's
    const V i = low_bits(y, 63);
    split_scale((j - i) * V(0x1p-6), s1, s2);
  }
  // (2^k·hi - 1) + 2^k·(hi·r1 + rest), r = r1 + r2 cut to 26 bits (so hi·r1 is exact), as hi +
  // lo by Fast2Sums: |-1| ≥ 2^k·hi (as t ≤ 0), and then 2^k·hi - 1 is 0 (j = 0: m is r itself,
  // to its last bit) or larger than 2^k·hi·r1 in magnitude.
  void minus_one(V& mh, V& ml) const noexcept {
    const V s = s1 * s2, a = s * hi, r1 = high26(r);
    const V b = s * (hi * r1), b_lo = s * madd(hi, ((r - r1) + r_lo) + q, t_lo * (V(1.0) + r + q));
    const V m0 = a - V(1.0), m0_lo = a - (m0 + V(1.0));
    const V m1 = m0 + b, m1_lo = ((b - (m1 - m0)) + m0_lo) + b_lo;
    mh = m1 + m1_lo;  // a last Fast2Sum: |m1_lo| ≤ 2^-8 |m1|
    ml = m1_lo - (mh - m1);
  }
};

template <class V>
using exp_dd = std::conditional_t<fused_madd, exp_dd_fma<V>, exp_dd_table<V>>;

}  // namespace actfn::detail::ACTFN_TARGET
