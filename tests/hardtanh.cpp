#include <actfn/hardtanh.hpp>
#include <cmath>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("hardtanh is an exact clamp", "[hardtanh]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  acc::require_clamp(actfn::hardtanh<T>{}, T(-1), T(1));
  acc::require_clamp(actfn::hardtanh<T>{T(-0.25), T(3.5)}, T(-0.25), T(3.5));
  acc::require_backward(actfn::hardtanh<T>{T(-0.25), T(3.5)});
  const actfn::hardtanh<T> h;
  CHECK(h(-L::infinity()) == -1);
  CHECK(h.derivative(T(-1)) == 0);
  CHECK(h.derivative(T(0)) == 1);
  CHECK(std::isnan(h.derivative(L::quiet_NaN())));
}

TEMPLATE_TEST_CASE("hardtanh rejects bounds that are not finite or not ordered",
                   "[hardtanh][errors]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  CHECK_THROWS_WITH(actfn::hardtanh<T>(T(1), T(1)),
                    Catch::Contains("actfn::hardtanh: min_val must be finite and < max_val"));
  CHECK_THROWS_AS(actfn::hardtanh<T>(T(2), T(-2)), std::invalid_argument);
  CHECK_THROWS_AS(actfn::hardtanh<T>(L::quiet_NaN(), T(1)), std::invalid_argument);
  CHECK_THROWS_AS(actfn::hardtanh<T>(T(0), L::infinity()), std::invalid_argument);
  CHECK_THROWS_AS(actfn::hardtanh<T>(-L::infinity(), T(0)), std::invalid_argument);
  CHECK_NOTHROW(actfn::hardtanh<T>(T(-2), T(2)));
}

TEST_CASE("hardtanh works in constant expressions", "[hardtanh]") {
  constexpr actfn::hardtanh<float> h(-2.f, 2.f);
  static_assert(h(-3.f) == -2 && h(1.f) == 1 && h.derivative(2.f) == 0 && h.derivative(1.f) == 1);
  SUCCEED();
}
