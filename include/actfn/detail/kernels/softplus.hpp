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
  // float in double lanes, where βx is exact; double and long double in the wide kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, float>, double, void>;

  // max(x, 0) + log1p(e^-|βx|)·(1/β), e^-|βx| down to e^-250 (exp_split's Reach): e^-250/β
  // rounds to 0 as a float for every float β > 0, as the exact tail does there.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    const double beta = f.beta;
    const V e = exp_split<V, 250>(-magnitude(V(beta) * x)).exp();
    return madd(log1p_unit(e), V(1.0 / beta), select(x > V(0.0), x, V(0.0)));
  }

  // σ(βx) = 1/(1 + e^-βx), as sigmoid's float kernel.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    return recip(V(1.0) + exp_split<V, 250>(V(-static_cast<double>(f.beta)) * x).exp());
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
