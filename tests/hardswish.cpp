#include <actfn/hardswish.hpp>
#include <cmath>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("hardswish value within its bound", "[hardswish][accuracy]", float, double,
                   long double) {
  const actfn::hardswish<TestType> f;
  acc::require_within("hardswish", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::hardswish(x); });
}

TEMPLATE_TEST_CASE("hardswish derivative within its bound", "[hardswish][accuracy]", float, double,
                   long double) {
  const actfn::hardswish<TestType> f;
  acc::require_within("hardswish'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::hardswish_d(x); });
}

// PyTorch's conventions at the kinks: -0 up to -3 (x·0) and x from 3 on; the derivative 0 up to
// -3, x/3 + ½ strictly between, 1 from 3 on. Checked on both sides of each kink and near the
// derivative's root -3/2, by call and by span; and the inputs where x(x + 3)/6 rounded three
// times, as PyTorch computes it, is more than 1 ULP off.
TEMPLATE_TEST_CASE("hardswish at its kinks and special values", "[hardswish]", float, double,
                   long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::hardswish<T> f;
  acc::require_specials(
      f, [](R x) { return ref::hardswish(x); }, [](R x) { return ref::hardswish_d(x); });
  std::vector<T> xs;
  for (T k : {T(-3), T(-1.5), T(3)}) {
    T lo = k, hi = k;
    for (int i = 0; i < 4; ++i) lo = std::nextafter(lo, -L::infinity());
    for (int i = 0; i < 4; ++i) hi = std::nextafter(hi, L::infinity());
    for (T x = lo; x <= hi; x = std::nextafter(x, L::infinity())) xs.push_back(x);
  }
  std::vector<T> ys(xs.size()), ds(xs.size());
  f(xs, ys);
  f.derivative(xs, ds);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const T x = xs[i];
    const R v = ref::hardswish(static_cast<R>(x)), d = ref::hardswish_d(static_cast<R>(x));
    INFO("x = " << x);
    for (T got : {f(x), ys[i]}) {
      CHECK(acc::error_at(x, got, v) <= acc::value_bound<T>);
      CHECK(acc::zero_sign_right(got, v));
    }
    for (T got : {f.derivative(x), ds[i]})
      CHECK(acc::error_at(x, got, d) <= acc::derivative_bound<T>);
    if (x <= -3) CHECK((f(x) == 0 && std::signbit(f(x)) && f.derivative(x) == 0));
    if (x >= 3) CHECK((f(x) == x && f.derivative(x) == 1));
  }
  CHECK(f.derivative(T(-1.5)) == 0);
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f(-L::infinity()) == 0);
  CHECK(std::signbit(f(-L::infinity())));  // the limit, where PyTorch's -inf·0 gives NaN
  CHECK(std::signbit(f(-T(0))));
  CHECK(!std::signbit(f(T(0))));
  CHECK(f.derivative(T(0)) == T(0.5));
  CHECK(f(T(-L::denorm_min())) <= 0);
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}
