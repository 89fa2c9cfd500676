// tests/accuracy.hpp: ULP distance to a higher-precision reference, and sweeps that assert
// the largest distance over many inputs against a documented bound.
#pragma once

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <vector>

#include "reference.hpp"

namespace acc {

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
template <class T, class R>
double ulp_error(T got, R want) {
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
  const int e = std::max(ref::ilogb(aw), std::numeric_limits<T>::min_exponent - 1);
  const R ulp = ref::ldexp(R(1), e - (std::numeric_limits<T>::digits - 1));
  const R d = (g > w ? g - w : w - g) / ulp;
  return d > R(1e300) ? INFINITY : static_cast<double>(d);
}

// The special inputs every function meets: zeros, infinities, NaN, subnormals, the extremes,
// and the points where e^x and e^-x overflow or underflow in T and in its wide type.
template <class T>
std::vector<T> special_inputs() {
  using L = std::numeric_limits<T>;
  std::vector<T> v{T(0),     L::infinity(), L::quiet_NaN(), L::denorm_min(),
                   L::min(), L::max(),      L::epsilon(),   T(0.5),
                   T(1),     T(2),          T(-0.7518)};
  for (long double p : {88.72L, 87.33L, 103.97L, 709.78L, 708.4L, 744.44L, 11356.5L, 11355.1L,
                        11399.5L, 11370.0L, 17.33L, 9.01L, 26.5L, 38.5L, 37.5L, 150.6L}) {
    if (p < static_cast<long double>(L::max())) v.push_back(static_cast<T>(p));
  }
  const std::size_t n = v.size();
  for (std::size_t i = 0; i < n; ++i) v.push_back(-v[i]);
  return v;
}

// About n inputs spread over all finite values of T: every float bit pattern at a stride
// (when T is float), else random bit patterns, plus uniform samples on [-40, 40] where the
// functions are not yet saturated, plus the special inputs.
template <class T>
std::vector<T> sweep_inputs(std::uint64_t n) {
  std::vector<T> v = special_inputs<T>();
  std::mt19937_64 rng(20261128);
  if constexpr (std::is_same_v<T, float>) {
    const std::uint64_t stride = (std::uint64_t(1) << 32) / n;
    for (std::uint64_t b = 0; b < (std::uint64_t(1) << 32); b += stride) {
      const float x = std::bit_cast<float>(static_cast<std::uint32_t>(b + rng() % stride));
      if (std::isfinite(x)) v.push_back(x);
    }
  } else {
    std::uniform_real_distribution<long double> typical(-40, 40);
    for (std::uint64_t i = 0; i < n / 2; ++i) v.push_back(static_cast<T>(typical(rng)));
    for (std::uint64_t i = 0; i < n / 2; ++i) {
      T x;
      if constexpr (sizeof(T) == 8) {
        x = std::bit_cast<T>(rng());
      } else {  // x87 long double: random sign, exponent and 64-bit significand, top bit set
        x = std::ldexp(static_cast<T>(rng() | (std::uint64_t(1) << 63)) * T(0x1p-64),
                       static_cast<int>(rng() % 32760) - 16380);
        if (rng() & 1) x = -x;
      }
      if (std::isfinite(x)) v.push_back(x);
    }
  }
  return v;
}

struct worst {
  double ulp = 0;
  long double x = 0;
  std::size_t above_half = 0;  // inputs not correctly rounded
};

// Near a root of the function (GELU' has one at x ≈ -0.7518) a relative measure means
// nothing: there an absolute error of at most abs_tol also passes.
struct root_window {
  long double center = 0, half_width = -1, abs_tol = 0;
  bool contains(long double x) const {
    return x - center <= half_width && center - x <= half_width;
  }
};

// Largest error of f against reference r over xs.
template <class T, class F, class Ref>
worst measure(const std::vector<T>& xs, F f, Ref r, root_window root = {}) {
  worst w;
  for (T x : xs) {
    const T got = f(x);
    const auto want = r(static_cast<ref_t<T>>(x));
    double e = ulp_error<T>(got, want);
    if (root.contains(x) && std::isfinite(e)) {
      const auto d = static_cast<long double>(static_cast<ref_t<T>>(got) - want);
      if ((d < 0 ? -d : d) <= root.abs_tol) e = 0;
    }
    if (e > 0.5) ++w.above_half;
    if (!(e <= w.ulp)) w = {e, static_cast<long double>(x), w.above_half};
  }
  return w;
}

template <class T, class F, class Ref>
void require_within(const char* what, const std::vector<T>& xs, double bound_ulp, F f, Ref r,
                    root_window root = {}) {
  const worst w = measure(xs, f, r, root);
  std::ostringstream where;
  where.precision(21);
  where << what << ": max " << w.ulp << " ULP at x = " << w.x << ", " << w.above_half << " of "
        << xs.size() << " inputs above 0.5 ULP";
  INFO(where.str());
  CHECK(w.ulp <= bound_ulp);
}

// How many inputs each sweep takes: 2^24 floats, 2^20 doubles, 2^16 long doubles.
template <class T>
constexpr std::uint64_t sweep_size = std::is_same_v<T, float>    ? (1u << 24)
                                     : std::is_same_v<T, double> ? (1u << 20)
                                                                 : (1u << 16);

// The documented bounds (README, header comments). long double has no wider type to compute
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
const std::vector<T>& inputs() {
  static const std::vector<T> v = sweep_inputs<T>(sweep_size<T>);
  return v;
}

template <class T>
bool same_bits(T a, T b) {
  return (is_nan(a) && is_nan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

template <class T>
constexpr root_window gelu_derivative_root{
    -0.7518L, std::is_same_v<T, long double> ? 0.25L : 0.0625L, gelu_root_abs_tol<T>};

}  // namespace acc
