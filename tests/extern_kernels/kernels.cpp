// The one translation unit that compiles every span loop (ACTFN_DEFINE_KERNELS), for main.cpp,
// which declares them extern (ACTFN_EXTERN_KERNELS).
#define ACTFN_DEFINE_KERNELS
#include <actfn/actfn.hpp>
