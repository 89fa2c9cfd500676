// The dispatch: the static level follows the compiler's target macros, the running level is
// the best the CPU has (asked of the CPU here with the compiler's own __builtin_cpu_supports,
// not actfn's CPUID code), capped by ACTFN_ISA and actfn::limit_isa, and never below the
// static level.
#include <actfn/actfn.hpp>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cpu_levels.hpp"

namespace {

using cpu_levels::cpu_best;
using cpu_levels::k_names;
using cpu_levels::level_of;

int static_level() {
#if defined(ACTFN_NO_SIMD)
  return 0;
#elif defined(__aarch64__)
  return 4;
#elif !defined(__x86_64__)
  return 0;
#elif defined(__AVX512F__)
  return 3;
#elif defined(__AVX2__) && defined(__FMA__)
  return 2;
#else
  return 1;
#endif
}

// The level spans run when `asked` is requested: no dispatch above AVX-512, on AArch64 (NEON)
// or without SIMD.
int expected(int asked) {
  const int s = static_level();
  if (s == 0 || s == 3 || s == 4) return s;
  const int capped = asked < cpu_best() ? asked : cpu_best();
  return capped < s ? s : capped;
}


}  // namespace

TEST_CASE("the static level follows the target macros and ACTFN_NO_SIMD", "[isa]") {
  CHECK(ACTFN_STATIC_LEVEL == static_level());
}

TEST_CASE("active_isa is the best level, or the one ACTFN_ISA forces", "[isa]") {
  const char* env = std::getenv("ACTFN_ISA");
  const int asked = env != nullptr && level_of(env) >= 0 ? level_of(env) : 3;
  INFO("ACTFN_ISA = " << (env ? env : "(unset)") << ", CPU best " << k_names[cpu_best()]
                      << ", static " << k_names[static_level()]);
  CHECK(actfn::active_isa() == k_names[expected(asked)]);
  // CTest runs the suite once per level the CPU has (tests/CMakeLists.txt): there the forced
  // level is the one that runs.
  if (env != nullptr && level_of(env) >= static_level() && level_of(env) <= cpu_best() &&
      static_level() != 0 && static_level() != 3 && static_level() != 4) {
    CHECK(actfn::active_isa() == std::string_view(env));
  }
}

TEST_CASE("limit_isa caps the level for every later span call", "[isa]") {
  const std::string before(actfn::active_isa());
  for (int l = 0; l < 4; ++l) {
    INFO("limit_isa(" << k_names[l] << ")");
    CHECK(actfn::limit_isa(k_names[l]) == k_names[expected(l)]);
    CHECK(actfn::active_isa() == k_names[expected(l)]);
  }
  CHECK_THROWS_WITH(actfn::limit_isa("avx1024"), Catch::Contains("avx1024"));
  actfn::limit_isa(before);
  CHECK(actfn::active_isa() == before);
}

// The names ACTFN_ISA takes: each level's own, exactly; anything else is unknown (-2) and an
// unset or empty variable is no request (-1). A wrong entry here once ran SSE2 under "avx2".
TEST_CASE("ACTFN_ISA's names map to their levels, and only those", "[isa]") {
  for (int l = 0; l < 5; ++l) {
    const std::string name(k_names[l]);
    INFO("ACTFN_ISA=" << name);
    CHECK(actfn::detail::level_named(name.c_str()) == l);
  }
  CHECK(actfn::detail::level_named(nullptr) == -1);
  CHECK(actfn::detail::level_named("") == -1);
  for (const char* bad : {"AVX2", "avx", "avx2 ", " sse2", "sse3", "avx512f", "avx-512", "native",
                          "0", "scalar\n"}) {
    INFO("ACTFN_ISA=" << bad);
    CHECK(actfn::detail::level_named(bad) == -2);
  }
}
