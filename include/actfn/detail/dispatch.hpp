// actfn/detail/dispatch.hpp: which level runs the span forms in this process, and the one
// indirect call per span that picks its kernels.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "config.hpp"
#include "targets.hpp"

// CPUID where dispatch can happen. Every function here has the same body in every translation
// unit whatever its -march (the linker keeps one copy of each).
#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
#define ACTFN_HAS_CPUID 1
#include <cpuid.h>
#else
#define ACTFN_HAS_CPUID 0
#endif

namespace actfn::detail {

inline constexpr const char* k_level_names[] = {"scalar", "sse2", "avx2", "avx512", "neon"};

// The best level this CPU and its operating system support: CPUID for the instructions,
// XGETBV for the OS saving the YMM (and ZMM, mask) registers.
inline int cpu_level() noexcept {
#if ACTFN_HAS_CPUID
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return ACTFN_LEVEL_SSE2;
  const bool fma = c & bit_FMA, movbe = c & bit_MOVBE, popcnt = c & bit_POPCNT;
  const bool f16c = c & bit_F16C, osxsave = c & bit_OSXSAVE, avx = c & bit_AVX;
  if (!(osxsave && avx && fma && movbe && popcnt && f16c)) return ACTFN_LEVEL_SSE2;
  unsigned xcr0_lo = 0;  // XCR0's low half: the state components the OS saves
  __asm__("xgetbv" : "=a"(xcr0_lo) : "c"(0) : "edx");
  if ((xcr0_lo & 0x6) != 0x6) return ACTFN_LEVEL_SSE2;  // XMM and YMM state
  __cpuid_count(7, 0, a, b, c, d);
  const bool avx2 = b & bit_AVX2, bmi1 = b & bit_BMI, bmi2 = b & bit_BMI2;
  unsigned ea = 0, eb = 0, ec = 0, ed = 0;
  __get_cpuid(0x80000001, &ea, &eb, &ec, &ed);
  if (!(avx2 && bmi1 && bmi2 && (ec & bit_LZCNT))) return ACTFN_LEVEL_SSE2;
  const bool v4 = (b & bit_AVX512F) && (b & bit_AVX512BW) && (b & bit_AVX512CD) &&
                  (b & bit_AVX512DQ) && (b & bit_AVX512VL);
  if (!v4 || (xcr0_lo & 0xE6) != 0xE6) return ACTFN_LEVEL_AVX2;  // + opmask, ZMM state
  return ACTFN_LEVEL_AVX512;
#elif defined(__aarch64__)
  return ACTFN_LEVEL_NEON;  // Advanced SIMD is part of AArch64
#else
  return ACTFN_LEVEL_SCALAR;
#endif
}

// The level ACTFN_ISA names, or -1 (nothing set) or -2 (unknown name).
inline int level_named(const char* name) noexcept {
  if (name == nullptr || *name == '\0') return -1;
  for (int l = 0; l <= ACTFN_LEVEL_NEON; ++l) {
    if (std::strcmp(name, k_level_names[l]) == 0) return l;
  }
  return -2;
}

// The level the process asks for: the CPU's, capped by ACTFN_ISA (read once, at first use).
inline int first_level() noexcept {
  const int cpu = cpu_level();
  const char* env = std::getenv("ACTFN_ISA");
  const int named = level_named(env);
  if (named == -2) {
    std::fprintf(stderr, "actfn: ignoring ACTFN_ISA=%s (not scalar, sse2, avx2, avx512 or neon)\n",
                 env);
  }
  return named >= 0 && named < cpu ? named : cpu;
}

// The process-wide requested level: initialized once, thread-safely, at first use (a function's
// static), then read and changed (actfn::limit_isa) atomically: by the compiler's builtins,
// which cost no header (<atomic> is a quarter of a second of every translation unit).
struct level_cell {
  int value;
  int load() const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __atomic_load_n(&value, __ATOMIC_RELAXED);
#else
    return value;           // no dispatch without GCC or Clang: the value is never changed
#endif
  }
  void store(int v) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __atomic_store_n(&value, v, __ATOMIC_RELAXED);
#else
    value = v;
#endif
  }
};
inline level_cell& requested_level() noexcept {
  static level_cell level{first_level()};
  return level;
}

}  // namespace actfn::detail

// What depends on this translation unit's flags lives in its static target's namespace.
namespace actfn::detail::ACTFN_STATIC_TARGET {

// The level the span forms of this translation unit run: the requested one, but at least the
// static level (its ordinary code already needs it) and only where it dispatches.
ACTFN_INLINE int running_level() noexcept {
#if ACTFN_DISPATCH
  const int requested = requested_level().load();
  return requested < ACTFN_STATIC_LEVEL ? ACTFN_STATIC_LEVEL : requested;
#else
  return ACTFN_STATIC_LEVEL;
#endif
}

}  // namespace actfn::detail::ACTFN_STATIC_TARGET
