#include <actfn/hardtanh.hpp>
#include <actfn/relu6.hpp>
#include <cmath>
#include <limits>

#include "accuracy.hpp"

// hardtanh and relu6 are exact, so the reference is the clamp itself on every sweep input: NaN
// kept, -0 kept inside the interval, and the derivative 1 strictly inside, 0 at both ends and
// outside (PyTorch's convention), by call and by span.
template <class F, class T>
void require_clamp(const F& f, T lo, T hi) {
  std::vector<T> xs = acc::inputs<T>();
  for (T k : {lo, hi}) {
    xs.insert(xs.end(), {std::nextafter(k, -std::numeric_limits<T>::infinity()), k,
                         std::nextafter(k, std::numeric_limits<T>::infinity())});
  }
  std::vector<T> ys(xs.size()), ds(xs.size());
  f(xs, ys);
  f.derivative(xs, ds);
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const T x = xs[i];
    const T want = std::isnan(x) ? x : x < lo ? lo : x > hi ? hi : x;
    const T want_d = std::isnan(x) ? x : (x > lo && x < hi) ? T(1) : T(0);
    const bool ok = acc::same_bits(f(x), want) && acc::same_bits(ys[i], want) &&
                    acc::same_bits(f.derivative(x), want_d) && acc::same_bits(ds[i], want_d);
    if (!ok && wrong++ < 5) FAIL_CHECK(f.name << " at x = " << x);
  }
  CHECK(wrong == 0);
}

TEMPLATE_TEST_CASE("hardtanh and relu6 are exact clamps", "[hardtanh][relu6]", float, double,
                   long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  require_clamp(actfn::hardtanh<T>{}, T(-1), T(1));
  require_clamp(actfn::hardtanh<T>{T(-0.25), T(3.5)}, T(-0.25), T(3.5));
  require_clamp(actfn::relu6<T>{}, T(0), T(6));
  const actfn::relu6<T> r;
  CHECK(r(L::infinity()) == 6);
  CHECK(r(-L::infinity()) == 0);
  CHECK(std::signbit(r(-T(0))));  // -0 stays, as relu
  CHECK(r.derivative(T(0)) == 0);
  CHECK(r.derivative(T(6)) == 0);
  CHECK(std::isnan(r(L::quiet_NaN())));
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

TEST_CASE("hardtanh and relu6 work in constant expressions", "[hardtanh][relu6]") {
  constexpr actfn::relu6<double> r;
  constexpr actfn::hardtanh<float> h(-2.f, 2.f);
  static_assert(r(-1.0) == 0 && r(7.0) == 6 && r(2.5) == 2.5 && r.derivative(6.0) == 0);
  static_assert(h(-3.f) == -2 && h(1.f) == 1 && h.derivative(2.f) == 0 && h.derivative(1.f) == 1);
  SUCCEED();
}
