#include <actfn/actfn.hpp>
#include <actfn/gated.hpp>
#include <bit>
#include <cstdint>
#include <span>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "accuracy.hpp"

namespace {

// gated<F> takes actfn's functors, every tier and type, and nothing else (a lambda, a type without
// kernels: tests/check_diagnostics.sh checks the error names the concept).
static_assert(actfn::activation_functor<actfn::silu<float>>);
static_assert(actfn::activation_functor<actfn::gelu<double, actfn::precise>>);
static_assert(actfn::activation_functor<actfn::relu<actfn::bfloat16, actfn::fast>>);
static_assert(!actfn::activation_functor<float>);
static_assert(!actfn::activation_functor<decltype([](float x) { return x; })>);
struct look_alike {
  using value_type = float;
  using kernel_tag = actfn::detail::relu_tag;
  float operator()(float x) const { return x; }
};
static_assert(!actfn::activation_functor<look_alike>);

template <class T>
const char* type_name() {
  return std::is_same_v<T, float> ? "float" : std::is_same_v<T, double> ? "double" : "long double";
}

// a: T's sweep inputs (every special, a stride over all values), thinned to about 2^16; b and
// grad_y: uniform on [-4, 4] with every 16th a random bit pattern of moderate exponent, so that
// products neither overflow nor underflow on every element, and some do.
template <class T>
struct gated_inputs {
  std::vector<T> a, b, g;
  gated_inputs() {
    const std::vector<T>& all = acc::inputs<T>();
    const std::size_t stride = std::max<std::size_t>(1, all.size() >> 16);
    const std::vector<T> specials = acc::special_inputs<T>();
    a = specials;
    for (std::size_t i = 0; i < all.size(); i += stride) a.push_back(all[i]);
    std::mt19937_64 rng(20261129);
    std::uniform_real_distribution<double> u(-4, 4);
    std::uniform_int_distribution<int> e(-60, 60);
    const auto draw = [&](std::size_t i) {
      return i % 16 == 5 ? static_cast<T>(std::ldexp(u(rng), e(rng))) : static_cast<T>(u(rng));
    };
    for (std::size_t i = 0; i < a.size(); ++i) b.push_back(draw(i)), g.push_back(draw(i + 3));
  }
};

// The worst error of y = f(a)·b, grad_a = g·b·f'(a) and grad_b = g·f(a) against the exact
// products (the reference f in R), each asserted within `bound` ULP; near a root of f', an
// absolute error of the root window's tolerance times |g·b| also passes. f(a) and f'(a) are
// accurate to T's subnormal spacing where they are subnormal in T (double and long double round
// them to T before the product; float's double lanes promise no more in the tails): there a
// factor |b| > 1 magnifies that absolute error (2^-150 for float, 2^-1075 for double), so those
// products are counted apart and asserted within the factor's error times the other factors.
template <class F, class RefV, class RefD>
void require_gated(const F& f, RefV rv, RefD rd, double bound, acc::root_window root = {}) {
  using T = typename F::value_type;
  using R = acc::ref_t<T>;
  static const gated_inputs<T> in;
  const std::size_t n = in.a.size();
  const actfn::gated<F> g(f);
  std::vector<T> y(n), ga(n), gb(n);
  g(in.a, in.b, y);
  g.backward(in.a, in.b, in.g, ga, gb);
  using L = std::numeric_limits<T>;
  acc::worst wy, wa, wb;
  std::size_t subnormal_factor = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const T x = in.a[i];
    const R v = rv(static_cast<R>(x)), d = rd(static_cast<R>(x));
    const R b = static_cast<R>(in.b[i]), gy = static_cast<R>(in.g[i]);
    acc::root_window r = root;
    r.abs_tol *= static_cast<long double>(std::fabs(in.b[i] * in.g[i]));
    const auto tiny = [](R w) { return (w < 0 ? -w : w) < R(L::min()); };
    // within the factor's error (up to its subnormal spacing, twice for margin) times the others'
    // magnitudes, plus the product's rounding (an ULP, or the spacing where it is subnormal too)
    const auto near = [](T got, R want, R factors) {
      const R off = R(got) > want ? R(got) - want : want - R(got);
      const R a_want = want < 0 ? -want : want;
      // L::epsilon() and L::denorm_min(), but in the bits counted (acc::counted_digits)
      const R eps = acc::pow2<R>(1 - acc::counted_digits<T>);
      const R tiny_step = acc::pow2<R>(L::min_exponent - acc::counted_digits<T>);
      return off <= tiny_step * (2 * factors + 1) + a_want * eps;
    };
    const R ab = b < 0 ? -b : b, ag = gy < 0 ? -gy : gy;
    if ((tiny(v) && v != 0) || (tiny(d) && d != 0)) ++subnormal_factor;
    if (tiny(v)) {
      INFO("a = " << x << ", b = " << in.b[i] << ", y = " << y[i]
                  << ", f(a) = " << static_cast<long double>(v));
      CHECK(near(y[i], v * b, ab));
      CHECK(near(gb[i], gy * v, ag));
    } else {
      wy.add(acc::error_at(x, y[i], v * b), x);
      wb.add(acc::error_at(x, gb[i], gy * v), x);
    }
    if (tiny(d)) {
      CHECK(near(ga[i], gy * b * d, ab * ag));
    } else {
      wa.add(acc::error_at(x, ga[i], gy * b * d, r), x);
    }
  }
  INFO(subnormal_factor << " inputs with a subnormal f(a) or f'(a) in " << type_name<T>());
  INFO(wy.describe("y = f(a)·b", n));
  INFO(wa.describe("grad_a = g·b·f'(a)", n));
  INFO(wb.describe("grad_b = g·f(a)", n));
  CHECK(wy.ulp <= bound);
  CHECK(wa.ulp <= bound);
  CHECK(wb.ulp <= bound);
}

