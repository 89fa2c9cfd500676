// actfn/detail/targets.hpp: which instruction sets this translation unit compiles kernels for.
//
// The static target is what the compiler's flags give (-march): its kernels are compiled as
// ordinary code, inlined into scalar calls, and are the whole library where it is the best
// level actfn has (AVX-512, NEON on AArch64) or where there is no runtime dispatch
// (ACTFN_NO_SIMD, compilers other than GCC and Clang, other architectures). Above it, each level
// actfn has is compiled again inside a target region (detail/foreach_target.hpp), and the span
// forms pick one per process by CPUID (detail/dispatch.hpp).
//
// Every target's code lives in its own namespace, named by its level (sse2, avx2, avx512, neon;
// scalar for plain lanes), so the linker never merges an AVX-512 copy of an inline function with
// one that runs on an older CPU.
#pragma once

// Levels, in order on x86-64: each one's CPU has the ones below. NEON is AArch64's only one.
#define ACTFN_LEVEL_SCALAR 0
#define ACTFN_LEVEL_SSE2 1
#define ACTFN_LEVEL_AVX2 2    // x86-64-v3: AVX2, FMA, BMI1/2, F16C, LZCNT, MOVBE
#define ACTFN_LEVEL_AVX512 3  // x86-64-v4: AVX-512 F, BW, CD, DQ, VL
#define ACTFN_LEVEL_NEON 4    // AArch64 Advanced SIMD (FMA included)

#if defined(ACTFN_NO_SIMD) || defined(__CUDA_ARCH__)
#define ACTFN_STATIC_LEVEL ACTFN_LEVEL_SCALAR
#elif defined(__aarch64__) && defined(__ARM_NEON) && (defined(__GNUC__) || defined(__clang__))
#define ACTFN_STATIC_LEVEL ACTFN_LEVEL_NEON
#elif !(defined(__x86_64__) || defined(_M_X64))
#define ACTFN_STATIC_LEVEL ACTFN_LEVEL_SCALAR
#elif defined(__AVX512F__)
#define ACTFN_STATIC_LEVEL ACTFN_LEVEL_AVX512
#elif defined(__AVX2__) && defined(__FMA__)
#define ACTFN_STATIC_LEVEL ACTFN_LEVEL_AVX2
#else
#define ACTFN_STATIC_LEVEL ACTFN_LEVEL_SSE2
#endif

// Runtime dispatch needs target regions (GCC, Clang) and a level above the static one (x86-64).
#if ACTFN_STATIC_LEVEL != ACTFN_LEVEL_SCALAR && ACTFN_STATIC_LEVEL < ACTFN_LEVEL_AVX512 && \
    (defined(__GNUC__) || defined(__clang__))
#define ACTFN_DISPATCH 1
#else
#define ACTFN_DISPATCH 0
#endif

// Whether a plain lane's std::fma is one instruction, from the compiler's own macros only (not
// <cmath>'s FP_FAST_FMA, which would depend on include order): GCC says so with __FP_FAST_FMA,
// Clang does not (its __FMA__ on x86 and __ARM_FEATURE_FMA on Arm do); GPUs always have it.
#if defined(__FP_FAST_FMA) || defined(__FMA__) || defined(__ARM_FEATURE_FMA) || \
    defined(__CUDA_ARCH__)
#define ACTFN_PLAIN_FMA 1
#else
#define ACTFN_PLAIN_FMA 0
#endif

// The static target's namespace. Plain lanes compiled with FMA get their own name: their
// results differ from those compiled without.
#if ACTFN_STATIC_LEVEL == ACTFN_LEVEL_AVX512
#define ACTFN_STATIC_TARGET avx512
#elif ACTFN_STATIC_LEVEL == ACTFN_LEVEL_AVX2
#define ACTFN_STATIC_TARGET avx2
#elif ACTFN_STATIC_LEVEL == ACTFN_LEVEL_SSE2
#define ACTFN_STATIC_TARGET sse2
#elif ACTFN_STATIC_LEVEL == ACTFN_LEVEL_NEON
#define ACTFN_STATIC_TARGET neon
#elif ACTFN_PLAIN_FMA
#define ACTFN_STATIC_TARGET scalar_fma
#else
#define ACTFN_STATIC_TARGET scalar
#endif

// Whether this translation unit compiles the kernels of a level: the static one, and where it
// dispatches, the x86-64 levels above it.
#define ACTFN_COMPILES(level)       \
  (ACTFN_STATIC_LEVEL == (level) || \
   (ACTFN_DISPATCH && (level) > ACTFN_STATIC_LEVEL && (level) <= ACTFN_LEVEL_AVX512))

#if ACTFN_STATIC_LEVEL == ACTFN_LEVEL_NEON
#include <arm_neon.h>
#elif ACTFN_STATIC_LEVEL != ACTFN_LEVEL_SCALAR
// Outside every target region: the intrinsics carry their own target attributes.
#include <immintrin.h>
#endif

// The target regions: every function defined between ACTFN_BEGIN_TARGET(features) and
// ACTFN_END_TARGET is compiled for those features. (GCC ignores the pragma for friend functions
// defined inside a class, so the lane files define their operations at namespace scope.)
#define ACTFN_PRAGMA(x) _Pragma(#x)
#if defined(__clang__)
#define ACTFN_BEGIN_TARGET(features) \
  ACTFN_PRAGMA(clang attribute push(__attribute__((target(features))), apply_to = function))
#define ACTFN_END_TARGET _Pragma("clang attribute pop")
#elif defined(__GNUC__)
#define ACTFN_BEGIN_TARGET(features) _Pragma("GCC push_options") ACTFN_PRAGMA(GCC target(features))
#define ACTFN_END_TARGET _Pragma("GCC pop_options")
#endif

// Around every target's code: Clang contracts a·b + c in one expression into an FMA by default,
// in the plain lanes' code but not across the batches' intrinsic calls, which would make a
// scalar call and a span differ; this turns that off there. (GCC contracts both alike; where a
// kernel needs a product rounded, detail/target/lanes.hpp's rounded() says so.)
#if defined(__clang__)
#define ACTFN_BEGIN_KERNELS _Pragma("float_control(push)") _Pragma("clang fp contract(off)")
#define ACTFN_END_KERNELS _Pragma("float_control(pop)")
#else
#define ACTFN_BEGIN_KERNELS
#define ACTFN_END_KERNELS
#endif
#define ACTFN_AVX2_FEATURES "avx,avx2,bmi,bmi2,f16c,fma,lzcnt,movbe,popcnt"
#define ACTFN_AVX512_FEATURES \
  "avx,avx2,bmi,bmi2,f16c,fma,lzcnt,movbe,popcnt,avx512f,avx512bw,avx512cd,avx512dq,avx512vl"
