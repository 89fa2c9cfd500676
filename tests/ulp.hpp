// tests/ulp.hpp: the distance, in units in the last place of T, between a result and a
// higher-precision reference, and the bounds actfn documents for it.
#pragma once

#include <actfn/half.hpp>
#include <actfn/isa.hpp>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "reference.hpp"

namespace acc {

// Whether the span forms run the static target's kernels, as scalar calls do: then the two
// agree bit for bit (docs/design.md). Otherwise (a build without -march dispatching to a wider level)
// each is within the documented bound on its own.
inline bool spans_run_static_target() {
  return actfn::active_isa() == actfn::detail::k_level_names[ACTFN_STATIC_LEVEL];
}

using ref::quad;

// The reference precision for T: long double (64 bits) is 2^-40 ULP close for float and fast
// enough to sweep 2^24 inputs; double and long double need __float128.
template <class T>
using ref_t = std::conditional_t<std::is_same_v<T, float>, long double, quad>;

template <class R>
bool is_nan(R x) {
  return x != x;
}

// |got - want| in units of T's ULP at want (the spacing of T's values around want, denormal
// spacing below the normal range). NaN matches only NaN and an infinity only itself.
// 2^e; for a double (normal), built from its bits rather than by a libm call.
template <class R>
R pow2(int e) {
  if constexpr (std::is_same_v<R, double>) {
    return std::bit_cast<double>(static_cast<std::uint64_t>(e + 1023) << 52);
  } else {
    return ref::ldexp(R(1), e);
  }
}

// The significant bits T's results are counted in: T's own, but 64 for a long double wider than
// x87's (AArch64's IEEE binary128), which actfn computes to x87's precision (its long double
// constants and kernels are written for 64 bits; docs/design.md, "Platforms and builds").
template <class T>
constexpr int counted_digits = std::is_same_v<T, long double>&& std::numeric_limits<T>::digits > 64
                                   ? 64
                                   : std::numeric_limits<T>::digits;

// With flush (the FTZ/DAZ mode -ffast-math turns on, where subnormal results become 0), the
// spacing below the smallest normal is counted as that normal's, so a flushed result is < 1.
template <class T, class R>
double ulp_error(T got, R want, bool flush = false) {
  if (is_nan(want) || is_nan(got)) return is_nan(want) && is_nan(got) ? 0 : INFINITY;
  const R w = want;
  const R g = static_cast<R>(got);
  if (g == w) return 0;
  const R aw = w < 0 ? -w : w;
  if (aw > static_cast<R>(std::numeric_limits<T>::max())) {  // rounds to ±inf, or max at most
    const bool overflowed = std::isinf(got) && (got < 0) == (w < 0);
    return overflowed || got == (w < 0 ? -1 : 1) * std::numeric_limits<T>::max() ? 0 : INFINITY;
  }
  // Below the smallest normal (exponent min_exponent - 1) the spacing is the denormal one.
  // (A double's exponent read from its bits: ilogb is a libm call, too slow for 2^32 inputs.)
  int e_raw = 0;
  if constexpr (std::is_same_v<R, double>) {
    e_raw = static_cast<int>(std::bit_cast<std::uint64_t>(aw) >> 52) - 1023;
  } else {
    e_raw = ref::ilogb(aw);
  }
  const int e = std::max(e_raw, std::numeric_limits<T>::min_exponent - 1);
  const R ulp = flush && aw < static_cast<R>(std::numeric_limits<T>::min())
                    ? static_cast<R>(std::numeric_limits<T>::min())
                    : pow2<R>(e - (counted_digits<T> - 1));
  const R d = (g > w ? g - w : w - g) / ulp;
  return d > R(1e300) ? INFINITY : static_cast<double>(d);
}

// Near a root of the function (GELU' has one at x ≈ -0.7518) a relative measure means
// nothing: there an absolute error of at most abs_tol also passes.
struct root_window {
  long double center = 0, half_width = -1, abs_tol = 0;
  bool contains(long double x) const {
    return x - center <= half_width && center - x <= half_width;
  }
};

// The ULP error of got at input x, counted as 0 where x lies in the root window and the
// absolute error is within its tolerance.
template <class T, class R>
double error_at(T x, T got, R want, root_window root = {}, bool flush = false) {
  const double e = ulp_error<T>(got, want, flush);
  if (!root.contains(static_cast<long double>(x)) || !std::isfinite(e)) return e;
  const auto d = static_cast<long double>(static_cast<R>(got) - want);
  return (d < 0 ? -d : d) <= root.abs_tol ? 0 : e;
}

// The documented bounds (the headers' contracts, docs/accuracy.md). long double has no wider type to compute
// in, so its error is libm's plus a few roundings.
template <class T>
constexpr double value_bound = std::is_same_v<T, long double> ? 4 : 1;
template <class T>
constexpr double derivative_bound = std::is_same_v<T, long double> ? 8 : 2;
// GELU' (both forms) crosses 0 at x ≈ -0.7518; within 1/16 of it an absolute error of
// 2^-26 (float) or 2^-55 (double) passes as well. long double, computed without a wider type,
// loses a few more bits to the cancellation Φ + xφ: within 1/4 of the root, 2^-62 passes.
template <class T>
constexpr long double gelu_root_abs_tol = std::is_same_v<T, float>    ? 0x1p-26L
                                          : std::is_same_v<T, double> ? 0x1p-55L
                                                                      : 0x1p-62L;

template <class T>
constexpr root_window gelu_derivative_root{
    -0.7518L, std::is_same_v<T, long double> ? 0.25L : 0.0625L, gelu_root_abs_tol<T>};

// SiLU' and Mish' have a root too (SiLU's at βx ≈ -1.2785, so at -1.2785/β), with the same
// windows and tolerances; Mish' is flatter there, so for long double (no wider type to absorb
// the cancellation) its window is 1/2 wide (measured: 13 ULP, 2^-64.3 absolute, at x = -1.468).
template <class T>
constexpr root_window root_at(long double x, long double long_double_half_width = 0.25L) {
  return {x, std::is_same_v<T, long double> ? long_double_half_width : 0.0625L,
          gelu_root_abs_tol<T>};
}
inline constexpr long double k_silu_root = -1.2784645427610738L;
inline constexpr long double k_mish_root = -1.1924312145154958L;

// T's value in __float128 (a 16-bit T through its exact widening to float).
template <class T>
quad to_quad(T v) {
  if constexpr (actfn::detail::is_binary16<T>) {
    return static_cast<quad>(static_cast<float>(v));
  } else {
    return static_cast<quad>(v);
  }
}

// |got - want| in T's spacing at scale ≥ |want| (a bound "within k ULP of scale", absolute):
// NaN matches only NaN. For results whose bound is relative to something larger than themselves
// (softmax's backward, a derivative near its root).
template <class T>
double ulps_at(T got, quad want, quad scale) {
  const quad g = to_quad(got);
  if (want != want || g != g) return want != want && g != g ? 0 : INFINITY;
  if (g == want) return 0;
  if (scale < 0) scale = -scale;
  const int e = std::max(scale == 0 ? std::numeric_limits<T>::min_exponent - 1 : ref::ilogb(scale),
                         std::numeric_limits<T>::min_exponent - 1);
  const quad spacing = ref::ldexp(quad(1), e - (counted_digits<T> - 1));
  return static_cast<double>((g > want ? g - want : want - g) / spacing);
}

}  // namespace acc
