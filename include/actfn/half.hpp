// actfn/half.hpp: actfn::float16 (IEEE binary16) and actfn::bfloat16 (bfloat16), the 16-bit
// element types: storage with exact, constexpr conversions, and no arithmetic of their own.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include <bit>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace actfn::detail {

// A 16-bit binary floating-point format: a sign, 15 - M exponent bits of bias B, M fraction bits.
// Conversions go through double, which holds every 16-bit value exactly and rounds nothing on
// the way in, so each conversion to 16 bits rounds once (to nearest, ties to even).
template <int M, int B>
struct binary16_format {
  static constexpr int fraction_bits = M;
  static constexpr int bias = B;
  static constexpr std::uint16_t infinity = ((1u << (15 - M)) - 1) << M;  // exponent all ones

  static constexpr std::uint16_t from_double(double x) noexcept {
    const auto b = std::bit_cast<std::uint64_t>(x);
    const auto sign = static_cast<std::uint16_t>((b >> 48) & 0x8000);
    const std::uint64_t a = b & 0x7fff'ffff'ffff'ffff;
    if (a > 0x7ff0'0000'0000'0000) {  // NaN: stays a NaN, quiet, with its leading payload bits
      return sign | infinity | (1u << (M - 1)) |
             static_cast<std::uint16_t>((a >> (52 - M)) & ((1u << M) - 1));
    }
    const int e = static_cast<int>(a >> 52) - 1023;
    // The significand bits to drop: the result's spacing is 2^(max(e, 1 - B) - M).
    const int drop = 52 - M + (e < 1 - B ? 1 - B - e : 0);
    if (drop > 62) return sign;  // below a quarter of the smallest subnormal (0 included)
    const std::uint64_t sig = (a & 0x000f'ffff'ffff'ffff) | (std::uint64_t{1} << 52);
    const std::uint64_t rest = sig & ((std::uint64_t{1} << drop) - 1);
    const std::uint64_t half = std::uint64_t{1} << (drop - 1);
    std::uint64_t q = sig >> drop;
    q += rest > half || (rest == half && (q & 1));
    // q keeps the leading 1: it adds one to a normal result's exponent field (and a carry from
    // rounding adds the next); a subnormal's field is 0, and its q reaching 2^M is the smallest
    // normal. A result past the largest finite value is infinite.
    const std::uint64_t r = (e < 1 - B ? 0 : static_cast<std::uint64_t>(e + B - 1) << M) + q;
    return sign | static_cast<std::uint16_t>(r < infinity ? r : infinity);
  }

  static constexpr double to_double(std::uint16_t h) noexcept {
    const std::uint64_t sign = static_cast<std::uint64_t>(h & 0x8000) << 48;
    const unsigned field = (h & 0x7fff) >> M;
    const std::uint64_t fraction = h & ((1u << M) - 1);
    if (field == 0) {  // subnormal: fraction · 2^(1 - B - M), a product exact in double
      const double v = static_cast<double>(fraction) *
                       std::bit_cast<double>(std::uint64_t{1023 + 1 - B - M} << 52);
      return std::bit_cast<double>(std::bit_cast<std::uint64_t>(v) | sign);
    }
    const std::uint64_t exponent = field == (infinity >> M) ? 0x7ff : field - B + 1023;
    return std::bit_cast<double>(sign | exponent << 52 | fraction << (52 - M));
  }
};

using float16_format = binary16_format<10, 15>;
using bfloat16_format = binary16_format<7, 127>;

// x as a double: exact from float and double; from a wider long double rounded to odd (the
// neighbour whose last bit is 1 where x lies between two), so that the rounding to 16 bits that
// follows is the one of x itself (53 bits are more than 16 + 2).
template <class F>
constexpr double to_double_for_16(F x) noexcept {
  if constexpr (std::is_integral_v<F> || sizeof(F) <= sizeof(double)) {
    return static_cast<double>(x);  // integers exactly up to 2^53
  } else {
    const double d = static_cast<double>(x);
    if (d == x || x != x) return d;
    auto bits = std::bit_cast<std::uint64_t>(d);
    if ((bits & 1) == 0) {  // to the odd neighbour on x's side
      if ((d < 0 ? -d : d) > (x < 0 ? -x : x)) {
        --bits;
      } else {
        ++bits;
      }
    }
    return std::bit_cast<double>(bits);
  }
}

}  // namespace actfn::detail

// The storage of float16 and bfloat16, in a namespace of its own with no functions, so that
// argument-dependent lookup on a 16-bit value finds none of actfn::detail's.
namespace actfn::storage {

// 16 bits, trivially copyable, so that a framework's own 16-bit type (or a std::uint16_t) can be
// viewed as one with std::bit_cast, or a buffer of them with a reinterpret_cast to a span.
template <int M, int B>
class binary16 {
  using Format = detail::binary16_format<M, B>;

 public:
  /// Uninitialized, as a float is.
  binary16() noexcept = default;

  /// x rounded to the nearest 16-bit value (ties to even), once, from float, double or long
  /// double; an integer through double (exactly up to 2^53). NaN stays NaN; past the largest
  /// finite value, ±infinity.
  template <class F>
  requires std::is_arithmetic_v<F>
  explicit constexpr binary16(F x) noexcept
      : bits_(Format::from_double(detail::to_double_for_16(x))) {}

  /// The value, exactly.
  template <std::floating_point F>
  explicit constexpr operator F() const noexcept {
    return static_cast<F>(Format::to_double(bits_));
  }

