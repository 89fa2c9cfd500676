// Differential fuzzing of the span forms: the input bytes choose the element type, function,
// GELU mode or slope, operation, in-place or not, the level the spans run (actfn::limit_isa), an
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
// the reference: ref_value / ref_derivative take and return ref_t<T>.
template <class T, class F, class RV, class RD>
void check(const F& f, op o, bool in_place, const std::vector<T>& xs, std::size_t offset,
           RV ref_value, RD ref_derivative, acc::root_window root) {
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
        want_bits = f(xi), bound = acc::value_bound<T>, want_ref = ref_value(acc::ref_t<T>(xi));
        break;
      case op::derivative:
        want_bits = f.derivative(xi), bound = acc::derivative_bound<T>;
        want_ref = ref_derivative(acc::ref_t<T>(xi));
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
      if (!same_bits(out[i], want_bits)) fail("span != scalar", F::name, xi, out[i], want_bits);
    } else if (bound > 0 && acc::error_at(xi, out[i], want_ref, root) > bound) {
      fail("span beyond the documented bound", F::name, xi, out[i], static_cast<double>(want_ref));
    }
    if (bound > 0 && acc::error_at(xi, want_bits, want_ref, root) > bound) {
      fail("beyond the documented bound", F::name, xi, want_bits, static_cast<double>(want_ref));
    }
  }
}

template <class T>
void run(std::uint8_t mode, T slope, bytes in) {
  std::uint8_t offset = 0;
  in.take(offset);
  std::vector<T> xs;
  for (T v; in.take(v);) xs.push_back(v);
  const op o = static_cast<op>(mode >> 3 & 3);
  const bool in_place = mode >> 5 & 1;
  using R = acc::ref_t<T>;
  const auto none = acc::root_window{};
  // the function from bits 0-2 and 6 (the others choose the form, in place, the type)
  switch (((mode & 7) + 8 * (mode >> 6 & 1)) % 15) {
    case 0:
      check(actfn::sigmoid<T>{}, o, in_place, xs, offset % 16, ref::sigmoid<R>, ref::sigmoid_d<R>,
            none);
      break;
    case 1:
      check(actfn::tanh<T>{}, o, in_place, xs, offset % 16, ref::tanh_v<R>, ref::tanh_d<R>, none);
      break;
    case 2:
      check(
          actfn::relu<T>{}, o, in_place, xs, offset % 16,
          [](R x) { return x != x  ? x
                           : x > 0 ? x
                                   : R(0); },
          [](R x) { return x != x  ? x
                           : x > 0 ? R(1)
                                   : R(0); }, none);
      break;
    case 3: {
      if (!(slope - slope == 0)) slope = T(0.01);
      const actfn::leaky_relu<T> f(slope);
      check(
          f, o, in_place, xs, offset % 16, [slope](R x) { return x < 0 ? R(slope) * x : x; },
          [slope](R x) { return x != x  ? x
                                : x > 0 ? R(1)
                                        : R(slope); }, none);
      break;
    }
    case 4:
      check(actfn::gelu<T>{}, o, in_place, xs, offset % 16, ref::gelu<R>, ref::gelu_d<R>,
            acc::gelu_derivative_root<T>);
      break;
    case 5:
      check(actfn::gelu<T>{actfn::gelu_approximation::tanh}, o, in_place, xs, offset % 16,
            ref::gelu_tanh<R>, ref::gelu_tanh_d<R>, acc::gelu_derivative_root<T>);
      break;
    case 6: {  // SiLU with the fuzzed β (bounded, so that the root window is meaningful)
      if (!(std::fabs(slope) >= T(0.125) && std::fabs(slope) <= T(8))) slope = T(1.702);
      const R b = slope;
      check(
          actfn::silu<T>{slope}, o, in_place, xs, offset % 16, [b](R x) { return ref::silu(x, b); },
          [b](R x) { return ref::silu_d(x, b); },
          acc::root_at<T>(acc::k_silu_root / static_cast<long double>(slope)));
      break;
    }
    case 7: {
      if (!(slope >= T(0.125) && slope <= T(8))) slope = T(1);
      const R b = slope;
      check(
          actfn::softplus<T>{slope}, o, in_place, xs, offset % 16,
          [b](R x) { return ref::softplus(x, b); }, [b](R x) { return ref::softplus_d(x, b); },
          none);
      break;
    }
    case 8:
      check(actfn::log_sigmoid<T>{}, o, in_place, xs, offset % 16, ref::log_sigmoid<R>,
            ref::log_sigmoid_d<R>, none);
      break;
    case 9: {
      if (!(std::fabs(slope) >= T(0.125) && std::fabs(slope) <= T(8))) slope = T(1);
      const R a = slope;
      check(
          actfn::celu<T>{slope}, o, in_place, xs, offset % 16,
          [a](R x) { return ref::elu(x, a, R(1), a); },
          [a](R x) { return ref::elu_d(x, a, R(1), a); }, none);
      break;
    }
    case 10:
      check(actfn::mish<T>{}, o, in_place, xs, offset % 16, ref::mish<R>, ref::mish_d<R>,
            acc::root_at<T>(acc::k_mish_root, 0.5L));
      break;
    case 11:
      check(actfn::hardsigmoid<T>{}, o, in_place, xs, offset % 16, ref::hardsigmoid<R>,
            ref::hardsigmoid_d<R>, none);
      break;
    case 12:
      check(actfn::hardswish<T>{}, o, in_place, xs, offset % 16, ref::hardswish<R>,
            ref::hardswish_d<R>, none);
      break;
    case 13:
      check(actfn::softsign<T>{}, o, in_place, xs, offset % 16, ref::softsign<R>,
            ref::softsign_d<R>, none);
      break;
    case 14: {  // hardtanh on [-|s|, |s| + 1] with the fuzzed s (finite), exact
      if (!(slope - slope == 0)) slope = T(1);
      const T lo = -std::fabs(slope), hi = std::fabs(slope) + 1;
      if (!(lo < hi)) break;  // |s| + 1 rounds to |s| for huge s
      check(
          actfn::hardtanh<T>{lo, hi}, o, in_place, xs, offset % 16,
          [lo, hi](R x) {
            return x != x ? x : x < lo ? R(lo) : x > hi ? R(hi) : x;
          },
          [lo, hi](R x) { return x != x             ? x
                                 : x > lo && x < hi ? R(1)
                                                    : R(0); }, none);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bytes in{data, size};
  std::uint8_t mode = 0, level = 0;
  if (!in.take(mode) || !in.take(level)) return 0;
  // The level the spans run, among those this CPU has (capped above): every target's kernels.
  constexpr const char* k_levels[] = {"scalar", "sse2", "avx2", "avx512"};
  actfn::limit_isa(k_levels[level % 4]);
  if (mode & 0x80) {
    double slope = 0;
    in.take(slope);
    run<double>(mode, slope, in);
  } else {
    float slope = 0;
    in.take(slope);
    run<float>(mode, slope, in);
  }
  return 0;
}
