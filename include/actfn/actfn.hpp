// actfn/actfn.hpp: all of actfn: every function of the list (function_list.hpp, ACTFN_FUNCTIONS:
// sigmoid, tanh, the ReLU family, GELU, SiLU, quick GELU, softplus, log-sigmoid, the ELU family,
// Mish, the hard ones, softsign, squared ReLU); the gated units (gated, swiglu, geglu, reglu, glu,
// clamped_swiglu); softmax and log_softmax over rows; the 16-bit types (float16, bfloat16);
// active_isa() and limit_isa(); the version macros (version.hpp).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include "celu.hpp"
#include "clamped_swiglu.hpp"
#include "elu.hpp"
#include "function_list.hpp"
#include "gated.hpp"
#include "gelu.hpp"
#include "half.hpp"
#include "hardsigmoid.hpp"
#include "hardswish.hpp"
#include "hardtanh.hpp"
#include "isa.hpp"
#include "leaky_relu.hpp"
#include "log_sigmoid.hpp"
#include "mish.hpp"
#include "quick_gelu.hpp"
#include "relu.hpp"
#include "relu6.hpp"
#include "selu.hpp"
#include "sigmoid.hpp"
#include "silu.hpp"
#include "softmax.hpp"
#include "softplus.hpp"
#include "softsign.hpp"
#include "squared_relu.hpp"
#include "tanh.hpp"
#include "version.hpp"

#if defined(ACTFN_EXTERN_KERNELS) || defined(ACTFN_DEFINE_KERNELS)
#include "detail/kernel_instances.hpp"
#endif
