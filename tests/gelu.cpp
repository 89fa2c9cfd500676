#include <actfn/gelu.hpp>
#include <limits>

#include "accuracy.hpp"

using actfn::gelu_approximation;

TEMPLATE_TEST_CASE("gelu (exact) value within its bound", "[gelu][accuracy]", float, double,
                   long double) {
  const actfn::gelu<TestType> f;
  acc::require_within("gelu", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::gelu(x); });
}

TEMPLATE_TEST_CASE("gelu (exact) derivative within its bound", "[gelu][accuracy]", float, double,
                   long double) {
  const actfn::gelu<TestType> f;
  acc::require_within(
      "gelu'", f, acc::form::derivative, acc::derivative_bound<TestType>,
      [](auto x) { return ref::gelu_d(x); }, acc::gelu_derivative_root<TestType>);
}

TEMPLATE_TEST_CASE("gelu (tanh) value within its bound", "[gelu][accuracy]", float, double,
                   long double) {
  const actfn::gelu<TestType> f(gelu_approximation::tanh);
  acc::require_within("gelu_tanh", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return ref::gelu_tanh(x); });
}

TEMPLATE_TEST_CASE("gelu (tanh) derivative within its bound", "[gelu][accuracy]", float, double,
                   long double) {
  const actfn::gelu<TestType> f(gelu_approximation::tanh);
  acc::require_within(
      "gelu_tanh'", f, acc::form::derivative, acc::derivative_bound<TestType>,
      [](auto x) { return ref::gelu_tanh_d(x); }, acc::gelu_derivative_root<TestType>);
}

TEMPLATE_TEST_CASE("gelu special values", "[gelu]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  for (auto a : {gelu_approximation::none, gelu_approximation::tanh}) {
    const actfn::gelu<T> f(a);
    INFO("approximation = " << static_cast<int>(a));
    CHECK(f(L::infinity()) == L::infinity());
    // the limits from below: -0 in both forms (not -inf·0 = NaN, nor +0)
    for (const T x : {-L::infinity(), -L::max(), T(-1e4)}) {  // underflows in every T
      INFO("x = " << x);
      CHECK((f(x) == 0 && std::signbit(f(x))));
      CHECK((f.derivative(x) == 0 && std::signbit(f.derivative(x))));
    }
    CHECK(f(L::max()) == L::max());
    CHECK(f.derivative(L::infinity()) == 1);
    CHECK(f.derivative(L::max()) == 1);
    CHECK(f(T(0)) == 0);
    CHECK(f.derivative(T(0)) == T(0.5));
    CHECK(std::isnan(f(L::quiet_NaN())));
    CHECK(std::isnan(f.derivative(L::quiet_NaN())));
  }
  // Far left the exact GELU is tiny but not 0: erfc keeps what 1 + erf would cancel.
  const actfn::gelu<T> f;
  CHECK(f(T(-10)) < 0);
  CHECK(acc::ulp_error(f(T(-10)), ref::gelu(acc::ref_t<T>(-10))) <= acc::value_bound<T>);
}

TEST_CASE("gelu defaults to the exact form", "[gelu]") {
  constexpr actfn::gelu<float> f;
  static_assert(f.approximation == gelu_approximation::none);
  constexpr actfn::gelu<float> t(gelu_approximation::tanh);
  static_assert(t.approximation == gelu_approximation::tanh);
  // The two forms differ by up to about 5e-4 near |x| = 2.
  CHECK(f(2.0f) != t(2.0f));
  CHECK(f(2.0f) == Approx(t(2.0f)).margin(1e-3));
}
