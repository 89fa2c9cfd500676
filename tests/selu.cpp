#include <actfn/selu.hpp>
#include <limits>

#include "accuracy.hpp"

namespace {
template <class R>
R selu_ref(R x) {
  return ref::elu(x, R(ref::k_selu_alpha), R(ref::k_selu_lambda));
}
template <class R>
R selu_ref_d(R x) {
  return ref::elu_d(x, R(ref::k_selu_alpha), R(ref::k_selu_lambda));
}
}  // namespace

TEMPLATE_TEST_CASE("selu value within its bound", "[selu][accuracy]", float, double, long double) {
  const actfn::selu<TestType> f;
  acc::require_within("selu", f, acc::form::value, acc::value_bound<TestType>,
                      [](auto x) { return selu_ref(x); });
}

TEMPLATE_TEST_CASE("selu derivative within its bound", "[selu][accuracy]", float, double,
                   long double) {
  const actfn::selu<TestType> f;
  acc::require_within("selu'", f, acc::form::derivative, acc::derivative_bound<TestType>,
                      [](auto x) { return selu_ref_d(x); });
}

TEMPLATE_TEST_CASE("selu special values", "[selu]", float, double, long double) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  using R = acc::ref_t<T>;
  const actfn::selu<T> f;
  acc::require_specials(
      f, [](R x) { return selu_ref(x); }, [](R x) { return selu_ref_d(x); });
  // The constants are PyTorch's; the limit at -inf is -λα, rounded once.
  CHECK(f(-L::infinity()) == -static_cast<T>(1.7580993408473768599402175208123L));
  CHECK(f.derivative(T(1)) == static_cast<T>(ref::k_selu_lambda));
  CHECK(f.derivative(T(0)) == static_cast<T>(1.7580993408473768599402175208123L));
  CHECK(f(L::infinity()) == L::infinity());
  CHECK(std::signbit(f(-T(0))));
  CHECK(std::isnan(f(L::quiet_NaN())));
  CHECK(std::isnan(f.derivative(L::quiet_NaN())));
}
