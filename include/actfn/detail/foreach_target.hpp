// actfn/detail/foreach_target.hpp: includes the file named by ACTFN_TARGET_INCLUDE once for each
// level this translation unit compiles (detail/targets.hpp), with ACTFN_TARGET set to that
// level's namespace and ACTFN_TARGET_LEVEL to the level; above the static level, inside that
// level's target region. No include guard: every including header brings its own file.
//
//   #define ACTFN_TARGET_INCLUDE "kernels/sigmoid.hpp"   (relative to this folder)
//   #include "foreach_target.hpp"

#include "targets.hpp"

#if !defined(ACTFN_TARGET_INCLUDE)
#error "define ACTFN_TARGET_INCLUDE before including actfn/detail/foreach_target.hpp"
#endif

#if ACTFN_STATIC_LEVEL == ACTFN_LEVEL_SCALAR
#define ACTFN_TARGET ACTFN_STATIC_TARGET
#define ACTFN_TARGET_LEVEL ACTFN_LEVEL_SCALAR
ACTFN_BEGIN_KERNELS
#include ACTFN_TARGET_INCLUDE
ACTFN_END_KERNELS
#undef ACTFN_TARGET
#undef ACTFN_TARGET_LEVEL
#endif

#if ACTFN_COMPILES(ACTFN_LEVEL_SSE2)  // only ever static: SSE2 is x86-64's baseline
#define ACTFN_TARGET sse2
#define ACTFN_TARGET_LEVEL ACTFN_LEVEL_SSE2
ACTFN_BEGIN_KERNELS
#include ACTFN_TARGET_INCLUDE
ACTFN_END_KERNELS
#undef ACTFN_TARGET
#undef ACTFN_TARGET_LEVEL
#endif

#if ACTFN_COMPILES(ACTFN_LEVEL_AVX2)
#define ACTFN_TARGET avx2
#define ACTFN_TARGET_LEVEL ACTFN_LEVEL_AVX2
#if ACTFN_STATIC_LEVEL < ACTFN_LEVEL_AVX2
ACTFN_BEGIN_TARGET(ACTFN_AVX2_FEATURES)
ACTFN_BEGIN_KERNELS
#include ACTFN_TARGET_INCLUDE
ACTFN_END_KERNELS
ACTFN_END_TARGET
#else
ACTFN_BEGIN_KERNELS
#include ACTFN_TARGET_INCLUDE
ACTFN_END_KERNELS
#endif
#undef ACTFN_TARGET
#undef ACTFN_TARGET_LEVEL
#endif

#if ACTFN_COMPILES(ACTFN_LEVEL_AVX512)
#define ACTFN_TARGET avx512
#define ACTFN_TARGET_LEVEL ACTFN_LEVEL_AVX512
#if ACTFN_STATIC_LEVEL < ACTFN_LEVEL_AVX512
ACTFN_BEGIN_TARGET(ACTFN_AVX512_FEATURES)
ACTFN_BEGIN_KERNELS
#include ACTFN_TARGET_INCLUDE
ACTFN_END_KERNELS
ACTFN_END_TARGET
#else
ACTFN_BEGIN_KERNELS
#include ACTFN_TARGET_INCLUDE
ACTFN_END_KERNELS
#endif
#undef ACTFN_TARGET
#undef ACTFN_TARGET_LEVEL
#endif

#if ACTFN_STATIC_LEVEL == ACTFN_LEVEL_NEON  // AArch64: static, never dispatched
#define ACTFN_TARGET neon
#define ACTFN_TARGET_LEVEL ACTFN_LEVEL_NEON
ACTFN_BEGIN_KERNELS
#include ACTFN_TARGET_INCLUDE
ACTFN_END_KERNELS
#undef ACTFN_TARGET
#undef ACTFN_TARGET_LEVEL
#endif

#undef ACTFN_TARGET_INCLUDE
