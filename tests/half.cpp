// tests/half.cpp: actfn::float16 and actfn::bfloat16: their conversions at every rounding
// boundary, and every functor's value, derivative and backward on all 65,536 inputs of each type,
// each result the correctly rounded one (no 16-bit value nearer the exact result; ties to even),
// by scalar calls and by spans. Exact values come from tests/reference.hpp in long double and
// from decoding the bits here, independently of the library's conversions.
#include <actfn/actfn.hpp>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "functions.hpp"
#include "reference.hpp"

namespace {

using R = long double;

template <class T>
constexpr int fraction_bits = std::is_same_v<T, actfn::bfloat16> ? 7 : 10;
template <class T>
constexpr int bias = std::is_same_v<T, actfn::bfloat16> ? 127 : 15;

template <class T>
std::uint16_t bits(T x) {
  return std::bit_cast<std::uint16_t>(x);
}
template <class T>
T of_bits(std::uint32_t b) {
  return std::bit_cast<T>(static_cast<std::uint16_t>(b));
}

// The value of bits b in T's format, from its definition.
template <class T>
R decode(std::uint16_t b) {
  constexpr int m = fraction_bits<T>;
  const int e = (b & 0x7fff) >> m;
  const R f = b & ((1 << m) - 1);
  const R v = e == 0             ? std::ldexp(f, 1 - bias<T> - m)
              : e == 0x7fff >> m ? (f == 0 ? R(INFINITY) : R(NAN))
                                 : std::ldexp(1 + std::ldexp(f, -m), e - bias<T>);
  return b & 0x8000 ? -v : v;
}
template <class T>
R decode(T x) {
  return decode<T>(bits(x));
}

// |got - want| in units of T's spacing around want (the subnormal spacing below the normal
// range); past the largest value by half a spacing or more, 0 for an infinity of want's sign.
// Q: long double, or ref::quad where a reference needs more bits (softsign' past 2^64).
template <class T, class Q>
Q spacings(T got, Q want) {
  const R gl = decode(got);
  const Q g = static_cast<Q>(gl);
  if (want != want || g != g) return want != want && g != g ? Q(0) : Q(INFINITY);
  constexpr int m = fraction_bits<T>;
  const Q top = static_cast<Q>(std::ldexp(R(2) - std::ldexp(R(1), -m - 1), bias<T>));
  const Q aw = want < 0 ? -want : want;
  if (aw >= top) return std::isinf(gl) && (g < 0) == (want < 0) ? Q(0) : Q(INFINITY);
  if (want == 0) return g == 0 ? Q(0) : Q(INFINITY);
  const int e = std::max(ref::ilogb(aw), 1 - bias<T>);
  const Q d = g - want;
  return (d < 0 ? -d : d) / ref::ldexp(Q(1), e - m);
}
// Whether got is want rounded to the nearest T, ties to even: its distance to want is under
// half a spacing, or exactly half with an even last bit. NaN matches NaN.
template <class T, class Q>
bool correctly_rounded(T got, Q want) {
  const Q d = spacings(got, want);
  return d < Q(0.5) || (d == Q(0.5) && bits(got) % 2 == 0);
}

// Every 2^k-th input, k from ACTFN_TEST_SWEEP_SHIFT (AArch64 under qemu: its long double is
// binary128 in software); all 65,536 otherwise.
std::uint32_t stride() {
  const char* k = std::getenv("ACTFN_TEST_SWEEP_SHIFT");
  return k != nullptr && k[0] >= '0' && k[0] <= '8' && k[1] == 0 ? 1u << (k[0] - '0') : 1u;
}

// The 16-bit inputs, every stride-th bit pattern.
template <class T>
std::vector<T> all_inputs() {
  std::vector<T> x;
  for (std::uint32_t b = 0; b < 0x10000; b += stride()) x.push_back(of_bits<T>(b));
  return x;
}

// A gradient for input i: values of every magnitude class, signed, cycling (including ones
// whose products with f' land in T's subnormals and past its largest value), up to T's largest
// and down to its smallest subnormal (f' far out in its tails, where a kernel's clamp of x would
// show: bfloat16's largest times σ'(123.5) is 2.8·10^-34).
template <class T>
constexpr std::size_t gradients = 10;
template <class T>
T gradient(std::size_t i) {
  using L = std::numeric_limits<T>;
  const T g[gradients<T>] = {T(1.0f),   T(-0.75f),         T(3.5f),  T(-1e-3f), T(0x1p-10f),
                             T(250.0f), L::lowest(),      T(-0.3f), T(1.0f / 3), L::denorm_min()};
  return g[i % gradients<T>];
}

// f's value, derivative and backward (with each of gradient()'s values) on every input,
// scalar and span, each correctly rounded from the exact results of fv and fd; counts the
// failures of each form and reports the first.
template <class F, class V, class D>
void require_correctly_rounded(const std::string& what, const F& f, V fv, D fd) {
  using T = typename F::value_type;
  const std::vector<T> x = all_inputs<T>();
  const std::size_t n = x.size();
  std::vector<T> y(n), d(n);
  f(x, y);
  f.derivative(x, d);
  // backward with each of the gradients at every input
  constexpr std::size_t m = gradients<T>;
  std::vector<std::vector<T>> g(m, std::vector<T>(n)), b(m, std::vector<T>(n));
  for (std::size_t k = 0; k < m; ++k) {
    for (std::size_t i = 0; i < n; ++i) g[k][i] = gradient<T>(i + k);
    f.backward(x, g[k], b[k]);
  }
  std::size_t bad[5] = {};
  std::ostringstream first;
  const auto check = [&](int form, T got, auto want, T xi) {
    if (correctly_rounded(got, want)) return;
    if (bad[form]++ == 0) {
      static const char* names[] = {"value", "derivative", "value (span)", "derivative (span)",
                                    "backward (span)"};
      first << names[form] << " at x = " << static_cast<double>(decode(xi)) << " (bits " << bits(xi)
            << "): got " << static_cast<double>(decode(got)) << ", exact "
            << static_cast<double>(want) << "\n";
    }
  };
  // Below 2^-100 a function with f(0) = 0 is f'(0)·x + f''(0)·x²/2 with the second term lost
  // in long double: where f'(0)·x is a midpoint between two 16-bit values (bfloat16's subnormals,
  // f'(0) = 1/2), the exact value lies on the side of f''(0)'s sign, and rounds to it.
  // (f''s sign on x's side of 0, from two derivatives there: 0 where f is linear on that side.)
  const R bend[2] = {static_cast<R>(fd(R(-0x1p-21)) - fd(R(-0x1p-20))),
                     static_cast<R>(fd(R(0x1p-20)) - fd(R(0x1p-21)))};
  const auto exact_value = [&](R xi) {
    const R v = fv(xi), c = bend[xi > 0];
    if (xi == 0 || std::fabs(xi) > R(0x1p-100) || v == 0) return v;
    return v + (c > 0 ? 1 : c < 0 ? -1 : 0) * std::ldexp(std::fabs(v), -40);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const R xi = decode(x[i]), vi = exact_value(xi);
    const auto di = fd(xi);  // long double, or ref::quad

    check(0, f(x[i]), vi, x[i]);
    check(1, f.derivative(x[i]), di, x[i]);
    check(2, y[i], vi, x[i]);
    check(3, d[i], di, x[i]);
    // Likewise f'(x) = f'(0) + f''(0)·x + ... rounds to f'(0) in long double below 2^-64, where
    // g·f'(0) can be a midpoint (½ times the least subnormal g) that the exact product lies
    // beside, on the side of f'(±2^-8) - f'(0) (the first nonzero term, from the reference).
    const auto dk = [&](R xv) { return static_cast<R>(fd(xv)); };
    const R d0 = dk(std::copysign(R(0), xi));
    const R slope_bend = xi == 0 || std::fabs(xi) > R(0x1p-60) || dk(xi) != d0
                             ? R(0)
                             : dk(std::copysign(R(0x1p-8), xi)) - d0;
    for (std::size_t k = 0; k < m; ++k) {
      using Q = decltype(di);
      const Q gk = static_cast<Q>(decode(g[k][i])), ad = di < 0 ? -di : di;
      const int side = slope_bend > 0 ? 1 : slope_bend < 0 ? -1 : 0;
      const Q shade = side == 0 ? Q(0) : side * gk * ad * static_cast<Q>(std::ldexp(R(1), -40));
      check(4, b[k][i], gk * di + shade, x[i]);
    }
  }
  INFO(what << " (" << actfn::active_isa() << "), " << n << " inputs; first failures:\n"
            << first.str());
  CHECK(bad[0] == 0);
  CHECK(bad[1] == 0);
  CHECK(bad[2] == 0);
  CHECK(bad[3] == 0);
  CHECK(bad[4] == 0);
}

}  // namespace

