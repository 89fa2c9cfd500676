// actfn/detail/kernels/elu.hpp: the ELU family λ·x for x ≥ 0, λα·expm1(x/γ) below, and its
// derivative, every kernel: ELU (λ = γ = 1), SELU (λ and α fixed, γ = 1), CELU (λ = 1, γ = α).
// Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_ELU_HPP
#define ACTFN_DETAIL_KERNELS_ELU_HPP

#include "../exact.hpp"
#include "../wide_math.hpp"

namespace actfn::detail {

struct elu_tag {};

// The constants of one member of the family, in the type W the kernel computes in: λα is one
// constant (SELU's is the exact product, rounded once), and λα/γ the derivative's factor (CELU's
// is α/α = 1 exactly).
template <class W>
struct elu_form {
  W lambda, lambda_alpha, divisor;
};

// x/γ as q + q_lo, q_lo = (x - q·γ)/γ from the exact remainder: for γ ≠ 1 (CELU), q's rounding
// would cost |q|·2^-64 of e^q, 2^6 ULP of a long double result at q = -127, with no wider type to
// absorb it. Skipped where it has no weight (|q| tiny, or e^q saturated) or Dekker's split could
// overflow.
template <class W>
struct elu_quotient {
  W q, q_lo = 0;
  ACTFN_HOST_DEVICE constexpr elu_quotient(W x, W divisor) noexcept : q(x / divisor) {
    const W a = detail::abs(q);
    if (divisor != 1 && a < W(1e5) && a > W(0x1p-900) && detail::abs(divisor) < W(0x1p900)) {
      const W p = q * divisor;
      q_lo = ((x - p) - product_error(q, divisor, p)) / divisor;  // x - p exact: p ≈ x
    }
  }
};

// expm1, not e^x - 1, which cancels near 0. x ≥ 0 takes λ·x, so elu(±0) = ±0 whatever α.
template <class W>
ACTFN_HOST_DEVICE constexpr W elu_value(W x, elu_form<W> c) noexcept {
  if (x >= 0) return c.lambda * x;
  const elu_quotient<W> d(x, c.divisor);
  const W m = detail::expm1(d.q);
  // (where expm1 overflowed, m is the result: inf + inf·q_lo could be inf - inf)
  const bool plain = d.q_lo == 0 || !(detail::abs(m) < ce::k_inf<W>);
  return c.lambda_alpha * (plain ? m : m + (m + 1) * d.q_lo);
}

// λ for x > 0, λα/γ·e^(x/γ) for x ≤ 0: at 0 the left derivative, as PyTorch.
template <class W>
ACTFN_HOST_DEVICE constexpr W elu_derivative(W x, elu_form<W> c) noexcept {
  if (x > 0) return c.lambda;
  const elu_quotient<W> d(x, c.divisor);
  return (c.lambda_alpha / c.divisor) * (detail::exp(d.q) * (1 + d.q_lo));
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_ELU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<elu_tag> {
  // float and double in double lanes (double with hi + lo pairs); long double in the wide
  // kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;

  // double runs its lanes for γ > 0 (all but CELU with α < 0, whose e^(x/α) grows without
  // bound, past exp_dd's reach, while α·e^(x/α) may still be a double: the wide kernels).
  template <class T, class F>
  static constexpr bool lanes_on(const F& f) noexcept {
    return float_or_narrower<T> || f.template form<double>().divisor > 0;
  }

  // float: x/γ as x·(1/γ): for a float result the second rounding is 2^-53 of the argument.
  // e^(x/γ) within e^±250: a negative α as small as the least subnormal float still takes
  // α·e^250 past FLT_MAX, to -inf as the exact CELU does.
  // double: λ·x and λα·expm1(q + q_lo) with q + q_lo = x/γ (the remainder's exact), expm1 as
  // hi + lo (exp_dd's minus_one) plus e^q·q_lo, each constant as hi + lo (SELU's λ and λα are
  // not doubles), each product formed as a pair and rounded once.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const elu_form<double> c = f.template form<double>();
      const V m = exp_split<V, 250>(x * V(1.0 / c.divisor)).expm1();
      return select(x < V(0.0), V(c.lambda_alpha) * m, V(c.lambda) * x);
    } else {
      const constants<V> c(f);
      const quotient<V> q(x, c);
      const exp_dd<V> e(q.q);
      V mh(0.0), ml(0.0);
      e.minus_one(mh, ml);
      const V m_lo = madd(mh + V(1.0), q.lo, ml);  // e^q·q_lo: the pair's first-order term
      // below |x/γ| = 2^-60, λα·expm1(x/γ) is (λα/γ)·x to 2^-61, and x/γ may have rounded to
      // 0 in the subnormals (CELU, α = 3, x = -2^-1074: the result is x, not +0)
      const V neg = select(magnitude(q.q) < V(0x1p-60), times(c.d_hi, c.d_lo, x, V(0.0)),
                           times(c.la_hi, c.la_lo, mh, m_lo));
      // λ > 0 in the whole family: λ·x has x's sign (λ·(-0) + 0 would round to +0)
      return select(x < V(0.0), neg, with_sign_of(times(c.l_hi, c.l_lo, x, V(0.0)), x));
    }
  }

  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const elu_form<double> c = f.template form<double>();
      const V e = exp_split<V, 250>(x * V(1.0 / c.divisor)).exp();
      return select(x > V(0.0), V(c.lambda), V(c.lambda_alpha / c.divisor) * e);
    } else {
      const constants<V> c(f);
      const quotient<V> q(x, c);
      const exp_dd<V> e(q.q);
      // (λα/γ)·(hi + lo)·(1 + q_lo), scaled by s1·s2 last: a subnormal result rounds once
      // (e.lo may be 2^-7 of e.hi: the table exp without an FMA)
      const V d = times(c.d_hi, c.d_lo, e.hi, madd(e.hi + e.lo, q.lo, e.lo), false);
      return select(x > V(0.0), V(c.l_hi), (d * e.s1) * e.s2);
    }
  }

 private:
  // The double kernels' constants as hi + lo: λ, λα, λα/γ, from the wide (long double) form,
  // and 1/γ.
  template <class V>
  struct constants {
    double l_hi, l_lo, la_hi, la_lo, d_hi, d_lo, g, rg;
    template <class F>
    explicit constants(const F& f) noexcept {
      const elu_form<long double> w = f.template form<long double>();
      const long double d = w.lambda_alpha / w.divisor;
      l_hi = static_cast<double>(w.lambda), l_lo = static_cast<double>(w.lambda - l_hi);
      la_hi = static_cast<double>(w.lambda_alpha);
      la_lo = static_cast<double>(w.lambda_alpha - la_hi);
      d_hi = static_cast<double>(d), d_lo = static_cast<double>(d - d_hi);
      g = static_cast<double>(w.divisor), rg = 1 / g;
    }
  };
  // x/γ = q + lo: q = x·(1/γ) rounded, lo from the exact remainder x - q·γ (0 for γ = 1; 0 also
  // where |q| ≥ 800, beyond exp_dd's clamp, and at q = ±inf, where the remainder is NaN).
  template <class V>
  struct quotient {
    V q, lo;
    ACTFN_ALWAYS_INLINE quotient(V x, const constants<V>& c) noexcept
        : q(x * V(c.rg)),
          lo(select(magnitude(q) < V(800.0), exact_remainder(q, V(c.g), x) * V(c.rg), V(0.0))) {}
  };
  // (a_hi + a_lo)·(b + b_lo), rounded once, with the sign of a_hi·b (a zero keeps it). A tiny b
  // is scaled by 2^200 first and the result back last, so that the product's error term is
  // not itself rounded in the subnormals (SELU's λx at x = 2.7e-308 was 1.3 ULP off). With
  // finite, a product that overflows gives its inf, not the NaN of its error term.
  template <class V>
  ACTFN_ALWAYS_INLINE static V times(double a_hi, double a_lo, V b, V b_lo,
                                     bool finite = true) noexcept {
    const auto tiny = magnitude(b) < V(0x1p-900);
    const V up = select(tiny, V(0x1p200), V(1.0)), down = select(tiny, V(0x1p-200), V(1.0));
    b = b * up, b_lo = b_lo * up;
    const V p = rounded(V(a_hi) * b);
    V r = p + (product_error(V(a_hi), b, p) + madd(V(a_hi), b_lo, V(a_lo) * b));
    if (finite) r = select(magnitude(p) <= V(0x1.fffffffffffffp1023), r, p);
    return with_sign_of(r * down, p);
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
