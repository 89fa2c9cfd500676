#include <actfn/softsign.hpp>
#include <cmath>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("softsign value within its bound", "[softsign][accuracy]", float, double,
                   long double) {
  const actfn::softsign<TestType> f;
  acc::require_within("softsign", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::softsign(x); });
}

TEMPLATE_TEST_CASE("softsign derivative within its bound", "[softsign][accuracy]", float, double,
                   long double) {
  const actfn::softsign<TestType> f;
  acc::require_within("softsign'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::softsign_d(x); });
}

TEMPLATE_TEST_CASE("softsign special values", "[softsign]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::softsign<T> f;
  acc::require_specials(
      f, [](R x) { return ref::softsign(x); }, [](R x) { return ref::softsign_d(x); });
  CHECK(f(L::infinity()) == 1);
  CHECK(f(-L::infinity()) == -1);
  CHECK(f(L::max()) == 1);
  CHECK(f.derivative(L::infinity()) == 0);
  CHECK(f.derivative(-L::max()) == 0);
  CHECK(std::signbit(f(-T(0))));
  CHECK(!std::signbit(f(T(0))));
  CHECK(f.derivative(-T(0)) == 1);
  CHECK(f(T(1)) == T(0.5));
  CHECK(f.derivative(T(-3)) == T(0.0625));
  // where (1 + |x|)² overflows T, 1/(1 + |x|)² is still a normal or subnormal number
  const T big = std::ldexp(T(1), L::max_exponent / 2 + 4);
  CHECK(acc::ulp_error(f.derivative(big), ref::softsign_d(static_cast<R>(big))) <=
        acc::derivative_bound<T>);
  CHECK(f.derivative(big) > 0);
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}