TEMPLATE_TEST_CASE("16-bit types: storage, limits and exact widening", "[half]", actfn::float16,
                   actfn::bfloat16) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  STATIC_REQUIRE(sizeof(T) == 2);
  STATIC_REQUIRE(std::is_trivially_copyable_v<T>);
  STATIC_REQUIRE(actfn::floating_point<T>);
  STATIC_REQUIRE(std::is_same_v<actfn::parameter_t<T>, float>);
  STATIC_REQUIRE(!std::is_convertible_v<float, T>);  // explicit both ways
  STATIC_REQUIRE(!std::is_convertible_v<T, float>);
  constexpr int m = fraction_bits<T>;
  CHECK(L::digits == m + 1);
  CHECK(decode(L::max()) == std::ldexp(R(2) - std::ldexp(R(1), -m), bias<T>));
  CHECK(decode(L::lowest()) == -decode(L::max()));
  CHECK(decode(L::min()) == std::ldexp(R(1), 1 - bias<T>));
  CHECK(decode(L::denorm_min()) == std::ldexp(R(1), 1 - bias<T> - m));
  CHECK(decode(L::epsilon()) == std::ldexp(R(1), -m));
  CHECK(std::isinf(decode(L::infinity())));
  CHECK(std::isnan(decode(L::quiet_NaN())));
  CHECK(std::isnan(decode(L::signaling_NaN())));
  if constexpr (m == 10) CHECK(decode(L::max()) == 65504);
  // Every bit pattern widens exactly, and narrows back to itself (NaN to a NaN).
  std::size_t bad = 0;
  for (std::uint32_t b = 0; b < 0x10000; ++b) {
    const T x = of_bits<T>(b);
    const R want = decode(x);
    const float f = static_cast<float>(x);
    const double d = static_cast<double>(x);
    const bool nan = want != want;
    bad += nan ? !(f != f && d != d) : !(f == want && d == want);
    bad += nan ? !std::isnan(decode(T(f))) : bits(T(f)) != b || bits(T(d)) != b;
  }
  CHECK(bad == 0);
  // A constant expression, as the functors' constexpr forms need.
  constexpr T half(0.5f);
  STATIC_REQUIRE(static_cast<float>(half) == 0.5f);
  STATIC_REQUIRE(static_cast<double>(T(3)) == 3.0);
}

