#include <actfn/quick_gelu.hpp>
#include <actfn/silu.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "accuracy.hpp"

// The reference is SiLU's formula with β = 1.702 rounded to T's parameter type (1.702f for
// float), in the reference type (tests/reference.hpp).

TEMPLATE_TEST_CASE("quick_gelu within its bounds", "[quick_gelu][accuracy]", float, double,
                   long double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  const actfn::quick_gelu<T> f;
  const R beta = static_cast<R>(f.beta);
  acc::require_within("quick_gelu", f, acc::form::value, acc::value_bound<T>,
                      [&](R x) { return ref::silu(x, beta); });
  acc::require_within(
      "quick_gelu'", f, acc::form::derivative, acc::derivative_bound<T>,
      [&](R x) { return ref::silu_d(x, beta); },
      acc::root_at<T>(acc::k_silu_root / static_cast<long double>(f.beta)));
}

TEMPLATE_TEST_CASE("quick_gelu special values and backward", "[quick_gelu]", float, double,
                   long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::quick_gelu<T> f;
  const R beta = static_cast<R>(f.beta);
  acc::require_specials(
      f, [&](R x) { return ref::silu(x, beta); }, [&](R x) { return ref::silu_d(x, beta); },
      acc::root_at<T>(acc::k_silu_root / static_cast<long double>(f.beta)));
  acc::require_backward(f);
  CHECK(f(L::infinity()) == L::infinity());
  CHECK((f(-L::infinity()) == 0 && std::signbit(f(-L::infinity()))));
  CHECK(f.derivative(L::infinity()) == 1);
  CHECK((f.derivative(-L::infinity()) == 0));
  CHECK(acc::same_bits(f(-T(0)), -T(0)));
  CHECK(f.derivative(T(0)) == T(0.5));
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}

// β is the parameter type's 1.702 (float's for float and the 16-bit types, as PyTorch computes
// 1.702 * x in the tensor's type), and every tier gives silu(1.702)'s bits, by span and by call.
TEMPLATE_TEST_CASE("quick_gelu is silu with beta = 1.702, bit for bit", "[quick_gelu]", float,
                   double, long double) {
  using T = TestType;
  static_assert(actfn::quick_gelu<T>::beta == T(1.702));
  static_assert(actfn::quick_gelu<actfn::bfloat16>::beta == 1.702f);
  const auto same = [](const auto& q, const auto& s) {
    const std::vector<T>& x = acc::inputs<T>();
    std::vector<T> a(x.size()), b(x.size()), ga(x.size()), gb(x.size());
    q(x, a);
    s(x, b);
    q.backward(x, x, ga);
    s.backward(x, x, gb);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < x.size(); i += 3) {
      differ += !acc::same_bits(a[i], b[i]) || !acc::same_bits(ga[i], gb[i]) ||
                !acc::same_bits(q(x[i]), s(x[i])) ||
                !acc::same_bits(q.derivative(x[i]), s.derivative(x[i]));
    }
    CHECK(differ == 0);
  };
  same(actfn::quick_gelu<T>(), actfn::silu<T>(T(1.702)));
  same(actfn::quick_gelu<T, actfn::precise>(), actfn::silu<T, actfn::precise>(T(1.702)));
  same(actfn::quick_gelu<T, actfn::fast>(), actfn::silu<T, actfn::fast>(T(1.702)));
}

// The fast tier: SiLU's fast kernels (value within 4 ULP; the derivative is faithful's).
TEMPLATE_TEST_CASE("quick_gelu, fast tier: within 4 ULP", "[quick_gelu][accuracy]", float,
                   double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  const actfn::quick_gelu<T, actfn::fast> f;
  const R beta = static_cast<R>(f.beta);
  const acc::root_window root =
      acc::root_at<T>(acc::k_silu_root / static_cast<long double>(f.beta));
  acc::require_within("quick_gelu (fast)", f, acc::form::value, 4,
                      [&](R x) { return ref::silu(x, beta); });
  acc::require_within(
      "quick_gelu' (fast)", f, acc::form::derivative, acc::derivative_bound<T>,
      [&](R x) { return ref::silu_d(x, beta); }, root);
  acc::require_specials(
      f, [&](R x) { return ref::silu(x, beta); }, [&](R x) { return ref::silu_d(x, beta); }, root,
      4, acc::derivative_bound<T>);
  acc::require_backward(f);
}
