// actfn/detail/lanes.hpp: picks the widest SIMD batch the compiler targets (from its
// predefined macros), or one plain lane. Kernels are written once over a lane type V, which
// is a batch<L> or L itself, with the operations of lanes_scalar.hpp.
// Adding an ISA (NEON: lanes_neon.hpp) is one more file with the same batch<double> and
// batch<float> members and one more #elif here.
#pragma once

#include <cstddef>
#include <type_traits>

#include "lanes_scalar.hpp"

// ACTFN_FUSED_MADD: whether madd rounds once, which the double kernels' exact residuals need.
#if defined(ACTFN_NO_SIMD) || defined(__CUDA_ARCH__)
#define ACTFN_SIMD 0
#elif defined(__AVX512F__)
#include "lanes_avx512.hpp"
#define ACTFN_SIMD 512
#define ACTFN_FUSED_MADD 1
#elif defined(__AVX2__) && defined(__FMA__)
#include "lanes_avx2.hpp"
#define ACTFN_SIMD 256
#define ACTFN_FUSED_MADD 1
#elif defined(__SSE2__) || defined(_M_X64)
#include "lanes_sse2.hpp"
#define ACTFN_SIMD 128
#define ACTFN_FUSED_MADD 0
#else
#define ACTFN_SIMD 0
#endif
#if !ACTFN_SIMD
#if defined(FP_FAST_FMA)
#define ACTFN_FUSED_MADD 1
#else
#define ACTFN_FUSED_MADD 0
#endif
#endif

namespace actfn::detail {

// The lane type for element type L (double or float): a batch, or L itself without SIMD.
#if ACTFN_SIMD
template <class L>
using lanes_of = batch<L>;
#else
template <class L>
using lanes_of = L;
#endif

// The element type the transcendental kernels compute T in: double for float
// (float_kernels.hpp), double for double where madd is fused and -ffast-math is off
// (double_kernels.hpp); void for
// the types that run their scalar wide-type kernels in every form (long double, and double
// without FMA, where the x87 long double path is the accurate one).
#if ACTFN_FUSED_MADD && !defined(__FAST_MATH__)
inline constexpr bool double_kernels_on = true;
#else
inline constexpr bool double_kernels_on = false;
#endif
template <class T>
using kernel_lane =
    std::conditional_t<std::is_same_v<T, float> || (std::is_same_v<T, double> && double_kernels_on),
                       double, void>;
// T itself for the exact piecewise-linear functions (ReLU, Leaky ReLU), which need no wider type.
template <class T>
using native_lane = std::conditional_t<std::is_same_v<T, long double>, void, T>;

template <class V>
inline constexpr std::size_t width = 1;
#if ACTFN_SIMD
template <class L>
inline constexpr std::size_t width<batch<L>> = batch<L>::size;
#endif

template <class V, class T>
V load(const T* p) noexcept {
  if constexpr (std::is_floating_point_v<V>) {
    return static_cast<V>(*p);
  } else {
    return V::load(p);
  }
}
template <class V, class T>
void store(T* p, V v) noexcept {
  if constexpr (std::is_floating_point_v<V>) {
    *p = static_cast<T>(v);
  } else {
    v.store(p);
  }
}
template <std::floating_point S>
S first(S v) noexcept {
  return v;
}

// The (leaky) ReLU step: 1 for x > 0, below for x ≤ 0, NaN for NaN (lanes_avx512.hpp: one
// instruction).
template <class V>
V step(V x, V below) noexcept {
  return select(x > V(0), V(1), select(x <= V(0), below, x));
}

// v, as rounded: a barrier to FMA contraction. GCC's default -ffp-contract=fast would fuse
// p = a·b into a later p + c, after the kernel has captured p's rounding error separately as
// fma(a, b, -p), counting that error twice (measured: 1.26 ULP for double σ'). No instruction.
template <class V>
V rounded(V v) noexcept {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  if constexpr (std::is_floating_point_v<V>) {
    asm("" : "+v"(v));
  } else {
    asm("" : "+v"(v.v));
  }
#elif defined(__GNUC__) && defined(__aarch64__)
  asm("" : "+w"(v));
#elif defined(__GNUC__)
  asm("" : "+m"(v));
#endif
  return v;
}

}  // namespace actfn::detail