TEMPLATE_TEST_CASE("16-bit types: conversions round to nearest even at every boundary", "[half]",
                   actfn::float16, actfn::bfloat16) {
  using T = TestType;
  // Around each midpoint between neighbouring positive values (and past the largest, toward
  // infinity): the midpoint itself, and the doubles, floats and long doubles on either side.
  std::size_t bad = 0, checked = 0;
  std::ostringstream first;
  const auto check = [&](T got, R want) {
    ++checked;
    if (correctly_rounded(got, want)) return;
    if (bad++ == 0) first << "got " << double(decode(got)) << " for " << double(want);
  };
  for (std::uint32_t b = 0; b < 0x7fff; ++b) {
    const R lo = decode<T>(static_cast<std::uint16_t>(b));
    const R hi = decode<T>(static_cast<std::uint16_t>(b + 1));
    if (std::isinf(lo)) break;
    const R mid = std::isinf(hi) ? lo + (lo - decode<T>(static_cast<std::uint16_t>(b - 1))) / 2
                                 : (lo + hi) / 2;
    for (const R s : {R(1), R(-1)}) {
      const R w = s * mid;
      const double d = static_cast<double>(w);
      check(T(d), d);
      check(T(std::nextafter(d, 0.0)), std::nextafter(d, 0.0));
      check(T(std::nextafter(d, s * INFINITY)), std::nextafter(d, s * INFINITY));
      const float f = static_cast<float>(w);
      check(T(f), f);
      check(T(std::nextafter(f, 0.0f)), std::nextafter(f, 0.0f));
      check(T(std::nextafter(f, s * INFINITY)), std::nextafter(f, s * INFINITY));
      // long double: closer than a double's spacing, so that rounding to double first would tie
      const R below = w - s * std::ldexp(std::fabs(w), -60),
              above = w + s * std::ldexp(std::fabs(w), -60);
      check(T(below), below);
      check(T(above), above);
    }
  }
  for (const double d : {0.0, -0.0, 1e-300, -1e-300, 1e300, -1e300, double(INFINITY)}) {
    check(T(d), d);
  }
  CHECK(std::signbit(decode(T(-0.0))));
  CHECK(std::signbit(decode(T(-1e-300))));
  CHECK(std::isnan(decode(T(NAN))));
  CHECK(bits(T(3)) == bits(T(3.0f)));  // integers through double
  INFO(first.str());
  CHECK(checked > 0x7c00 * 16);
  CHECK(bad == 0);
}

