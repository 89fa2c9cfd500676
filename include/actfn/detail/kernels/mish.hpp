// actfn/detail/kernels/mish.hpp: Mish x·tanh(softplus(x)) and its derivative, every kernel.
// Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_MISH_HPP
#define ACTFN_DETAIL_KERNELS_MISH_HPP

#include "../logistic_product.hpp"

namespace actfn::detail {

struct mish_tag {};

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

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_MISH_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<mish_tag> {
  // float in double lanes; double and long double in the wide kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, float>, double, void>;

  // The wide kernels' N/D, with t down to e^-250 and x within ±2^128 (beyond FLT_MAX): at
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

  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    const parts<V> p(x);
    return p.xc * (p.n * recip(p.d));
  }

  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    const parts<V> p(x);
    const V r = recip(p.d);
    const V m = select(x > V(0.0), p.t * p.t, p.t);
    return madd(V(4.0) * p.xc, (m * (V(1.0) + p.t)) * (r * r), p.n * r);
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
