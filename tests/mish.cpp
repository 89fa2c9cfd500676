#include <actfn/mish.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("mish value within its bound", "[mish][accuracy]", float, double, long double) {
  const actfn::mish<TestType> f;
  acc::require_within("mish", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::mish(x); });
}

TEMPLATE_TEST_CASE("mish derivative within its bound", "[mish][accuracy]", float, double,
                   long double) {
  const actfn::mish<TestType> f;
  acc::require_within(
      "mish'", f, acc::form::derivative, acc::derivative_bound<TestType>,
      [](auto x) { return ref::mish_d(x); }, acc::root_at<TestType>(acc::k_mish_root, 0.5L));
}

TEMPLATE_TEST_CASE("mish special values", "[mish]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::mish<T> f;
  acc::require_specials(
      f, [](R x) { return ref::mish(x); }, [](R x) { return ref::mish_d(x); },
      acc::root_at<T>(acc::k_mish_root, 0.5L));
  CHECK(f(-L::infinity()) == 0);
  CHECK(std::signbit(f(-L::infinity())));  // the limit from below
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f(L::max()) == L::max());  // no e^x overflows on the way
  CHECK(f.derivative(L::infinity()) == 1);
  CHECK(f.derivative(-L::infinity()) == 0);
  CHECK(std::signbit(f(-T(0))));
  CHECK(acc::ulp_error(f.derivative(T(0)), acc::ref_t<T>(3) / 5) <= 2);  // tanh(ln 2) = 3/5
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}