#if ACTFN_HAS_FLOAT16
TEST_CASE("16-bit types: float16 rounds as the compiler's _Float16", "[half]") {
  std::size_t bad = 0;
  for (std::uint32_t b = 0; b < 0x7c00; ++b) {  // each value, its midpoint above, both sides
    const auto lo = static_cast<double>(decode<actfn::float16>(static_cast<std::uint16_t>(b)));
    const auto hi = static_cast<double>(decode<actfn::float16>(static_cast<std::uint16_t>(b + 1)));
    const double mid = std::isinf(hi) ? 65520.0 : (lo + hi) / 2;
    for (const double x : {lo, mid, std::nextafter(mid, 0.0), std::nextafter(mid, 1e6)}) {
      for (const double v : {x, -x}) {
        bad += bits(actfn::float16(v)) != std::bit_cast<std::uint16_t>(static_cast<_Float16>(v));
      }
    }
  }
  CHECK(bad == 0);
  // _Float16 is an element type of its own, computed by the same kernels.
  const actfn::gelu<_Float16> g;
  const actfn::gelu<actfn::float16> h;
  for (std::uint32_t b = 0; b < 0x10000; b += 97) {
    const auto x = std::bit_cast<_Float16>(static_cast<std::uint16_t>(b));
    const auto y = std::bit_cast<actfn::float16>(static_cast<std::uint16_t>(b));
    if (x != x) continue;
    CHECK(std::bit_cast<std::uint16_t>(g(x)) == bits(h(y)));
    CHECK(std::bit_cast<std::uint16_t>(g.derivative(x)) == bits(h.derivative(y)));
  }
}
#endif

