// tests/cpu_levels.hpp: the levels of actfn's dispatch ("scalar", "sse2", "avx2", "avx512",
// "neon") and the best one this CPU has, asked of the CPU with the compiler's own
// __builtin_cpu_supports rather than actfn's CPUID code, so that a test can check that code.
#pragma once

#include <string_view>

namespace cpu_levels {

inline constexpr std::string_view k_names[] = {"scalar", "sse2", "avx2", "avx512", "neon"};

// The index of a level's name in k_names, or -1.
inline int level_of(std::string_view name) {
  for (int l = 0; l < 5; ++l) {
    if (k_names[l] == name) return l;
  }
  return -1;
}

// The best level this CPU runs: AVX-512 (F, BW, CD, DQ, VL), AVX2 with FMA and BMI2, else SSE2
// on x86-64; NEON on AArch64; scalar elsewhere.
inline int cpu_best() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl")) {
    return 3;
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
      __builtin_cpu_supports("bmi2")) {
    return 2;
  }
  return 1;
#elif defined(__aarch64__)
  return 4;
#else
  return 0;
#endif
}

// Whether this CPU runs level l (an index in k_names): scalar code everywhere, the x86-64
// levels up to its best there, NEON on AArch64.
inline bool cpu_has(int l) {
  const int best = cpu_best();
  if (l == 0) return true;
  return best == 4 ? l == 4 : l >= 1 && l <= best;
}

}  // namespace cpu_levels
