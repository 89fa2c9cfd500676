#include <actfn/leaky_relu.hpp>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("leaky_relu value and derivative", "[leaky_relu]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  for (T slope : {T(0.01), T(0.2), T(1.5), T(-0.5)}) {
    const actfn::leaky_relu<T> f(slope);
    for (T x : acc::special_inputs<T>()) {
      INFO("slope = " << slope << ", x = " << x);
      if (std::isnan(x)) {
        CHECK(std::isnan(f(x)));
        CHECK(std::isnan(f.derivative(x)));
        continue;
      }
      // One product, correctly rounded: the reference is that product in higher precision.
      const auto want = x < 0 ? static_cast<acc::ref_t<T>>(slope) * x : acc::ref_t<T>(x);
      CHECK(acc::ulp_error(f(x), want) <= 0.5);
      CHECK(f.derivative(x) == (x > 0 ? T(1) : slope));
    }
  }
  const actfn::leaky_relu<T> f;
  CHECK(f.negative_slope == T(0.01));
  CHECK(f(-L::infinity()) == -L::infinity());
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f.derivative(T(0)) == T(0.01));  // left derivative at 0, as PyTorch
  CHECK(f.derivative(-L::infinity()) == T(0.01));
  CHECK(f.derivative(L::infinity()) == 1);
  CHECK(f(T(-2)) == T(-2) * T(0.01));
}

TEMPLATE_TEST_CASE("leaky_relu rejects a slope that is not finite", "[leaky_relu][errors]", float,
                   double, long double) {
  using L = std::numeric_limits<TestType>;
  CHECK_THROWS_WITH(actfn::leaky_relu<TestType>(L::quiet_NaN()),
                    Catch::Contains("negative_slope must be finite"));
  CHECK_THROWS_AS(actfn::leaky_relu<TestType>(L::infinity()), std::invalid_argument);
  CHECK_THROWS_AS(actfn::leaky_relu<TestType>(-L::infinity()), std::invalid_argument);
  CHECK_NOTHROW(actfn::leaky_relu<TestType>(L::max()));
}

TEST_CASE("leaky_relu works in constant expressions", "[leaky_relu]") {
  constexpr actfn::leaky_relu<double> f(0.25);
  static_assert(f(-2.0) == -0.5 && f(3.0) == 3.0 && f.derivative(0.0) == 0.25);
  constexpr actfn::leaky_relu lr(0.5f);  // CTAD: leaky_relu<float>
  static_assert(std::is_same_v<decltype(lr), const actfn::leaky_relu<float>>);
  SUCCEED();
}
