// actfn/detail/kernels/gelu.hpp: GELU, exact (x·Φ(x)) and tanh-approximated, with their
// derivatives, every kernel. Included once plainly (the wide-type kernels: constant evaluation,
// CUDA device code, long double), then once per target (ACTFN_TARGET set: the lane kernels).
// actfn::gelu_approximation is declared before (actfn/gelu.hpp).

#ifndef ACTFN_DETAIL_KERNELS_GELU_HPP
#define ACTFN_DETAIL_KERNELS_GELU_HPP

#include "../exact.hpp"
#include "../wide_math.hpp"
#include "sigmoid.hpp"

namespace actfn::detail {

// A: actfn::fast for the fast tier's kernels, actfn::faithful for the one set the other two tiers
// share (actfn/gelu.hpp picks).
template <class A>
struct gelu_tag {};

// A constant as hi + lo in W. Far left, erfc and σ turn a relative error ε in their argument
// z into a relative error of about 2z²ε in their result (z² up to ~1500 for double), so the
// constants that scale the argument carry their rounding error in lo.
template <class W>
struct split {
  W hi, lo;
};
// c = c1 + c2 to about 128 bits; c1 is the nearest 64-bit long double, c2 the remainder
// (both printed by libquadmath: quadmath_snprintf "%La" of c and of c - c1).
template <class W>
constexpr split<W> split_constant(long double c1, long double c2) {
  const W hi = static_cast<W>(c1);
  return {hi, static_cast<W>((c1 - static_cast<long double>(hi)) + c2)};
}

template <class W>
inline constexpr split<W> k_inv_sqrt2 = split_constant<W>(0xb.504f333f9de6484p-4L,
                                                          0xb.2fb1366ea95p-69L);
// 2√(2/π): the tanh form is x·σ(2u), u = √(2/π)(x + 0.044715x³), so 2u is what σ takes.
template <class W>
inline constexpr split<W> k_two_sqrt_2_over_pi = split_constant<W>(0xc.c42299ea1b28468p-3L,
                                                                   0xf.cb3c500bab9p-68L);
// 0.044715, the cubic coefficient of GPT-2/BERT's GELU (PyTorch's approximate="tanh").
template <class W>
inline constexpr split<W> k_gelu_cubic = split_constant<W>(0xb.727136a400fba88p-8L,
                                                           0x9.aaa3ad18d26p-74L);
// 1/√(2π) scales φ's result, not an argument: its rounding is not amplified.
template <class W>
inline constexpr W k_inv_sqrt_2pi = static_cast<W>(0xc.c42299ea1b28468p-5L);

// a·b, but a zero of a's sign where b is exactly 0: b is a factor that underflowed (Φ, φ, σ'
// far out on the left), and ±inf·0 would turn gelu(-inf) into NaN instead of its limit -0.
template <class W>
ACTFN_HOST_DEVICE constexpr W times_vanishing(W a, W b) noexcept {
  return b == 0 ? (a < 0 ? -W(0) : W(0)) : a * b;
}

// A derivative d at x: -0 where it underflowed to 0 on the left, where GELU' is negative (below
// its root at x ≈ -0.7518: the sum of a positive and a negative term that both vanish).
template <class W>
ACTFN_HOST_DEVICE constexpr W negative_zero_left(W x, W d) noexcept {
  return d == 0 && x < 0 ? -W(0) : d;
}

// Φ(x) = ½·erfc(z), z = -x/√2: for x < 0 erfc is small and accurate, where ½(1 + erf)
// cancels. z is rounded; its error dz (exact product residual plus the constant's lo) is put
// back to first order: erfc(z + dz) ≈ erfc(z)(1 - 2z·dz) for z > 0, where the condition
// number ~2z² matters (the factor is off by < 40% at z ≥ 1, a relative 2^-p·z² at worst).
template <class W>
ACTFN_HOST_DEVICE constexpr W normal_cdf(W x) noexcept {
  const W p = x * k_inv_sqrt2<W>.hi;
  const W dp = product_error(x, k_inv_sqrt2<W>.hi, p) + x * k_inv_sqrt2<W>.lo;
  const W z = -p;
  const W e = detail::erfc(z);
  return W(0.5) * (z > 0 && e > 0 ? e * (1 + 2 * z * dp) : e);
}

template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_value(W x) noexcept {
  return times_vanishing(x, normal_cdf(x));
}

// GELU'(x) = Φ(x) + x·φ(x), φ(x) = e^(-x²/2)/√(2π). x² is split exactly into h + l, so its
// rounding (amplified x²/2 times by exp) costs nothing: e^(-l/2) = 1 - l/2 to first order.
// Near the root x ≈ -0.7518 the sum cancels: the error there is absolute, about 2^-p.
template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_derivative(W x) noexcept {
  const W h = x * x;
  const W l = product_error(x, x, h);
  const W e = detail::exp(W(-0.5) * h);
  const W phi = e == 0 ? W(0) : k_inv_sqrt_2pi<W> * e * (1 - W(0.5) * l);  // l is NaN there
  return negative_zero_left(x, normal_cdf(x) + times_vanishing(x, phi));
}

// 2u(x) = 2√(2/π)·x·(1 + 0.044715x²) as hi + lo: every rounding's error is carried in lo (to
// first order), as σ(2u) turns an absolute error in 2u into a relative one |2u| times larger
// (up to 745 for double). x is clamped to ±1e4 first: beyond, σ(2u) and σ'(2u) are exactly 1
// or 0 in every W, and x³ cannot overflow.
template <class W>
ACTFN_HOST_DEVICE constexpr split<W> gelu_tanh_arg(W x) noexcept {
  const W xc = x < W(-1e4) ? W(-1e4) : x > W(1e4) ? W(1e4) : x;  // NaN stays NaN
  const auto [c, c_lo] = k_gelu_cubic<W>;
  const auto [k, k_lo] = k_two_sqrt_2_over_pi<W>;
  const W h = xc * xc;  // x² = h + l
  const W l = product_error(xc, xc, h);
  const W q = c * h;  // c·x² = q + q_lo
  const W q_lo = product_error(c, h, q) + (c * l + c_lo * h);
  const W s = 1 + q;          // 1 + c·x² = s + s_lo
  const W b = opaque(s - q);  // TwoSum, each step opaque() to -ffast-math
  const W s_lo = (opaque(1 - b) + opaque(q - opaque(s - b))) + q_lo;
  const W t = xc * s;  // x(1 + c·x²) = t + t_lo
  const W t_lo = product_error(xc, s, t) + xc * s_lo;
  const W v = k * t;  // 2u = v + v_lo
  return {v, product_error(k, t, v) + (k * t_lo + k_lo * t)};
}

// ½x(1 + tanh u) = x·σ(2u): σ keeps full relative accuracy for u < 0, where 1 + tanh u
// cancels. σ(v + δ) = σ(v)(1 + δ(1 - σ(v))) to first order.
template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_tanh_value(W x) noexcept {
  const auto [v, dv] = gelu_tanh_arg(x);
  const W s = sigmoid_value(v);
  return times_vanishing(x, s * (1 + dv * (1 - s)));
}

// d/dx x·σ(2u) = σ(2u) + x·σ'(2u)·2u'(x), 2u' = 2√(2/π)(1 + 3·0.044715x²);
// σ'(v + δ) = σ'(v)(1 + δ(1 - 2σ(v))) to first order.
template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_tanh_derivative(W x) noexcept {
  const auto [v, dv] = gelu_tanh_arg(x);
  const W s = sigmoid_value(v);
  const W ds = sigmoid_derivative(v) * (1 + dv * (1 - 2 * s));
  const W slope = k_two_sqrt_2_over_pi<W>.hi * (1 + 3 * k_gelu_cubic<W>.hi * x * x);
  return negative_zero_left(x, s * (1 + dv * (1 - s)) + times_vanishing(x * slope, ds));
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_GELU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

// Float results, computed in double lanes. erfc(a) = e^-a²·P(t)/(1 + 2a), t = (a - 3)/(a + 3),
// for a in [0, 10.5]: relative error 2^-35.7 (scripts/coefficients.py). The map t keeps the
// whole tail in one polynomial, so no branch picks a piece.
inline constexpr double k_erfc[] = {
    -0x1.2df041d213d84p-18, 0x1.5439ca3bb467fp-16, 0x1.f1030f6f4bda3p-14, -0x1.f54167dccac6bp-14,
    -0x1.998ceeec79b0ep-11, 0x1.f06be3b810954p-10, 0x1.4bb043ce36bdap-9,  -0x1.85783698dec01p-6,
    0x1.17c9ebc79e2aap-4,   -0x1.e88b6f0dac297p-4, 0x1.098368b301fa4p-3,  -0x1.85a15d68b4910p-5,
    -0x1.15c084c4f3fe3p-3,  0x1.40c522d7f0c67p+0};
inline constexpr double k_erfc_reach = 10.5;
inline constexpr double k_sqrt_half = 0x1.6a09e667f3bcdp-1;    // 1/√2
inline constexpr double k_inv_sqrt_pi = 0x1.20dd750429b6dp-1;  // 1/√π
inline constexpr double k_inv_sqrt_2pi = 0x1.9884533d43651p-2;  // 1/√(2π)
// The tanh form's constants as hi + lo: 2√(2/π) (x·σ(2u) takes 2u), 0.044715 (GPT-2/BERT's cubic
// coefficient) and 3·0.044715 (in the derivative). Float results use the hi parts.
inline constexpr double k_gelu_k = 0x1.9884533d43651p+0, k_gelu_k_lo = -0x1.cbc0d30ebfd15p-54;
inline constexpr double k_gelu_c = 0x1.6e4e26d4801f7p-5, k_gelu_c_lo = 0x1.441355475a31ap-59;
inline constexpr double k_gelu_c3 = 0x1.12ba9d1f60179p-3, k_gelu_c3_lo = 0x1.f30e7ff583a54p-57;

// Φ(x) = ½erfc(-z) and e^-z², z = x/√2 clamped to ±10.5 (past it, the results below are their
// limits). erfc(a) for a = |z|, and Φ = 1 - ½erfc(a) for x > 0, where Φ is near 1 and only
// needs absolute accuracy. Wide (a 16-bit x, whose x² is exact): e^-z² as e^(-x²/2) from x itself,
// down to e^-250, for the asymptotic series past the clamp (exact_value, exact_derivative).
template <class V, bool Wide = false>
struct gelu_normal_f {
  V z, cdf, gauss;  // z clamped, Φ(x), e^-z² = √(2π)·φ(x)
  ACTFN_ALWAYS_INLINE explicit gelu_normal_f(V x) noexcept : z(0.0), cdf(0.0), gauss(0.0) {
    z = clamp_magnitude_branchless(x * V(k_sqrt_half), k_erfc_reach);  // NaN stays
    const V a = magnitude(z);
    if constexpr (Wide) {
      const V xw = clamp_magnitude(x, 1e4);
      gauss = exp_split<V, 250>(V(-0.5) * (xw * xw)).exp();
    } else {
      gauss = exp_split(-(a * a)).exp();
    }
    // One reciprocal serves both t = (a - 3)/(a + 3) and 1/(1 + 2a).
    const V b = madd(a, V(2.0), V(1.0)), c = a + V(3.0);
    const V u = recip(c * b);
    const V half_erfc = (gauss * polynomial((a - V(3.0)) * b * u, k_erfc)) * (c * u * V(0.5));
    // Φ = ½erfc(a) or 1 - ½erfc(a), by sign: the choice is made on the constants (a choice
    // between two computed results keeps GCC from vectorizing a loop of scalar calls).
    const auto left = x < V(0.0);
    cdf = madd(select(left, V(1.0), V(-1.0)), half_erfc, select(left, V(0.0), V(1.0)));
  }
  // x, or -0 where x is so far left that x·Φ is -0 (-inf·Φ would be NaN)
  V x_or_0(V x) const noexcept { return select(z <= V(-k_erfc_reach), V(-0.0), x); }
};

// The tanh form: ½x(1 + tanh u) = x·σ(v), v = 2u = 2√(2/π)·x·(1 + 0.044715x²), with x clamped
// to ±16 inside v: |v(16)| = 318, so past it σ(v) is 0 or 1 far below float's precision.
// Reach: exp_split's (a 16-bit derivative's tail_reach).
template <class V, int Reach = 120>
struct gelu_tanh_f {
  V xc, e, r;  // clamped x, e^-v, σ(v) = 1/(1 + e)
  ACTFN_ALWAYS_INLINE explicit gelu_tanh_f(V x) noexcept : xc(0.0), e(0.0), r(0.0) {
    // a minimum, not clamp_magnitude_branchless: a loop of these calls vectorizes either way,
    // and with a minimum on SSE2 too (its 64-bit masks a select would need are not there)
    xc = clamp_magnitude(x, 16.0);
    const V v = (V(k_gelu_k) * xc) * madd(V(k_gelu_c) * xc, xc, V(1.0));
    e = exp_split<V, Reach>(-v).exp();
    r = recip(V(1.0) + e);
  }
};

// Double results, tanh form: x·σ(v). σ turns an absolute error in v into a relative one |v|
// times larger (up to 745), so v carries every rounding's error in dv (to first order), from
// constants split as hi + lo, and σ(v + dv) = σ(v)(1 + dv(1 - σ(v))).

// 1 + a·x², x² = h + l, as hi + lo (TwoSum: a·x² may exceed 1).
template <class V>
ACTFN_INLINE void one_plus_dd(V a, V a_lo, V h, V l, V& hi, V& lo) noexcept {
  const V q = rounded(a * h);
  const V q_lo = product_error(a, h, q) + madd(a, l, a_lo * h);
  hi = V(1.0) + q;
  const V b = hi - q;
  lo = ((V(1.0) - b) + (q - (hi - b))) + q_lo;
}

template <class V>
struct gelu_tanh_dd {
  // in initialization order: each from the ones before
  V xc, h, l;          // x clamped to ±1e4 (σ(v) is 0 or 1 far beyond), x² = h + l
  V dv, v;             // v + dv
  logistic_dd<V> sig;  // of |v|
  ACTFN_ALWAYS_INLINE explicit gelu_tanh_dd(V x) noexcept
      : xc(clamp_magnitude_branchless(x, 1e4)),
        h(rounded(xc * xc)),
        l(product_error(xc, xc, h)),
        dv(0.0),
        v(arg(xc, h, l, dv)),
        sig(magnitude(v)) {}
  static V arg(V xc, V h, V l, V& dv) noexcept {
    V s(0.0), s_lo(0.0);
    one_plus_dd(V(k_gelu_c), V(k_gelu_c_lo), h, l, s, s_lo);
    const V t = rounded(xc * s);
    const V t_lo = product_error(xc, s, t) + xc * s_lo;
    const V w = rounded(V(k_gelu_k) * t);
    dv = product_error(V(k_gelu_k), t, w) + madd(V(k_gelu_k), t_lo, V(k_gelu_k_lo) * t);
    return w;
  }
};

// Double results, exact form: Φ's tail T = ½erfc(a), a = |x|/√2, as ½e^-a²·erfcx(a), each
// factor as hi + lo. erfcx(a) = H(u)·c, c = C1/(a + 3.5), H a polynomial of degree 24 in
// u = C0 - c, which maps a in [0, 27.5] onto [-1, 1]: relative error 2^-59.3
// (scripts/coefficients.py). H's low-order coefficients are large against H, so the last 6
// Horner steps run in double-double, with the coefficients as hi + lo; the first 18, on H's small
// high-order part, in double (Estrin). a is clamped to 27.5: past it, e^-a² underflows every
// result it scales.
inline constexpr double k_sqrt_half_lo = -0x1.bdd3413b26456p-55;   // 1/√2 - k_sqrt_half
inline constexpr double k_inv_sqrt_pi_lo = 0x1.1ae3a914fed80p-57;  // 1/√π - k_inv_sqrt_pi
inline constexpr double k_erfcx_c0 = 0x1.4129e4129e413p+0, k_erfcx_c0_lo = -0x1.86fb586fb5870p-54;
inline constexpr double k_erfcx_c1 = 0x1.f904a7904a790p+2, k_erfcx_c1_lo = 0x1.29e4129e4129ep-52;
inline constexpr double k_erfcx_k = 3.5, k_erfcx_reach = 0x1.37333333p+5;  // 27.5·√2 ≈ 38.9
inline constexpr double k_erfcx_high[] = {
    -0x1.8fdd1b8e6c815p-41, -0x1.213e074eb3484p-38, 0x1.81e8f1f66ed55p-38,  0x1.ef7e1ef65a595p-35,
    -0x1.0edf1a7936c2dp-38, -0x1.0c1140cece177p-31, -0x1.31cdbacebc3d1p-32, 0x1.06a9d80968392p-28,
    0x1.fd5841b1d8b64p-29,  -0x1.109051af4733dp-25, -0x1.129dec8d0fae7p-25, 0x1.3fc2dddff679dp-22,
    0x1.32da1986f4b57p-23,  -0x1.9fa7efbda8188p-19, 0x1.4376944890cddp-19,  0x1.fdb00a452e6d6p-16,
    -0x1.9f20239521692p-14, -0x1.7f15a3a1561dbp-14, 0x1.cd067f9af917bp-10};
inline constexpr double k_erfcx_low[] = {-0x1.fa8132efe8408p-8, 0x1.6bf8cc2c9af86p-6,
                                         -0x1.8e6b98f897f6ep-5, 0x1.5f60941f337d4p-4,
                                         -0x1.0026b25410ecap-3, 0x1.3815268b64e5cp-3};
inline constexpr double k_erfcx_low_lo[] = {0x1.8151df47d1e3cp-62,  -0x1.477e8d69c3d67p-61,
                                            0x1.a5a8837b53652p-60,  0x1.b8f4fcb85d389p-58,
                                            -0x1.c7cee062b1c0fp-57, 0x1.9d8ace92e1b85p-57};

// p·u + c, all three as hi + lo (pl·ul dropped): one double-double Horner step.
template <class V>
ACTFN_INLINE void horner_dd(V& ph, V& pl, V uh, V ul, double ch, double cl) noexcept {
  const V m = rounded(ph * uh);
  V s(0.0), e(0.0);
  two_sum(V(ch), m, s, e);
  pl = e + madd(ph, ul, madd(pl, uh, product_error(ph, uh, m) + V(cl)));
  ph = s;
}

template <class V, std::size_t... k>
ACTFN_INLINE void horner_dd_steps(V& ph, V& pl, V uh, V ul, std::index_sequence<k...>) noexcept {
  (horner_dd(ph, pl, uh, ul, k_erfcx_low[k], k_erfcx_low_lo[k]), ...);
}

template <class V>
struct gelu_exact_dd {
  V xc, a_h, a_l;      // x clamped to ±38.9 (x's sign, zeros included); a = |xc|/√2
  V e_h, e_l, s1, s2;  // e^-a² = (e_h + e_l)·s1·s2
  V q_h, q_l;          // erfcx(a)
  ACTFN_ALWAYS_INLINE explicit gelu_exact_dd(V x) noexcept
      : xc(clamp_magnitude_branchless(x, k_erfcx_reach)),
        a_h(0.0),
        a_l(0.0),
        e_h(0.0),
        e_l(0.0),
        s1(0.0),
        s2(0.0),
        q_h(0.0),
        q_l(0.0) {
    // 1. a = |x|/√2: the product's residual and the constant's lo part
    const V ax = magnitude(xc);
    a_h = rounded(ax * V(k_sqrt_half));
    a_l = madd(ax, V(k_sqrt_half_lo), product_error(ax, V(k_sqrt_half), a_h));
    // 2. e^-a² = e^-h·(1 - l), a² = h + l to 2^-104 (e^-a² turns an error ε in a² into one of
    // ε·a² ≤ 756ε in the result)
    const V h = rounded(a_h * a_h);
    const V l = madd(V(2.0) * a_h, a_l, product_error(a_h, a_h, h));
    const exp_dd<V> e(-h);
    e_h = e.hi;
    e_l = madd(-l, e.hi + e.lo, e.lo);  // e.lo is 2^-7 of e.hi in the table exp
    s1 = e.s1;
    s2 = e.s2;
    // 3. c = C1/(a + 3.5) and u = C0 - c, each as hi + lo (H turns an error in u into one of its)
    V d(0.0), d_l(0.0), c(0.0), c_l(0.0), u_h(0.0), u_l(0.0);
    two_sum(a_h, V(k_erfcx_k), d, d_l);
    divide_dd(V(k_erfcx_c1), V(k_erfcx_c1_lo), d, d_l + a_l, c, c_l);
    two_sum(V(k_erfcx_c0), -c, u_h, u_l);
    u_l = u_l + (V(k_erfcx_c0_lo) - c_l);
    // 4. H(u): the high-order part in double, then 6 double-double Horner steps
    V p_h = polynomial(u_h, k_erfcx_high), p_l(0.0);
    horner_dd_steps(p_h, p_l, u_h, u_l, std::make_index_sequence<6>{});
    // 5. erfcx(a) = H·c
    q_h = rounded(p_h * c);
    q_l = madd(p_h, c_l, madd(p_l, c, product_error(p_h, c, q_h)));
  }

  // GELU = x·Φ: x·T where x < 0, x·(1 - T) elsewhere, T = ½e^-a²·erfcx(a), each as hi + lo and
  // rounded once.
  V value(V x) const noexcept {
    const V t_h = rounded(e_h * q_h);  // 2T/(s1·s2) = t_h + t_l
    const V t_l = madd(e_h, q_l, madd(e_l, q_h, product_error(e_h, q_h, t_h)));
    const V f_h = V(1.0) - ((V(0.5) * t_h * s1) * s2);  // 1 - T by Fast2Sum: T ≤ 1/2
    const V f_l = ((V(1.0) - f_h) - ((V(0.5) * t_h * s1) * s2)) - ((V(0.5) * t_l * s1) * s2);
    const V p_h = choose_by_sign(xc, V(0.5) * t_h, f_h),
            p_l = choose_by_sign(xc, V(0.5) * t_l, f_l);
    // x·Φ: x itself only in the leading product, so that inf·1 stays inf; the clamped x in the
    // rest, whose terms vanish there. Tiny x is scaled up first, so that no term rounds in the
    // subnormals before the last product.
    const auto tiny = magnitude(x) < V(0x1p-900);
    const V up = select(tiny, V(0x1p100), V(1.0)), xu = xc * up;
    const V yh = rounded((select(xc < x, x, xc) * up) * p_h);  // (see tanh_value)
    const V yl = madd(xu, p_l, product_error(xu, p_h, rounded(xu * p_h)));
    const V y = (((yh + yl) * choose_by_sign(xc, s1, V(1.0))) * choose_by_sign(xc, s2, V(1.0))) *
                select(tiny, V(0x1p-100), V(1.0));
    return with_sign_of(y, x);  // x's sign, zeros included: far left y underflows to -0
  }

  // GELU' = Φ + x·φ = T - a·e^-a²/√π where x < 0, 1 - (T - a·e^-a²/√π) elsewhere: G·s1·s2 or
  // 1 - G·s1·s2, G = e^-a²·D, D = erfcx(a)/2 - a/√π as hi + lo (it cancels near the root
  // x ≈ -0.7518).
  V derivative() const noexcept {
    const V k_h = rounded(a_h * V(k_inv_sqrt_pi));  // a/√π = k_h + k_l
    const V k_l = madd(a_h, V(k_inv_sqrt_pi_lo),
                       madd(a_l, V(k_inv_sqrt_pi), product_error(a_h, V(k_inv_sqrt_pi), k_h)));
    V d_h(0.0), d_l(0.0);
    two_sum(V(0.5) * q_h, -k_h, d_h, d_l);
    d_l = d_l + (V(0.5) * q_l - k_l);
    const V g_h = rounded(e_h * d_h);
    const V g_l = madd(e_h, d_l, madd(e_l, d_h, product_error(e_h, d_h, g_h)));
    const V f_h = V(1.0) - ((g_h * s1) * s2);  // Fast2Sum: |G·s1·s2| ≤ 1/2 where x ≥ 0
    const V f_l = ((V(1.0) - f_h) - ((g_h * s1) * s2)) - ((g_l * s1) * s2);
    const V b_h = choose_by_sign(xc, g_h, f_h), b_l = choose_by_sign(xc, g_l, f_l);
    // far left the result underflows to -0 (the sign of G·s1·s2 there)
    return ((b_h + b_l) * choose_by_sign(xc, s1, V(1.0))) * choose_by_sign(xc, s2, V(1.0));
  }
};

// The fast tier's float GELU, in float lanes, within 4 ULP. Both forms far left are e^(-w)
// times a slowly varying factor, w = x²/2 or |v| up to ~104, and e^(-w) turns an absolute error
// in w into a relative one w times larger: w is carried as hi + lo (exp_fast's tail). GELU′
// crosses zero near x = -0.752, where Φ + x·φ cancels: it is computed as (y0 - y)·(a polynomial),
// so it keeps its relative accuracy through the root. Coefficients and root: `python3
// scripts/coefficients.py` ("fast GELU"). GELU-tanh′ runs the faithful kernel in double lanes:
// in float lanes (σ + x·v′·σ′ with its terms as pairs, and a polynomial around its root, within
// 3.54 ULP) it took 85 operations per 8 floats, 1.25x the double-lane kernel's time (commit
// c840803, AVX2).
inline constexpr float k_fgelu_clamp = 16.0f;  // past it every result is its limit (or ±0)
// 2√(2/π) and 0.044715 as hi + lo
inline constexpr float k_fgelu_k = 0x1.988454p+0f, k_fgelu_k_lo = -0x1.857936p-25f;
inline constexpr float k_fgelu_c = 0x1.6e4e26p-5f, k_fgelu_c_lo = 0x1.a9003ep-30f;
// y = |x|, t = (y - 4)/(y + 4) in [-1, 0.6]: R(y)·(y + 4)/√(2π), R(y) = Φ(-y)/φ(y) (Mills's
// ratio; relative error 2^-25.6); M(y)/(y0 - y)/√(2π), M(y) = R(y) - y (2^-25.8), y0 its root.
inline constexpr float k_fgelu_r_head[] = {
    -0x1.9efaa8p-15f, -0x1.db1f74p-13f, 0x1.6c9d5cp-13f, 0x1.aea886p-10f,
    -0x1.c9a774p-9f,  -0x1.ee79fep-8f,  0x1.eec7d2p-5f,  -0x1.7dfedap-3f,
    0x1.8c6dbap-2f,   -0x1.373e3cp-1f};
inline constexpr float k_fgelu_r_last = 0x1.82b4bcp-1f;
// M(y)/(y0 - y)/√(2π) = Qm + (t + 1)·Q(t): Qm its value at y = 0 (0.5/y0, rounded so that
// y0·Qm rounds to 1/2: GELU′(0) = 1/2 exactly), Q of degree 8 (2^-25.0 with Qm).
inline constexpr float k_fgelu_m[] = {0x1.8a7df4p-18f,  0x1.5be596p-16f, 0x1.59e8bep-13f,
                                      -0x1.7040b4p-12f, -0x1.7a9d50p-10f, 0x1.6708e0p-7f,
                                      -0x1.3fcd8cp-5f,  0x1.978e18p-4f,  -0x1.9f7898p-3f};
inline constexpr float k_fgelu_m0 = 0x1.54851ap-1f;
inline constexpr float k_fgelu_y0 = 0x1.80ead2p-1f, k_fgelu_y0_lo = -0x1.a03fd4p-27f;

// x clamped to ±16 (NaN stays NaN), as a select on a plain lane (capped, exp_fast.hpp)
template <class V>
ACTFN_INLINE V gelu_clamp_fast(V x) noexcept {
  return with_sign_of(capped(magnitude(x), k_fgelu_clamp), x);
}

// The exact form, x·Φ(x) = x·Φ(-y) on the left (y = |x|, clamped), x - x·Φ(-y) on the right, where
// Φ(-y)·2^64 = e^(-y²/2)·2^64·R(t)/(y + 4), R(t) the polynomial of R(y)·(y + 4)/√(2π). y² is
// hi + lo, and the reciprocal r of y + 4 carries its two roundings' relative error c (y + 4's, by
// Fast2Sum, and the quotient's, by the FMA's residual) into the exponential: e^(c - y²/2)·r is
// e^(-y²/2)/(y + 4) to within the exponential's own rounding.
template <class V>
ACTFN_INLINE V gelu_erf_value_fast(V x) noexcept {
  constexpr float down = exp_fast_constants<float>::down;
  const V xc = gelu_clamp_fast(x), y = magnitude(xc);
  const V d = y + V(4.0f);
  const V d_lo = y - opaque(d - V(4.0f));  // both steps exact for y in [0, 16]
  const V r = quotient(V(1.0f), d);
  const V p = rounded(d * r);
  const V c = ((V(1.0f) - p) - residual_f(d, r, p)) - d_lo * r;  // 1 - (y + 4)·r
  const V h = rounded(y * y);
  const exp_fast<V, float, true> e(V(0.5f) * h, madd(V(0.5f), residual_f(y, y, h), -c));
  // t = 2y/(y + 4) - 1 (= (y - 4)/(y + 4)) from 2y·r·(1 + c), c correcting r's error: y - 4
  // would round off y's low bits, r's error moved t by as much (R(t) by up to 2 ULP each)
  const V t = madd((y + y) * r, c, madd(y + y, r, V(-1.0f)));
  // R(t)·e^(c - y²/2)·2^64 = s·(R + q·R): R's last Horner step as hi + lo (its rounding, up to
  // 2^-24 of R where R is just above 1, is kept), the sum rounded once
  const V head = horner(t, k_fgelu_r_head);
  const V rh = madd(t, head, V(k_fgelu_r_last));
  const V rl = madd(t, head, V(k_fgelu_r_last) - rh);  // (c - rh exact where rh < 1.51)
  const V tail = (e.s * (madd(e.q, rh, rl) + rh)) * r;  // Φ(-y)·2^64
  // left: (x·Φ(-y)·2^64)·2^-64, rounded in the subnormals only by the last step; right:
  // x - x·Φ(-y) in one rounding, with the clamped x in the product (inf - inf would be NaN).
  // x's sign last: the right side's -0 - -0·Φ would be +0.
  const V left = (xc * tail) * V(down), right = madd(-xc, tail * V(down), x);
  return with_sign_of(select(xc < V(0.0f), left, right), x);
}

// GELU′ = ±φ(y)·M(y) (+ 1 where x > 0), M(y) = (y0 - y)·(M(y)/(y0 - y)): y0 - y is exact near
// the root (Sterbenz), so nothing cancels there.
template <class V>
ACTFN_INLINE V gelu_erf_derivative_fast(V x) noexcept {
  constexpr float down = exp_fast_constants<float>::down;
  const V xc = gelu_clamp_fast(x), y = magnitude(xc);
  const V u = quotient(y + y, y + V(4.0f));  // t + 1, t = (y - 4)/(y + 4) without y - 4's rounding
  const V h = rounded(y * y);
  const exp_fast<V, float, true> e(V(0.5f) * h, V(0.5f) * residual_f(y, y, h));
  // the polynomial's last step as mh + ml (m0 - mh is exact: mh lies in [0.4, 0.67]); ml's
  // relative size ml/mh (1/mh to 6%: a line) joins the exponential's q, so that
  // s·(1 + q + ml/mh)·(y0 - y)·mh rounds once after the product
  const V head = horner(u - V(1.0f), k_fgelu_m);
  const V mh = madd(u, head, V(k_fgelu_m0));
  const V ml = madd(u, head, V(k_fgelu_m0) - mh);
  const V q = madd(ml, madd(mh, V(-3.65665f), V(3.87346f)), e.q);
  const V f = ((V(k_fgelu_y0) - y) + V(k_fgelu_y0_lo)) * mh;
  // left: an underflow rounds to -0, the limit's sign (-0 added, not +0, where madd is unfused)
  const auto left = xc < V(0.0f);
  return madd(select(left, V(down), V(-down)), e.s * madd(q, f, f),
              select(left, V(-0.0f), V(1.0f)));
}

// The tanh form: v = 2√(2/π)·x·(1 + 0.044715x²) as v + v_lo (every rounding's error carried to
// first order: x² by its residual, 1 + c·x² by TwoSum, the constants as hi + lo), then
// e = e^-|v| from it.
template <class V>
struct gelu_tanh_fast {
  V xc, h, l, e;             // x clamped, x² = h + l, e^-|v|
  exp_fast<V, float, true> ef;  // e^-|v|·2^64 = s·(1 + q)
  ACTFN_ALWAYS_INLINE explicit gelu_tanh_fast(V x) noexcept
      : xc(gelu_clamp_fast(x)),
        h(rounded(xc * xc)),
        l(residual_f(xc, xc, h)),
        e(0.0f),
        ef(arg(xc, h, l)) {
    e = ef.scaled() * V(exp_fast_constants<float>::down);
  }
  // e^-|v|, from v as v + v_lo: exp_fast's argument |v| and its tail ±v_lo (v has x's sign)
  static exp_fast<V, float, true> arg(V xc, V h, V l) noexcept {
    const V q = rounded(V(k_fgelu_c) * h);
    const V q_lo = residual_f(V(k_fgelu_c), h, q) + madd(V(k_fgelu_c), l, V(k_fgelu_c_lo) * h);
    const V s = V(1.0f) + q;  // 1 + c·x² = s + s_lo, by TwoSum (c·x² may exceed 1)
    const V b = opaque(s - q);
    const V s_lo = (opaque(V(1.0f) - b) + opaque(q - opaque(s - b))) + q_lo;
    const V w = rounded(xc * s);
    const V w_lo = residual_f(xc, s, w) + xc * s_lo;
    const V v = rounded(V(k_fgelu_k) * w);
    const V v_lo = residual_f(V(k_fgelu_k), w, v) + madd(V(k_fgelu_k), w_lo, V(k_fgelu_k_lo) * w);
    return {magnitude(v), choose_by_sign(xc, -v_lo, v_lo)};
  }
  // x·σ(v) = x·n/(1 + e), n = e (scaled by 2^64, scaled back last) where x < 0, else 1; x itself
  // on the right (inf stays inf), its clamp on the left (-inf·0 would be NaN).
  V value(V x) const noexcept {
    constexpr float down = exp_fast_constants<float>::down;
    const V sigma = quotient(choose_by_sign(xc, ef.scaled(), V(1.0f)), e + V(1.0f));
    return (select(x < V(0.0f), xc, x) * sigma) * choose_by_sign(xc, V(down), V(1.0f));
  }
};

template <class A>
struct kernel<gelu_tag<A>> {
  // The fast tier's float runs in float lanes (above); every other float and double in double
  // lanes, long double in the wide kernels.
  template <class T>
  static constexpr bool fast_float = std::is_same_v<A, fast> && std::is_same_v<T, float>;
  using faithful_kernel = kernel<gelu_tag<faithful>>;
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void,
                                  std::conditional_t<fast_float<T>, float, double>>;

  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    if constexpr (fast_float<T> && !fused_madd) {
      // Without an FMA the float values' residuals split by Veltkamp's method: measured slower
      // than faithful's double lanes (GCC -O2 scalar calls, SSE2: 0.68x / 0.79x the naive loop
      // against 0.98x / 1.77x), so the values are faithful's there (the derivatives keep their
      // float lanes: as fast as faithful's, and relatively accurate through GELU''s root).
      return in_double_lanes(x, [&f](auto w) { return faithful_kernel::value<T>(f, w); });
    } else if constexpr (fast_float<T>) {
      if (f.approximation == gelu_approximation::tanh) return gelu_tanh_fast(x).value(x);
      return gelu_erf_value_fast(x);
    } else {
      if (f.approximation == gelu_approximation::tanh) {
        return toward_curvature<T>(x, tanh_value<T>(x), 1);
      }
      return toward_curvature<T>(x, exact_value<T>(x), 1);
    }
  }
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    if constexpr (fast_float<T>) {
      if (f.approximation == gelu_approximation::tanh) {
        return in_double_lanes(x, [](auto w) { return tanh_derivative<float>(w); });
      }
      return gelu_erf_derivative_fast(x);
    } else {
      if (f.approximation == gelu_approximation::tanh) return tanh_derivative<T>(x);
      return exact_derivative<T>(x);
    }
  }

