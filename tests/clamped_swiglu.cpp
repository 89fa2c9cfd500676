// tests/clamped_swiglu.cpp: gpt-oss's clamped SwiGLU (issue 26, item 2): every form against the
// exact products in __float128 (a′ = min(a, limit), b′ = clamp(b, ±limit), y = a′·σ(α·a′)·(b′ + 1)
// and its backward with the clamps' gradient 1 within the bounds, bounds included, else 0); the
// forms (three spans, halves, rows, interleaved) bit for bit alike; the bounds themselves, NaN,
// ±inf; the constructor's checks; sizes.
#include <actfn/actfn.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "ulp.hpp"

namespace {

using acc::quad;

template <class T>
quad q(T v) {
  return acc::to_quad(v);
}

template <class T>
double ulps(T got, quad want, quad scale) {
  return acc::ulps_at(got, want, scale);
}

struct exact {
  quad y, ga, gb, slope_scale;
};
exact reference(quad a, quad b, quad g, quad alpha, quad limit) {
  const quad a1 = a < limit ? a : limit, b1 = b < -limit ? -limit : (b > limit ? limit : b);
  const quad s = 1 / (1 + ref::exp(-alpha * a1));
  const quad silu = a1 * s, slope = s * (1 + alpha * a1 * (1 - s));
  exact e;
  e.y = silu * (b1 + 1);
  e.ga = a <= limit ? g * (b1 + 1) * slope : 0;
  e.gb = -limit <= b && b <= limit ? g * silu : 0;
  // near silu′'s root the bound is absolute: the spacing of g·(b′ + 1)·σ(αa′)
  e.slope_scale = g * (b1 + 1) * s;
  return e;
}

// gated's bounds (2 ULP; long double 10) plus b′ + 1's rounding; the fast tier's SiLU is 4 ULP
template <class T, class A>
constexpr double bound = actfn::detail::is_binary16<T>          ? 1.0
                         : std::is_same_v<T, long double>       ? 10.0
                         : std::is_same_v<A, actfn::fast> ? 4.5
                                                                : 2.5;

template <class T, class A = actfn::faithful>
void require_forms(const actfn::clamped_swiglu<T, A>& f) {
  const std::size_t n = 100, rows = 6, m = n * rows;
  std::mt19937_64 gen(3);
  std::uniform_real_distribution<double> u(-10, 10), ug(-2, 2);
  std::vector<T> a(m), b(m), g(m);
  for (std::size_t i = 0; i < m; ++i) {
    a[i] = static_cast<T>(u(gen)), b[i] = static_cast<T>(u(gen)), g[i] = static_cast<T>(ug(gen));
  }
  // the bounds themselves, and beyond
  const T lim = static_cast<T>(f.limit);
  a[0] = lim, b[0] = lim, a[1] = static_cast<T>(-q(lim)), b[1] = static_cast<T>(-q(lim));
  a[2] = static_cast<T>(1e30f), b[2] = static_cast<T>(-1e30f), b[3] = static_cast<T>(-1.0f);
  std::vector<T> y(m), ga(m), gb(m);
  f(a, b, y);
  f.backward(a, b, g, ga, gb);
  double worst_y = 0, worst_a = 0, worst_b = 0, worst_at = 0;
  for (std::size_t i = 0; i < m; ++i) {
    const exact e = reference(q(a[i]), q(b[i]), q(g[i]), static_cast<quad>(f.alpha), q(lim));
    worst_y = std::max(worst_y, ulps(y[i], e.y, e.y));
    // (long double's SiLU′ is 8 ULP with the suite's root window of ±0.25: its floor 1)
    const quad floor = (e.slope_scale < 0 ? -e.slope_scale : e.slope_scale) /
                       (std::is_same_v<T, long double> ? 1 : 64);
    const quad sa = std::max(e.ga < 0 ? -e.ga : e.ga, floor);
    const double ea = ulps(ga[i], e.ga, sa);
    if (ea > worst_a) worst_a = ea, worst_at = static_cast<double>(q(a[i]));
    worst_b = std::max(worst_b, ulps(gb[i], e.gb, e.gb));
  }
  INFO("y " << worst_y << " ULP, grad_a " << worst_a << " (at a = " << worst_at << "), grad_b "
             << worst_b);
  CHECK(worst_y <= bound<T, A>);
  CHECK(worst_a <= bound<T, A>);
  CHECK(worst_b <= bound<T, A>);
  CHECK(q(ga[2]) == 0);  // a past the limit
  CHECK(q(gb[2]) == 0);  // b past -limit
  CHECK(q(ga[0]) != 0);  // the bounds pass
  CHECK(q(gb[0]) != 0);
  CHECK(q(gb[1]) != 0);
  if (q(lim) >= 1) CHECK(q(y[3]) == 0);  // b′ + 1 = 0 exactly
  // every other form on the same data: bit for bit
  std::vector<T> ab(2 * m), pairs(2 * m), y2(m), y3(m), gab(2 * m), gpairs(2 * m);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      ab[2 * r * n + j] = a[r * n + j], ab[2 * r * n + n + j] = b[r * n + j];
    }
  }
  for (std::size_t i = 0; i < m; ++i) pairs[2 * i] = a[i], pairs[2 * i + 1] = b[i];
  f(ab, y2, n);
  f(pairs, y3, actfn::interleaved);
  f.backward(ab, g, gab, n);
  f.backward(pairs, g, gpairs, actfn::interleaved);
  std::vector<T> half_ab(2 * n), half_y(n);
  for (std::size_t j = 0; j < n; ++j) half_ab[j] = a[j], half_ab[n + j] = b[j];
  f(half_ab, half_y);
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t r = i / n, j = i % n;
    CHECK(q(y2[i]) == q(y[i]));
    CHECK(q(y3[i]) == q(y[i]));
    if (i < n) CHECK(q(half_y[i]) == q(y[i]));
    CHECK(q(gab[2 * r * n + j]) == q(ga[i]));
    CHECK(q(gab[2 * r * n + n + j]) == q(gb[i]));
    CHECK(q(gpairs[2 * i]) == q(ga[i]));
    CHECK(q(gpairs[2 * i + 1]) == q(gb[i]));
  }
  // in place: y over a, grad_ab over ab
  std::vector<T> in_place = a;
  f(in_place, b, in_place);
  for (std::size_t i = 0; i < m; ++i) CHECK(q(in_place[i]) == q(y[i]));
  f.backward(ab, g, ab, n);
  for (std::size_t i = 0; i < 2 * m; ++i) CHECK(q(ab[i]) == q(gab[i]));
}

}  // namespace

