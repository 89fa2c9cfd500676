// actfn/detail/exact.hpp: the rounding error of a product, exactly.
#pragma once

#include <cfloat>
#include <cmath>
#include <type_traits>

namespace actfn::detail {

// a·b - p exactly, for p = fl(a·b) (no overflow, no underflow). With a hardware FMA this is
// one fma. x87 long double has none (glibc's fmal is software, ~100 ns), so there it is
// Dekker's product: Veltkamp splits each factor into halves of 32 bits, whose products are
// exact in 64 bits.
template <class W>
W product_error(W a, W b, W p) noexcept {
  if constexpr (std::is_same_v<W, long double> && LDBL_MANT_DIG == 64) {
    constexpr W k_split = 0x1p32L + 1;
    const W ca = k_split * a, a_hi = ca - (ca - a), a_lo = a - a_hi;
    const W cb = k_split * b, b_hi = cb - (cb - b), b_lo = b - b_hi;
    return ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo;
  } else {
    return std::fma(a, b, -p);
  }
}

}  // namespace actfn::detail
