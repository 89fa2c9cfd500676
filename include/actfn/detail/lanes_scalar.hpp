// actfn/detail/lanes_scalar.hpp: the lane operations for a plain float or double, so that a
// kernel written over a lane type V runs unchanged where there is no SIMD (ACTFN_NO_SIMD,
// other architectures). Each one matches its SIMD counterparts (lanes_sse2.hpp, ...) lane
// for lane, NaN included: min_of(a, b) is a < b ? a : b, as MINPD is.
#pragma once

#include <bit>
#include <cmath>
#include <concepts>
#include <cstdint>

namespace actfn::detail {

template <std::floating_point S>
S select(bool m, S a, S b) noexcept {
  return m ? a : b;
}
// a·b + c, fused where the hardware fuses (the SIMD files decide the same way).
template <std::floating_point S>
S madd(S a, S b, S c) noexcept {
#if defined(FP_FAST_FMA)
  return std::fma(a, b, c);
#else
  const S p = a * b;
  return p + c;
#endif
}
template <std::floating_point S>
S min_of(S a, S b) noexcept {
  return a < b ? a : b;
}
template <std::floating_point S>
S max_of(S a, S b) noexcept {
  return a > b ? a : b;
}
template <std::floating_point S>
S magnitude(S x) noexcept {
  return std::fabs(x);
}
inline double recip(double d) noexcept { return 1 / d; }
// The double whose exponent field is y's low 11 bits (the rest zero): 2^k for y = k + 1023 +
// 1.5·2^52, k integral in [-1022, 1023].
inline double exponent_field(double y) noexcept {
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(y) << 52);
}
// |mag| with the sign of s.
inline double with_sign_of(double mag, double s) noexcept { return std::copysign(mag, s); }
// v rounded to float, as double: the factor backward() multiplies by, rounded as T = float.
inline double narrow_round(double v) noexcept { return static_cast<float>(v); }

}  // namespace actfn::detail
