// actfn/detail/target/lanes_scalar.hpp: the lane operations on a plain float or double, for
// the static target (per target, no include guard). Scalar calls run the kernels on these, and
// so does every form where there is no SIMD. Each one matches the static target's batch
// operations lane for lane (NaN included: min_of(a, b) is a < b ? a : b, as MINPD is; madd is
// fused exactly where the batches' is), so that a scalar call and a span computed by that
// target agree bit for bit.

namespace actfn::detail::ACTFN_TARGET {

// The plain lane types, float and double, by enable_if rather than a concept: GCC 12 can lose a
// concept's cached satisfaction to its garbage collector in a large translation unit (measured:
// tests/half.cpp at -O3 -Wall, "std::floating_point<double>" unsatisfied, gone with
// --param ggc-min-expand=100000), and these overloads are found in every kernel.
template <class S>
using plain_lane = std::enable_if_t<std::is_floating_point_v<S>, int>;

// a where m, else b, by bits rather than a branch: GCC keeps both sides computed, as the batches
// do, and vectorizes a user's loop of scalar calls; a `m ? a : b` between two computed values
// becomes a branch to it ("control flow in loop": ELU and Mish calls ran at the naive loop's
// speed).
template <class S, plain_lane<S> = 0>
ACTFN_INLINE S select(bool m, S a, S b) noexcept {
  using U = std::conditional_t<sizeof(S) == 8, std::uint64_t, std::uint32_t>;
  const U mask = U(0) - U(m);
  return std::bit_cast<S>((std::bit_cast<U>(a) & mask) | (std::bit_cast<U>(b) & ~mask));
}
// a·b + c, fused where the target has an FMA instruction (as the batches of AVX2 and AVX-512).
template <class S, plain_lane<S> = 0>
ACTFN_INLINE S madd(S a, S b, S c) noexcept {
#if ACTFN_PLAIN_FMA
  return std::fma(a, b, c);
#else
  const S p = a * b;
  return p + c;
#endif
}
template <class S, plain_lane<S> = 0>
ACTFN_INLINE S min_of(S a, S b) noexcept {
  return a < b ? a : b;
}
template <class S, plain_lane<S> = 0>
ACTFN_INLINE S max_of(S a, S b) noexcept {
  return a > b ? a : b;
}
template <class S, plain_lane<S> = 0>
ACTFN_INLINE S magnitude(S x) noexcept {
  return std::fabs(x);
}
ACTFN_INLINE double recip(double d) noexcept { return 1 / d; }
ACTFN_INLINE float recip(float d) noexcept { return 1 / d; }
// a/b, rounded once.
template <class S, plain_lane<S> = 0>
ACTFN_INLINE S quotient(S a, S b) noexcept {
  return a / b;
}
// The double whose exponent field is y's low 11 bits (the rest zero): 2^k for y = k + 1023 +
// 1.5·2^52, k integral in [-1022, 1023].
ACTFN_INLINE double exponent_field(double y) noexcept {
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(y) << 52);
}
// The float whose exponent field is y's low 8 bits: 2^k for y = k + 127 + 1.5·2^23.
ACTFN_INLINE float exponent_field(float y) noexcept {
  return std::bit_cast<float>(std::bit_cast<std::uint32_t>(y) << 23);
}
// table[i] for i = the low three bits of y (the float-lane exp's table).
ACTFN_INLINE float lookup(const float (&table)[8], float y) noexcept {
  return table[std::bit_cast<std::uint32_t>(y) & 7];
}
// |mag| with the sign of s.
ACTFN_INLINE double with_sign_of(double mag, double s) noexcept { return std::copysign(mag, s); }
ACTFN_INLINE float with_sign_of(float mag, float s) noexcept { return std::copysign(mag, s); }
// table[i] for i = the low six bits of y (detail/target/exp.hpp's table exp).
ACTFN_INLINE double lookup(const double (&table)[64], double y) noexcept {
  return table[std::bit_cast<std::uint64_t>(y) & 63];
}
// The low bits of y under mask (< 2^51), as a double: or-ed into 1.5·2^52, whose are zero.
ACTFN_INLINE double low_bits(double y, std::uint64_t mask) noexcept {
  return std::bit_cast<double>((std::bit_cast<std::uint64_t>(y) & mask) | 0x4338000000000000) -
         0x1.8p52;
}
// 1 where v's sign bit is set (v < 0, -0, a negative NaN), else 0: a factor that blends two
// values exactly, a·n + b·(1 - n), where a choice between them would be a branch to GCC.
ACTFN_INLINE double sign01(double v) noexcept {
  return std::bit_cast<double>((std::bit_cast<std::uint64_t>(v) >> 63) | 0x4330000000000000) -
         0x1p52;
}
// a where v's sign bit is set, else b, for finite a and b: blended arithmetically by sign01(v)
// (a·n + b·(1 - n), exact), which GCC vectorizes in a loop of scalar calls where a choice between
// two computed values would be a branch to it.
ACTFN_INLINE double choose_by_sign(double v, double a, double b) noexcept {
  const double n = sign01(v);
  return madd(a, n, b * (1 - n));
}
ACTFN_INLINE float sign01(float v) noexcept {
  return std::bit_cast<float>((std::bit_cast<std::uint32_t>(v) >> 31) | 0x4B000000) - 0x1p23f;
}
ACTFN_INLINE float choose_by_sign(float v, float a, float b) noexcept {
  const float n = sign01(v);
  return madd(a, n, b * (1 - n));
}
// v cut to its 26 leading significant bits: the product of two such is exact.
ACTFN_INLINE double high26(double v) noexcept {
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(v) & 0xFFFFFFFFF8000000);
}
// 2^E for a normal |v| in [2^E, 2^(E+1)): v's exponent field alone (0 for 0, inf for inf and
// NaN).
ACTFN_INLINE double binade(double v) noexcept {
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(v) & 0x7ff0000000000000);
}
ACTFN_INLINE float binade(float v) noexcept {
  return std::bit_cast<float>(std::bit_cast<std::uint32_t>(v) & 0x7f800000u);
}
// v rounded to float, as double: the factor backward() multiplies by, rounded as T = float.
ACTFN_INLINE double narrow_round(double v) noexcept { return static_cast<float>(v); }

}  // namespace actfn::detail::ACTFN_TARGET