  // Both at once, for the gated unit's backward: float shares Φ, φ (exact) or σ(v) (tanh)
  // between the two, with the same bits as value and derivative.
  template <class T, class F, class V>
  ACTFN_INLINE static void value_and_derivative(const F& f, V x, V& v, V& d) noexcept {
    if constexpr (fast_float<T>) {
      v = value<T>(f, x);
      d = derivative<T>(f, x);
    } else if constexpr (std::is_same_v<T, float>) {  // (16-bit: value's and derivative's tails)
      if (f.approximation == gelu_approximation::tanh) {
        const gelu_tanh_f p(x);
        const V slope = V(k_gelu_k) * madd(V(k_gelu_c3) * p.xc, p.xc, V(1.0));
        v = select(x < V(0.0), p.xc, x) * p.r;
        d = madd(p.xc * slope, (p.e * p.r) * p.r, p.r);
      } else {
        const gelu_normal_f n(x);
        v = n.x_or_0(x) * n.cdf;
        d = madd(n.z * n.gauss, V(k_inv_sqrt_pi), n.cdf);
      }
    } else {
      v = value<T>(f, x);
      d = derivative<T>(f, x);
    }
  }

  // x·Φ(x). float: far left (Φ < 2^-150) -0, as -inf·Φ would be NaN.
  // A 16-bit T, past z's clamp (x < -14.85: its gated units multiply f unrounded by up to
  // 3.4·10^38): x·Φ(x) = -φ(x)·(1 - w + 3w² - 15w³ + 105w⁴), w = 1/x², as exact_derivative's.
  template <class T, class V>
  ACTFN_INLINE static V exact_value(V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const gelu_normal_f<V, is_binary16<T>> n(x);
      const V v = n.x_or_0(x) * n.cdf;
      if constexpr (is_binary16<T>) {
        const V a = magnitude(clamp_magnitude(x, 1e4)), w = recip(a * a);
        const V series =
            madd(w, madd(w, madd(w, madd(w, V(105.0), V(-15.0)), V(3.0)), V(-1.0)), V(1.0));
        const V phi = n.gauss * V(k_inv_sqrt_2pi);
        return select(x < V(-k_erfc_reach / k_sqrt_half), V(-0.0) - phi * series, v);
      }
      return v;
    } else {
      return gelu_exact_dd(x).value(x);
    }
  }

  // GELU' = Φ(x) + x·φ(x). float: Φ + z·e^-z²/√π, with the clamped z (at x = inf, x·φ would be
  // inf·0); far left, at the clamp, the sum is about -7e-48: a float -0, the sign of the limit.
  // A 16-bit T, past z's clamp (x < -14.85, where its backward's gradients up to 3.4·10^38 still
  // see f' down to 10^-79): -φ(x)·a·(1 - w + w² - 3w³ + 15w⁴ - 105w⁵), a = |x|, w = 1/a², from
  // the asymptotic series Φ(x) = φ(x)/a·(1 - w + 3w² - ...) (its next term 10^-11 of the result at
  // a = 14.85); e^(-x²/2) down to e^-250 (x² is exact: 16-bit x).
  template <class T, class V>
  ACTFN_INLINE static V exact_derivative(V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const gelu_normal_f<V, is_binary16<T>> n(x);
      const V d = madd(n.z * n.gauss, V(k_inv_sqrt_pi), n.cdf);
      if constexpr (is_binary16<T>) {
        const V a = magnitude(clamp_magnitude(x, 1e4)), w = recip(a * a);
        const V series = madd(
            w, madd(w, madd(w, madd(w, madd(w, V(-105.0), V(15.0)), V(-3.0)), V(1.0)), V(-1.0)),
            V(1.0));
        const V phi = n.gauss * V(k_inv_sqrt_2pi);
        // near 0, ½ + x·√(2/π) (its next term x³ is below 2^-48 of it): exactly ½ where x's term
        // is below its last bit, which the backward's ties need (target/loops.hpp, off_ties),
        // where the polynomial's 2^-36 would leave it beside ½
        const V near0 = madd(x, V(2 * k_inv_sqrt_2pi), V(0.5));
        return select(x < V(-k_erfc_reach / k_sqrt_half), -(phi * a) * series,
                      select(magnitude(x) < V(0x1p-24), near0, d));
      }
      return d;
    } else {
      return gelu_exact_dd(x).derivative();
    }
  }

  // x·σ(v), x clamped to -16 on the left. float: x = -inf gives -16·σ(v) = -0 (σ(v) ≈ 8e-53
  // there), x = inf gives inf.
  // double: σ(v) = σh + σl (times s1·s2 where v < 0), and 1 - σ(v) to first order.
  template <class T, class V>
  ACTFN_INLINE static V tanh_value(V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const gelu_tanh_f<V, tail_reach<T>> p(x);
      return select(x < V(0.0), p.xc, x) * p.r;
    } else {
      const gelu_tanh_dd g(x);
      const auto& l = g.sig;
      V sh(0.0), sl(0.0), s1(0.0), s2(0.0);
      l.sigma_parts(g.v, sh, sl, s1, s2);                       // σ(v) = (sh + sl)·s1·s2
      const V rest = l.r0 * choose_by_sign(g.v, V(1.0), l.eh);  // 1 - σ(v), to first order
      // x·σ(v + dv) as yh + yl; x is clamped on the left (-inf·σ would be NaN; σ(v) is 0
      // there), and only in yh on the right: past the clamp σ(v) is 1 exactly and yl 0, so
      // that inf stays inf. Tiny x is scaled up first, so that no term rounds in the
      // subnormals before the last product.
      const auto tiny = magnitude(x) < V(0x1p-900);
      const V up = select(tiny, V(0x1p100), V(1.0)), xu = g.xc * up;
      // g.xc where x < 0, x elsewhere: a select, not max_of, which is a branch on a plain lane
      // whose product GCC would move into one side (a loop of scalar calls would not vectorize)
      const V yh = rounded((select(g.xc < x, x, g.xc) * up) * sh);
      const V yl = product_error(xu, sh, rounded(xu * sh)) + xu * madd(sh + sl, g.dv * rest, sl);
      const V y = (((yh + yl) * s1) * s2) * select(tiny, V(0x1p-100), V(1.0));
      return with_sign_of(y, x);  // the sign of x, zeros included
    }
  }

  // d/dx x·σ(v) = σ(v) + x·σ'(v)·2√(2/π)(1 + 3·0.044715x²). float: with the clamped x in the
  // second term, which vanishes past the clamp. double: each term as hi + lo, since the two
  // cancel near the root x ≈ -0.7518 and on the left; σ'(v + dv) = σ'(v)(1 + dv(1 - 2σ)).
  template <class T, class V>
  ACTFN_INLINE static V tanh_derivative(V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const gelu_tanh_f<V, tail_reach<T>> p(x);
      const V slope = V(k_gelu_k) * madd(V(k_gelu_c3) * p.xc, p.xc, V(1.0));
      return madd(p.xc * slope, (p.e * p.r) * p.r, p.r);
    } else {
      const gelu_tanh_dd g(x);
      const auto& l = g.sig;
      V sh(0.0), sl(0.0), s1(0.0), s2(0.0), dh(0.0), dl(0.0), p(0.0), p_lo(0.0);
      l.sigma_parts(g.v, sh, sl, s1, s2);                         // σ(v) = (sh + sl)·s1·s2
      l.slope_parts(dh, dl);                                      // σ'(v) = (dh + dl)·l.s
      const V sigma = l.r0 * choose_by_sign(g.v, l.eh, V(1.0));   // σ(v), to first order
      const V a_lo = madd(sh + sl, g.dv * (V(1.0) - sigma), sl);  // σ(v + dv) = sh + a_lo
      // m = x·k(1 + 3c·x²) as hi + lo
      one_plus_dd(V(k_gelu_c3), V(k_gelu_c3_lo), g.h, g.l, p, p_lo);
      const V k1 = rounded(V(k_gelu_k) * p);
      const V k1_lo =
          product_error(V(k_gelu_k), p, k1) + madd(V(k_gelu_k), p_lo, V(k_gelu_k_lo) * p);
      const V mh = rounded(g.xc * k1);
      const V ml = product_error(g.xc, k1, mh) + g.xc * k1_lo;
      // b = m·σ'(v + dv) = (bh + bl)·l.s
      const V bh = rounded(mh * dh);
      const V bl = product_error(mh, dh, bh) +
                   madd(mh, madd(dh + dl, g.dv * madd(V(-2.0), sigma, V(1.0)), dl), ml * dh);
      // σ + b, b in σ's scale: the same where v < 0, l.s smaller where σ is unscaled (and near
      // 1/2..1); summed exactly first, as the two cancel near the root and on the left.
      const V b_scale = choose_by_sign(g.v, V(1.0), l.s), bh_s = bh * b_scale, bl_s = bl * b_scale;
      const V th = sh + bh_s, tb = th - sh;
      const V t_lo = ((sh - (th - tb)) + (bh_s - tb)) + (a_lo + bl_s);
      return ((th + t_lo) * s1) * s2;
    }
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