 private:
  std::uint16_t bits_;
};

}  // namespace actfn::storage

namespace actfn {

/// IEEE 754 binary16 (half precision): 11 significant bits, exponent range ±15, largest finite
/// value 65504. 16 bits, trivially copyable; converts explicitly from and to float and double,
/// rounding to nearest even once. actfn's functors round each result to it once, correctly.
struct float16 : storage::binary16<10, 15> {
  using binary16::binary16;
};

/// bfloat16 (brain floating point): float's exponent range with 8 significant bits, float's top
/// half. As float16: storage and exact conversions, every actfn result rounded once.
struct bfloat16 : storage::binary16<7, 127> {
  using binary16::binary16;
};

}  // namespace actfn

// Whether the compiler's _Float16 is a C++ type here: GCC 12 on x86 (GCC 12 on AArch64 defines
// the macro for C only), and every compiler with C++23's std::float16_t.
#if defined(__FLT16_MANT_DIG__) && !defined(__CUDACC__) && \
    (defined(__STDCPP_FLOAT16_T__) || defined(__x86_64__) || defined(__i386__))
#define ACTFN_HAS_FLOAT16 1
#else
#define ACTFN_HAS_FLOAT16 0
#endif

namespace actfn::detail {

// The 16-bit element types actfn computes and their formats: its own two, and the compiler's
// where it has them (GCC 12 on x86-64: _Float16, which is C++23's std::float16_t in GCC 13;
// std::bfloat16_t where <stdfloat> defines it).
template <class T>
struct binary16_traits {};
template <>
struct binary16_traits<float16> {
  using format = float16_format;
};
template <>
struct binary16_traits<bfloat16> {
  using format = bfloat16_format;
};
#if ACTFN_HAS_FLOAT16
template <>
struct binary16_traits<_Float16> {
  using format = float16_format;
};
#endif
#if defined(__STDCPP_BFLOAT16_T__)
template <>
struct binary16_traits<decltype(0.0bf16)> {
  using format = bfloat16_format;
};
#endif

template <class T>
inline constexpr bool is_binary16 = requires {
  typename binary16_traits<T>::format;
};

// x's bits and back: every 16-bit type above is trivially copyable.
template <class T>
constexpr std::uint16_t bits_of(T x) noexcept {
  return std::bit_cast<std::uint16_t>(x);
}
// A 16-bit T widened to double (exactly), or x rounded to T once.
template <class T>
constexpr double to_double(T x) noexcept {
  return binary16_traits<T>::format::to_double(bits_of(x));
}
template <class T>
constexpr T from_double(double x) noexcept {
  return std::bit_cast<T>(binary16_traits<T>::format::from_double(x));
}

}  // namespace actfn::detail

// numeric_limits, as for float: a generic test or a user's code that asks for epsilon, the
// largest value or infinity gets the 16-bit type's.
namespace actfn::detail {
template <class T>
struct binary16_limits {
 private:
  using format = typename actfn::detail::binary16_traits<T>::format;
  static constexpr int m = format::fraction_bits;
  static constexpr T of(std::uint16_t b) noexcept { return std::bit_cast<T>(b); }

 public:
  static constexpr bool is_specialized = true;
  static constexpr bool is_signed = true;
  static constexpr bool is_integer = false;
  static constexpr bool is_exact = false;
  static constexpr bool has_infinity = true;
  static constexpr bool has_quiet_NaN = true;
  static constexpr bool has_signaling_NaN = true;
  static constexpr std::float_denorm_style has_denorm = std::denorm_present;
  static constexpr bool has_denorm_loss = false;
  static constexpr std::float_round_style round_style = std::round_to_nearest;
  static constexpr bool is_iec559 = m == 10;  // binary16 is an IEEE 754 format; bfloat16 is not
  static constexpr bool is_bounded = true;
  static constexpr bool is_modulo = false;
  static constexpr int digits = m + 1;
  static constexpr int digits10 = m == 10 ? 3 : 2;
  static constexpr int max_digits10 = m == 10 ? 5 : 4;
  static constexpr int radix = 2;
  static constexpr int min_exponent = 2 - format::bias;
  static constexpr int min_exponent10 = m == 10 ? -4 : -37;
  static constexpr int max_exponent = format::bias + 1;
  static constexpr int max_exponent10 = m == 10 ? 4 : 38;
  static constexpr bool traps = false;
  static constexpr bool tinyness_before = false;

  static constexpr T min() noexcept { return of(1u << m); }
  static constexpr T lowest() noexcept { return of(0x8000 | (format::infinity - 1)); }
  static constexpr T max() noexcept { return of(format::infinity - 1); }
  static constexpr T epsilon() noexcept { return of((format::bias - m) << m); }
  static constexpr T round_error() noexcept { return of((format::bias - 1) << m); }
  static constexpr T infinity() noexcept { return of(format::infinity); }
  static constexpr T quiet_NaN() noexcept { return of(format::infinity | 1u << (m - 1)); }
  static constexpr T signaling_NaN() noexcept { return of(format::infinity | 1u); }
  static constexpr T denorm_min() noexcept { return of(1); }
};
}  // namespace actfn::detail

template <>
struct std::numeric_limits<actfn::float16> : actfn::detail::binary16_limits<actfn::float16> {};
template <>
struct std::numeric_limits<actfn::bfloat16> : actfn::detail::binary16_limits<actfn::bfloat16> {};