// Every instance of the list (tests/functions.hpp), and a few more parameters: a negative and
// a large slope, CELU's α above 1, hardtanh's bounds off the grid.
TEMPLATE_TEST_CASE("16-bit types: every result correctly rounded, all inputs", "[half][accuracy]",
                   actfn::float16, actfn::bfloat16) {
  using T = TestType;
  const auto check = [](const auto& f) {
    using F = std::remove_cvref_t<decltype(f)>;
    const auto fv = [f](R x) { return ref::value(f, x); };
    if constexpr (fn::is<F, actfn::softsign>) {
      // 1 + 2^66 exactly: in quad. Past 2^100 quad's 1 + |x| is |x| too, and 1/x² lands on
      // bfloat16 midpoints (g·1/x² with g = its lowest, x = 2^127) that the exact 1/(1 + |x|)²
      // lies below by 2/|x| of itself: moved 2^-100 of itself down, it rounds as that does.
      require_correctly_rounded(fn::label(f), f, fv, [f](R x) {
        const auto d = ref::derivative(f, ref::quad(x));
        return std::fabs(x) > R(0x1p100) ? d - d * ref::ldexp(ref::quad(1), -100) : d;
      });
    } else {
      require_correctly_rounded(fn::label(f), f, fv, [f](R x) { return ref::derivative(f, x); });
    }
  };
  fn::for_each<T>(check);
  check(actfn::leaky_relu<T>{0.75f});
  check(actfn::leaky_relu<T>{-2.5f});
  check(actfn::celu<T>{2.0f});
  check(actfn::hardtanh<T>{-0.3f, 2.5f});
  // Parameters that are exact 16-bit midpoints (1 + 2^-(m+1) and 1 + 3·2^-(m+1), both signs):
  // the derivative (the slope), the clamped values and the products land on ties, which must
  // round to even in every store path (a tie taken upward passes every other test).
  const float t1 = 1 + std::ldexp(1.0f, -fraction_bits<T> - 1);
  const float t3 = 1 + 3 * std::ldexp(1.0f, -fraction_bits<T> - 1);
  for (const float slope : {t1, t3, -t1, -t3}) check(actfn::leaky_relu<T>{slope});
  check(actfn::hardtanh<T>{-t3, t1});
  check(actfn::hardtanh<T>{-t1, t3});
}

// Every 16-bit tie through the span forms' store path of the level the suite runs (SSE2, AVX2
// with F16C, AVX-512) and through the scalar calls: hardtanh's bound is the exact midpoint
// between two 16-bit neighbours (a float), and clamping to it stores it; it must round to even.
TEMPLATE_TEST_CASE("16-bit types: every tie rounds to even in every store path", "[half]",
                   actfn::float16, actfn::bfloat16) {
  using T = TestType;
  std::size_t bad = 0, ties = 0;
  std::ostringstream first;
  const std::vector<T> below(19, T(-INFINITY)), above(19, T(INFINITY));
  std::vector<T> y(19), d(19);
  const std::uint32_t largest = fraction_bits<T> == 7 ? 0x7f7f : 0x7bff;  // finite, positive
  for (std::uint32_t b = 0; b < largest; ++b) {
    const R lo = decode<T>(static_cast<std::uint16_t>(b));
    const R hi = decode<T>(static_cast<std::uint16_t>(b + 1));
    const float mid = static_cast<float>((lo + hi) / 2);  // exact: 12 (9) significant bits
    REQUIRE(R(mid) == (lo + hi) / 2);
    for (const float s : {1.0f, -1.0f}) {
      const float t = s * mid;
      // the tie as the lower bound (reached from -inf), or as the upper one (from +inf)
      constexpr float big = std::numeric_limits<float>::max();
      const actfn::hardtanh<T> f = s > 0 ? actfn::hardtanh<T>(t, big) : actfn::hardtanh<T>(-big, t);
      const std::vector<T>& x = s > 0 ? below : above;
      f(x, y);
      ++ties;
      for (const T got : {y[0], y[18], f(x[0])}) {
        if (correctly_rounded(got, R(t))) continue;
        if (bad++ == 0) {
          first << "the tie " << double(t) << " stored as " << double(decode(got)) << " ("
                << actfn::active_isa() << ")";
        }
      }
    }
  }
  INFO(first.str());
  CHECK(ties > 1000);
  CHECK(bad == 0);
}

