// Built with -fno-exceptions: a span size error must print both sizes on stderr and abort
// (tests/check_no_exceptions.sh checks both), never write past the output or go on silently.
#include <actfn/actfn.hpp>
#include <vector>

int main() {
  const std::vector<float> x(5, 1.0f);
  std::vector<float> y(4);
  actfn::sigmoid<float>{}(x, y);
  return 0;  // not reached
}
