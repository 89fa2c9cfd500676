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

// A functor's parameter v, checked: finite (v - v is 0 exactly for finite v, NaN otherwise) and
// `valid`, else an error "<functor>: <what> must be <rule>, got <v>".
template <class T>
constexpr T checked_parameter(const char* functor, const char* what, T v, bool valid,
                              const char* rule) {
  if (!(v - v == 0) || !valid) {
    invalid_argument(std::string(functor) + ": " + what + " must be " + rule + ", got " +
                     std::to_string(static_cast<long double>(v)));
  }
  return v;
}

}  // namespace actfn::detail
