#include <actfn/log_sigmoid.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("log_sigmoid value within its bound", "[log_sigmoid][accuracy]", float, double,
                   long double) {
  const actfn::log_sigmoid<TestType> f;
  acc::require_within("log_sigmoid", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::log_sigmoid(x); });
}

TEMPLATE_TEST_CASE("log_sigmoid derivative within its bound", "[log_sigmoid][accuracy]", float,
                   double, long double) {
  const actfn::log_sigmoid<TestType> f;
  acc::require_within("log_sigmoid'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::log_sigmoid_d(x); });
}

TEMPLATE_TEST_CASE("log_sigmoid special values", "[log_sigmoid]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::log_sigmoid<T> f;
  acc::require_specials(
      f, [](R x) { return ref::log_sigmoid(x); }, [](R x) { return ref::log_sigmoid_d(x); });
  CHECK(f(-L::infinity()) == -L::infinity());
  CHECK(f(T(-300)) == T(-300));  // not -inf: no log of a σ that rounded to 0
  CHECK(f(L::infinity()) == 0);
  CHECK(std::signbit(f(L::infinity())));  // the limit from below
  CHECK(f.derivative(-L::infinity()) == 1);
  CHECK(f.derivative(L::infinity()) == 0);
  CHECK(acc::ulp_error(f(T(30)), ref::log_sigmoid(acc::ref_t<T>(30))) <=
        acc::value_bound<T>);  // -e^-30, to the bit
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}
