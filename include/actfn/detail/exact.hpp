// actfn/detail/exact.hpp: the rounding error of a product, exactly.
#pragma once

#include <cmath>
#include <limits>
#include <type_traits>

#include "config.hpp"

namespace actfn::detail {

// a·b - p exactly, for p = fl(a·b) (no overflow, no underflow). With a hardware FMA this is
// one fma. x87 long double has none (glibc's fmal is software, ~100 ns), and fma is not
// constexpr: there it is Dekker's product, where Veltkamp's split cuts each factor into two
// halves whose products are exact.
template <class W>
ACTFN_HOST_DEVICE constexpr W product_error(W a, W b, W p) noexcept {
  constexpr bool x87 = std::numeric_limits<W>::digits == 64;
  p = opaque(p);
  if (!x87 && !ACTFN_IS_CONSTANT_EVALUATED()) return std::fma(a, b, -p);
  constexpr int half = (std::numeric_limits<W>::digits + 1) / 2;
  constexpr W k_split = W(1ull << half) + 1;
  // Every step through opaque(): under -ffast-math, algebra across any of them breaks it.
  const W a_hi = opaque(opaque(k_split * a) - opaque(opaque(k_split * a) - a));
  const W b_hi = opaque(opaque(k_split * b) - opaque(opaque(k_split * b) - b));
  const W a_lo = opaque(a - a_hi), b_lo = opaque(b - b_hi);
  const W t = opaque(opaque(a_hi * b_hi - p) + a_hi * b_lo);
  return opaque(t + a_lo * b_hi) + a_lo * b_lo;
}

}  // namespace actfn::detail
