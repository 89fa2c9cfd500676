// actfn/detail/target/exp_fast.hpp: e^-a for the fast tier's kernels, one template over lanes of
// floats and of doubles alike, with no table and no pairs: the reduction e^-a = 2^k·e^r, k =
// round(-a/ln2), |r| ≤ ln2/2 (ln2 in two parts, so that r is exact to 2^-40 of its size), and
// e^r - 1 = r + r²·P(r). Per target, no include guard.
//
// Why its result comes scaled by 2^shift: e^-a for a up to `reach` lies in L's subnormals, where
// the kernels' σ(-a) = e/(1 + e) must keep its relative accuracy down to the last bit (σ(-100) =
// 3.7e-44 in float). 2^(k + shift) is a normal power of 2 for every k of the range, built from
// the exponent field in one shift; the kernels scale by 2^-shift last, and only a result in the
// subnormals rounds there.

namespace actfn::detail::ACTFN_TARGET {

// c[0]·x^(N-1) + ... + c[N-1] by Horner's rule: each step's rounding is scaled by the terms
// after it, where Estrin's scheme (lanes.hpp's polynomial) adds partial sums as large as the
// result (measured: 1.3 against 0.7 ULP for the fast GELU's polynomials in float). Its chain of
// N dependent steps is hidden by the loops' independent batches.
template <class V, class C, std::size_t N>
ACTFN_INLINE V horner(V x, const C (&c)[N]) noexcept {
  V p(c[0]);
  [&]<std::size_t... i>(std::index_sequence<i...>) {  // unrolled at every -O level
    ((p = madd(p, x, V(c[i + 1]))), ...);
  }(std::make_index_sequence<N - 1>{});
  return p;
}

template <class L>
struct exp_fast_constants;

template <>
struct exp_fast_constants<float> {
  static constexpr float log2e = 0x1.715476p+0f;
  // ln 2 = hi + lo to 2^-44, hi on 15 bits: k·hi is exact for |k| ≤ 2^9, even without an FMA.
  static constexpr float ln2_hi = 0x1.62e4p-1f, ln2_lo = 0x1.7f7d1cp-20f;
  // Past a = 106, e^-a·4 < 2^-150 (tanh′ = 4e/(1 + e)²): every result is 0 or its limit.
  // far_reach for GELU, whose e^-a meets factors up to 10^3 (x·v′(x) at x's clamp, 16):
  // e^-125·10^3 < 2^-150 still, and k ≥ -181 keeps 2^(k + shift) normal.
  static constexpr float reach = 106.0f, far_reach = 125.0f;
  static constexpr int shift = 64;  // k ≥ -153: 2^(k + 64) ≥ 2^-89 is normal
  static constexpr float up = 0x1p64f, down = 0x1p-64f;  // 2^shift, 2^-shift
  // y + round rounds y to an integer k and holds k + 127 + shift in its low bits.
  static constexpr float round = 0x1.8p23f + 127 + shift;
  // (e^r - 1 - r)/r² on |r| ≤ ln2/2: degree 4, relative error of r + r²·P 2^-25.2
  // (`python3 scripts/coefficients.py`, "fast tier, float"), 0.43 ULP at most.
  static constexpr float p[] = {0x1.6d110ap-10f, 0x1.120b6ep-7f, 0x1.55551ap-5f, 0x1.5554dcp-3f,
                                0x1.0p-1f};
  // degree 5, 2^-29.2, for GELU (Far), whose other factors leave less of the 4 ULP
  static constexpr float p_far[] = {0x1.a124f2p-13f, 0x1.6d4324p-10f, 0x1.1110e0p-7f,
                                    0x1.5554eap-5f,  0x1.555556p-3f,  0x1.0p-1f};
};

template <>
struct exp_fast_constants<double> {
  static constexpr double log2e = k_log2e;
  static constexpr double ln2_hi = k_ln2_hi, ln2_lo = k_ln2_lo;  // hi on 42 bits (exp.hpp)
  // Past a = 747, e^-a·4 < 2^-1075: every result is 0 or its limit.
  static constexpr double reach = 747.0, far_reach = 780.0;  // (k ≥ -1126: 2^(k + 600) normal)
  static constexpr int shift = 600;  // k ≥ -1078: 2^(k + 600) ≥ 2^-478 is normal
  static constexpr double up = 0x1p600, down = 0x1p-600;
  static constexpr double round = 0x1.8p52 + 1023 + shift;
  // degree 10, relative error 2^-60.0 ("fast tier, double").
  static constexpr double p[] = {
      0x1.1f730349868cep-29, 0x1.af4de97ca4194p-26, 0x1.27e4db646b17ep-22, 0x1.71de0231960ebp-19,
      0x1.a01a01a6d889cp-16, 0x1.a01a01abe7fe1p-13, 0x1.6c16c16c162d4p-10, 0x1.11111111100dcp-7,
      0x1.5555555555556p-5,  0x1.5555555555557p-3,  0x1.0p-1};
  static constexpr const auto& p_far = p;
};

// P(r) from r and r²: float's 5 coefficients as (c0·r + c1)·r² + (c2·r + c3), times r, + c4,
// three deep and no multiplication beyond the 4 FMAs (Estrin's would add r⁴); double's by
// Estrin's scheme (lanes.hpp), whose chain is 4 deep where Horner's would be 10.
template <class V, class C, std::size_t N>
ACTFN_INLINE V polynomial_fast(V r, V r2, const C (&c)[N]) noexcept {
  if constexpr (N == 5) {
    return madd(madd(madd(V(c[0]), r, V(c[1])), r2, madd(V(c[2]), r, V(c[3]))), r, V(c[4]));
  } else {
    return polynomial(r, r2, c);
  }
}

// min(bound, a), NaN kept (MINPS's operand order: bound < a ? bound : a). On a plain lane a select
// by bits: a minimum against a constant became a branch there, and GCC gave up vectorizing a
// user's loop of scalar calls ("control flow in loop").
template <class V, class L>
ACTFN_INLINE V capped(V a, L bound) noexcept {
  if constexpr (std::is_floating_point_v<V>) {
    return select(V(bound) < a, V(bound), a);
  } else {
    return min_of(V(bound), a);
  }
}

// e^-a·2^shift = s·(1 + q) for a ≥ 0 (NaN stays NaN: capped keeps it), with a capped at reach
// (far_reach where Far). scaled() rounds it once. The second constructor takes an argument known
// as a + tail, tail below a's rounding (GELU's x²/2 as the square's hi + lo): e^-(a + tail), whose
// relative accuracy then does not depend on a's size.
template <class V, class L, bool Far = false>
struct exp_fast {
  using constants = exp_fast_constants<L>;
  V s, q;
  ACTFN_ALWAYS_INLINE explicit exp_fast(V a) noexcept : s(L(0)), q(L(0)) { reduce<false>(a, a); }
  ACTFN_ALWAYS_INLINE exp_fast(V a, V tail) noexcept : s(L(0)), q(L(0)) { reduce<true>(a, tail); }
  V scaled() const noexcept { return madd(s, q, s); }
  // e^-a·2^shift·f = s·(f + q·f), with one rounding (s is a power of 2): for a factor f that
  // the result is multiplied by anyway.
  V scaled_times(V f) const noexcept { return s * madd(q, f, f); }