// long double: f' within 8 ULP (no wider type), then two roundings of the products.
template <class T>
constexpr double gated_bound = std::is_same_v<T, long double> ? 10 : 2;

}  // namespace

TEMPLATE_TEST_CASE("gated units within 2 ULP of the exact products", "[gated][accuracy]", float,
                   double, long double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  constexpr double b = gated_bound<T>;
  const auto tanh_mode = actfn::gelu_approximation::tanh;
  SECTION("swiglu") {
    require_gated(
        actfn::silu<T>{}, [](R x) { return ref::silu(x); }, [](R x) { return ref::silu_d(x); }, b,
        acc::root_at<T>(acc::k_silu_root));
  }
  SECTION("geglu") {
    require_gated(
        actfn::gelu<T>{}, [](R x) { return ref::gelu(x); }, [](R x) { return ref::gelu_d(x); }, b,
        acc::gelu_derivative_root<T>);
    require_gated(
        actfn::gelu<T>{tanh_mode}, [](R x) { return ref::gelu_tanh(x); },
        [](R x) { return ref::gelu_tanh_d(x); }, b, acc::gelu_derivative_root<T>);
  }
  SECTION("reglu") {
    require_gated(
        actfn::relu<T>{}, [](R x) { return x < 0 ? R(0) : x; },
        [](R x) { return x > 0    ? R(1)
                         : x <= 0 ? R(0)
                                  : x; }, b);
  }
  SECTION("the others") {
    require_gated(
        actfn::sigmoid<T>{}, [](R x) { return ref::sigmoid(x); },
        [](R x) { return ref::sigmoid_d(x); }, b);
    require_gated(
        actfn::tanh<T>{}, [](R x) { return ref::tanh_v(x); }, [](R x) { return ref::tanh_d(x); },
        b);
    require_gated(
        actfn::elu<T>{}, [](R x) { return ref::elu(x); }, [](R x) { return ref::elu_d(x); }, b);
    require_gated(
        actfn::softplus<T>{}, [](R x) { return ref::softplus(x); },
        [](R x) { return ref::softplus_d(x); }, b);
    require_gated(
        actfn::mish<T>{}, [](R x) { return ref::mish(x); }, [](R x) { return ref::mish_d(x); }, b,
        acc::root_at<T>(acc::k_mish_root, 0.5L));
    require_gated(
        actfn::hardswish<T>{}, [](R x) { return ref::hardswish(x); },
        [](R x) { return ref::hardswish_d(x); }, b);
    require_gated(
        actfn::silu<T>{T(1.702)}, [](R x) { return ref::silu(x, R(T(1.702))); },
        [](R x) { return ref::silu_d(x, R(T(1.702))); }, b,
        acc::root_at<T>(acc::k_silu_root / 1.702L));
  }
  // the fast tier: its f within 4 ULP, times b rounded once more; backward runs faithful's where
  // f' is faithful's (SiLU, GELU-tanh), the fast kernels elsewhere (exact GELU)
  SECTION("the fast tier") {
    if constexpr (!std::is_same_v<T, long double>) {
      constexpr double fb = 4.5;
      require_gated(
          actfn::silu<T, actfn::fast>{}, [](R x) { return ref::silu(x); },
          [](R x) { return ref::silu_d(x); }, fb, acc::root_at<T>(acc::k_silu_root));
      require_gated(
          actfn::gelu<T, actfn::fast>{}, [](R x) { return ref::gelu(x); },
          [](R x) { return ref::gelu_d(x); }, fb, acc::gelu_derivative_root<T>);
      require_gated(
          actfn::gelu<T, actfn::fast>{tanh_mode}, [](R x) { return ref::gelu_tanh(x); },
          [](R x) { return ref::gelu_tanh_d(x); }, fb, acc::gelu_derivative_root<T>);
      require_gated(
          actfn::sigmoid<T, actfn::fast>{}, [](R x) { return ref::sigmoid(x); },
          [](R x) { return ref::sigmoid_d(x); }, fb);
    }
  }
}

