// actfn/isa.hpp: which instruction set the span forms run, and how to cap it.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include <string>
#include <string_view>

#include "detail/config.hpp"
#include "detail/dispatch.hpp"
#include "detail/error.hpp"

namespace actfn {

/// The instruction set the span forms run here: "avx512", "avx2", "sse2", "neon" (AArch64, every
/// build: no dispatch there) or "scalar".
/// A program compiled without -march picks, once per process (at the first call of any
/// actfn function that dispatches), the best its CPU has: AVX-512 (x86-64-v4), AVX2 with FMA
/// (x86-64-v3), else SSE2. The environment variable ACTFN_ISA, read then, caps the choice (a
/// value above what the CPU has gives the best it has; an unknown one is ignored with a line on
/// stderr). Code compiled for a level (-march=x86-64-v3, -march=native) never runs below it, and
/// where that is AVX-512, or with ACTFN_NO_SIMD ("scalar"), there is no dispatch at all.
ACTFN_INLINE std::string_view active_isa() noexcept {
  return detail::k_level_names[detail::ACTFN_STATIC_TARGET::running_level()];
}

/// Caps the instruction set of every later span call in this process, as ACTFN_ISA does, and
/// returns active_isa(): for tests and benchmarks that compare levels in one process. Throws
/// std::invalid_argument for a name other than "avx512", "avx2", "sse2", "neon" or "scalar". Not
/// synchronized with span calls running in other threads (each sees the old or the new level).
inline std::string_view limit_isa(std::string_view name) {
  for (int level = 0; level <= ACTFN_LEVEL_NEON; ++level) {
    if (name == detail::k_level_names[level]) {
      const int cpu = detail::cpu_level();
      detail::requested_level().store(level < cpu ? level : cpu);
      return active_isa();
    }
  }
  detail::invalid_argument("actfn::limit_isa: unknown instruction set \"" + std::string(name) +
                           "\" (avx512, avx2, sse2, neon or scalar)");
}

}  // namespace actfn
