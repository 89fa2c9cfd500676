#include <actfn/relu.hpp>
#include <limits>

#include "accuracy.hpp"

// ReLU is exact, so the reference is the definition itself, evaluated on every input the
// sweeps use: max(0, x) with NaN kept, and the step 1 for x > 0 (relu'(0) = 0).
TEMPLATE_TEST_CASE("relu value and derivative are exact", "[relu]", float, double, long double) {
  using T = TestType;
  const actfn::relu<T> f;
  for (T x : acc::special_inputs<T>()) {
    INFO("x = " << x);
    if (std::isnan(x)) {
      CHECK(std::isnan(f(x)));
      CHECK(std::isnan(f.derivative(x)));
    } else {
      CHECK(f(x) == (x > 0 ? x : T(0)));
      CHECK(f.derivative(x) == (x > 0 ? T(1) : T(0)));
    }
  }
  CHECK(f(std::numeric_limits<T>::infinity()) == std::numeric_limits<T>::infinity());
  CHECK(f(-std::numeric_limits<T>::infinity()) == 0);
  CHECK(f.derivative(T(0)) == 0);
  CHECK(f.derivative(-T(0)) == 0);
  CHECK(f.derivative(std::numeric_limits<T>::denorm_min()) == 1);
}

TEST_CASE("relu works in constant expressions", "[relu]") {
  constexpr actfn::relu<double> f;
  static_assert(f(-2.0) == 0 && f(3.0) == 3.0 && f.derivative(0.0) == 0 &&
                f.derivative(1e-300) == 1);
  SUCCEED();
}
