#include <actfn/silu.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("silu value within its bound", "[silu][accuracy]", float, double, long double) {
  const actfn::silu<TestType> f;
  acc::require_within("silu", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::silu(x); });
}

TEMPLATE_TEST_CASE("silu derivative within its bound", "[silu][accuracy]", float, double,
                   long double) {
  const actfn::silu<TestType> f;
  acc::require_within(
      "silu'", f, acc::form::derivative, acc::derivative_bound<TestType>,
      [](auto x) { return ref::silu_d(x); }, acc::root_at<TestType>(acc::k_silu_root));
}

// β = 1.702, CLIP's "quick GELU", where βx is rounded in the wide type for double and long double.
TEMPLATE_TEST_CASE("quick GELU (silu with beta = 1.702) within its bound", "[silu][accuracy]",
                   float, double, long double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  const actfn::silu<T> f(T(1.702));
  const R beta = static_cast<R>(f.beta);
  acc::require_within("quick gelu", f, acc::form::value, acc::value_bound<T>,
                      [&](R x) { return ref::silu(x, beta); });
  acc::require_within(
      "quick gelu'", f, acc::form::derivative, acc::derivative_bound<T>,
      [&](R x) { return ref::silu_d(x, beta); },
      acc::root_at<T>(acc::k_silu_root / static_cast<long double>(f.beta)));
}

TEMPLATE_TEST_CASE("silu special values", "[silu]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  for (T beta : {T(1), T(1.702), T(0.25), T(-1)}) {
    INFO("beta = " << beta);
    const actfn::silu<T> f(beta);
    acc::require_specials(
        f, [&](R x) { return ref::silu(x, R(beta)); }, [&](R x) { return ref::silu_d(x, R(beta)); },
        acc::root_at<T>(acc::k_silu_root / static_cast<long double>(beta)));
  }
  const actfn::silu<T> f;
  CHECK(f(-L::infinity()) == 0);
  CHECK(std::signbit(f(-L::infinity())));  // the limit from below
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f.derivative(L::infinity()) == 1);
  CHECK(f.derivative(-L::infinity()) == 0);
  CHECK(f(T(0)) == 0);
  CHECK(std::signbit(f(-T(0))));
  CHECK(f.derivative(T(0)) == T(0.5));
  // β = 0 is x/2, also at ±inf (β·x is formed from a finite x, never 0·inf).
  const actfn::silu<T> half(T(0));
  CHECK(half(L::infinity()) == L::infinity());
  CHECK(half(T(3)) == T(1.5));
  CHECK(half.derivative(-L::infinity()) == T(0.5));
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}

TEMPLATE_TEST_CASE("silu rejects a beta that is not finite", "[silu][errors]", float, double,
                   long double) {
  using L = std::numeric_limits<TestType>;
  CHECK_THROWS_WITH(actfn::silu<TestType>(L::quiet_NaN()), Catch::Contains("beta must be finite"));
  CHECK_THROWS_AS(actfn::silu<TestType>(L::infinity()), std::invalid_argument);
  CHECK_NOTHROW(actfn::silu<TestType>(TestType(-2)));
}

// The left tail, where σ(βx) is e^βx and βx's rounding error (b_lo) counts most: 2^16 inputs
// uniform on [-800, 40]/β, β = 1.702, by span and by call.
TEMPLATE_TEST_CASE("quick GELU's left tail within its bound", "[silu][accuracy]", float, double,
                   long double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  const actfn::silu<T> f(T(1.702));
  const R beta = static_cast<R>(f.beta);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-800 / 1.702, 40 / 1.702);
  std::vector<T> x(1 << 16), y(x.size()), d(x.size());
  for (T& v : x) v = static_cast<T>(u(rng));
  f(x, y);
  f.derivative(x, d);
  const acc::root_window root =
      acc::root_at<T>(acc::k_silu_root / static_cast<long double>(f.beta));
  acc::worst value, derivative;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const R xr = x[i];
    for (const T v : {y[i], f(x[i])}) value.add(acc::error_at(x[i], v, ref::silu(xr, beta)), x[i]);
    for (const T v : {d[i], f.derivative(x[i])}) {
      derivative.add(acc::error_at(x[i], v, ref::silu_d(xr, beta), root), x[i]);
    }
  }
  INFO(value.describe("quick gelu", 2 * x.size()));
  INFO(derivative.describe("quick gelu'", 2 * x.size()));
  CHECK(value.ulp <= acc::value_bound<T>);
  CHECK(derivative.ulp <= acc::derivative_bound<T>);
}

