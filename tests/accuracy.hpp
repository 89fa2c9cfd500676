// tests/accuracy.hpp: ULP distance to a higher-precision reference, and sweeps that assert
// the largest distance over many inputs against a documented bound.
#pragma once

#include <actfn/isa.hpp>
#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ulp.hpp"

namespace acc {

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

// How many inputs each sweep takes: 2^24 floats, 2^20 doubles, 2^16 long doubles, each divided
// by 2^k where the environment sets ACTFN_TEST_SWEEP_SHIFT=k (0 to 8): CI's secondary builds
// (other compilers, flags, sanitizers, AArch64 under qemu) sweep a sparser stride of the same
// range, every function still; the README's test command sweeps it all at the CPU's best level
// and every fourth input at the levels below it (where ACTFN_ISA forces a lower one).
template <class T>
std::uint64_t sweep_size() {
  const std::uint64_t full = std::is_same_v<T, float>    ? (1u << 24)
                             : std::is_same_v<T, double> ? (1u << 20)
                                                         : (1u << 16);
  const char* k = std::getenv("ACTFN_TEST_SWEEP_SHIFT");
  int shift = k != nullptr && k[0] >= '0' && k[0] <= '8' && k[1] == 0 ? k[0] - '0' : 0;
  if (ACTFN_DISPATCH &&
      actfn::detail::ACTFN_STATIC_TARGET::running_level() < actfn::detail::cpu_level()) {
    shift = shift < 7 ? shift + 2 : 8;
  }
  return full >> shift;
}

template <class T>
const std::vector<T>& inputs() {
  static const std::vector<T> v = sweep_inputs<T>(sweep_size<T>());
  return v;
}

// Whether a zero result has the sign of the exact value want: a negative result that underflows
// is -0, and a limit that is -0 is -0.
template <class T, class R>
bool zero_sign_right(T got, R want) {
  const bool negative = want < 0 || (want == 0 && 1 / want < 0);
  return got != 0 || std::signbit(got) == negative;
}

struct worst {
  double ulp = 0;
  long double x = 0;
  std::size_t above_half = 0;  // inputs not correctly rounded
  std::size_t zero_signs_wrong = 0;
  long double zero_sign_x = 0;  // the first of them
  void add(double e, long double at, bool zero_sign_ok = true) {
    if (e > 0.5) ++above_half;
    if (!(e <= ulp)) ulp = e, x = at;
    if (!zero_sign_ok && zero_signs_wrong++ == 0) zero_sign_x = at;
  }
  std::string describe(const char* what, std::size_t n) const {
    std::ostringstream s;
    s.precision(21);
    s << what << ": max " << ulp << " ULP at x = " << x << ", " << above_half << " of " << n
      << " inputs above 0.5 ULP, " << zero_signs_wrong << " zero results of the wrong sign";
    if (zero_signs_wrong != 0) s << " (the first at x = " << zero_sign_x << ")";
    return s.str();
  }
};

enum class form { value, derivative };

// The largest error of f's value or derivative against the reference r over the sweep inputs
// (every stride-th),
// as computed by the span form (the kernels of the level this process runs: ACTFN_ISA) and by
// scalar calls (the static target's, inlined), each asserted against the bound.
template <class F, class Ref>
void require_within(const char* what, const F& f, form o, double bound_ulp, Ref r,
                    root_window root = {}, std::size_t stride = 1) {
  using T = typename F::value_type;
  const std::vector<T>& xs = inputs<T>();
  std::vector<T> span(xs.size());
  if (o == form::value) {
    f(xs, span);
  } else {
    f.derivative(xs, span);
  }
  worst by_span, by_call;
  for (std::size_t i = 0; i < xs.size(); i += stride) {
    const T x = xs[i];
    const auto want = r(static_cast<ref_t<T>>(x));
    const T call = o == form::value ? f(x) : f.derivative(x);
    by_span.add(error_at(x, span[i], want, root), x, zero_sign_right(span[i], want));
    by_call.add(error_at(x, call, want, root), x, zero_sign_right(call, want));
  }
  INFO(by_span.describe(what, xs.size()) << " (span form)");
  INFO(by_call.describe(what, xs.size()) << " (scalar calls)");
  CHECK(by_span.ulp <= bound_ulp);
  CHECK(by_call.ulp <= bound_ulp);
  CHECK(by_span.zero_signs_wrong == 0);
  CHECK(by_call.zero_signs_wrong == 0);
}

// f's value and derivative at every special input (zeros, infinities, NaN, subnormals, the
// extremes, where e^x overflows): within the bounds, by scalar call and by span, and every zero
// result with the exact value's sign.
template <class F, class RefV, class RefD>
void require_specials(const F& f, RefV rv, RefD rd, root_window root = {},
                      double value_ulp = value_bound<typename F::value_type>,
                      double derivative_ulp = derivative_bound<typename F::value_type>) {
  using T = typename F::value_type;
  const std::vector<T> xs = special_inputs<T>();
  std::vector<T> vs(xs.size()), ds(xs.size());
  f(xs, vs);
  f.derivative(xs, ds);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const T x = xs[i];
    INFO(f.name << " at x = " << x);
    const auto v = rv(static_cast<ref_t<T>>(x));
    const auto d = rd(static_cast<ref_t<T>>(x));
    for (const T got : {f(x), vs[i]}) {
      CHECK(error_at(x, got, v) <= value_ulp);
      CHECK(zero_sign_right(got, v));
    }
    for (const T got : {f.derivative(x), ds[i]}) {
      CHECK(error_at(x, got, d, root) <= derivative_ulp);
      CHECK(zero_sign_right(got, d));
    }
  }
}

