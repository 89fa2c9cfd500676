// actfn/detail/tanh_kernel.hpp: tanh(x) and tanh'(x) = sech²(x), in the wide type W.
#pragma once

#include "math.hpp"

namespace actfn::detail {

// libm's tanh is exact for tiny |x| (tanh x = x, sign of zero kept) and ±1 at saturation.
template <class W>
ACTFN_HOST_DEVICE constexpr W tanh_value(W x) noexcept {
  return detail::tanh(x);
}

// sech²(x) = 4e/(1+e)² with e = e^-2|x| in (0, 1]: no 1 - tanh², which cancels to 0 for
// |x| > 9 in float, and no cosh², which overflows. -2|x| is exact.
template <class W>
ACTFN_HOST_DEVICE constexpr W tanh_derivative(W x) noexcept {
  const W e = detail::exp(-2 * detail::abs(x));
  const W r = 1 / (1 + e);
  return 4 * e * r * r;
}

}  // namespace actfn::detail
