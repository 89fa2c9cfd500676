#include <actfn/hardsigmoid.hpp>
#include <cmath>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("hardsigmoid value within its bound", "[hardsigmoid][accuracy]", float, double,
                   long double) {
  const actfn::hardsigmoid<TestType> f;
  acc::require_within("hardsigmoid", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::hardsigmoid(x); });
}

TEMPLATE_TEST_CASE("hardsigmoid derivative within its bound", "[hardsigmoid][accuracy]", float,
                   double, long double) {
  const actfn::hardsigmoid<TestType> f;
  acc::require_within("hardsigmoid'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::hardsigmoid_d(x); });
}

// PyTorch's conventions at the kinks: 0 at -3 and 1 at 3, the derivative 0 at both and 1/6
// (rounded to T) strictly between; each checked on both sides of each kink, by call and by span.
TEMPLATE_TEST_CASE("hardsigmoid at its kinks and special values", "[hardsigmoid]", float, double,
                   long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::hardsigmoid<T> f;
  acc::require_specials(
      f, [](R x) { return ref::hardsigmoid(x); }, [](R x) { return ref::hardsigmoid_d(x); });
  const T sixth = T(1) / 6;
  std::vector<T> xs;
  for (T k : {T(-3), T(3)})
    xs.insert(xs.end(), {std::nextafter(k, -L::infinity()), k, std::nextafter(k, L::infinity())});
  std::vector<T> ys(xs.size()), ds(xs.size());
  f(xs, ys);
  f.derivative(xs, ds);
  const T want_d[] = {0, 0, sixth, sixth, 0, 0};
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const T x = xs[i];
    INFO("x = " << x);
    for (T got : {f(x), ys[i]}) {
      CHECK(acc::error_at(x, got, ref::hardsigmoid(static_cast<R>(x))) <= acc::value_bound<T>);
      if (x <= -3) CHECK((got == 0 && !std::signbit(got)));
      if (x >= 3) CHECK(got == 1);
      if (x > -3) CHECK(got > 0);  // ulp(3)/6 above -3
      // (long double's x + 3, rounded in its own type, may reach 6 a half ULP below 3)
      if (x < 3 && !std::is_same_v<T, long double>) CHECK(got < 1);
    }
    CHECK(f.derivative(x) == want_d[i]);
    CHECK(ds[i] == want_d[i]);
  }
  CHECK(f(L::infinity()) == 1);
  CHECK(f(-L::infinity()) == 0);
  CHECK(!std::signbit(f(-L::infinity())));
  CHECK(f(T(0)) == T(0.5));
  CHECK(f(T(1.5)) == T(0.75));
  CHECK(f.derivative(T(0)) == sixth);
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}