TEMPLATE_TEST_CASE("clamped_swiglu: every form against exact products", "[gated]", float, double,
                   long double, actfn::bfloat16, actfn::float16) {
  require_forms(actfn::clamped_swiglu<TestType>{});
  using P = actfn::parameter_t<TestType>;
  require_forms(actfn::clamped_swiglu<TestType>{P(1), P(0.5f)});
  require_forms(actfn::clamped_swiglu<TestType, actfn::fast>{});
}

TEST_CASE("clamped_swiglu: parameters, edges, errors", "[gated]") {
  const actfn::clamped_swiglu<float> f;
  CHECK(f.alpha == 1.702f);
  CHECK(f.limit == 7.0f);
  CHECK(actfn::clamped_swiglu<double>{}.alpha == 1.702);
  const float inf = std::numeric_limits<float>::infinity(), nan = std::nanf("");
  CHECK_THROWS_AS((actfn::clamped_swiglu<float>{1.702f, 0.0f}), std::invalid_argument);
  CHECK_THROWS_AS((actfn::clamped_swiglu<float>{1.702f, -1.0f}), std::invalid_argument);
  CHECK_THROWS_AS((actfn::clamped_swiglu<float>{1.702f, inf}), std::invalid_argument);
  CHECK_THROWS_AS((actfn::clamped_swiglu<float>{nan, 7.0f}), std::invalid_argument);
  CHECK_THROWS_AS((actfn::clamped_swiglu<double>{INFINITY, 7.0}), std::invalid_argument);
  CHECK_NOTHROW((actfn::clamped_swiglu<float>{-1.0f, 1e-3f}));
  // NaN and infinities: NaN a gives NaN, its clamp's gradient 0; a = +inf clamps to the limit
  std::vector<float> a{nan, inf, -inf, 1}, b{1, 1, 1, nan}, y(4), g(4, 1.0f), ga(4), gb(4);
  f(a, b, y);
  f.backward(a, b, g, ga, gb);
  CHECK(std::isnan(y[0]));
  CHECK(ga[0] == 0);
  const float at_limit = 7.0f / (1 + std::exp(-1.702f * 7.0f)) * 2;
  CHECK(std::fabs(y[1] - at_limit) <= 4e-6f * at_limit);
  CHECK(ga[1] == 0);
  CHECK(y[2] == 0);  // silu(-inf)·2 = -0
  CHECK(std::isnan(y[3]));
  CHECK(gb[3] == 0);
  // sizes
  std::vector<float> short_b(3), ab(8), out(4, 5.0f);
  CHECK_THROWS_AS(f(a, short_b, y), std::invalid_argument);
  CHECK_THROWS_AS(f(ab, out, 3), std::invalid_argument);
  CHECK_THROWS_AS(f(ab, std::span<float>(out).first(3), actfn::interleaved), std::invalid_argument);
  CHECK_THROWS_AS(f.backward(ab, g, std::span<float>(ab).first(7), 2), std::invalid_argument);
  CHECK_THROWS_AS(f.backward(ab, std::span<float>(ab).first(4), ab, actfn::interleaved),
                  std::invalid_argument);
  for (float v : out) CHECK(v == 5.0f);
  try {
    f(a, short_b, y);
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("actfn::clamped_swiglu") != std::string::npos);
    CHECK(std::string(e.what()).find("3") != std::string::npos);
  }
}