TEMPLATE_TEST_CASE("gated units: the forms agree, in place and at every length", "[gated][spans]",
                   float, double, long double) {
  using T = TestType;
  const actfn::swiglu<T> g;
  std::vector<T> ab(2 * 37);
  for (std::size_t i = 0; i < ab.size(); ++i) ab[i] = T(0.37) * T(i) - T(9);
  const std::span<const T> a = std::span<const T>(ab).first(37),
                           b = std::span<const T>(ab).last(37);
  std::vector<T> y(37), y2(37), gy(37, T(0.5)), ga(37), gb(37);
  g(a, b, y);
  g(ab, y2);
  CHECK(y == y2);
  // every length from 0 to 37 gives the same elements (the tail runs the batches' operations)
  for (std::size_t n = 0; n <= 37; ++n) {
    std::vector<T> yn(n);
    g(a.first(n), b.first(n), std::span<T>(yn));
    CHECK(std::equal(yn.begin(), yn.end(), y.begin()));
  }
  // in place: y over a (the first half of ab), grad_a over a and grad_b over b
  g.backward(a, b, gy, ga, gb);
  std::vector<T> inplace = ab;
  g(inplace, std::span<T>(inplace).first(37));
  CHECK(std::equal(y.begin(), y.end(), inplace.begin()));
  inplace = ab;
  g.backward(std::span<const T>(inplace).first(37), std::span<const T>(inplace).last(37), gy,
             std::span<T>(inplace).first(37), std::span<T>(inplace).last(37));
  CHECK(std::equal(ga.begin(), ga.end(), inplace.begin()));
  CHECK(std::equal(gb.begin(), gb.end(), inplace.begin() + 37));
  // ReGLU's products are the scalar ones: relu(a) is exact, so y = relu(a)·b rounded once
  const actfn::reglu<T> r;
  r(a, b, y);
  for (std::size_t i = 0; i < 37; ++i) CHECK(y[i] == actfn::relu<T>{}(a[i]) * b[i]);
}

TEMPLATE_TEST_CASE("gated units: special values", "[gated]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  const actfn::swiglu<T> g;
  const std::vector<T> a{-L::infinity(), L::infinity(), L::quiet_NaN(), T(0), -T(0), T(2), T(-200)};
  const std::vector<T> b{T(3), T(-3), T(1), L::infinity(), T(5), L::quiet_NaN(), T(-1)};
  std::vector<T> y(a.size()), ga(a.size()), gb(a.size()), gy(a.size(), T(1));
  g(a, b, y);
  g.backward(a, b, gy, ga, gb);
  CHECK((y[0] == 0 && std::signbit(y[0])));  // silu(-inf) = -0, times 3
  CHECK(y[1] == -L::infinity());             // inf·(-3)
  CHECK(std::isnan(y[2]));
  CHECK(std::isnan(y[3]));                   // 0·inf
  CHECK((y[4] == 0 && std::signbit(y[4])));  // -0·5
  CHECK(std::isnan(y[5]));
  // silu(-200)·(-1) = 200e^-200: +0 as a float (rounded once from double lanes), positive beyond
  CHECK(!std::signbit(y[6]));
  CHECK((std::is_same_v<T, float> || y[6] > 0));
  CHECK(ga[0] == 0);   // f'(-inf) = 0
  CHECK(ga[1] == -3);  // f'(inf) = 1, times b = -3
  CHECK(gb[1] == L::infinity());
  CHECK(ga[4] == T(2.5));  // f'(0) = ½, times 5
}

