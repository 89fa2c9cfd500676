// actfn/detail/lanes.hpp: picks the widest SIMD batch the compiler targets (from its
// predefined macros), or one plain lane. Kernels are written once over a lane type V, which
// is a batch<L> or L itself, with the operations of lanes_scalar.hpp.
// Adding an ISA (NEON: lanes_neon.hpp) is one more file with the same batch<double> and
// batch<float> members and one more #elif here.
#pragma once

#include <cstddef>
#include <type_traits>

#include "lanes_scalar.hpp"

#if defined(ACTFN_NO_SIMD) || defined(__CUDA_ARCH__)
#define ACTFN_SIMD 0
#elif defined(__AVX512F__)
#include "lanes_avx512.hpp"
#define ACTFN_SIMD 512
#elif defined(__AVX2__) && defined(__FMA__)
#include "lanes_avx2.hpp"
#define ACTFN_SIMD 256
#elif defined(__SSE2__) || defined(_M_X64)
#include "lanes_sse2.hpp"
#define ACTFN_SIMD 128
#else
#define ACTFN_SIMD 0
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

// The element type the transcendental kernels compute T in: double for float (float_kernels.hpp);
// void for the types that run their scalar wide-type kernels in every form.
template <class T>
using kernel_lane = std::conditional_t<std::is_same_v<T, float>, double, void>;

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

}  // namespace actfn::detail
