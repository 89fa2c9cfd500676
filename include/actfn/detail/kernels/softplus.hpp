// actfn/detail/kernels/softplus.hpp: softplus log(1 + e^βx)/β and its derivative σ(βx), every
// kernel. Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_SOFTPLUS_HPP
#define ACTFN_DETAIL_KERNELS_SOFTPLUS_HPP

#include "../logistic_product.hpp"

namespace actfn::detail {

struct softplus_tag {};

// max(x, 0) + log1p(e^-|βx|)/β: max(βx, 0)/β is max(x, 0) exactly, so nothing overflows
// (softplus(1000) = 1000, not inf), there is no threshold switch, and log1p keeps the left tail
// (e^βx/β) to its last bit. βx's rounding error b_lo enters the tail through its derivative in
// b, ∓σ(-|b|). In the deep tail (logistic_product) log1p(e) is e to far below W's ε, and e/β
// is formed as (h/β)·h, so that a normal result never passes through a subnormal e.
template <class W>
ACTFN_HOST_DEVICE constexpr W softplus_value(W x, W beta) noexcept {
  const logistic_product<W> p(x, beta);
  const W tail =
      p.deep
          ? p.times_e(1 / beta) * (1 + (p.b < 0 ? p.b_lo : -p.b_lo))
          : (detail::log1p(p.e) + (p.b < 0 ? p.times_sigma(p.b_lo) : -p.times_sigma_neg(p.b_lo))) /
                beta;
  return (x > 0 ? x : W(0)) + tail;
}

template <class W>
ACTFN_HOST_DEVICE constexpr W softplus_derivative(W x, W beta) noexcept {
  return logistic_product<W>(x, beta).times_sigma_exact(W(1));
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_SOFTPLUS_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<softplus_tag> {
  // float in double lanes, where βx is exact; double in double lanes with hi + lo pairs; long
  // double in the wide kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;

  // double runs its lanes for 2^-64 ≤ β ≤ 2^64: there e^-800/β (exp_dd's clamp) is 0 as a double,
  // as every tail beyond is, and e^-600/β (where log1p_exp_dd's deep tail begins) is normal. A β
  // beyond takes the wide kernels, whose exp reaches every tail.
  template <class T, class F>
  static constexpr bool lanes_on(const F& f) noexcept {
    return float_or_narrower<T> || (f.beta >= 0x1p-64 && f.beta <= 0x1p64);
  }

  // float: max(x, 0) + log1p(e^-|βx|)·(1/β), e^-|βx| down to e^-250 (exp_split's Reach):
  // e^-250/β rounds to 0 as a float for every float β > 0, as the exact tail does there.
  // double: the same sum, log1p(e^-|b|) as a pair (target/log1p.hpp) with b = βx's rounding error
  // b_lo folded in to first order (∓σ(-|b|)·b_lo, as the wide kernel does), times 1/β as a pair;
  // the sum with x by TwoSum, rounded once. Where x ≤ 0 the tail alone, scaled last, so that a
  // subnormal result rounds once; x = inf is its own result (TwoSum would give inf - inf).
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      const double beta = f.beta;
      const V e = exp_split<V, 250>(-magnitude(V(beta) * x)).exp();
      return madd(log1p_unit(e), V(1.0 / beta), select(x > V(0.0), x, V(0.0)));
    } else {
      // F::unit (log-sigmoid's call): β = 1, so b = x exactly and 1/β = 1, and none of the
      // work below for b_lo and 1/β is needed (σ(-|b|)'s division among it)
      constexpr bool unit = requires { F::unit; };
      const V beta(static_cast<double>(f.beta));
      V b = x, b_lo(0.0);
      if constexpr (!unit) beta_x(beta, x, b, b_lo);
      const log1p_exp_dd<V> l(magnitude(b));
      V th = l.hi, tl = l.lo;
      if constexpr (!unit) {
        const V r = recip(beta), r_lo = exact_remainder(beta, r, V(1.0)) * r;  // 1/β = r + r_lo
        const V tl0 = madd(choose_by_sign(b, b_lo, -b_lo), l.sigma, l.lo);
        multiply_dd(l.hi, tl0, r, r_lo, th, tl);
      }
      V s(0.0), s_lo(0.0);
      two_sum(x, (th * l.s1) * l.s2, s, s_lo);
      const V right = s + (s_lo + (tl * l.s1) * l.s2);
      const V left = ((th + tl) * l.s1) * l.s2;
      return select(x < V(std::numeric_limits<double>::infinity()), select(V(0.0) < x, right, left),
                    x);
    }
  }

  // σ(βx). float: 1/(1 + e^-βx), as sigmoid's float kernel. double: σ(b) as a pair from
  // logistic_dd, with b_lo's first-order term σ(b)·σ(-b)·b_lo, scaled last.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    if constexpr (float_or_narrower<T>) {
      return recip(V(1.0) + exp_split<V, 250>(V(-static_cast<double>(f.beta)) * x).exp());
    } else {
      V b(0.0), b_lo(0.0);
      beta_x(V(static_cast<double>(f.beta)), x, b, b_lo);
      const logistic_dd<V> l(magnitude(b));
      V hi(0.0), lo(0.0), s1(0.0), s2(0.0);
      l.sigma_parts(b, hi, lo, s1, s2);
      const V sigma_neg = choose_by_sign(b, l.right(), l.eh * l.r0);
      // hi + lo, not hi, in b_lo's term: without an FMA lo may be 2^-7 of hi
      return ((hi + madd(hi + lo, sigma_neg * b_lo, lo)) * s1) * s2;
    }
  }

 private:
  // b = βx rounded and its rounding error b_lo, where |b| < 800; beyond, σ(-|b|) is 0 to far
  // below an ulp, and b_lo is 0 (it might not be finite).
  template <class V>
  ACTFN_INLINE static void beta_x(V beta, V x, V& b, V& b_lo) noexcept {
    b = rounded(beta * x);
    b_lo = select(magnitude(b) < V(800.0), product_error(beta, x, b), V(0.0));
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
