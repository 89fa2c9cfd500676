// actfn/detail/config.hpp: the element-type concept, the wide type every kernel computes
// in, and the error path shared by all span entry points.
#pragma once

#include "cxx20.hpp"

#include <cfloat>
#include <concepts>
#include <type_traits>

#include "../half.hpp"
#include "../tier.hpp"

// ACTFN_NO_SIMD: define it to force the portable path: the same kernels on one plain lane
// instead of the SSE2 / AVX2+FMA / AVX-512 batches that detail/lanes.hpp picks from the
// compiler's target macros. Results stay within the same bounds (CI runs the suite with it).

// ACTFN_INLINE: the lane kernels are inlined into the span loops whatever the inliner's size
// heuristics say (GCC 12 at -O3 -msse2 kept sigmoid's out of line, calling it per batch: 1.7×
// slower).
#if defined(__GNUC__) || defined(__clang__)
#define ACTFN_ALWAYS_INLINE [[gnu::always_inline]]
#else
#define ACTFN_ALWAYS_INLINE
#endif
#define ACTFN_INLINE ACTFN_ALWAYS_INLINE inline
// The span loops, each compiled once per level, functor and form (backward calls derivative's).
#if defined(__GNUC__) || defined(__clang__)
#define ACTFN_NOINLINE [[gnu::noinline]]
#else
#define ACTFN_NOINLINE
#endif

// Scalar calls are callable from CUDA device code when the header is compiled by nvcc.
#if defined(__CUDACC__)
#define ACTFN_HOST_DEVICE __host__ __device__
#else
#define ACTFN_HOST_DEVICE
#endif

// The builtin, not std::is_constant_evaluated(): libstdc++ 12 writes that with C++23's
// `if consteval`, which Clang 14 gets wrong (true at run time, measured), and nvcc's device
// code may not call it.
#if defined(__GNUC__) || defined(__clang__) || defined(__CUDACC__)
#define ACTFN_IS_CONSTANT_EVALUATED() __builtin_is_constant_evaluated()
#else
#define ACTFN_IS_CONSTANT_EVALUATED() std::is_constant_evaluated()
#endif

namespace actfn {

/// The element types actfn computes with: float, double, long double, and the 16-bit types
/// actfn::float16 and actfn::bfloat16 (and _Float16 / std::bfloat16_t where the compiler has
/// them). `actfn::sigmoid<int>` fails here, with the concept's name in the diagnostic.
template <class T>
concept floating_point = std::floating_point<T> || detail::is_binary16<T>;

/// The type of a functor's parameters (Leaky ReLU's slope, ELU's α, SiLU's β, hardtanh's
/// bounds): T, and float for a 16-bit T, which is computed in float's precision or wider and
/// rounded once: leaky_relu<bfloat16>'s default slope is 0.01f, not 0.01 rounded to bfloat16
/// (0.010009765625). PyTorch keeps a bf16 module's scalars the same way.
template <floating_point T>
using parameter_t = std::conditional_t<detail::is_binary16<T>, float, T>;

namespace detail {

// x, hidden from the optimizer under -ffast-math, whose algebra would otherwise fold an
// error term such as (a + b) - a - b, or fma(a, b, -a·b), to 0 and lose what it carries
// (measured: double GELU-tanh grows from 0.501 to 1.38 ULP). Free in every other build.
template <class W>
ACTFN_HOST_DEVICE constexpr W opaque(W x) noexcept {
#if defined(__FAST_MATH__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__CUDA_ARCH__)
  if (!ACTFN_IS_CONSTANT_EVALUATED()) asm("" : "+m"(x));
#endif
  return x;
}

// The wide-type kernels (*_kernel.hpp: constant evaluation, CUDA device code, long double, and
// double where the SIMD double kernels are off) run in a type wider than T and round once at
// the end: measured (tests/, docs/accuracy.md) double stays within 0.51 ULP. long double has no
// wider type and is computed as is (within 4 ULP, derivatives 8); where long double is double
// (MSVC), double is too, and loses its margin (documented in docs/accuracy.md).
template <class T>
struct wide {
  using type = T;
};
template <>
struct wide<float> {
  using type = double;
};
// GPUs have no long double: device code computes double in double.
template <>
struct wide<double> {
#if defined(__CUDA_ARCH__)
  using type = double;
#else
  using type = std::conditional_t<(LDBL_MANT_DIG > DBL_MANT_DIG), long double, double>;
#endif
};
// A 16-bit T is computed in double: its products with a float parameter are exact there, so
// the one rounding is the final one to T.
template <class T>
requires is_binary16<T>
struct wide<T> {
  using type = double;
};
template <class T>
using wide_t = typename wide<T>::type;

// x as the type the functors' own scalar arithmetic (ReLU, Leaky ReLU, hardtanh) runs in: T
// itself, and double for a 16-bit T (as wide_t).
template <class T>
ACTFN_HOST_DEVICE constexpr auto operand(T x) noexcept {
  if constexpr (is_binary16<T>) {
    return static_cast<double>(x);
  } else {
    return x;
  }
}

// Under -ffast-math a compiler may turn float(tanh(double(x))) back into tanhf(x) (Clang 14
// does: 2.1 ULP); hiding the widened value from it (opaque) keeps the wide computation.
template <class T>
ACTFN_HOST_DEVICE constexpr wide_t<T> widen(T x) noexcept {
  return opaque(static_cast<wide_t<T>>(x));
}

}  // namespace detail
}  // namespace actfn