TEMPLATE_TEST_CASE("gated units reject bad arguments before writing", "[gated][errors]", float,
                   double, long double) {
  using T = TestType;
  const actfn::swiglu<T> g;
  std::vector<T> a(8, T(1)), b(8, T(2)), y(8, T(7)), ga(8, T(7)), gb(8, T(7)), gy(8, T(1));
  const std::span<const T> b5 = std::span<const T>(b).first(5);
  CHECK_THROWS_WITH(g(a, b5, y), "actfn::gated<actfn::silu>: a has 8 elements but b has 5");
  CHECK_THROWS_WITH(g(a, b, std::span<T>(y).first(6)),
                    "actfn::gated<actfn::silu>: a has 8 elements but y has 6");
  CHECK_THROWS_WITH(g(std::span<const T>(a).first(7), std::span<T>(y).first(4)),
                    Catch::Contains("ab has 7 elements but y has 4"));
  std::vector<T> big(16, T(1));
  CHECK_THROWS_WITH(g(std::span<const T>(big).first(8), std::span<const T>(big).last(8),
                      std::span<T>(big).subspan(4, 8)),
                    Catch::Contains("y partly overlaps a"));
  CHECK_THROWS_WITH(g.backward(a, b, std::span<const T>(gy).first(3), ga, gb),
                    Catch::Contains("a has 8 elements but grad_y has 3"));
  CHECK_THROWS_WITH(g.backward(a, b, gy, ga, ga), Catch::Contains("grad_a and grad_b overlap"));
  CHECK_THROWS_WITH(
      g.backward(a, b, gy, std::span<T>(big).first(8), std::span<T>(big).subspan(4, 8)),
      Catch::Contains("overlap"));
  for (T v : y) CHECK(v == 7);
  for (T v : ga) CHECK(v == 7);
  for (T v : gb) CHECK(v == 7);
}

TEST_CASE("gated units: the aliases and their parameters", "[gated]") {
  static_assert(std::is_same_v<actfn::swiglu<float>, actfn::gated<actfn::silu<float>>>);
  static_assert(std::is_same_v<actfn::geglu<double>, actfn::gated<actfn::gelu<double>>>);
  static_assert(std::is_same_v<actfn::reglu<float>, actfn::gated<actfn::relu<float>>>);
  static_assert(std::is_same_v<actfn::glu<float, actfn::fast>,
                               actfn::gated<actfn::sigmoid<float, actfn::fast>>>);
  const actfn::gated<actfn::silu<float>> quick{actfn::silu<float>{1.702f}};
  const actfn::swiglu<float> quick2{1.702f};
  CHECK(quick.f.beta == 1.702f);
  CHECK(quick2.f.beta == 1.702f);
  const actfn::geglu<float> t{actfn::gelu_approximation::tanh};
  CHECK(t.f.approximation == actfn::gelu_approximation::tanh);
  CHECK_THROWS_AS(actfn::swiglu<float>{std::numeric_limits<float>::quiet_NaN()},
                  std::invalid_argument);
  // the parameter reaches the kernel: quick GELU's gate differs from SiLU's
  const std::vector<float> a{1.f}, b{1.f};
  std::vector<float> y1(1), y2(1);
  quick(a, b, y1);
  actfn::swiglu<float>{}(a, b, y2);
  CHECK(y1[0] == actfn::silu<float>{1.702f}(1.f));
  CHECK(y1[0] != y2[0]);
}

// Rows [a | b] and interleaved pairs (issue 26): each row, each pair, bit for bit the three-span
// form on the same a and b (which the accuracy test above checks against the exact products),
// forward and backward, in place too; SiLU's value against the reference once more.
// Same bits, element for element (bfloat16 has no ==).
template <class T>
bool same_bits(T a, T b) {
  if constexpr (actfn::detail::is_binary16<T>) {
    return std::bit_cast<std::uint16_t>(a) == std::bit_cast<std::uint16_t>(b);
  } else {
    return acc::same_bits(a, b);
  }
}
template <class T>
bool same_bits(std::span<const T> a, std::span<const T> b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same_bits(a[i], b[i])) return false;
  }
  return true;
}

