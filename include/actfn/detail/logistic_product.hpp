// actfn/detail/logistic_product.hpp: σ(βx) and σ(-βx) in a wide type W, for the wide-type kernels
// of SiLU and softplus, with βx's rounding error folded back in.
#pragma once

#include <limits>

#include "config.hpp"
#include "exact.hpp"
#include "wide_math.hpp"

namespace actfn::detail {

// b = βx rounded in W, b_lo = βx - b (exact: product_error), e = e^-|b| (no overflow for any b),
// s = σ(b), sn = σ(-b). b_lo matters where σ(b) is a tail: σ(b + b_lo) = s·(1 + sn·b_lo) to
// first order, and at b = -700, in long double, a double result would be 2^-54 off without it.
// x is taken as finite (±max for ±inf), so that β = 0 gives b = 0, not NaN. Where x is so large
// that Dekker's split would overflow, b_lo is left 0 (long double x above 2^16319 only).
template <class W>
struct logistic_product {
  W xc, b, b_lo = 0, e, s, sn;
  ACTFN_HOST_DEVICE constexpr logistic_product(W x, W beta) noexcept
      : xc(finite_part(x)), b(beta * xc), e(detail::exp(-detail::abs(b))), s(0), sn(0) {
    constexpr W k_safe = std::numeric_limits<W>::max() * W(0x1p-64);
    if (detail::abs(b) < W(1e5) && detail::abs(xc) < k_safe) b_lo = product_error(beta, xc, b);
    const W r = 1 / (1 + e);  // σ(|b|)
    s = b < 0 ? e * r : r;
    sn = b < 0 ? r : e * r;
  }
  // σ(βx), exact to first order in b_lo
  ACTFN_HOST_DEVICE constexpr W sigma() const noexcept { return s + s * (sn * b_lo); }
};

}  // namespace actfn::detail
