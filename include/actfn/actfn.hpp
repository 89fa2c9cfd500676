// actfn/actfn.hpp: all of actfn: sigmoid, tanh, relu, leaky_relu and gelu, and active_isa().
#pragma once

#include "gelu.hpp"
#include "isa.hpp"
#include "leaky_relu.hpp"
#include "relu.hpp"
#include "sigmoid.hpp"
#include "tanh.hpp"

#if defined(ACTFN_EXTERN_KERNELS) || defined(ACTFN_DEFINE_KERNELS)
#include "detail/kernel_instances.hpp"
#endif
