// actfn/detail/lanes_math.hpp: what the float and double kernels share: Horner's scheme over
// lanes and the constants of the reduction e^t = 2^k·e^r, k = round(t/ln2), |r| ≤ ln2/2.
#pragma once

#include <cstddef>
#include <utility>

#include "config.hpp"
#include "lanes.hpp"

namespace actfn::detail::lanes_math {

// ln 2 = hi + lo, hi on 42 bits: k·hi is exact for |k| < 2^11 even without an FMA.
inline constexpr double k_ln2_hi = 0x1.62e42fefa3800p-1, k_ln2_lo = 0x1.ef35793c76730p-45;
inline constexpr double k_log2e = 0x1.71547652b82fep+0;
// y + k_round rounds y to an integer k and holds k + 1023, 2^k's exponent field, in its low bits.
inline constexpr double k_round = 0x1.8p52 + 1023;

template <class V, std::size_t N, std::size_t... I>
ACTFN_INLINE V horner(V x, const double (&c)[N], std::index_sequence<I...>) noexcept {
  V p = V(c[0]);
  ((p = madd(p, x, V(c[I + 1]))), ...);
  return p;
}
// c[0]·x^(N-1) + ... + c[N-1], unrolled.
template <class V, std::size_t N>
ACTFN_INLINE V horner(V x, const double (&c)[N]) noexcept {
  return horner(x, c, std::make_index_sequence<N - 1>{});
}

}  // namespace actfn::detail::lanes_math
