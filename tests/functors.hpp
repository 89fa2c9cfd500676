// The functors the span tests run, every one of each element type (tests/spans.cpp,
// tests/spans_sweep.cpp: two translation units, so that the build's two cores share them).
#pragma once

#include <actfn/actfn.hpp>
#include <tuple>
#include <type_traits>
#include <vector>

#include "accuracy.hpp"

namespace span_tests {

template <class T>
inline std::vector<T> some_inputs() {
  std::vector<T> x = acc::special_inputs<T>();
  for (int i = -80; i <= 80; ++i) x.push_back(static_cast<T>(i) / 8);
  return x;
}

// Every functor of one element type, parameterised ones in each of their modes.
template <class T>
auto all_functors() {
  return std::make_tuple(
      actfn::sigmoid<T>{}, actfn::sigmoid<T, actfn::precise>{}, actfn::tanh<T>{},
      actfn::tanh<T, actfn::precise>{}, actfn::relu<T>{}, actfn::leaky_relu<T>{},
      actfn::leaky_relu<T>(T(0.3)), actfn::gelu<T>{},
      actfn::gelu<T>(actfn::gelu_approximation::tanh), actfn::silu<T>{}, actfn::silu<T>(T(1.702)),
      actfn::softplus<T>{}, actfn::softplus<T>(T(2)), actfn::log_sigmoid<T>{}, actfn::elu<T>{},
      actfn::elu<T>(T(0.5)), actfn::selu<T>{}, actfn::celu<T>(T(0.7)), actfn::mish<T>{},
      actfn::hardsigmoid<T>{}, actfn::hardswish<T>{}, actfn::hardtanh<T>{},
      actfn::hardtanh<T>(T(-0.5), T(2)), actfn::relu6<T>{}, actfn::softsign<T>{});
}

// Where a functor's derivative has a root (GELU's, SiLU's, Mish's), and the absolute tolerance
// there.
template <class F>
acc::root_window derivative_root(const F& f, double scale = 1) {
  using T = typename F::value_type;
  acc::root_window w{};
  if constexpr (std::is_same_v<F, actfn::gelu<T>>) w = acc::gelu_derivative_root<T>;
  if constexpr (std::is_same_v<F, actfn::silu<T>>) w = acc::root_at<T>(acc::k_silu_root / f.beta);
  if constexpr (std::is_same_v<F, actfn::mish<T>>) w = acc::root_at<T>(acc::k_mish_root, 0.5L);
  w.abs_tol *= scale;
  return w;
}

template <class T, class Fn>
void for_each_functor(Fn fn) {
  std::apply([&](const auto&... f) { (fn(f), ...); }, all_functors<T>());
}

}  // namespace span_tests
