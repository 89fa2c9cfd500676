// tests/functions.hpp: the tests' view of actfn's one list of functions (ACTFN_FUNCTIONS): every
// instance the "every function" tests run, and each functor's reference, bounds and derivative
// root. A function added to the list and missing here fails to compile every such test.
// Catch-free: bench/accuracy.cpp and the fuzzer use it too.
#pragma once

#include <actfn/actfn.hpp>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "reference.hpp"
#include "ulp.hpp"

namespace fn {

// Whether F is an instance of the functor template G (any element type, any tier).
// (overloads: GCC 12 rejects a variable template's partial specialization on G)
template <template <actfn::floating_point, actfn::tier> class G, class T, class A>
constexpr bool instance_of(const G<T, A>*) {
  return true;
}
template <template <actfn::floating_point, actfn::tier> class G>
constexpr bool instance_of(const void*) {
  return false;
}
template <class F, template <actfn::floating_point, actfn::tier> class G>
inline constexpr bool is = instance_of<G>(static_cast<const F*>(nullptr));

template <class F>
struct tier_of;
template <template <actfn::floating_point, actfn::tier> class G, class T, class A>
struct tier_of<G<T, A>> {
  using type = A;
};
template <class F>
inline constexpr bool is_fast = std::is_same_v<typename tier_of<F>::type, actfn::fast>;

// The list's instances of T in tier A: each function's default instance, and its instance with
// the list's arguments where it has parameters (sizeof "()" is 3: a function without them).
template <bool with>
constexpr auto optional(auto f) {
  if constexpr (with) {
    return std::tuple{f};
  } else {
    return std::tuple{};
  }
}
#define ACTFN_TEST_INSTANCES(F, kernels, arguments, ...) \
  , std::tuple{actfn::F<T, A>{}}, fn::optional<(sizeof(#arguments) > 3)>(actfn::F<T, A> arguments)
#define ACTFN_TEST_OWN_TIER_per_tier(F, arguments) ACTFN_TEST_INSTANCES(F, , arguments)
#define ACTFN_TEST_OWN_TIER_shared(F, arguments)
#define ACTFN_TEST_OWN_TIER_fast_own(F, arguments)                           \
  , fn::optional<std::is_same_v<A, actfn::fast>>(actfn::F<T, A>{}),          \
      fn::optional<std::is_same_v<A, actfn::fast> && (sizeof(#arguments) > 3)>( \
          actfn::F<T, A> arguments)
#define ACTFN_TEST_OWN_TIER(F, kernels, arguments, ...) ACTFN_TEST_OWN_TIER_##kernels(F, arguments)

// Every instance of T in tier A.
template <class T, class A = actfn::faithful>
constexpr auto instances() {
  using P = actfn::parameter_t<T>;
  return std::tuple_cat(std::tuple{} ACTFN_FUNCTIONS(ACTFN_TEST_INSTANCES));
}
// The instances of T in tier A of the functions with kernels of their own in tier A.
template <class T, class A>
constexpr auto own_tier_instances() {
  using P [[maybe_unused]] = actfn::parameter_t<T>;  // (no per_tier function has parameters)
  return std::tuple_cat(std::tuple{} ACTFN_FUNCTIONS(ACTFN_TEST_OWN_TIER));
}

#undef ACTFN_TEST_OWN_TIER
#undef ACTFN_TEST_OWN_TIER_shared
#undef ACTFN_TEST_OWN_TIER_fast_own
#undef ACTFN_TEST_OWN_TIER_per_tier
#undef ACTFN_TEST_INSTANCES

// fn(f) for every instance of T in tier A.
template <class T, class A = actfn::faithful, class Fn>
void for_each(Fn fn) {
  std::apply([&](const auto&... f) { (fn(f), ...); }, instances<T, A>());
}

// fn(f) for every instance of T in every tier.
template <class T, class Fn>
void for_each_tier(Fn fn) {
  for_each<T, actfn::faithful>(fn);
  for_each<T, actfn::precise>(fn);
  for_each<T, actfn::fast>(fn);
}

// fn(a, b) for every instance a of T in tier A and the same instance b in tier B.
template <class T, class A, class B, class Fn>
void for_each_pair(Fn fn) {
  const auto a = instances<T, A>();
  const auto b = instances<T, B>();
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (fn(std::get<I>(a), std::get<I>(b)), ...);
  }(std::make_index_sequence<std::tuple_size_v<std::remove_const_t<decltype(a)>>>{});
}

// fn(f) for every set of span loops of T: every instance in the default tier, and the other
// tiers' instances of the functions with kernels of their own in each tier.
template <class T, class Fn>
void for_each_kernel_set(Fn fn) {
  for_each<T>(fn);
  std::apply([&](const auto&... f) { (fn(f), ...); }, own_tier_instances<T, actfn::precise>());
  std::apply([&](const auto&... f) { (fn(f), ...); }, own_tier_instances<T, actfn::fast>());
}

// The documented bounds of f, in ULP (the functor headers' contracts).
template <class F>
constexpr double value_bound() {
  using T = typename F::value_type;
  if constexpr (is<F, actfn::relu> || is<F, actfn::hardtanh> || is<F, actfn::relu6>) return 0;
  if constexpr (is<F, actfn::leaky_relu>) return 0.5;    // one rounding of slope·x
  if constexpr (is<F, actfn::squared_relu>) return 0.5;  // one rounding of x²
  // (fast SiLU: the value; its derivative is faithful's)
  if constexpr (is_fast<F> && (is<F, actfn::sigmoid> || is<F, actfn::tanh> || is<F, actfn::gelu> ||
                               is<F, actfn::silu> || is<F, actfn::quick_gelu>)) {
    if constexpr (!std::is_same_v<T, long double>) return 4;
  }
  return acc::value_bound<T>;
}
template <class F>
constexpr double derivative_bound() {
  using T = typename F::value_type;
  if constexpr (is<F, actfn::relu> || is<F, actfn::hardtanh> || is<F, actfn::relu6>) return 0;
  if constexpr (is<F, actfn::leaky_relu>) return 0;    // 1 or the slope
  if constexpr (is<F, actfn::squared_relu>) return 0;  // 2x
  if constexpr (is_fast<F> && (is<F, actfn::sigmoid> || is<F, actfn::tanh> || is<F, actfn::gelu>)) {
    if constexpr (!std::is_same_v<T, long double>) return 4;
  }
  return acc::derivative_bound<T>;
}

// Where f's derivative crosses zero (GELU's, SiLU's, Mish's), and the absolute tolerance there
// (times scale: a backward's product with gradients up to 8).
template <class F>
acc::root_window derivative_root(const F& f, double scale = 1) {
  using T = typename F::value_type;
  acc::root_window w{};
  if constexpr (is<F, actfn::gelu>) w = acc::gelu_derivative_root<T>;
  if constexpr (is<F, actfn::silu> || is<F, actfn::quick_gelu>) {
    w = acc::root_at<T>(acc::k_silu_root / f.beta);
  }
  if constexpr (is<F, actfn::mish>) w = acc::root_at<T>(acc::k_mish_root, 0.5L);
  w.abs_tol *= scale;
  return w;
}

// A short name for tables: F::name without "actfn::", the parameters where they are not the
// defaults, and the tier where it is not the default: "celu(0.7)", "sigmoid_fast".
template <class F>
std::string label(const F& f) {
  std::string s = F::name;
  s.erase(0, s.rfind(':') + 1);
  const F d{};
  // "(a)" or "(a, b)"; appended piece by piece (GCC 12's -Wrestrict misreads "(" + string)
  const auto args = [&s](std::initializer_list<double> v) {
    char buf[32];
    const char* sep = "(";
    for (const double a : v) {
      std::snprintf(buf, sizeof buf, "%s%g", sep, a);
      s.append(buf);
      sep = ", ";
    }
    s.append(")");
  };
  if constexpr (is<F, actfn::gelu>) {
    if (f.approximation == actfn::gelu_approximation::tanh) s.append("_tanh");
  } else if constexpr (is<F, actfn::leaky_relu>) {
    if (f.negative_slope != d.negative_slope) args({double(f.negative_slope)});
  } else if constexpr (is<F, actfn::silu> || is<F, actfn::softplus>) {
    if (f.beta != d.beta) args({double(f.beta)});
  } else if constexpr (is<F, actfn::elu> || is<F, actfn::celu>) {
    if (f.alpha != d.alpha) args({double(f.alpha)});
  } else if constexpr (is<F, actfn::hardtanh>) {
    if (f.min_val != d.min_val || f.max_val != d.max_val) {
      args({double(f.min_val), double(f.max_val)});
    }
  }
  if constexpr (std::is_same_v<typename tier_of<F>::type, actfn::precise>) s.append("_precise");
  if constexpr (is_fast<F>) s.append("_fast");
  return s;
}

}  // namespace fn

namespace ref {

// f(x) and f'(x) by the reference formulas above, in R, for every functor of the list, with the
// parameters f holds (as T, rounded as the functor rounds them).
template <class R, class F>
R value(const F& f, R x) {
  if constexpr (fn::is<F, actfn::sigmoid>) {
    return sigmoid(x);
  } else if constexpr (fn::is<F, actfn::tanh>) {
    return tanh_v(x);
  } else if constexpr (fn::is<F, actfn::relu>) {
    return x < 0 ? R(0) : x;  // NaN and -0 kept
  } else if constexpr (fn::is<F, actfn::leaky_relu>) {
    return x < 0 ? R(f.negative_slope) * x : x;
  } else if constexpr (fn::is<F, actfn::gelu>) {
    return f.approximation == actfn::gelu_approximation::tanh ? gelu_tanh(x) : gelu(x);
  } else if constexpr (fn::is<F, actfn::silu> || fn::is<F, actfn::quick_gelu>) {
    return silu(x, R(f.beta));
  } else if constexpr (fn::is<F, actfn::softplus>) {
    return softplus(x, R(f.beta));
  } else if constexpr (fn::is<F, actfn::log_sigmoid>) {
    return log_sigmoid(x);
  } else if constexpr (fn::is<F, actfn::elu>) {
    return elu(x, R(f.alpha));
  } else if constexpr (fn::is<F, actfn::selu>) {
    return elu(x, R(k_selu_alpha), R(k_selu_lambda));
  } else if constexpr (fn::is<F, actfn::celu>) {
    return elu(x, R(f.alpha), R(1), R(f.alpha));
  } else if constexpr (fn::is<F, actfn::mish>) {
    return mish(x);
  } else if constexpr (fn::is<F, actfn::hardsigmoid>) {
    return hardsigmoid(x);
  } else if constexpr (fn::is<F, actfn::hardswish>) {
    return hardswish(x);
  } else if constexpr (fn::is<F, actfn::hardtanh>) {
    return x < R(f.min_val) ? R(f.min_val) : x > R(f.max_val) ? R(f.max_val) : x;
  } else if constexpr (fn::is<F, actfn::relu6>) {
    return x < 0 ? R(0) : x > 6 ? R(6) : x;
  } else if constexpr (fn::is<F, actfn::softsign>) {
    return softsign(x);
  } else if constexpr (fn::is<F, actfn::squared_relu>) {
    return x < 0 ? R(0) : x * x;  // exact in R for float and double x; NaN kept
  } else {
    static_assert(sizeof(F) == 0, "add the function's reference here (tests/functions.hpp)");
  }
}

template <class R, class F>
R derivative(const F& f, R x) {
  if constexpr (fn::is<F, actfn::sigmoid>) {
    return sigmoid_d(x);
  } else if constexpr (fn::is<F, actfn::tanh>) {
    return tanh_d(x);
  } else if constexpr (fn::is<F, actfn::relu>) {
    return x != x ? x : x > 0 ? R(1) : R(0);
  } else if constexpr (fn::is<F, actfn::leaky_relu>) {
    return x != x ? x : x > 0 ? R(1) : R(f.negative_slope);
  } else if constexpr (fn::is<F, actfn::gelu>) {
    return f.approximation == actfn::gelu_approximation::tanh ? gelu_tanh_d(x) : gelu_d(x);
  } else if constexpr (fn::is<F, actfn::silu> || fn::is<F, actfn::quick_gelu>) {
    return silu_d(x, R(f.beta));
  } else if constexpr (fn::is<F, actfn::softplus>) {
    return softplus_d(x, R(f.beta));
  } else if constexpr (fn::is<F, actfn::log_sigmoid>) {
    return log_sigmoid_d(x);
  } else if constexpr (fn::is<F, actfn::elu>) {
    return elu_d(x, R(f.alpha));
  } else if constexpr (fn::is<F, actfn::selu>) {
    return elu_d(x, R(k_selu_alpha), R(k_selu_lambda));
  } else if constexpr (fn::is<F, actfn::celu>) {
    return elu_d(x, R(f.alpha), R(1), R(f.alpha));
  } else if constexpr (fn::is<F, actfn::mish>) {
    return mish_d(x);
  } else if constexpr (fn::is<F, actfn::hardsigmoid>) {
    return hardsigmoid_d(x);
  } else if constexpr (fn::is<F, actfn::hardswish>) {
    return hardswish_d(x);
  } else if constexpr (fn::is<F, actfn::hardtanh>) {
    return x != x ? x : x > R(f.min_val) && x < R(f.max_val) ? R(1) : R(0);
  } else if constexpr (fn::is<F, actfn::relu6>) {
    return x != x ? x : x > 0 && x < 6 ? R(1) : R(0);
  } else if constexpr (fn::is<F, actfn::softsign>) {
    return softsign_d(x);
  } else if constexpr (fn::is<F, actfn::squared_relu>) {
    return x < 0 ? R(0) : 2 * x;
  } else {
    static_assert(sizeof(F) == 0, "add the function's reference here (tests/functions.hpp)");
  }
}

}  // namespace ref
