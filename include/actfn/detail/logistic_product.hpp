// actfn/detail/logistic_product.hpp: σ(βx) and σ(-βx) in a wide type W, for the wide-type kernels
// of SiLU and softplus, with βx's rounding error folded back in.
#pragma once

#include <limits>

#include "config.hpp"
#include "exact.hpp"
#include "wide_math.hpp"

namespace actfn::detail {

// Beyond this |b|, e^-|b| leaves W's normal range (with a margin): there e^-|b| is formed as h·h,
// h = e^-|b|/2, and a factor v·e^-|b| as (v·h)·h, so that a normal result never passes through
// a subnormal e (long double: 10219 < |b| < 22710).
template <class W>
inline constexpr W k_deep_tail = W(0.9) * W(-(std::numeric_limits<W>::min_exponent - 1)) *
                                 W(0.693147180559945309417L);

// b = βx rounded in W, b_lo = βx - b (exact: product_error), e = e^-|b| (nothing overflows for any
// b), σ(|b|) = r = 1/(1 + e), σ(-|b|) = e·r. b_lo matters where σ(b) is a tail: σ(b + b_lo) =
// σ(b)·(1 + σ(-b)·b_lo) to first order, and at b = -700, in long double, a double result would be
// 2^-54 off without it. x is the factor βx is formed from (SiLU passes x as finite, ±max for
// ±inf, so that β = 0 gives b = 0, not NaN). Where x or β is so large that Dekker's split would
// overflow, b_lo is left 0.
template <class W>
struct logistic_product {
  W b, b_lo = 0, h = 0, e = 0, r = 0;
  bool deep = false;
  ACTFN_HOST_DEVICE constexpr logistic_product(W x, W beta) noexcept : b(beta * x) {
    deep = detail::abs(b) > k_deep_tail<W>;
    if (deep) {
      h = detail::exp(detail::abs(b) * W(-0.5));
      e = h * h;
    } else {
      e = detail::exp(-detail::abs(b));
    }
    r = 1 / (1 + e);
    constexpr W k_safe = ce::k_max<W> * W(0x1p-64);
    if (detail::abs(b) < W(1e5) && detail::abs(x) < k_safe && detail::abs(beta) < k_safe) {
      b_lo = product_error(beta, x, b);
    }
  }
  // v·e^-|b|, never through a subnormal e^-|b| where the product is normal
  ACTFN_HOST_DEVICE constexpr W times_e(W v) const noexcept { return deep ? (v * h) * h : v * e; }
  // v·σ(b) and v·σ(-b)
  ACTFN_HOST_DEVICE constexpr W times_sigma(W v) const noexcept {
    return b < 0 ? times_e(v) * r : v * r;
  }
  ACTFN_HOST_DEVICE constexpr W times_sigma_neg(W v) const noexcept {
    return b < 0 ? v * r : times_e(v) * r;
  }
  // v·σ(βx), exact to first order in b_lo
  ACTFN_HOST_DEVICE constexpr W times_sigma_exact(W v) const noexcept {
    return times_sigma(v + v * times_sigma_neg(b_lo));
  }
};

}  // namespace actfn::detail
