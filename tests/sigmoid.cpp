#include <actfn/sigmoid.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("sigmoid value within its bound", "[sigmoid][accuracy]", float, double,
                   long double) {
  const actfn::sigmoid<TestType> f;
  acc::require_within("sigmoid", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::sigmoid(x); });
}

TEMPLATE_TEST_CASE("sigmoid derivative within its bound", "[sigmoid][accuracy]", float, double,
                   long double) {
  const actfn::sigmoid<TestType> f;
  acc::require_within("sigmoid'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return ref::sigmoid_d(x); });
}

// actfn::precise: float in double lanes, rounded once (double and long double: the same kernels
// as the default tier). Every 4th sweep input: these kernels are unchanged since their
// exhaustive measurement (docs/accuracy.md), and the suite's time goes to the default tier.
TEST_CASE("sigmoid, precise tier: float within 0.502 ULP", "[sigmoid][accuracy]") {
  const actfn::sigmoid<float, actfn::precise> f;
  acc::require_within(
      "sigmoid (precise)", f, acc::form::value, 0.502, [](auto x) { return ref::sigmoid(x); }, {},
      4);
  acc::require_within(
      "sigmoid' (precise)", f, acc::form::derivative, 0.502,
      [](auto x) { return ref::sigmoid_d(x); }, {}, 4);
  acc::require_specials(
      f, [](auto x) { return ref::sigmoid(x); }, [](auto x) { return ref::sigmoid_d(x); });
}

// actfn::fast: float in float lanes, double in double lanes, no pairs: values and derivatives
// within 4 ULP (measured on all 2^32 floats: docs/accuracy.md), the edges of every tier, and
// backward rounded once.
TEMPLATE_TEST_CASE("sigmoid, fast tier: within 4 ULP", "[sigmoid][accuracy]", float, double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  const actfn::sigmoid<T, actfn::fast> f;
  const auto v = [](auto x) { return ref::sigmoid(x); };
  const auto d = [](auto x) { return ref::sigmoid_d(x); };
  acc::require_within("sigmoid (fast)", f, acc::form::value, 4, v);
  acc::require_within("sigmoid' (fast)", f, acc::form::derivative, 4, d);
  acc::require_specials(f, v, d, {}, 4, 4);
  acc::require_backward(f);
  CHECK(f(L::infinity()) == 1);
  CHECK(acc::same_bits(f(-L::infinity()), T(0)));
  CHECK(f(T(0)) == T(0.5));
  CHECK(f(-T(0)) == T(0.5));
  CHECK(f.derivative(T(0)) == T(0.25));
  CHECK(acc::same_bits(f.derivative(L::infinity()), T(0)));
  CHECK(acc::same_bits(f.derivative(-L::infinity()), T(0)));
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(-L::quiet_NaN())));
  // the left tail and σ' keep their relative accuracy, down to the subnormals
  CHECK(acc::ulp_error(f(T(-100)), ref::sigmoid(acc::ref_t<T>(-100))) <= 4);
  CHECK(acc::ulp_error(f.derivative(T(20)), ref::sigmoid_d(acc::ref_t<T>(20))) <= 4);
  CHECK(acc::ulp_error(f.derivative(T(-90)), ref::sigmoid_d(acc::ref_t<T>(-90))) <= 4);
}

TEMPLATE_TEST_CASE("sigmoid special values", "[sigmoid]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  const actfn::sigmoid<T> f;
  acc::require_specials(
      f, [](auto x) { return ref::sigmoid(x); }, [](auto x) { return ref::sigmoid_d(x); });
  CHECK(f(L::infinity()) == 1);
  CHECK(f(-L::infinity()) == 0);
  CHECK(f(T(0)) == T(0.5));
  CHECK(f(-T(0)) == T(0.5));
  CHECK(f.derivative(L::infinity()) == 0);
  CHECK(f.derivative(-L::infinity()) == 0);
  CHECK(f.derivative(T(0)) == T(0.25));
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative_from_output(L::quiet_NaN())));
  // Far left, e^x/(1+e^x) keeps the tail that 1/(1+e^-x) rounds to 0.
  CHECK(f(T(-100)) > 0);
  CHECK(acc::ulp_error(f(T(-100)), ref::sigmoid(acc::ref_t<T>(-100))) <= 1);
  // σ'(20) = 2.06e-9, where s(1-s) computed in float gives exactly 0.
  CHECK(acc::ulp_error(f.derivative(T(20)), ref::sigmoid_d(acc::ref_t<T>(20))) <= 2);
}

TEMPLATE_TEST_CASE("sigmoid derivative_from_output is y(1-y)", "[sigmoid]", float, double,
                   long double) {
  using T = TestType;
  const actfn::sigmoid<T> f;
  for (T x : {T(-30), T(-3), T(-0.5), T(0), T(0.25), T(2), T(6)}) {
    const T y = f(x);
    const auto want = static_cast<acc::ref_t<T>>(y) * (1 - static_cast<acc::ref_t<T>>(y));
    INFO("x = " << x);
    CHECK(acc::ulp_error(f.derivative_from_output(y), want) <= 1);
    // The same quantity as derivative(x), up to the rounding of y.
    CHECK(f.derivative_from_output(y) == Approx(f.derivative(x)).epsilon(1e-4));
  }
  CHECK(f.derivative_from_output(T(0)) == 0);
  CHECK(f.derivative_from_output(T(1)) == 0);
}
