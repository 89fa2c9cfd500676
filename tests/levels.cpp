// Prints the levels the span forms can run in a program built with these flags on this CPU,
// separated by ';': the levels tests/CMakeLists.txt runs the suite under (ACTFN_ISA).
#include <actfn/isa.hpp>
#include <cstdio>

int main() {
  const char* sep = "";
  for (const char* level : {"scalar", "sse2", "avx2", "avx512", "neon"}) {
    if (actfn::limit_isa(level) == level) std::printf("%s%s", sep, level), sep = ";";
  }
}
