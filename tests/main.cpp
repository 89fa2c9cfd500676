// Catch2's runner, with one addition: under ACTFN_ISA=<level> (CTest runs the suite once per
// level this machine has, tests/CMakeLists.txt) a level the spans cannot run here skips the
// whole suite (exit 77), rather than testing another level under its name.
#define CATCH_CONFIG_RUNNER
#include <actfn/isa.hpp>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string_view>

int main(int argc, char** argv) {
  const char* level = std::getenv("ACTFN_ISA");
  if (level != nullptr && *level != '\0' && actfn::active_isa() != std::string_view(level)) {
    std::printf("skipped: ACTFN_ISA=%s, but the spans run %.*s here\n", level,
                static_cast<int>(actfn::active_isa().size()), actfn::active_isa().data());
    return 77;
  }
  return Catch::Session().run(argc, argv);
}