template <class T>
bool same_bits(T a, T b) {
  return (is_nan(a) && is_nan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

// backward over the sweep inputs, each with a gradient from across T's range (its largest finite
// values, 1, its least normal and subnormal ones, both signs): grad_out·f'(x) rounded once,
// f'(x) being the derivative span's result (asserted against the reference elsewhere).
template <class F>
void require_backward(const F& f) {
  using T = typename F::value_type;
  using L = std::numeric_limits<T>;
  const std::vector<T>& xs = inputs<T>();
  const T grads[] = {L::max(), T(-1), T(0.75), L::min(), -L::denorm_min(), T(-3e4), T(1e-30)};
  std::vector<T> g(xs.size()), d(xs.size()), got(xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) g[i] = grads[i % std::size(grads)];
  f.derivative(xs, d);
  f.backward(xs, g, got);
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const T want = static_cast<T>(g[i] * d[i]);
    if (!same_bits(got[i], want) && wrong++ == 0) first = i;
  }
  INFO(f.name << ": " << wrong << " of " << xs.size() << " backward results not g·f'(x) rounded"
              << " once, the first at x = " << xs[first] << ", g = " << g[first]);
  CHECK(wrong == 0);
}

// hardtanh and relu6 are exact, so the reference is the clamp itself on every sweep input: NaN
// kept, -0 kept inside the interval, and the derivative 1 strictly inside, 0 at both ends and
// outside (PyTorch's convention), by call and by span.
template <class F, class T>
void require_clamp(const F& f, T lo, T hi) {
  std::vector<T> xs = acc::inputs<T>();
  for (T k : {lo, hi}) {
    xs.insert(xs.end(), {std::nextafter(k, -std::numeric_limits<T>::infinity()), k,
                         std::nextafter(k, std::numeric_limits<T>::infinity())});
  }
  std::vector<T> ys(xs.size()), ds(xs.size());
  f(xs, ys);
  f.derivative(xs, ds);
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const T x = xs[i];
    const T want = std::isnan(x) ? x : x < lo ? lo : x > hi ? hi : x;
    const T want_d = std::isnan(x) ? x : (x > lo && x < hi) ? T(1) : T(0);
    const bool ok = acc::same_bits(f(x), want) && acc::same_bits(ys[i], want) &&
                    acc::same_bits(f.derivative(x), want_d) && acc::same_bits(ds[i], want_d);
    if (!ok && wrong++ < 5) FAIL_CHECK(f.name << " at x = " << x);
  }
  CHECK(wrong == 0);
}

// A span result against the scalar call for the same input x: the same bits where the span
// runs the static target, else the same special value or within twice the bound of each other
// (both are within the bound of the exact value; near a root, twice its absolute tolerance).
template <class T>
bool agree(T x, T span, T call, double bound_ulp, root_window root = {}) {
  if (same_bits(span, call)) return true;
  if (spans_run_static_target() || !std::isfinite(span) || !std::isfinite(call)) return false;
  root.abs_tol *= 2;
  return error_at(x, span, static_cast<ref_t<T>>(call), root) <= 2 * bound_ulp;
}

}  // namespace acc
