// actfn/detail/error.hpp: how actfn reports bad arguments. With exceptions it throws
// std::invalid_argument; built with -fno-exceptions it prints the same message on stderr
// and aborts, so a size error is never silent.
#pragma once

#include <string>

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#include <stdexcept>
#define ACTFN_HAS_EXCEPTIONS 1
#else
#include <cstdio>
#include <cstdlib>
#define ACTFN_HAS_EXCEPTIONS 0
#endif

namespace actfn::detail {

[[noreturn]] inline void invalid_argument(const std::string& message) {
#if ACTFN_HAS_EXCEPTIONS
  throw std::invalid_argument(message);
#else
  std::fprintf(stderr, "actfn: invalid argument: %s\n", message.c_str());
  std::abort();
#endif
}

}  // namespace actfn::detail
