// actfn/detail/kernels/silu.hpp: SiLU/Swish x·σ(βx) and its derivative, every kernel. Included
// once plainly (the wide-type kernels), then once per target (ACTFN_TARGET set: the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_SILU_HPP
#define ACTFN_DETAIL_KERNELS_SILU_HPP

#include "../logistic_product.hpp"

namespace actfn::detail {

// A: actfn::fast for the fast tier's float kernels, actfn::faithful for the set every other case
// shares.
template <class A>
struct silu_tag {};

// x·σ(βx), with x·σ formed from normal factors (logistic_product). At x = ±inf the limit: x
// where σ(βx) → a positive value, a zero of x's sign where σ(βx) → 0 (x·0 would be NaN).
template <class W>
ACTFN_HOST_DEVICE constexpr W silu_value(W x, W beta) noexcept {
  const W xc = finite_part(x);
  const logistic_product<W> p(xc, beta);
  if (xc != x) return p.times_sigma(W(1)) == 0 ? zero_like(x) : x;  // ±inf, or NaN
  return p.times_sigma_exact(x);
}

// σ(b)·[(1 + b·σ(-b)) + b_lo·σ(-b)(2 + b(σ(-b) - σ(b)))], b = βx: the second term is b_lo times
// the first's derivative in b. A root at b ≈ -1.2785, where 1 + b·σ(-b) cancels. At b = ±inf,
// the limits 1 and -0.
template <class W>
ACTFN_HOST_DEVICE constexpr W silu_derivative(W x, W beta) noexcept {
  const logistic_product<W> p(finite_part(x), beta);
  if (detail::abs(p.b) == ce::k_inf<W>) return p.b > 0 ? W(1) : -W(0);
  const W sn = p.times_sigma_neg(W(1));
  const W s = p.times_sigma(W(1));
  return p.times_sigma((1 + p.b * sn) + p.b_lo * sn * (2 + p.b * (sn - s)));
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_SILU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

// Past exp_fast's far reach R (125 for float, 780 for double) x·e^b may still be a float (a
// double): |x| up to 2^128 takes it to b ≈ -192.7 (-1455). There e^b = 2^-m·e^(b + m·ln2), m = 100
// (1000), which brings the argument back within R; b + m·ln2_hi is exact (m·ln2_hi's last bit lies
// above b's ULP), m·ln2_lo goes to the tail.
template <class L>
struct silu_far;
template <>
struct silu_far<float> {
  static constexpr float d_hi = 100 * exp_fast_constants<float>::ln2_hi;
  static constexpr float d_lo = 100 * exp_fast_constants<float>::ln2_lo;
  static constexpr float scale = 0x1p-100f;
  static constexpr float deep = 44.0f;  // e^-44·2^64 < 1: x·n stays finite
};
template <>
struct silu_far<double> {
  static constexpr double d_hi = 1000 * exp_fast_constants<double>::ln2_hi;
  static constexpr double d_lo = 1000 * exp_fast_constants<double>::ln2_lo;
  static constexpr double scale = 0x1p-1000;
  static constexpr double deep = 415.0;  // e^-415·2^600 < 1
};

// The fast tier's SiLU value, in lanes of its own type L (float or double), within 4 ULP: x·σ(b),
// b = βx as b + b_lo (the product's residual), σ from e^-(|b| + tail) (exp_fast, far reach) as
// n/(1 + e), n = e where b < 0, scaled by 2^shift past b = -deep (σ(b) keeps its relative
// accuracy into the subnormals; short of it e is normal, and x·n·2^shift could overflow), else
// 1; past R, silu_far's 2^-m. x is capped at (R + m·ln2)/|β|, so that b stays
// within that reach (past it b_lo, up to half b's ULP, would move the exponential by e^±ULP/2);
// where b ≥ 0 the product takes x itself (inf stays inf, and β = 0 gives x/2 everywhere). x·2^-m
// is exact wherever the result is not 0 (|x| > e^21 there), and the product x·n is normal, so
// that a subnormal result rounds once, in the last scaling.
template <class L, class V>
ACTFN_INLINE V silu_value_fast(V x, L beta) noexcept {
  using C = exp_fast_constants<L>;
  using S = silu_far<L>;
  const L reach = C::far_reach + S::d_hi;
  // (β = 0: reach/0 = inf, then the largest finite value, so that b = β·x is 0: no branch,
  // which would keep a loop of scalar calls from vectorizing.)
  constexpr L top = std::numeric_limits<L>::max();
  const L c = reach / (beta < 0 ? -beta : beta);
  const L cap = c < top ? c : top;
  const V xc = with_sign_of(capped(magnitude(x), cap), x);  // NaN stays NaN
  const V b = rounded(V(beta) * xc);
  V b_lo(L(0));
  if constexpr (std::is_same_v<L, float>) {
    b_lo = residual_f(V(beta), xc, b);
  } else {
    b_lo = product_error(V(beta), xc, b);
  }
  const auto left = b < V(L(0)), deep = b < V(-S::deep), far = b < V(-C::far_reach);
  const exp_fast<V, L, true> ef(magnitude(b) - select(far, V(S::d_hi), V(L(0))),
                                select(left, -b_lo, b_lo) - select(far, V(S::d_lo), V(L(0))));
  const V es = ef.scaled(), e = es * V(C::down);
  const V sigma = quotient(select(left, select(deep, es, e), V(L(1))), e + V(L(1)));
  const V xs = select(left, xc, x) * select(far, V(S::scale), V(L(1)));
  return (xs * sigma) * select(deep, V(C::down), V(L(1)));
}

template <class A>
struct kernel<silu_tag<A>> {
  // The fast tier: float in float lanes, double in double lanes, its value (its derivative is
  // faithful's: the factor 1 + b·σ(-b) cancels towards its root at b ≈ -1.2785, where its terms
  // need pairs). Otherwise float in double lanes, where βx is exact (two 24-bit factors); double
  // in double lanes with hi + lo pairs; long double in the wide kernels.
  // Where madd does not fuse (SSE2, a build without -march), float's fast value would split
  // its factors by Veltkamp's method: measured slower than faithful's double lanes there (GCC -O2,
  // a loop of scalar calls: 0.17x the naive loop against 0.39x), so float's fast tier runs
  // faithful's kernels at such a level (the same bits as faithful's there).
  template <class T>
  static constexpr bool runs_fast =
      std::is_same_v<A, fast> &&
      ((std::is_same_v<T, float> && fused_madd) || std::is_same_v<T, double>);
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void,
                                  std::conditional_t<runs_fast<T>, T, double>>;

  // double runs its lanes for |β| ≥ 2^-20: then |x| ≤ 2^20·|βx|, and where βx < -800 (exp_dd's
  // clamp) x·σ(βx) ≤ 2^20·|βx|·e^βx is 0 as a double. A smaller β takes the wide kernels, whose
  // exp reaches every tail. The fast tier's lanes take every β (a constant: the scalar calls have
  // no branch, and a loop of them vectorizes).
  template <class T, class F>
  static constexpr bool lanes_on(const F& f) noexcept {
    if constexpr (runs_fast<T>) {
      return true;
    } else {
      return float_or_narrower<T> || f.beta >= 0x1p-20 || f.beta <= -0x1p-20;
    }
  }

  // The reach of e^-βx for float (below) and for a 16-bit T, whose gated units multiply f(x)
  // unrounded by gradients up to 3.4·10^38: there x·e^-250 showed through (x = -5·10^29), and
  // 2^200·e^-400 does not.
  template <class T>
  static constexpr int reach = is_binary16<T> ? 400 : 250;

  // float: x/(1 + e^-βx): e^-βx within e^±250 (exp_split's Reach), so that no product
  // overflows, and x within ±2^200, far beyond FLT_MAX, so that x = ±inf times a σ that is 0
  // gives a zero of x's sign (-2^200·e^-250 rounds to -0 as a float) and times σ = ½ (β = 0)
  // still rounds to ±inf.
  // double: x·σ(b), b = βx, σ(b) = (hi + lo)·s1·s2 from logistic_dd, x·(hi + lo) as a pair and
  // scaled last (a subnormal result rounds once); βx's rounding error b_lo enters as
  // x·σ(b)·σ(-b)·b_lo. x = ±inf and b < -800 take their limits.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    if constexpr (runs_fast<T>) {
      return silu_value_fast<T>(x, f.beta);
    } else if constexpr (float_or_narrower<T>) {
      const V xc = clamp_magnitude(x, 0x1p200);
      const V y =
          xc * recip(V(1.0) + exp_split<V, reach<T>>(V(-static_cast<double>(f.beta)) * xc).exp());
      return toward_curvature<T>(x, y, f.beta > 0 ? 1 : f.beta < 0 ? -1 : 0);  // c = β/4
    } else {
      const parts<V> p(f, x);
      V hi(0.0), lo(0.0), s1(0.0), s2(0.0);
      p.l.sigma_parts(p.b, hi, lo, s1, s2);
      // lo may be 2^-7 of hi (the table exp without an FMA): x·lo enters the b_lo term too
      const V xh = rounded(x * hi), xlo = x * lo;
      const V xl = product_error(x, hi, xh) + madd(xh + xlo, p.sigma_neg() * p.b_lo, xlo);
      // with x's sign: silu(-0) is -0 (xh + xl would round -0 + 0 to +0)
      return with_sign_of(p.limits(((xh + xl) * s1) * s2, x, V(0.0)), x);
    }
  }

