#include <actfn/squared_relu.hpp>
#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

#include "accuracy.hpp"

namespace {
// max(0, x)² and 2·max(0, x) in the reference type, where both are exact for float (x² in long
// double) and double (in __float128): the value must be x² rounded once, the derivative exact.
// (A long double's square needs 128 bits: there the reference rounds too, far below T's ULP.)
template <class R>
R squared(R x) {
  return x < 0 ? R(0) : x * x;  // NaN and -0 as the definition gives them: NaN, +0
}
template <class R>
R twice(R x) {
  return x < 0 ? R(0) : x + x;  // -0 stays -0 (2·relu(-0))
}
}  // namespace

TEMPLATE_TEST_CASE("squared_relu value correctly rounded", "[squared_relu][accuracy]", float,
                   double, long double) {
  const actfn::squared_relu<TestType> f;
  acc::require_within("squared_relu", f, acc::form::value, 0.5, [](auto x) { return squared(x); });
}

TEMPLATE_TEST_CASE("squared_relu derivative exact", "[squared_relu][accuracy]", float, double,
                   long double) {
  const actfn::squared_relu<TestType> f;
  acc::require_within("squared_relu'", f, acc::form::derivative, 0,
                      [](auto x) { return twice(x); });
}

TEMPLATE_TEST_CASE("squared_relu special values and backward", "[squared_relu]", float, double,
                   long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::squared_relu<T> f;
  acc::require_specials(
      f, [](R x) { return squared(x); }, [](R x) { return twice(x); }, {}, 0.5, 0);
  acc::require_backward(f);
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(f(-L::infinity()) == 0);
  CHECK(f.derivative(-L::infinity()) == 0);
  CHECK(f.derivative(L::infinity()) == L::infinity());
  // x² overflows exactly past √max, 2x past max/2; the largest x whose square is finite
  const T root = std::sqrt(L::max());
  CHECK(f(root) < L::infinity());
  CHECK(f(std::nextafter(root, L::infinity()) * T(1.0000001)) == L::infinity());
  CHECK(f.derivative(L::max()) == L::infinity());
  CHECK(f.derivative(L::max() / 2) == L::max());
  // squares in the subnormal range round once to its grid (ties to even); below half its least
  // value they are +0
  CHECK(f(L::denorm_min()) == 0);
  const int e_least = L::min_exponent - L::digits;  // denorm_min = 2^(e_least)
  for (int e = e_least / 2 - 2; e <= (L::min_exponent - 1) / 2 + 1; ++e) {
    for (const T m : {T(1), T(1.25), T(1.5), T(1.75), T(1.0625), std::nextafter(T(1.5), T(2))}) {
      const T x = std::ldexp(m, e);
      INFO("x = " << x);
      if constexpr (std::is_same_v<T, long double>) {  // x² needs 128 bits: R rounds it too
        CHECK(acc::ulp_error(f(x), squared(static_cast<R>(x))) <= 0.5);
      } else {  // x² exact in R, and R → T rounds once
        CHECK(f(x) == static_cast<T>(squared(static_cast<R>(x))));
      }
      std::vector<T> xs{x}, ys(1);
      f(xs, ys);
      CHECK(ys[0] == f(x));
    }
  }
  CHECK(!std::signbit(f(-T(0))));
  CHECK(std::signbit(f.derivative(-T(0))));
  CHECK(f(T(-3)) == 0);
  CHECK(f(T(3)) == 9);
  CHECK(f.derivative(T(3)) == 6);
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}

TEST_CASE("squared_relu works in constant expressions", "[squared_relu]") {
  constexpr actfn::squared_relu<double> f;
  static_assert(f(-2.0) == 0 && f(3.0) == 9.0 && f.derivative(1.5) == 3.0 &&
                f.derivative(-1.0) == 0);
  SUCCEED();
}