 private:
  template <bool with_tail>
  ACTFN_ALWAYS_INLINE void reduce(V a, [[maybe_unused]] V tail) noexcept {
    using C = constants;
    const V t = -capped(a, Far ? C::far_reach : C::reach);
    // opaque, twice: under -ffast-math (y + round) - round would fold to y
    const V y = opaque(madd(t, V(C::log2e), V(C::round)));
    const V k = opaque(y - V(C::round));
    V r = madd(k, V(-C::ln2_hi), t);  // exact
    r = madd(k, V(-C::ln2_lo), r);
    if constexpr (with_tail) r = r - tail;
    s = exponent_field(y);
    const V r2 = r * r;  // (a factor only: nothing to contract it into)
    if constexpr (Far) {
      q = madd(r2, horner(r, C::p_far), r);
    } else {
      q = madd(r2, polynomial_fast(r, r2, C::p), r);
    }
  }
};

// a·b - p exactly, for p = a·b rounded, in float lanes: the FMA's residual where madd fuses;
// else Veltkamp's split of each factor into two 12-bit halves, whose four products are exact
// (factors below 2^100: nothing overflows in the split). opaque(): -ffast-math would fold the
// split to the factor itself.
template <class V>
ACTFN_INLINE V residual_f(V a, V b, V p) noexcept {
  if constexpr (fused_madd) {
    return madd(a, b, -p);
  } else {
    const V ca = opaque(a * V(4097.0f)), cb = opaque(b * V(4097.0f));
    const V a1 = opaque(ca - opaque(ca - a)), b1 = opaque(cb - opaque(cb - b));
    const V a2 = a - a1, b2 = b - b1;
    return (((a1 * b1 - p) + a1 * b2) + a2 * b1) + a2 * b2;
  }
}

// σ(x) = n/(1 + e), e = e^-|x|, n = e where x's sign bit is set, else 1: no overflow for any x,
// and the left tail keeps its relative accuracy. e is e^-|x|·2^shift scaled back, exactly but
// where it is subnormal (there n's rounding and the quotient's round twice, within 1.5 of the
// subnormal spacing). Error: e's (about 0.5 ULP) moves n and 1 + e alike, which cancels in part;
// with the roundings of 1 + e and of the quotient, measured 2.40 ULP at most on all 2^32 floats
// (docs/accuracy.md; tests/sigmoid.cpp asserts 4).
template <class L, class V>
ACTFN_INLINE V logistic_fast(V x) noexcept {
  const V e = exp_fast<V, L>(magnitude(x)).scaled() * V(exp_fast_constants<L>::down);
  return quotient(choose_by_sign(x, e, V(L(1))), e + V(L(1)));
}

// σ'(a)·f = e/(1 + e)²·f, e = e^-a, for a ≥ 0 and f a power of 2 (tanh′ = 4σ'(2|x|)): never
// σ(1 - σ), whose 1 - σ cancels to 0 past a = 17 in float. (1 + e)² is formed as 1 + e·(e + 2),
// one rounding where madd fuses (the rounding of e + 2 weighs at most half), rather than as the
// square of a rounded 1 + e, which doubles that rounding: 4.0 ULP that way (every 16th float),
// 2.38 this (all 2^32 floats; 2.45 without an FMA).
template <class L, class V>
ACTFN_INLINE V logistic_slope_fast(V a, L f) noexcept {
  using C = exp_fast_constants<L>;
  const V es = exp_fast<V, L>(a).scaled();
  const V e = es * V(C::down);  // (where it is subnormal, 1 + it is 1 all the same)
  const V ef = f == L(1) ? e : es * V(C::down * f);
  return quotient(ef, madd(e, e + V(L(2)), V(L(1))));
}

// tanh x = ±|m|/(2 + m), m = e^-2|x| - 1 ≤ 0, with x's sign (tanh(-0) = -0). m·2^shift is
// s·q + (s - 2^shift), rounded once: s - 2^shift is exact wherever m is not -1 to the last bit,
// and s·q keeps m's relative accuracy for small |x| (k = 0: s - 2^shift = 0), where 1 - e^-2|x|
// would cancel. The quotient needs no unscaling.
template <class L, class V>
ACTFN_INLINE V tanh_fast(V x) noexcept {
  using C = exp_fast_constants<L>;
  const exp_fast<V, L> e(V(L(2)) * magnitude(x));
  const V m = madd(e.s, e.q, e.s - V(C::up));
  return quotient(with_sign_of(m, x), m + V(2 * C::up));
}

}  // namespace actfn::detail::ACTFN_TARGET