TEMPLATE_TEST_CASE("gated units on rows and interleaved pairs", "[gated][spans]", float, double,
                   long double, actfn::bfloat16) {
  using T = TestType;
  const actfn::swiglu<T> g;
  const std::size_t rows = 5, n = 301, m = rows * n;  // 301: past the interleaved block (2 KiB)
  std::vector<T> ab(2 * m), gy(m), a(m), b(m);
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> u(-9, 9);
  for (auto& v : ab) v = T(u(rng));
  for (auto& v : gy) v = T(u(rng) / 4);
  // the three-span reference, per row
  std::vector<T> y_ref(m), ga_ref(m), gb_ref(m);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < n; ++j) a[r * n + j] = ab[2 * r * n + j], b[r * n + j] = ab[2 * r * n + n + j];
  }
  g(a, b, y_ref);
  g.backward(a, b, gy, ga_ref, gb_ref);
  SECTION("rows") {
    std::vector<T> y(m, T(7)), gab(2 * m, T(7));
    g(ab, y, n);
    CHECK(same_bits<T>(y, y_ref));
    g.backward(ab, gy, gab, n);
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t j = 0; j < n; ++j) {
        CHECK(same_bits(gab[2 * r * n + j], ga_ref[r * n + j]));
        CHECK(same_bits(gab[2 * r * n + n + j], gb_ref[r * n + j]));
      }
    }
    if constexpr (!actfn::detail::is_binary16<T>) {
      for (std::size_t i = 0; i < m; i += 97) {
        INFO("i = " << i);
        CHECK(acc::ulp_error(y[i], ref::silu(acc::ref_t<T>(a[i])) * acc::ref_t<T>(b[i])) <= 2);
      }
    }
    // in place: y over ab, grad_ab over ab
    std::vector<T> in = ab;
    g(in, std::span<T>(in).first(m), n);
    CHECK(same_bits<T>(std::span<const T>(in).first(m), y_ref));
    in = ab;
    g.backward(in, gy, std::span<T>(in), n);
    CHECK(same_bits<T>(in, gab));
    // one row of the whole: the old form
    std::vector<T> y1(m);
    g(ab, y1, m);
    std::vector<T> y2(m);
    g(ab, y2);
    CHECK(same_bits<T>(y1, y2));
  }
  SECTION("interleaved") {
    std::vector<T> pairs(2 * m), y(m, T(7)), gab(2 * m, T(7));
    for (std::size_t i = 0; i < m; ++i) pairs[2 * i] = a[i], pairs[2 * i + 1] = b[i];
    g(pairs, y, actfn::interleaved);
    CHECK(same_bits<T>(y, y_ref));
    g.backward(pairs, gy, gab, actfn::interleaved);
    for (std::size_t i = 0; i < m; ++i) {
      CHECK(same_bits(gab[2 * i], ga_ref[i]));
      CHECK(same_bits(gab[2 * i + 1], gb_ref[i]));
    }
    std::vector<T> in = pairs;
    g(in, std::span<T>(in).first(m), actfn::interleaved);
    CHECK(same_bits<T>(std::span<const T>(in).first(m), y_ref));
    in = pairs;
    g.backward(in, gy, std::span<T>(in), actfn::interleaved);
    CHECK(same_bits<T>(in, gab));
  }
  SECTION("bad sizes and overlaps throw before writing, with the sizes") {
    std::vector<T> y(m, T(7)), gab(2 * m, T(7));
    using Catch::Contains;
    CHECK_THROWS_WITH(g(ab, y, 0), Contains("n = 0"));
    CHECK_THROWS_WITH(g(ab, y, 2), Contains("rows of n = 2") && Contains("1505"));
    CHECK_THROWS_WITH(g(std::span<const T>(ab).first(2 * m - 2), y, n),
                      Contains("3008") && Contains("1505"));
    CHECK_THROWS_WITH(g(std::span<const T>(ab).first(2 * m - 2), y, actfn::interleaved),
                      Contains("3008") && Contains("1505"));
    CHECK_THROWS_WITH(g.backward(ab, gy, std::span<T>(gab).first(2 * m - 1), n),
                      Contains("3009"));
    CHECK_THROWS_WITH(g.backward(ab, std::span<const T>(gab).first(m), gab, actfn::interleaved),
                      Contains("overlaps"));
    std::vector<T> in = ab;
    CHECK_THROWS_WITH(g(in, std::span<T>(in).subspan(1, m), n), Contains("partly overlaps"));
    for (T v : y) CHECK(same_bits(v, T(7)));
    for (T v : gab) CHECK(same_bits(v, T(7)));
    CHECK(same_bits<T>(in, ab));
  }
}

TEST_CASE("gated units: glu = sigmoid(a)·b", "[gated]") {
  const actfn::glu<float> g;
  const std::vector<float> a{-3.0f, 0.0f, 2.5f}, b{2.0f, -1.0f, 0.5f};
  std::vector<float> y(3);
  g(a, b, y);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(acc::ulp_error(y[i], ref::sigmoid(acc::ref_t<float>(a[i])) * acc::ref_t<float>(b[i])) <= 2);
  }
  CHECK(g.name() == "actfn::gated<actfn::sigmoid>");
}
