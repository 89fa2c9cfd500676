// actfn/detail/core.hpp: the lane layer and shared kernel blocks of every target this
// translation unit compiles (detail/targets.hpp), and the dispatcher the span forms call.
#pragma once

#include <bit>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>
#include <utility>

#include "config.hpp"
#include "dispatch.hpp"
#include "exp_table.hpp"
#include "targets.hpp"

namespace actfn::detail {

// The three span forms: y = f(x), d = f'(x), grad_in = grad_out·f'(x).
enum class op { value, derivative, backward };

}  // namespace actfn::detail

#define ACTFN_TARGET_INCLUDE "target/core.hpp"
#include "foreach_target.hpp"

namespace actfn::detail::ACTFN_STATIC_TARGET {

// The span form O of functor f over n elements (g is read by backward only): F's kernels on
// the lanes of the level this process runs, through one indirect call, or directly where this
// translation unit compiles a single level or F has no lane kernels for T (long double).
template <op O, class F, class T>
ACTFN_INLINE void run(const F& f, const T* x, const T* g, T* y, std::size_t n) {
  if constexpr (O != op::backward) g = x;  // never read: a valid pointer for g + i
#if ACTFN_DISPATCH
  if constexpr (!std::is_void_v<typename kernel<typename F::kernel_tag>::template lane<T>>) {
    using loop_t = void (*)(const F&, const T*, const T*, T*, std::size_t) noexcept;
    static constexpr loop_t loops[] = {
#if ACTFN_COMPILES(ACTFN_LEVEL_SSE2)
      &sse2::loop<O, F, T>,
#endif
#if ACTFN_COMPILES(ACTFN_LEVEL_AVX2)
      &avx2::loop<O, F, T>,
#endif
      &avx512::loop<O, F, T>
    };
    return loops[running_level() - ACTFN_STATIC_LEVEL](f, x, g, y, n);
  }
#endif
  loop<O, F, T>(f, x, g, y, n);
}

// The gated unit's span form O (detail/target/loops.hpp, gated_loop), dispatched as `run`.
template <op O, class F, class T>
ACTFN_INLINE void run_gated(const F& f, const T* a, const T* b, const T* g, T* ya, T* yb,
                            std::size_t n) {
#if ACTFN_DISPATCH
  if constexpr (!std::is_void_v<typename kernel<typename F::kernel_tag>::template lane<T>>) {
    using loop_t = void (*)(const F&, const T*, const T*, const T*, T*, T*, std::size_t) noexcept;
    static constexpr loop_t loops[] = {
#if ACTFN_COMPILES(ACTFN_LEVEL_SSE2)
      &sse2::gated_loop<O, F, T>,
#endif
#if ACTFN_COMPILES(ACTFN_LEVEL_AVX2)
      &avx2::gated_loop<O, F, T>,
#endif
      &avx512::gated_loop<O, F, T>
    };
    return loops[running_level() - ACTFN_STATIC_LEVEL](f, a, b, g, ya, yb, n);
  }
#endif
  gated_loop<O, F, T>(f, a, b, g, ya, yb, n);
}

}  // namespace actfn::detail::ACTFN_STATIC_TARGET
