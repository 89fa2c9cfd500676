// actfn/detail/sigmoid_kernel.hpp: σ(x) = 1/(1+e^-x) and σ'(x), in the wide type W.
#pragma once

#include "math.hpp"

namespace actfn::detail {

// Both branches use e = e^-|x| in (0, 1], so nothing overflows for any x, and for x < 0 the
// value is e/(1+e): σ(-100) is 3.7e-44, not the 0 that 1/(1+e^100) rounds to.
// Error in W: two roundings after exp's, under 2 ULP of W.
template <class W>
ACTFN_HOST_DEVICE constexpr W sigmoid_value(W x) noexcept {
  const W e = detail::exp(-detail::abs(x));
  const W r = 1 / (1 + e);  // σ(|x|)
  return x < 0 ? e * r : r;
}

// σ'(x) = e/(1+e)² with e = e^-|x|: never σ(1-σ), whose 1-σ cancels to 0 for x > 17 in float.
template <class W>
ACTFN_HOST_DEVICE constexpr W sigmoid_derivative(W x) noexcept {
  const W e = detail::exp(-detail::abs(x));
  const W r = 1 / (1 + e);
  return e * r * r;
}

}  // namespace actfn::detail
