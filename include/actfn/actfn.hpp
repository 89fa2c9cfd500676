// actfn/actfn.hpp: all of actfn: sigmoid, tanh, relu, leaky_relu, gelu, silu, softplus,
// log_sigmoid, elu, selu, celu and mish, and active_isa().
#pragma once

#include "celu.hpp"
#include "elu.hpp"
#include "gelu.hpp"
#include "isa.hpp"
#include "leaky_relu.hpp"
#include "log_sigmoid.hpp"
#include "mish.hpp"
#include "relu.hpp"
#include "selu.hpp"
#include "sigmoid.hpp"
#include "silu.hpp"
#include "softplus.hpp"
#include "tanh.hpp"

#if defined(ACTFN_EXTERN_KERNELS) || defined(ACTFN_DEFINE_KERNELS)
#include "detail/kernel_instances.hpp"
#endif
