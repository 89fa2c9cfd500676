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

// actfn::fast: float in float lanes (double, and the tanh form's derivative, run the faithful
// kernels), values and derivatives within 4 ULP (all 2^32 floats: docs/accuracy.md), the exact
// form's derivative with relative accuracy through its root, the edges of every tier, GELU'(0) =
// 1/2 exactly, and backward rounded once.
TEMPLATE_TEST_CASE("gelu, fast tier: within 4 ULP", "[gelu][accuracy]", float, double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  for (auto a : {gelu_approximation::none, gelu_approximation::tanh}) {
    const actfn::gelu<T, actfn::fast> f(a);
    const bool exact = a == gelu_approximation::none;
    INFO("approximation = " << static_cast<int>(a));
    const auto v = [exact](auto x) { return exact ? ref::gelu(x) : ref::gelu_tanh(x); };
    const auto d = [exact](auto x) { return exact ? ref::gelu_d(x) : ref::gelu_tanh_d(x); };
    acc::require_within("gelu (fast)", f, acc::form::value, 4, v);
    acc::require_within("gelu' (fast)", f, acc::form::derivative, 4, d,
                        acc::gelu_derivative_root<T>);
    acc::require_specials(f, v, d, acc::gelu_derivative_root<T>, 4, 4);
    acc::require_backward(f);
    CHECK(f(L::infinity()) == L::infinity());
    CHECK(f(L::max()) == L::max());
    // (float: past x = -14.6 every result is -0)
    for (const T x : {-L::infinity(), -L::max(), T(-1e4), std::is_same_v<T, float> ? T(-16) : T(-40),
                      std::is_same_v<T, float> ? T(-15) : T(-39)}) {
      INFO("x = " << x);
      CHECK((f(x) == 0 && std::signbit(f(x))));
      CHECK((f.derivative(x) == 0 && std::signbit(f.derivative(x))));
    }
    CHECK(f.derivative(L::infinity()) == 1);
    CHECK(acc::same_bits(f(T(0)), T(0)));
    CHECK(acc::same_bits(f(-T(0)), -T(0)));
    CHECK(f.derivative(T(0)) == T(0.5));
    CHECK(f.derivative(-T(0)) == T(0.5));
    CHECK(std::isnan(f(L::quiet_NaN())));
    CHECK(std::isnan(f.derivative(-L::quiet_NaN())));
    // far left, where the argument of e^-w is amplified (w up to ~100): relative accuracy kept
    for (const T x : {T(-3), T(-7.5), T(-10), T(-10.5), T(-13)}) {
      INFO("x = " << x);
      CHECK(acc::ulp_error(f(x), v(acc::ref_t<T>(x))) <= 4);
      CHECK(acc::ulp_error(f.derivative(x), d(acc::ref_t<T>(x))) <= 4);
    }
    // through the exact form's derivative root, relative accuracy (float; double, and the tanh
    // form's derivative, run faithful's kernels: absolute accuracy there, the window above)
    if (std::is_same_v<T, float> && exact) {
      float x = -0.75179152f;
      for (int i = 0; i < 64; ++i, x = std::nextafter(x, 0.0f)) {
        INFO("x = " << x);
        CHECK(acc::ulp_error(f.derivative(x), d(acc::ref_t<T>(x))) <= 4);
      }
    }
  }
}
