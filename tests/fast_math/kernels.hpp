// tests/fast_math/kernels.hpp: the functions of kernels.cpp, compiled there with -ffast-math.
#pragma once

#include <vector>

namespace fm {

template <class T>
struct entry {
  const char* name;
  T (*value)(T);
  T (*derivative)(T);
};

// sigmoid, tanh, gelu, gelu_tanh, silu, softplus, log_sigmoid, elu, mish (relu and leaky_relu
// do no arithmetic fast-math can change; selu and celu are elu's kernel).
template <class T>
std::vector<entry<T>> entries();

}  // namespace fm
