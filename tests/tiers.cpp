// The accuracy tiers (actfn/tier.hpp): the second template parameter of every functor,
// actfn::faithful by default; both tiers' results within their bounds and, for double and long
// double, the same bits.
#include <actfn/actfn.hpp>
#include <limits>
#include <type_traits>
#include <vector>

#include "accuracy.hpp"

namespace {

// The default tier, with and without class template argument deduction.
static_assert(std::is_same_v<actfn::sigmoid<float>, actfn::sigmoid<float, actfn::faithful>>);
static_assert(
    std::is_same_v<decltype(actfn::leaky_relu(0.1f)), actfn::leaky_relu<float, actfn::faithful>>);
static_assert(std::is_same_v<decltype(actfn::celu(0.5)), actfn::celu<double, actfn::faithful>>);
static_assert(std::is_same_v<actfn::swiglu<float>, actfn::gated<actfn::silu<float>>>);
static_assert(std::is_same_v<actfn::geglu<float, actfn::precise>,
                             actfn::gated<actfn::gelu<float, actfn::precise>>>);
// Anything else is rejected by the concept, as a non-floating-point T is.
template <template <class, class> class F, class A>
concept instantiable = requires {
  typename F<float, A>;
};
static_assert(instantiable<actfn::sigmoid, actfn::precise>);
static_assert(!instantiable<actfn::sigmoid, int>);
static_assert(!instantiable<actfn::gelu, double>);
// The scalar forms of both tiers in constant expressions (the wide-type kernels).
constexpr actfn::sigmoid<float, actfn::precise> k_precise;
constexpr actfn::sigmoid<float> k_faithful;
static_assert(k_precise(0.0f) == 0.5f && k_faithful(0.0f) == 0.5f);
static_assert(k_faithful.derivative(0.0f) == 0.25f);

}  // namespace

// double and long double: both tiers run the same kernels, so the same bits.
TEMPLATE_TEST_CASE("both tiers give double and long double the same bits", "[spans]", double,
                   long double) {
  using T = TestType;
  const std::vector<T> x = acc::special_inputs<T>();
  std::vector<T> a(x.size()), b(x.size());
  const auto same = [&](const auto& f, const auto& p) {
    f(x, a);
    p(x, b);
    for (std::size_t i = 0; i < x.size(); ++i) {
      INFO(f.name << " at x = " << x[i]);
      CHECK(acc::same_bits(a[i], b[i]));
      CHECK(acc::same_bits(f.derivative(x[i]), p.derivative(x[i])));
    }
  };
  same(actfn::sigmoid<T>{}, actfn::sigmoid<T, actfn::precise>{});
  same(actfn::tanh<T>{}, actfn::tanh<T, actfn::precise>{});
}
