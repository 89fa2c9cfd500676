// The translation unit of the CMake target actfn::kernels: every span loop of every functor,
// type and level, compiled once per program; the target's consumers only declare them
// (ACTFN_EXTERN_KERNELS, which the target sets for them).
#define ACTFN_DEFINE_KERNELS
#include <actfn/actfn.hpp>
