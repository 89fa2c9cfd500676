#include <actfn/softplus.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("softplus value within its bound", "[softplus][accuracy]", float, double,
                   long double) {
  const actfn::softplus<TestType> f;
  acc::require_within("softplus", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::softplus(x); });
}

TEMPLATE_TEST_CASE("softplus derivative within its bound", "[softplus][accuracy]", float, double,
                   long double) {
  const actfn::softplus<TestType> f;
  acc::require_within("softplus'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::softplus_d(x); });
}

// β ≠ 1, rounded βx and all: the value and derivative at β = 2.5 over the sweep.
TEMPLATE_TEST_CASE("softplus with beta = 2.5 within its bound", "[softplus][accuracy]", float,
                   double, long double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  const actfn::softplus<T> f(T(2.5));
  acc::require_within("softplus(beta 2.5)", f, acc::form::value, acc::value_bound<T>,
                      [](R x) { return ref::softplus(x, R(2.5)); });
  acc::require_within("softplus'(beta 2.5)", f, acc::form::derivative, acc::derivative_bound<T>,
                      [](R x) { return ref::softplus_d(x, R(2.5)); });
}

TEMPLATE_TEST_CASE("softplus special values", "[softplus]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  for (T beta : {T(1), T(0.5), T(3), L::min(), L::max()}) {
    INFO("beta = " << beta);
    const actfn::softplus<T> f(beta);
    acc::require_specials(
        f, [&](R x) { return ref::softplus(x, R(beta)); },
        [&](R x) { return ref::softplus_d(x, R(beta)); });
  }
  const actfn::softplus<T> f;
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f(-L::infinity()) == 0);
  CHECK(f(T(1000)) == T(1000));  // not inf: no e^1000 is formed
  CHECK(f(L::max()) == L::max());
  CHECK(f.derivative(L::infinity()) == 1);
  CHECK(f.derivative(-L::infinity()) == 0);
  CHECK(acc::ulp_error(f(T(0)), ref::log1p(acc::ref_t<T>(1))) <= 1);  // ln 2
  // the left tail e^x keeps its relative accuracy (a threshold switch or log(1 + e^x) would not)
  CHECK(acc::ulp_error(f(T(-80)), ref::softplus(acc::ref_t<T>(-80))) <= acc::value_bound<T>);
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}

TEMPLATE_TEST_CASE("softplus rejects a beta that is not finite and positive", "[softplus][errors]",
                   float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  CHECK_THROWS_WITH(actfn::softplus<T>(T(0)), Catch::Contains("beta must be finite and > 0"));
  CHECK_THROWS_AS(actfn::softplus<T>(T(-1)), std::invalid_argument);
  CHECK_THROWS_AS(actfn::softplus<T>(L::infinity()), std::invalid_argument);
  CHECK_THROWS_AS(actfn::softplus<T>(L::quiet_NaN()), std::invalid_argument);
  CHECK_NOTHROW(actfn::softplus<T>(L::denorm_min()));
}

// β at the ends of the double lanes' range (2^-64 to 2^64) and beyond (the wide kernels): the tail
// e^βx/β is normal where e^βx is not, and must pass through neither a subnormal nor an overflow.
TEST_CASE("softplus with an extreme beta within its bound", "[softplus][accuracy]") {
  using R = acc::ref_t<double>;
  for (double beta : {0x1p-64, 0x1p64}) {
    INFO("beta = " << beta);
    const actfn::softplus<double> f(beta);
    acc::require_within("softplus(extreme beta)", f, acc::form::value, acc::value_bound<double>,
                        [&](R x) { return ref::softplus(x, R(beta)); });
    acc::require_within("softplus'(extreme beta)", f, acc::form::derivative,
                        acc::derivative_bound<double>,
                        [&](R x) { return ref::softplus_d(x, R(beta)); });
  }
  // βx = -700: e^-700 is 2^-1010, e^-700/β = 2^-946 (lanes) or 2^-110 (β = 2^-900, the wide
  // kernel) is normal; at βx = -1000 too for β = 2^-900, where the lanes' exp would stop at -800
  for (double beta : {0x1p-64, 0x1p-900}) {
    const actfn::softplus<double> f(beta);
    for (double b : {-700.0, -1000.0}) {
      const double x = b / beta;
      INFO("beta = " << beta << ", x = " << x);
      CHECK(acc::ulp_error(f(x), ref::softplus(R(x), R(beta))) <= acc::value_bound<double>);
    }
  }
}
