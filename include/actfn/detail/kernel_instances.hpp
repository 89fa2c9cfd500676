// actfn/detail/kernel_instances.hpp: the span loops of every functor, type and level, as
// explicit instantiation declarations (ACTFN_EXTERN_KERNELS: this translation unit compiles
// none of them) or definitions (ACTFN_DEFINE_KERNELS: this one compiles them all). Included by
// actfn.hpp, after every functor. See the README, "Compile time".
#pragma once

#include <cstddef>

#if defined(ACTFN_DEFINE_KERNELS)
#define ACTFN_INSTANCE template
#else
#define ACTFN_INSTANCE extern template
#endif

// The three span forms of functor F<T> on one level.
#define ACTFN_LOOPS(level, F, T)                                                          \
  ACTFN_INSTANCE void actfn::detail::level::loop<actfn::detail::op::value, F<T>, T>(      \
      const F<T>&, const T*, const T*, T*, std::size_t) noexcept;                         \
  ACTFN_INSTANCE void actfn::detail::level::loop<actfn::detail::op::derivative, F<T>, T>( \
      const F<T>&, const T*, const T*, T*, std::size_t) noexcept;                         \
  ACTFN_INSTANCE void actfn::detail::level::loop<actfn::detail::op::backward, F<T>, T>(   \
      const F<T>&, const T*, const T*, T*, std::size_t) noexcept;
namespace actfn::detail {
// The functors whose tiers run different kernels, in the tier that is not the default.
template <class T>
using precise_sigmoid = actfn::sigmoid<T, actfn::precise>;
template <class T>
using precise_tanh = actfn::tanh<T, actfn::precise>;
template <class T>
using fast_sigmoid = actfn::sigmoid<T, actfn::fast>;
template <class T>
using fast_tanh = actfn::tanh<T, actfn::fast>;
}  // namespace actfn::detail

#define ACTFN_LOOPS_ALL(level, T)                       \
  ACTFN_LOOPS(level, actfn::sigmoid, T)                 \
  ACTFN_LOOPS(level, actfn::detail::precise_sigmoid, T) \
  ACTFN_LOOPS(level, actfn::detail::fast_sigmoid, T)    \
  ACTFN_LOOPS(level, actfn::tanh, T)                    \
  ACTFN_LOOPS(level, actfn::detail::precise_tanh, T)    \
  ACTFN_LOOPS(level, actfn::detail::fast_tanh, T)       \
  ACTFN_LOOPS(level, actfn::relu, T)                    \
  ACTFN_LOOPS(level, actfn::leaky_relu, T)              \
  ACTFN_LOOPS(level, actfn::gelu, T)                    \
  ACTFN_LOOPS(level, actfn::silu, T)                    \
  ACTFN_LOOPS(level, actfn::softplus, T)                \
  ACTFN_LOOPS(level, actfn::log_sigmoid, T)             \
  ACTFN_LOOPS(level, actfn::elu, T)                     \
  ACTFN_LOOPS(level, actfn::selu, T)                    \
  ACTFN_LOOPS(level, actfn::celu, T)                    \
  ACTFN_LOOPS(level, actfn::mish, T)                    \
  ACTFN_LOOPS(level, actfn::hardsigmoid, T)             \
  ACTFN_LOOPS(level, actfn::hardswish, T)               \
  ACTFN_LOOPS(level, actfn::hardtanh, T)                \
  ACTFN_LOOPS(level, actfn::relu6, T)                   \
  ACTFN_LOOPS(level, actfn::softsign, T)
// float and double on every level this translation unit compiles (the dispatcher's table);
// long double on the static one only (its wide-type kernels, one value at a time).
#define ACTFN_LOOPS_LEVEL(level) ACTFN_LOOPS_ALL(level, float) ACTFN_LOOPS_ALL(level, double)

ACTFN_LOOPS_ALL(ACTFN_STATIC_TARGET, long double)
#if ACTFN_STATIC_LEVEL == ACTFN_LEVEL_SCALAR
ACTFN_LOOPS_LEVEL(ACTFN_STATIC_TARGET)
#endif
#if ACTFN_COMPILES(ACTFN_LEVEL_SSE2)
ACTFN_LOOPS_LEVEL(sse2)
#endif
#if ACTFN_COMPILES(ACTFN_LEVEL_AVX2)
ACTFN_LOOPS_LEVEL(avx2)
#endif
#if ACTFN_COMPILES(ACTFN_LEVEL_AVX512)
ACTFN_LOOPS_LEVEL(avx512)
#endif
#if ACTFN_COMPILES(ACTFN_LEVEL_NEON)
ACTFN_LOOPS_LEVEL(neon)
#endif

#undef ACTFN_LOOPS_LEVEL
#undef ACTFN_LOOPS_ALL
#undef ACTFN_LOOPS
#undef ACTFN_INSTANCE
