// Differential fuzzing of the span forms: the input bytes choose the element type, the function
// (an instance of actfn's list, each tier with kernels of its own, or one with a fuzzed
// parameter), the operation, in-place or not, the level the spans run (actfn::limit_isa), an
// element offset into the buffer (so the data is not aligned to any vector width) and the
// values. Every span result must equal the scalar call bit for bit where the spans run the
// static target (and be within the bound elsewhere), and stay within the documented bound of a
// higher-precision reference. A failed check aborts, which libFuzzer reports with the input that
// caused it.
#include <actfn/actfn.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "../functions.hpp"
#include "../ulp.hpp"

namespace {

struct bytes {
  const std::uint8_t* p;
  std::size_t n;
  template <class V>
  bool take(V& v) {
    if (n < sizeof(V)) return false;
    std::memcpy(&v, p, sizeof(V));
    p += sizeof(V), n -= sizeof(V);
    return true;
  }
};

[[noreturn]] void fail(const char* what, const char* fn, double x, double got, double want) {
  std::fprintf(stderr, "%s: %s at x = %.17g: got %.17g, want %.17g\n", fn, what, x, got, want);
  std::abort();
}

template <class T>
bool same_bits(T a, T b) {
  return (a != a && b != b) || (a == b && std::signbit(a) == std::signbit(b));
}

enum class op : std::uint8_t { value, derivative, backward, from_output };

// Checks one functor on xs (at an offset inside a larger buffer) against its scalar calls and
// the reference (tests/functions.hpp), within its documented bounds.
template <class T, class F>
void check(const F& f, op o, bool in_place, const std::vector<T>& xs, std::size_t offset) {
  using R = acc::ref_t<T>;
  const acc::root_window root = fn::derivative_root(f);
  const std::string name = fn::label(f);
  const std::size_t n = xs.size();
  std::vector<T> buf(n + offset + 1), grad(n + offset + 1);
  std::copy(xs.begin(), xs.end(), buf.begin() + static_cast<std::ptrdiff_t>(offset));
  for (std::size_t i = 0; i < n; ++i) grad[offset + i] = T(0.75) + static_cast<T>(i % 5);
  const std::span<const T> x(xs);
  const std::span<T> out =
      in_place ? std::span<T>(buf).subspan(offset, n) : std::span<T>(grad).subspan(offset, n);
  switch (o) {
    case op::value:
      f(in_place ? std::span<const T>(out) : x, out);
      break;
    case op::derivative:
      f.derivative(in_place ? std::span<const T>(out) : x, out);
      break;
    case op::backward:
      f.backward(x, std::span<const T>(grad).subspan(offset, n), out);
      break;
    case op::from_output:
      if constexpr (requires { f.derivative_from_output(T(0)); }) {
        f.derivative_from_output(in_place ? std::span<const T>(out) : x, out);
      }
      break;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const T xi = xs[i];
    T want_bits;
    double bound = 0;
    acc::ref_t<T> want_ref{};
    switch (o) {
      case op::value:
        want_bits = f(xi), bound = fn::value_bound<F>(), want_ref = ref::value(f, R(xi));
        break;
      case op::derivative:
        want_bits = f.derivative(xi), bound = fn::derivative_bound<F>();
        want_ref = ref::derivative(f, R(xi));
        break;
      case op::backward:
        want_bits = T(T(0.75) + static_cast<T>(i % 5)) * f.derivative(xi);
        break;
      case op::from_output:
        if constexpr (requires { f.derivative_from_output(T(0)); }) {
          want_bits = f.derivative_from_output(xi);
        } else {
          want_bits = out[i];
        }
        break;
    }
    // Bit for bit where the spans run the static target; else each within the bound.
    if (acc::spans_run_static_target() || o == op::from_output || !std::isfinite(want_bits)) {
      if (!same_bits(out[i], want_bits))
        fail("span != scalar", name.c_str(), xi, out[i], want_bits);
    } else if (bound > 0 && acc::error_at(xi, out[i], want_ref, root) > bound) {
      fail("span beyond the documented bound", name.c_str(), xi, out[i],
           static_cast<double>(want_ref));
    }
    if (bound > 0 && acc::error_at(xi, want_bits, want_ref, root) > bound) {
      fail("beyond the documented bound", name.c_str(), xi, want_bits,
           static_cast<double>(want_ref));
    }
  }
}

// Instance k of the list's (every tier with kernels of its own), or one of the functions with
// a parameter at the fuzzed value s (bounded where the reference's root window needs it).
template <class T, class Fn>
void with_function(std::uint8_t k, T s, Fn fn) {
  std::size_t i = 0, count = 0;
  fn::for_each_kernel_set<T>([&](const auto&) { ++count; });
  const std::size_t pick = k % (count + 6);
  fn::for_each_kernel_set<T>([&](const auto& f) {
    if (i++ == pick) fn(f);
  });
  const bool finite = s - s == 0, moderate = std::fabs(s) >= T(0.125) && std::fabs(s) <= T(8);
  switch (pick - count) {
    case 0:
      fn(actfn::leaky_relu<T>{finite ? s : T(0.01)});
      break;
    case 1:
      fn(actfn::silu<T>{moderate ? s : T(1.702)});
      break;
    case 2:
      fn(actfn::softplus<T>{moderate && s > 0 ? s : T(1)});
      break;
    case 3:
      fn(actfn::elu<T>{moderate ? s : T(1)});
      break;
    case 4:
      fn(actfn::celu<T>{moderate ? s : T(1)});
      break;
    case 5: {  // hardtanh on [-|s|, |s| + 1] (|s| + 1 rounds to |s| for huge s)
      const T lo = -std::fabs(finite ? s : T(1)), hi = std::fabs(finite ? s : T(1)) + 1;
      if (lo < hi) fn(actfn::hardtanh<T>{lo, hi});
      break;
    }
    default:
      break;
  }
}

template <class T>
void run(std::uint8_t mode, std::uint8_t which, T slope, bytes in) {
  std::uint8_t offset = 0;
  in.take(offset);
  std::vector<T> xs;
  for (T v; in.take(v);) xs.push_back(v);
  const op o = static_cast<op>(mode >> 3 & 3);
  const bool in_place = mode >> 5 & 1;
  with_function<T>(which, slope, [&](const auto& f) { check(f, o, in_place, xs, offset % 16); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bytes in{data, size};
  std::uint8_t mode = 0, which = 0, level = 0;
  if (!in.take(mode) || !in.take(which) || !in.take(level)) return 0;
  // The level the spans run, among those this CPU has (capped above): every target's kernels.
  constexpr const char* k_levels[] = {"scalar", "sse2", "avx2", "avx512"};
  actfn::limit_isa(k_levels[level % 4]);
  if (mode & 0x80) {
    double slope = 0;
    in.take(slope);
    run<double>(mode, which, slope, in);
  } else {
    float slope = 0;
    in.take(slope);
    run<float>(mode, which, slope, in);
  }
  return 0;
}
