// bench/naive.hpp: the loop a user writes with <cmath>, for every function of actfn's list and
// GELU's tanh form, each named as its benchmark rows (activations.cpp checks that every function
// has one): textbook formulas, no special cases. The speed benchmark's
// baseline, and with -ffast-math (naive_fast_math.cpp) a peer of its own; the peers' accuracy
// tool measures both.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <tuple>
#include <vector>

namespace naive_impl {

// The loop a user writes with <cmath>: textbook formulas, no special cases.
template <class V, class D>
struct naive {
  const char* name;
  V v;
  D d;
  template <class T>
  void value(const std::vector<T>& x, std::vector<T>& y) const {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = v(x[i]);
  }
  template <class T>
  void derivative(const std::vector<T>& x, std::vector<T>& y) const {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = d(x[i]);
  }
  template <class T>
  void backward(const std::vector<T>& x, const std::vector<T>& g, std::vector<T>& y) const {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = g[i] * d(x[i]);
  }
};
template <class V, class D>
naive(const char*, V, D) -> naive<V, D>;

template <class T>
T naive_sigmoid(T x) {
  return 1 / (1 + std::exp(-x));
}
template <class T>
T naive_phi(T x) {
  return T(0.5) * std::erfc(-x * T(0.70710678118654752));
}
template <class T>
T naive_u(T x) {
  return T(0.79788456080286536) * (x + T(0.044715) * x * x * x);
}

template <class T>
auto naive_functions() {
  return std::make_tuple(
      naive{"sigmoid", [](T x) { return naive_sigmoid(x); },
            [](T x) {
              const T s = naive_sigmoid(x);
              return s * (1 - s);
            }},
      naive{"tanh", [](T x) { return std::tanh(x); },
            [](T x) {
              const T t = std::tanh(x);
              return 1 - t * t;
            }},
      naive{"relu", [](T x) { return std::max(T(0), x); }, [](T x) { return x > 0 ? T(1) : T(0); }},
      naive{"leaky_relu", [](T x) { return x < 0 ? T(0.01) * x : x; },
            [](T x) { return x > 0 ? T(1) : T(0.01); }},
      naive{"gelu", [](T x) { return x * naive_phi(x); },
            [](T x) { return naive_phi(x) + x * std::exp(-x * x / 2) * T(0.3989422804014327); }},
      naive{"gelu_tanh", [](T x) { return T(0.5) * x * (1 + std::tanh(naive_u(x))); },
            [](T x) {
              const T t = std::tanh(naive_u(x));
              return T(0.5) * (1 + t) +
                     T(0.5) * x * (1 - t * t) * T(0.79788456080286536) * (1 + T(0.134145) * x * x);
            }},
      naive{"silu", [](T x) { return x * naive_sigmoid(x); },
            [](T x) {
              const T s = naive_sigmoid(x);
              return s * (1 + x * (1 - s));
            }},
      naive{"softplus", [](T x) { return std::log(1 + std::exp(x)); }, [](T x) { return naive_sigmoid(x); }},
      naive{"log_sigmoid", [](T x) { return std::log(naive_sigmoid(x)); },
            [](T x) { return 1 - naive_sigmoid(x); }},
      naive{"elu", [](T x) { return x > 0 ? x : std::exp(x) - 1; },
            [](T x) { return x > 0 ? T(1) : std::exp(x); }},
      naive{"selu", [](T x) {
            return T(1.0507009873554805) * (x > 0 ? x : T(1.6732632423543772) * (std::exp(x) - 1));
          },
          [](T x) { return x > 0 ? T(1.0507009873554805) : T(1.7580993408473766) * std::exp(x); }},
      naive{"celu", [](T x) { return x > 0 ? x : T(1) * (std::exp(x / T(1)) - 1); },  // α = 1
            [](T x) { return x > 0 ? T(1) : std::exp(x / T(1)); }},
      naive{"mish", [](T x) { return x * std::tanh(std::log(1 + std::exp(x))); },
            [](T x) {
              const T t = std::tanh(std::log(1 + std::exp(x)));
              return t + x * naive_sigmoid(x) * (1 - t * t);
            }},
      // the piecewise family, as PyTorch's CPU kernels write them
      naive{"hardsigmoid", [](T x) { return std::min(std::max(x + 3, T(0)), T(6)) / 6; },
            [](T x) { return x > -3 && x < 3 ? T(1) / 6 : T(0); }},
      naive{"hardswish", [](T x) { return x * std::min(std::max(x + 3, T(0)), T(6)) / 6; },
            [](T x) { return x <= -3 ? T(0)
                             : x < 3 ? x / 3 + T(0.5)
                                     : T(1); }},
      naive{"hardtanh", [](T x) { return std::min(std::max(x, T(-1)), T(1)); },
            [](T x) { return x > -1 && x < 1 ? T(1) : T(0); }},
      naive{"relu6", [](T x) { return std::min(std::max(x, T(0)), T(6)); },
            [](T x) { return x > 0 && x < 6 ? T(1) : T(0); }},
      naive{"softsign", [](T x) { return x / (1 + std::abs(x)); },
            [](T x) { return 1 / ((1 + std::abs(x)) * (1 + std::abs(x))); }},
      naive{"quick_gelu", [](T x) { return x * naive_sigmoid(T(1.702) * x); },
            [](T x) {
              const T s = naive_sigmoid(T(1.702) * x);
              return s * (1 + T(1.702) * x * (1 - s));
            }},
      naive{"squared_relu",
            [](T x) {
              const T r = std::max(T(0), x);
              return r * r;
            },
            [](T x) { return x > 0 ? 2 * x : T(0); }});
}

}  // namespace naive_impl
