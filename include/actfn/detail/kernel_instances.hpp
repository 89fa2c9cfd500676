// actfn/detail/kernel_instances.hpp: the span loops of every functor, type and level, as
// explicit instantiation declarations (ACTFN_EXTERN_KERNELS: this translation unit compiles
// none of them) or definitions (ACTFN_DEFINE_KERNELS: this one compiles them all). Included by
// actfn.hpp, after every functor. See the README, "Compile-time options", and docs/design.md.
#pragma once

#include <cstddef>

#include "../function_list.hpp"

#if defined(ACTFN_DEFINE_KERNELS)
#define ACTFN_INSTANCE template
#else
#define ACTFN_INSTANCE extern template
#endif

// A program built with ACTFN_EXTERN_KERNELS and no ACTFN_DEFINE_KERNELS translation unit fails to
// link with this symbol's name, which says what is missing, rather than with 90 undefined loops.
// (GCC and Clang: `used` keeps the reference at every optimization level; `weak` lets several
// translation units define the kernels.)
#if defined(__GNUC__) || defined(__clang__)
#if defined(ACTFN_DEFINE_KERNELS)
extern "C" [[gnu::weak]] const int
    actfn_EXTERN_KERNELS_needs_one_translation_unit_with_ACTFN_DEFINE_KERNELS = 1;
#else
extern "C" const int actfn_EXTERN_KERNELS_needs_one_translation_unit_with_ACTFN_DEFINE_KERNELS;
[[gnu::used]] static const int* const actfn_kernels_defined_elsewhere =
    &actfn_EXTERN_KERNELS_needs_one_translation_unit_with_ACTFN_DEFINE_KERNELS;
#endif
#endif

// The three span forms of functor F<T, A> on one level.
#define ACTFN_LOOPS(level, F, A, T)                                                             \
  ACTFN_INSTANCE void actfn::detail::level::loop<actfn::detail::op::value, actfn::F<T, A>, T>( \
      const actfn::F<T, A>&, const T*, const T*, T*, std::size_t) noexcept;                   \
  ACTFN_INSTANCE void                                                                         \
  actfn::detail::level::loop<actfn::detail::op::derivative, actfn::F<T, A>, T>(               \
      const actfn::F<T, A>&, const T*, const T*, T*, std::size_t) noexcept;                   \
  ACTFN_INSTANCE void actfn::detail::level::loop<actfn::detail::op::backward, actfn::F<T, A>, \
                                                 T>(const actfn::F<T, A>&, const T*, const T*, \
                                                    T*, std::size_t) noexcept;
// A function's loops: those of the default tier, which every tier of a `shared` function runs
// (detail/activation.hpp, loop_functor), and each tier's own for a `per_tier` one; a `fast_own`
// one's precise tier runs the default tier's.
#define ACTFN_LOOPS_shared(level, F, T) ACTFN_LOOPS(level, F, actfn::faithful, T)
#define ACTFN_LOOPS_fast_own(level, F, T)   \
  ACTFN_LOOPS(level, F, actfn::faithful, T) \
  ACTFN_LOOPS(level, F, actfn::fast, T)
#define ACTFN_LOOPS_per_tier(level, F, T)        \
  ACTFN_LOOPS(level, F, actfn::faithful, T)      \
  ACTFN_LOOPS(level, F, actfn::precise, T)       \
  ACTFN_LOOPS(level, F, actfn::fast, T)
#define ACTFN_LOOPS_OF(F, kernels, arguments, level, T) ACTFN_LOOPS_##kernels(level, F, T)
// Every function of the list (actfn/function_list.hpp), for T on one level.
#define ACTFN_LOOPS_ALL(level, T) ACTFN_FUNCTIONS(ACTFN_LOOPS_OF, level, T)
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
#undef ACTFN_LOOPS_OF
#undef ACTFN_LOOPS_per_tier
#undef ACTFN_LOOPS_shared
#undef ACTFN_LOOPS_fast_own
#undef ACTFN_LOOPS
#undef ACTFN_INSTANCE
