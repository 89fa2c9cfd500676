#include <actfn/celu.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("celu with alpha = 0.7 within its bound", "[celu][accuracy]", float, double,
                   long double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  const actfn::celu<T> f(T(0.7));
  const R a = static_cast<R>(f.alpha);
  acc::require_within("celu", f, acc::form::value, acc::value_bound<T>,
                      [&](R x) { return ref::elu(x, a, R(1), a); });
  acc::require_within("celu'", f, acc::form::derivative, acc::derivative_bound<T>,
                      [&](R x) { return ref::elu_d(x, a, R(1), a); });
}

TEMPLATE_TEST_CASE("celu special values", "[celu]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  for (T alpha : {T(1), T(0.7), T(3), T(-0.5), L::min()}) {
    INFO("alpha = " << alpha);
    const actfn::celu<T> f(alpha);
    const R a = alpha;
    acc::require_specials(
        f, [&](R x) { return ref::elu(x, a, R(1), a); },
        [&](R x) { return ref::elu_d(x, a, R(1), a); });
    CHECK(f.derivative(T(0)) == 1);  // e^(0/α): the left derivative
  }
  const actfn::celu<T> f;  // α = 1: ELU
  CHECK(f(-L::infinity()) == -1);
  CHECK(acc::ulp_error(f(T(-2)), ref::expm1(acc::ref_t<T>(-2))) <= 1);
  CHECK(actfn::celu<T>(T(-0.5))(-L::infinity()) == -L::infinity());
  // α < 0 where x/α just passes expm1's overflow (the fuzzer's find: inf - inf was NaN)
  CHECK(actfn::celu<T>(T(-1.25))(T(-128863.99999523163)) == -L::infinity());
  CHECK(std::isnan(f(L::quiet_NaN())));
}

TEMPLATE_TEST_CASE("celu rejects an alpha that is zero or not finite", "[celu][errors]", float,
                   double, long double) {
  using L = std::numeric_limits<TestType>;
  CHECK_THROWS_WITH(actfn::celu<TestType>(TestType(0)),
                    Catch::Contains("alpha must be finite and nonzero"));
  CHECK_THROWS_AS(actfn::celu<TestType>(-TestType(0)), std::invalid_argument);
  CHECK_THROWS_AS(actfn::celu<TestType>(L::infinity()), std::invalid_argument);
  CHECK_THROWS_AS(actfn::celu<TestType>(L::quiet_NaN()), std::invalid_argument);
}
