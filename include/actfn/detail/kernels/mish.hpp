// actfn/detail/kernels/mish.hpp: Mish x·tanh(softplus(x)) and its derivative, every kernel.
// Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_MISH_HPP
#define ACTFN_DETAIL_KERNELS_MISH_HPP

#include "../logistic_product.hpp"

namespace actfn::detail {

// tanh(softplus(x)) = n/(n + 2), n = e^x(e^x + 2), written in t = e^-|x| ≤ 1 so that nothing
// overflows: N/D with N = t(t + 2), D = N + 2 for x ≤ 0, and (dividing through by e^2x)
// N = 1 + 2t, D = N + 2t² for x > 0. Sums of positive terms: no cancellation. sech²(softplus)
// = 4(n + 1)/(n + 2)² and σ(x) give the derivative's second term x·σ(x)·sech² = 4x·M(1 + t)/D²,
// M = t for x ≤ 0, t² for x > 0. In the deep tail (logistic_product.hpp's k_deep_tail) x·t is
// formed as (x·h)·h, t = h², so that a normal result never passes through a subnormal t.
template <class W>
struct mish_parts {
  bool deep;
  W h, t, n, d;
  ACTFN_HOST_DEVICE constexpr explicit mish_parts(W x) noexcept
      : deep(detail::abs(x) > k_deep_tail<W>),
        h(deep ? detail::exp(detail::abs(x) * W(-0.5)) : W(0)),
        t(deep ? h * h : detail::exp(-detail::abs(x))),
        n(x > 0 ? 1 + 2 * t : t * (t + 2)),
        d(x > 0 ? n + 2 * (t * t) : n + 2) {}
  ACTFN_HOST_DEVICE constexpr W times_t(W v) const noexcept { return deep ? (v * h) * h : v * t; }
  // whether every x·t is 0 (x = ±inf, or e^-|x|/2 underflowed)
  ACTFN_HOST_DEVICE constexpr bool vanished() const noexcept { return (deep ? h : t) == 0; }
};

// x·N/D; at x = -inf the limit -0, where x·0 would be NaN.
template <class W>
ACTFN_HOST_DEVICE constexpr W mish_value(W x) noexcept {
  const mish_parts<W> p(x);
  if (x > 0) return x * (p.n / p.d);
  if (p.vanished()) return -W(0);
  return p.times_t(x) * ((p.t + 2) / p.d);
}

// tanh(sp) + x·σ(x)·sech²(sp): a root at x ≈ -1.1924, where the two terms cancel; 1 at inf, -0
// (the limit from below) at -inf.
template <class W>
ACTFN_HOST_DEVICE constexpr W mish_derivative(W x) noexcept {
  const mish_parts<W> p(x);
  if (p.vanished()) return x > 0 ? W(1) : -W(0);
  const W xm = x > 0 ? (x * p.t) * p.t : p.times_t(x);
  return p.n / p.d + (4 * xm) * ((1 + p.t) / (p.d * p.d));
}

// The wide-type kernels above, for the scalar forms (detail/parameterless.hpp).
struct mish_tag {
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W value(W x) noexcept {
    return mish_value(x);
  }
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W derivative(W x) noexcept {
    return mish_derivative(x);
  }
};

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_MISH_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<mish_tag> {
  // float in double lanes; double in double lanes with hi + lo pairs; long double in the wide
  // kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;

  // float: the wide kernels' N/D, with t down to e^-250 and x within ±2^128 (beyond FLT_MAX): at
  // x = -inf, -2^128·e^-250 rounds to -0 as a float, the limit; at inf, 2^128 rounds to inf.
  template <class V>
  struct parts {
    V xc, t, n, d;
    ACTFN_ALWAYS_INLINE explicit parts(V x) noexcept
        : xc(clamp_magnitude(x, 0x1p128)),
          t(exp_split<V, 250>(-magnitude(xc)).exp()),
          n(select(x > V(0.0), madd(V(2.0), t, V(1.0)), t * (t + V(2.0)))),
          d(n + select(x > V(0.0), V(2.0) * (t * t), V(2.0))) {}
  };

  // double: the same N/D as pairs. t = e^-|x| = (ph + pl)·s1·s2 from exp_dd, th + tl = t rounded
  // (used where t meets 1 or 2, so that a subnormal t costs nothing). m = 1 + 2t, D = m + 2t² for
  // x > 0; m = 2 + t, D = 2 + t·m for x ≤ 0, where N = t·m: the factor t is kept as ph + pl and
  // its scale applied last, so that a result in the subnormals rounds once (for x > 0, p = 1 and
  // s1 = s2 = 1). Sums of positive terms, no cancellation.
  template <class V>
  struct parts_dd {
    V th, tl, mh, ml, dh, dl, ph, pl, s1, s2;
    ACTFN_ALWAYS_INLINE explicit parts_dd(V x) noexcept
        : th(0.0), tl(0.0), mh(0.0), ml(0.0), dh(0.0), dl(0.0), ph(1.0), pl(0.0), s1(1.0), s2(1.0) {
      const exp_dd<V> e(-magnitude(x));
      const V eh = e.hi + e.lo, el = e.lo - (eh - e.hi);  // Fast2Sum: the table exp's lo is
      const V s = e.s1 * e.s2;                            // up to 2^-7 of its hi
      th = eh * s;
      tl = el * s;
      const auto right = V(0.0) < x;
      // m = c + f·t: 1 + 2t or 2 + t; then D = m + t·k: k = 2t, or D = 2 + t·k: k = m
      const V c = select(right, V(1.0), V(2.0)), f = select(right, V(2.0), V(1.0));
      V err(0.0);
      two_sum(c, f * th, mh, err);
      ml = madd(f, tl, err);
      V uh(0.0), ul(0.0);
      multiply_dd(th, tl, select(right, V(2.0) * th, mh), select(right, V(2.0) * tl, ml), uh, ul);
      two_sum(select(right, mh, V(2.0)), uh, dh, err);
      dl = (err + ul) + select(right, ml, V(0.0));
      ph = select(right, V(1.0), eh);
      pl = select(right, V(0.0), el);
      s1 = select(right, V(1.0), e.s1);
      s2 = select(right, V(1.0), e.s2);
    }
  };

  // float: x·N/D. double: x·(p·m)/D as pairs, scaled last; the sign put back (mish(-0) = -0,
  // and -0 at -inf, where x is clamped to -1000: x·e^x is 0 as a double from x = -760).
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const parts<V> p(x);
      return p.xc * (p.n * recip(p.d));
    } else {
      const parts_dd<V> p(x);
      V nh(0.0), nl(0.0), qh(0.0), ql(0.0);
      multiply_dd(p.ph, p.pl, p.mh, p.ml, nh, nl);
      divide_dd(nh, nl, p.dh, p.dl, qh, ql);
      // x below 2^-900 scaled by 2^200 (and the result back, last), so that x·q rounds once
      const auto tiny = magnitude(x) < V(0x1p-900);
      const V xc = select(tiny, x * V(0x1p200), select(x < V(-1000.0), V(-1000.0), x));
      const V vh = rounded(xc * qh), vl = madd(xc, ql, product_error(xc, qh, vh));
      const V s2 = p.s2 * select(tiny, V(0x1p-200), V(1.0));
      const V v = with_sign_of(((vh + vl) * p.s1) * s2, x);
      return select(x < V(std::numeric_limits<double>::infinity()), v, x);
    }
  }

  // float: N/D + 4x·M(1 + t)/D². double: one quotient p·(m·D + 4x·g·(1 + t))/D², g = t² (x > 0)
  // or 1 (x ≤ 0), every term a pair: its numerator cancels towards the root at x ≈ -1.1924,
  // where a rounded sum would cost 2^5 ULP. x is clamped to ±1000 (4x·t² is 0 from x = 400).
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const parts<V> p(x);
      const V r = recip(p.d);
      const V m = select(x > V(0.0), p.t * p.t, p.t);
      // x within ±250 in the second term, as t = e^-|x| is (a 16-bit backward multiplies f' by
      // up to 3.4·10^38: x·e^-250 with x = -5·10^29 showed through)
      return madd(V(4.0) * clamp_magnitude(p.xc, 250.0), (m * (V(1.0) + p.t)) * (r * r), p.n * r);
    } else {
      const parts_dd<V> p(x);
      const auto right = V(0.0) < x;
      const V x4 = V(4.0) * clamp_magnitude(x, 1000.0);
      V gh(0.0), gl(0.0), wh(0.0), wl(0.0), yh(0.0), yl(0.0);
      multiply_dd(p.th, p.tl, p.th, p.tl, gh, gl);                     // t²
      const V oh = V(1.0) + p.th, ol = ((V(1.0) - oh) + p.th) + p.tl;  // 1 + t, Fast2Sum
      multiply_dd(select(right, gh, V(1.0)), select(right, gl, V(0.0)), oh, ol, yh, yl);
      const V zh = rounded(x4 * yh), zl = madd(x4, yl, product_error(x4, yh, zh));
      multiply_dd(p.mh, p.ml, p.dh, p.dl, wh, wl);
      V sh(0.0), sl(0.0), d2h(0.0), d2l(0.0), qh(0.0), ql(0.0), rh(0.0), rl(0.0);
      two_sum(wh, zh, sh, sl);
      multiply_dd(p.dh, p.dl, p.dh, p.dl, d2h, d2l);
      divide_dd(sh, (sl + wl) + zl, d2h, d2l, qh, ql);
      multiply_dd(qh, ql, p.ph, p.pl, rh, rl);
      return ((rh + rl) * p.s1) * p.s2;
    }
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
