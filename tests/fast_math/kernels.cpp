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
  };
}

template std::vector<entry<float>> entries<float>();
template std::vector<entry<double>> entries<double>();

}  // namespace fm