TEMPLATE_TEST_CASE("16-bit types: the gated units within half a spacing, ReGLU rounded right",
                   "[half]", actfn::float16, actfn::bfloat16) {
  using T = TestType;
  const std::vector<T> a = all_inputs<T>();
  const std::size_t n = a.size();
  std::vector<T> b(n), g(n), y(n), ga(n), gb(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = gradient<T>(i + 3), g[i] = gradient<T>(i);
  // exact: products that are exact in float (ReGLU's), required correctly rounded, ties included
  const auto run = [&](const auto& unit, auto fv, auto fd, bool exact = false) {
    unit(a, b, y);
    unit.backward(a, b, g, ga, gb);
    std::size_t bad = 0, off = 0;
    std::ostringstream first;
    const auto check = [&](const char* what, T got, R want, R ai) {
      off += !correctly_rounded(got, want);
      if (exact ? correctly_rounded(got, want) : spacings(got, want) <= R(0.5) + R(0x1p-20)) return;
      if (bad++ == 0) {
        first << what << " at a = " << double(ai) << ": got " << double(decode(got)) << ", exact "
              << double(want);
      }
    };
    for (std::size_t i = 0; i < n; ++i) {
      const R ai = decode(a[i]), bi = decode(b[i]), gi = decode(g[i]);
      check("y", y[i], fv(ai) * bi, ai);
      check("grad_a", ga[i], gi * bi * fd(ai), ai);
      check("grad_b", gb[i], gi * fv(ai), ai);
    }
    INFO(unit.name() << " (" << actfn::active_isa() << "): " << first.str());
    if (std::getenv("ACTFN_TEST_REPORT") != nullptr) {
      std::printf("%s %s: %zu of %zu products not correctly rounded\n", unit.name().c_str(),
                  std::is_same_v<T, actfn::bfloat16> ? "bfloat16" : "float16", off, 3 * n);
    }
    CHECK(bad == 0);
  };
  run(
      actfn::swiglu<T>{}, [](R x) { return ref::silu(x); }, [](R x) { return ref::silu_d(x); });
  run(
      actfn::geglu<T>{}, [](R x) { return ref::gelu(x); }, [](R x) { return ref::gelu_d(x); });
  run(
      actfn::reglu<T>{}, [](R x) { return x < 0 ? R(0) : x; },
      [](R x) { return x > 0    ? R(1)
                       : x <= 0 ? R(0)
                                : x; }, true);
}

TEST_CASE("16-bit types: parameters are floats, and bad ones throw", "[half]") {
  const actfn::leaky_relu<actfn::bfloat16> l;
  CHECK(l.negative_slope == 0.01f);  // not 0.01 rounded to 8 bits
  CHECK_THROWS_AS(actfn::elu<actfn::float16>(INFINITY), std::invalid_argument);
  CHECK_THROWS_AS((actfn::hardtanh<actfn::bfloat16>(1.0f, -1.0f)), std::invalid_argument);
  // A size mismatch throws and leaves the output as it was.
  std::vector<actfn::float16> x(4, actfn::float16(1.0f)), y(3, actfn::float16(7.0f));
  CHECK_THROWS_AS(actfn::sigmoid<actfn::float16>{}(x, y), std::invalid_argument);
  CHECK(static_cast<float>(y[0]) == 7.0f);
  // Infinite and NaN gradients: Leaky ReLU's backward puts g·f' on the grid in float lanes.
  const actfn::leaky_relu<actfn::bfloat16> lb;
  const std::vector<actfn::bfloat16> xs{actfn::bfloat16(-1.0f), actfn::bfloat16(2.0f),
                                        actfn::bfloat16(-3.0f), actfn::bfloat16(0.0f)};
  const std::vector<actfn::bfloat16> gs{actfn::bfloat16(INFINITY), actfn::bfloat16(-INFINITY),
                                        actfn::bfloat16(NAN), actfn::bfloat16(0x1p120f)};
  std::vector<actfn::bfloat16> gi(4);
  lb.backward(xs, gs, gi);
  CHECK(static_cast<float>(gi[0]) == INFINITY);
  CHECK(static_cast<float>(gi[1]) == -INFINITY);
  CHECK(std::isnan(static_cast<float>(gi[2])));
  CHECK(correctly_rounded(gi[3], R(0x1p120) * R(0.01f)));
  // In place, and constexpr.
  actfn::relu<actfn::float16>{}(x, x);
  CHECK(static_cast<float>(x[3]) == 1.0f);
  constexpr actfn::sigmoid<actfn::bfloat16> s;
  STATIC_REQUIRE(static_cast<float>(s(actfn::bfloat16(0.0f))) == 0.5f);
}
