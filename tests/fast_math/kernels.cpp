// The library compiled with -ffast-math (this file only; the references and the ULP metric in
// fast_math.cpp are compiled normally). Out-of-line wrappers, one per function and type.
#include "kernels.hpp"

#include <actfn/actfn.hpp>

namespace fm {

template <class T>
std::vector<entry<T>> entries() {
  using actfn::gelu_approximation;
  return {
      {"sigmoid", [](T x) { return actfn::sigmoid<T>{}(x); },
       [](T x) { return actfn::sigmoid<T>{}.derivative(x); }},
      {"tanh", [](T x) { return actfn::tanh<T>{}(x); },
       [](T x) { return actfn::tanh<T>{}.derivative(x); }},
      {"gelu", [](T x) { return actfn::gelu<T>{}(x); },
       [](T x) { return actfn::gelu<T>{}.derivative(x); }},
      {"gelu_tanh", [](T x) { return actfn::gelu<T>{gelu_approximation::tanh}(x); },
       [](T x) { return actfn::gelu<T>{gelu_approximation::tanh}.derivative(x); }},
      {"silu", [](T x) { return actfn::silu<T>{}(x); },
       [](T x) { return actfn::silu<T>{}.derivative(x); }},
      {"softplus", [](T x) { return actfn::softplus<T>{}(x); },
       [](T x) { return actfn::softplus<T>{}.derivative(x); }},
      {"log_sigmoid", [](T x) { return actfn::log_sigmoid<T>{}(x); },
       [](T x) { return actfn::log_sigmoid<T>{}.derivative(x); }},
      {"elu", [](T x) { return actfn::elu<T>{}(x); },
       [](T x) { return actfn::elu<T>{}.derivative(x); }},
      {"mish", [](T x) { return actfn::mish<T>{}(x); },
       [](T x) { return actfn::mish<T>{}.derivative(x); }},
  };
}

template std::vector<entry<float>> entries<float>();
template std::vector<entry<double>> entries<double>();

}  // namespace fm