// actfn::fast: the value in lanes of T (the derivative runs faithful's kernels), within 4 ULP for
// every β (tiny ones included: x·e^βx past the exponential's reach), the left tail's relative
// accuracy down to the subnormals, the edges of every tier, and backward rounded once.
TEMPLATE_TEST_CASE("silu, fast tier: within 4 ULP", "[silu][accuracy]", float, double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const T tiny = std::is_same_v<T, float> ? T(1e-30) : T(1e-300);
  for (const T beta : {T(1), T(1.702), T(-0.5), T(0x1p-20), T(1e-7), T(3e5), tiny, -tiny}) {
    INFO("beta = " << beta);
    const actfn::silu<T, actfn::fast> f(beta);
    const auto v = [&](R x) { return ref::silu(x, R(beta)); };
    const auto d = [&](R x) { return ref::silu_d(x, R(beta)); };
    const acc::root_window root =
        acc::root_at<T>(acc::k_silu_root / static_cast<long double>(beta));
    acc::require_within("silu (fast)", f, acc::form::value, 4, v, {}, beta == T(1) ? 1 : 7);
    acc::require_within("silu' (fast)", f, acc::form::derivative, 4, d, root, beta == T(1) ? 1 : 7);
    acc::require_specials(f, v, d, root, 4, 4);
    // the left tail, where σ(βx) is e^βx: every result down to the last subnormal, then -0
    const R sign = beta < 0 ? -1 : 1;
    // (past b = -125 (float), -780 (double) the exponential's argument is shifted: x·e^b is still
    // a normal number there for a tiny β)
    const bool single = std::is_same_v<T, float>;
    for (const R b :
         {R(-20), R(-87.5), R(-100), R(-103.5), R(-108), R(-125), R(single ? -150 : -900),
          R(single ? -180 : -1200), R(single ? -190 : -1400), R(single ? -200 : -1500)}) {
      const T x = static_cast<T>(sign * b / R(beta));
      INFO("x = " << x);
      CHECK(acc::error_at(x, f(x), v(R(x))) <= 4);
      CHECK(acc::zero_sign_right(f(x), v(R(x))));
    }
  }
  const actfn::silu<T, actfn::fast> f;
  acc::require_backward(f);
  acc::require_backward(actfn::silu<T, actfn::fast>(T(-1.702)));
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f(L::max()) == L::max());
  // (float: past x = -109 every result is -0; double: past -745)
  for (const T x :
       {-L::infinity(), -L::max(), T(-1e4), std::is_same_v<T, float> ? T(-110) : T(-800)}) {
    INFO("x = " << x);
    CHECK((f(x) == 0 && std::signbit(f(x))));
  }
  CHECK(acc::same_bits(f(-T(0)), -T(0)));
  CHECK(f.derivative(T(0)) == T(0.5));
  // β = 0: x/2 everywhere, ±inf included, and the derivative 1/2
  const actfn::silu<T, actfn::fast> half(T(0));
  acc::require_within(
      "silu, beta = 0 (fast)", half, acc::form::value, 0.5, [](R x) { return x / 2; }, {}, 7);
  CHECK(half(-L::max()) == -L::max() / 2);
  CHECK(half.derivative(L::infinity()) == T(0.5));
  CHECK(half(-L::infinity()) == -L::infinity());
  CHECK(half(T(3)) == T(1.5));
  CHECK(std::isnan(f(L::quiet_NaN())));
  // the derivative is faithful's, bit for bit, by span and by call
  const actfn::silu<T> faithful(T(1.702));
  const actfn::silu<T, actfn::fast> quick(T(1.702));
  const std::vector<T>& xs = acc::inputs<T>();
  std::vector<T> a(xs.size()), b(xs.size());
  faithful.derivative(xs, a);
  quick.derivative(xs, b);
  std::size_t differ = 0;
  for (std::size_t i = 0; i < xs.size(); i += 61) {
    differ += !acc::same_bits(a[i], b[i]) ||
              !acc::same_bits(quick.derivative(xs[i]), faithful.derivative(xs[i]));
  }
  CHECK(differ == 0);
}
