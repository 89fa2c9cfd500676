#include <actfn/tanh.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("tanh value within its bound", "[tanh][accuracy]", float, double, long double) {
  const actfn::tanh<TestType> f;
  acc::require_within("tanh", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::tanh_v(x); });
}

TEMPLATE_TEST_CASE("tanh derivative within its bound", "[tanh][accuracy]", float, double,
                   long double) {
  const actfn::tanh<TestType> f;
  acc::require_within("tanh'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::tanh_d(x); });
}

// actfn::precise: float in double lanes, rounded once (double and long double: the same kernels
// as the default tier). Every 4th sweep input: these kernels are unchanged since their
// exhaustive measurement (docs/accuracy.md), and the suite's time goes to the default tier.
TEST_CASE("tanh, precise tier: float within 0.502 ULP", "[tanh][accuracy]") {
  const actfn::tanh<float, actfn::precise> f;
  acc::require_within(
      "tanh (precise)", f, acc::form::value, 0.502, [](auto x) { return ref::tanh_v(x); }, {}, 4);
  acc::require_within(
      "tanh' (precise)", f, acc::form::derivative, 0.502, [](auto x) { return ref::tanh_d(x); }, {},
      4);
  acc::require_specials(
      f, [](auto x) { return ref::tanh_v(x); }, [](auto x) { return ref::tanh_d(x); });
}

// actfn::fast: float in float lanes, double in double lanes, no pairs: values and derivatives
// within 4 ULP (measured on all 2^32 floats: docs/accuracy.md), the edges of every tier, and
// backward rounded once.
TEMPLATE_TEST_CASE("tanh, fast tier: within 4 ULP", "[tanh][accuracy]", float, double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  const actfn::tanh<T, actfn::fast> f;
  const auto v = [](auto x) { return ref::tanh_v(x); };
  const auto d = [](auto x) { return ref::tanh_d(x); };
  acc::require_within("tanh (fast)", f, acc::form::value, 4, v);
  acc::require_within("tanh' (fast)", f, acc::form::derivative, 4, d);
  acc::require_specials(f, v, d, {}, 4, 4);
  acc::require_backward(f);
  CHECK(f(L::infinity()) == 1);
  CHECK(f(-L::infinity()) == -1);
  CHECK(acc::same_bits(f(-T(0)), -T(0)));
  CHECK(acc::same_bits(f(T(0)), T(0)));
  CHECK(f(L::denorm_min()) == L::denorm_min());
  CHECK(f(-L::min()) == -L::min());
  CHECK(f(L::max()) == 1);
  CHECK(f.derivative(T(0)) == 1);
  CHECK(acc::same_bits(f.derivative(L::infinity()), T(0)));
  CHECK(acc::same_bits(f.derivative(-L::infinity()), T(0)));
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
  CHECK(acc::ulp_error(f.derivative(T(10)), ref::tanh_d(acc::ref_t<T>(10))) <= 4);
  CHECK(acc::ulp_error(f.derivative(T(40)), ref::tanh_d(acc::ref_t<T>(40))) <= 4);
}

TEMPLATE_TEST_CASE("tanh special values", "[tanh]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  const actfn::tanh<T> f;
  acc::require_specials(
      f, [](auto x) { return ref::tanh_v(x); }, [](auto x) { return ref::tanh_d(x); });
  CHECK(f(L::infinity()) == 1);
  CHECK(f(-L::infinity()) == -1);
  CHECK(acc::same_bits(f(-T(0)), -T(0)));  // odd: the sign of zero is kept
  CHECK(acc::same_bits(f(T(0)), T(0)));
  CHECK(f(L::denorm_min()) == L::denorm_min());  // tanh x = x for tiny x
  CHECK(f(-L::min()) == -L::min());
  CHECK(f(L::max()) == 1);
  CHECK(f.derivative(L::infinity()) == 0);
  CHECK(f.derivative(-L::infinity()) == 0);
  CHECK(f.derivative(T(0)) == 1);
  CHECK(f.derivative(-T(0)) == 1);
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative_from_output(L::quiet_NaN())));
  // sech²(10) = 8.2e-9, where 1 - tanh² computed in float gives exactly 0.
  CHECK(acc::ulp_error(f.derivative(T(10)), ref::tanh_d(acc::ref_t<T>(10))) <= 2);
}

TEMPLATE_TEST_CASE("tanh derivative_from_output is 1 - y^2", "[tanh]", float, double, long double) {
  using T = TestType;
  const actfn::tanh<T> f;
  for (T x : {T(-4), T(-0.5), T(0), T(0.25), T(1), T(3)}) {
    const T y = f(x);
    const auto w = static_cast<acc::ref_t<T>>(y);
    INFO("x = " << x);
    CHECK(acc::ulp_error(f.derivative_from_output(y), 1 - w * w) <= 1);
    CHECK(f.derivative_from_output(y) == Approx(f.derivative(x)).epsilon(1e-4));
  }
  CHECK(f.derivative_from_output(T(1)) == 0);
  CHECK(f.derivative_from_output(T(-1)) == 0);
  CHECK(f.derivative_from_output(T(0)) == 1);
}
