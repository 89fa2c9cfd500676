#include <actfn/relu6.hpp>
#include <cmath>
#include <limits>

#include "accuracy.hpp"

TEMPLATE_TEST_CASE("relu6 is an exact clamp to [0, 6]", "[relu6]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  acc::require_clamp(actfn::relu6<T>{}, T(0), T(6));
  acc::require_backward(actfn::relu6<T>{});
  const actfn::relu6<T> r;
  CHECK(r(L::infinity()) == 6);
  CHECK(r(-L::infinity()) == 0);
  CHECK(std::signbit(r(-T(0))));  // -0 stays, as relu
  CHECK(r.derivative(T(0)) == 0);
  CHECK(r.derivative(T(6)) == 0);
  CHECK(r.derivative(T(3)) == 1);
  CHECK(std::isnan(r(L::quiet_NaN())));
  CHECK(std::isnan(r.derivative(L::quiet_NaN())));
}

TEST_CASE("relu6 works in constant expressions", "[relu6]") {
  constexpr actfn::relu6<double> r;
  static_assert(r(-1.0) == 0 && r(7.0) == 6 && r(2.5) == 2.5 && r.derivative(6.0) == 0);
  SUCCEED();
}
