// The accuracy tiers (actfn/tier.hpp): the second template parameter of every functor,
// actfn::faithful by default; both tiers' results within their bounds and, for double and long
// double, the same bits.
#include <actfn/actfn.hpp>
#include <bit>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

#include "accuracy.hpp"
#include "functions.hpp"

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
static_assert(instantiable<actfn::sigmoid, actfn::fast>);
static_assert(actfn::tier<actfn::fast> && !actfn::tier<float>);
static_assert(std::is_same_v<actfn::swiglu<double, actfn::fast>,
                             actfn::gated<actfn::silu<double, actfn::fast>>>);
static_assert(!instantiable<actfn::sigmoid, int>);
static_assert(!instantiable<actfn::gelu, double>);
// The scalar forms of both tiers in constant expressions (the wide-type kernels).
constexpr actfn::sigmoid<float, actfn::precise> k_precise;
constexpr actfn::sigmoid<float> k_faithful;
static_assert(k_precise(0.0f) == 0.5f && k_faithful(0.0f) == 0.5f);
static_assert(k_faithful.derivative(0.0f) == 0.25f);
constexpr actfn::tanh<double, actfn::fast> k_fast;
static_assert(k_fast(0.0) == 0.0 && k_fast.derivative(0.0) == 1.0);

// The list's kernels column (actfn/function_list.hpp) says what the functors' kernel tags say:
// `shared` functions run one set of kernels in every tier, `per_tier` ones each tier's own,
// `fast_own` ones one set for faithful and precise and one for fast. And
// every functor is trivially copyable: the span forms of a shared function's other tiers run the
// default tier's loops on a bit_cast copy (detail/activation.hpp, loop_functor).
// (a macro, not a template over F: Clang 14 crashes on that template's constant evaluation)
#define ONE_TAG(F, A) \
  std::is_same_v<actfn::F<float>::kernel_tag, actfn::F<float, actfn::A>::kernel_tag>
#define KERNELS_COLUMN_shared(F) (ONE_TAG(F, precise) && ONE_TAG(F, fast))
#define KERNELS_COLUMN_per_tier(F) !(ONE_TAG(F, precise) && ONE_TAG(F, fast))
#define KERNELS_COLUMN_fast_own(F) (ONE_TAG(F, precise) && !ONE_TAG(F, fast))
#define CHECK_KERNELS_COLUMN(F, kernels, arguments, ...)                                 \
  static_assert(KERNELS_COLUMN_##kernels(F), #F ": the list's kernels column is wrong"); \
  static_assert(std::is_trivially_copyable_v<actfn::F<float, actfn::fast>>);
ACTFN_FUNCTIONS(CHECK_KERNELS_COLUMN)
#undef CHECK_KERNELS_COLUMN

// f and p give the same bits at every x: by span, by scalar call, and for the derivative.
template <class F, class P, class T>
void require_same_bits(const F& f, const P& p, const std::vector<T>& x) {
  std::vector<T> a(x.size()), b(x.size());
  f(x, a);
  p(x, b);
  for (std::size_t i = 0; i < x.size(); ++i) {
    INFO(f.name << " at x = " << x[i]);
    CHECK(acc::same_bits(a[i], b[i]));
    CHECK(acc::same_bits(f(x[i]), p(x[i])));
    CHECK(acc::same_bits(f.derivative(x[i]), p.derivative(x[i])));
  }
}

}  // namespace

// double and long double: faithful and precise run the same kernels, so the same bits.
TEMPLATE_TEST_CASE("both tiers give double and long double the same bits", "[spans]", double,
                   long double) {
  using T = TestType;
  const std::vector<T> x = acc::special_inputs<T>();
  fn::for_each_pair<T, actfn::faithful, actfn::precise>(
      [&](const auto& f, const auto& p) { require_same_bits(f, p, x); });
}

// The functions without fast kernels of their own run faithful's in the fast tier: the same bits,
// by span and by scalar call, for float and double; the 16-bit types keep precise's.
TEMPLATE_TEST_CASE("the fast tier shares faithful's kernels where it has none of its own",
                   "[spans]", float, double) {
  using T = TestType;
  const std::vector<T> x = acc::special_inputs<T>();
  std::size_t shared = 0;
  fn::for_each_pair<T, actfn::fast, actfn::faithful>([&](const auto& f, const auto& p) {
    using F = std::remove_cvref_t<decltype(f)>;
    using P = std::remove_cvref_t<decltype(p)>;
    if constexpr (std::is_same_v<typename F::kernel_tag, typename P::kernel_tag>) {
      require_same_bits(f, p, x);
      ++shared;
    }
  });
  CHECK(shared >= 15);
}

TEMPLATE_TEST_CASE("the fast tier gives the 16-bit types precise's results", "[spans]",
                   actfn::bfloat16, actfn::float16) {
  using T = TestType;
  std::vector<T> x, a, b;
  for (int i = -300; i <= 300; ++i) x.push_back(T(static_cast<float>(i) / 16));
  a.resize(x.size()), b.resize(x.size());
  const auto same = [&](const auto& f, const auto& p) {
    f(x, a);
    p(x, b);
    for (std::size_t i = 0; i < x.size(); ++i) {
      INFO(f.name << " at x = " << static_cast<float>(x[i]));
      CHECK(std::bit_cast<std::uint16_t>(a[i]) == std::bit_cast<std::uint16_t>(b[i]));
    }
    f.derivative(x, a);
    p.derivative(x, b);
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(std::bit_cast<std::uint16_t>(a[i]) == std::bit_cast<std::uint16_t>(b[i]));
    }
  };
  fn::for_each_pair<T, actfn::fast, actfn::precise>(same);
}
