// Catch2's runner, with one addition: under ACTFN_ISA=<level> (CTest runs the suite once per
// level this machine has, tests/CMakeLists.txt) the spans must run that level. Where they run
// another one, the run fails, unless this CPU lacks the level (a build moved to an older
// machine): that alone is a skip (exit 77, which CTest reports as skipped), and it says so. A
// dispatch that silently ran a lower level once passed as 213 skipped tests.
#define CATCH_CONFIG_RUNNER
#include <actfn/isa.hpp>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "cpu_levels.hpp"

int main(int argc, char** argv) {
  const char* level = std::getenv("ACTFN_ISA");
  const std::string_view active = actfn::active_isa();
  if (level != nullptr && *level != '\0' && active != std::string_view(level)) {
    const int asked = cpu_levels::level_of(level), best = cpu_levels::cpu_best();
    const auto runs = static_cast<int>(active.size());
    if (asked >= 0 && !cpu_levels::cpu_has(asked)) {
      std::printf("skipped: ACTFN_ISA=%s, but this CPU lacks it (its best is %.*s)\n", level,
                  static_cast<int>(cpu_levels::k_names[best].size()),
                  cpu_levels::k_names[best].data());
      return 77;
    }
    std::printf("FAILED: ACTFN_ISA=%s%s, but the spans run %.*s\n", level,
                asked < 0 ? " is not a level" : ", a level this CPU has", runs, active.data());
    return 1;
  }
  return Catch::Session().run(argc, argv);
}
