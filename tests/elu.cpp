#include <actfn/elu.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("elu value within its bound", "[elu][accuracy]", float, double, long double) {
  const actfn::elu<TestType> f;
  acc::require_within("elu", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::elu(x); });
}

TEMPLATE_TEST_CASE("elu derivative within its bound", "[elu][accuracy]", float, double,
                   long double) {
  const actfn::elu<TestType> f;
  acc::require_within("elu'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::elu_d(x); });
}

TEMPLATE_TEST_CASE("elu special values", "[elu]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  for (T alpha : {T(1), T(0.3), T(2.5), T(-1)}) {
    INFO("alpha = " << alpha);
    const actfn::elu<T> f(alpha);
    acc::require_specials(
        f, [&](R x) { return ref::elu(x, R(alpha)); },
        [&](R x) { return ref::elu_d(x, R(alpha)); });
    CHECK(f(-L::infinity()) == -alpha);
    CHECK(f.derivative(T(0)) == alpha);  // the left derivative, as PyTorch
    CHECK(f.derivative(-T(0)) == alpha);
  }
  const actfn::elu<T> f;
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f.derivative(L::infinity()) == 1);
  CHECK(f.derivative(-L::infinity()) == 0);
  CHECK(std::signbit(f(-T(0))));  // elu(±0) = ±0
  CHECK(!std::signbit(f(T(0))));
  // expm1, not e^x - 1: near 0 the result keeps its relative accuracy
  CHECK(acc::ulp_error(f(-L::epsilon()), ref::elu(-acc::ref_t<T>(L::epsilon()))) <= 1);
  CHECK(f(-L::denorm_min()) == -L::denorm_min());
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}

TEMPLATE_TEST_CASE("elu rejects an alpha that is not finite", "[elu][errors]", float, double,
                   long double) {
  using L = std::numeric_limits<TestType>;
  CHECK_THROWS_WITH(actfn::elu<TestType>(L::quiet_NaN()), Catch::Contains("alpha must be finite"));
  CHECK_THROWS_AS(actfn::elu<TestType>(-L::infinity()), std::invalid_argument);
}