  // float: σ(b)·(1 + b·σ(-b)) with σ(-b) = e·σ(b), e = e^-b: b within ±250, so that b·σ(-b)
  // stays finite at b = inf (and 0 as a float at b = -250 or below, where the exact value is too).
  // double: S·M, S = σ(b) and M = 1 + b·σ(-b) as pairs (M cancels towards its root at
  // b ≈ -1.2785, where a rounded b·σ(-b) would cost 2^5 ULP), with b_lo's first-order terms:
  // S·σ(-b)·b_lo in S, (σ(-b) - b·σ(b)σ(-b))·b_lo in M.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    if constexpr (runs_fast<T> && std::is_same_v<T, float>) {
      return in_double_lanes(x, [&f](auto w) { return faithful_kernel::derivative<T>(f, w); });
    } else if constexpr (runs_fast<T>) {
      return faithful_kernel::derivative<T>(f, x);
    } else if constexpr (float_or_narrower<T>) {
      const V b = clamp_magnitude(V(static_cast<double>(f.beta)) * clamp_magnitude(x, 0x1p200),
                                  reach<T>);
      const V e = exp_split<V, reach<T>>(-b).exp();
      const V s = recip(V(1.0) + e);
      return s * madd(b, e * s, V(1.0));
    } else {
      const parts<V> p(f, x);
      V sh(0.0), sl(0.0), s1(0.0), s2(0.0), nh(0.0), nl(0.0), n1(0.0), n2(0.0);
      p.l.sigma_parts(p.b, sh, sl, s1, s2);   // σ(b)
      p.l.sigma_parts(-p.b, nh, nl, n1, n2);  // σ(-b)
      const V sn_hi = (nh * n1) * n2, sn_lo = (nl * n1) * n2, sn = sn_hi + sn_lo;
      const V bc = clamp_magnitude(p.b, 800.0);  // b·σ(-b) → 0, not inf·0, as b → inf
      const V bn = rounded(bc * sn_hi);
      const V bn_lo = product_error(bc, sn_hi, bn) +
                      madd(bc, sn_lo, p.b_lo * sn * (V(1.0) - bc * (((sh + sl) * s1) * s2)));
      const V m0 = V(1.0) + bn, t = m0 - bn;  // TwoSum: |bn| may exceed 1
      const V m0_lo = ((V(1.0) - t) + (bn - (m0 - t))) + bn_lo;
      // normalized (Fast2Sum): the pairs of logistic_dd without an FMA carry a 26-bit hi, so
      // that σ(b)'s lo times M's lo would count otherwise
      const V m = m0 + m0_lo, m_lo = m0_lo - (m - m0);
      const V sl2 = madd(sh + sl, sn * p.b_lo, sl);
      const V dh = rounded(sh * m);
      const V dl = product_error(sh, m, dh) + madd(sh, m_lo, sl2 * m);
      return p.limits(((dh + dl) * s1) * s2, V(1.0), V(-0.0));
    }
  }

  // Both at once, for the gated unit's backward. float: one exp and one division for both, the
  // same bits as value and derivative (exp_split clamps -βx to ±250 as derivative clamps βx).
  template <class T, class F, class V>
  ACTFN_INLINE static void value_and_derivative(const F& f, V x, V& v, V& d) noexcept {
    if constexpr (runs_fast<T>) {
      v = value<T>(f, x);
      d = derivative<T>(f, x);
    } else if constexpr (float_or_narrower<T>) {
      const V xc = clamp_magnitude(x, 0x1p200);
      const V b = clamp_magnitude(V(static_cast<double>(f.beta)) * xc, reach<T>);
      const V e = exp_split<V, reach<T>>(-b).exp();
      const V s = recip(V(1.0) + e);
      v = xc * s;
      d = s * madd(b, e * s, V(1.0));
    } else {
      v = value<T>(f, x);
      d = derivative<T>(f, x);
    }
  }

 private:
  using faithful_kernel = kernel<silu_tag<faithful>>;
  // b = βx and its rounding error b_lo (where |b| < 800; 0 beyond, where σ(b) is 0 or 1 to
  // far below an ULP), logistic_dd of |b|, and the limits.
  template <class V>
  struct parts {
    V x, b, b_lo;
    logistic_dd<V> l;
    template <class F>
    ACTFN_ALWAYS_INLINE parts(const F& f, V xv) noexcept
        : x(xv),
          b(rounded(V(static_cast<double>(f.beta)) * xv)),
          b_lo(select(magnitude(b) < V(800.0), product_error(V(static_cast<double>(f.beta)), xv, b),
                      V(0.0))),
          l(magnitude(b)) {}
    // σ(-b) to double precision: σ(|b|) where b < 0, e^-|b|·σ(|b|) elsewhere
    V sigma_neg() const noexcept { return choose_by_sign(b, l.right(), l.eh * l.r0); }
    // v, or at x = ±inf the limit `at_inf`, or where b < -800 the limit `far_left`
    V limits(V v, V at_inf, V far_left) const noexcept {
      const V inf_result = select(b > V(0.0), at_inf, far_left);
      return select(magnitude(x) > V(0x1.fffffffffffffp1023), inf_result,
                    select(b < V(-800.0), far_left, v));
    }
  };
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
