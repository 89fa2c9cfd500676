// actfn/detail/span_ops.hpp: the checks behind every span entry point. Each check
// runs before the first write, so a call that throws leaves its output untouched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>

#include "error.hpp"

namespace actfn::detail {

// An output may be the very memory of an input (each element is read before it is
// written), or disjoint from it; anything in between would read already-written values.
template <class T>
bool partly_overlaps(std::span<const T> in, std::span<const T> out) noexcept {
  if (in.empty() || out.empty() || in.data() == out.data()) return false;
  // As integers, addresses into unrelated arrays compare without undefined behaviour (and
  // without <functional>'s std::less, a fifth of this library's include cost).
  const auto address = [](const T* p) { return reinterpret_cast<std::uintptr_t>(p); };
  return address(in.data()) < address(out.data() + out.size()) &&
         address(out.data()) < address(in.data() + in.size());
}

template <class T>
void require_same_size(const char* who, const char* a_name, std::span<const T> a,
                       const char* b_name, std::span<const T> b) {
  if (a.size() != b.size()) {
    invalid_argument(std::string(who) + ": " + a_name + " has " + std::to_string(a.size()) +
                     " elements but " + b_name + " has " + std::to_string(b.size()));
  }
}

template <class T>
void require_writable(const char* who, const char* in_name, std::span<const T> in,
                      const char* out_name, std::span<const T> out) {
  require_same_size(who, in_name, in, out_name, out);
  if (partly_overlaps(in, out)) {
    invalid_argument(std::string(who) + ": " + out_name + " partly overlaps " + in_name +
                     " (it must be the same memory or disjoint)");
  }
}

// y[i] = f(x[i])
template <class T, class F>
void map(const char* who, std::span<const T> x, std::span<T> y, F f) {
  require_writable<T>(who, "input", x, "output", y);
  for (std::size_t i = 0; i < x.size(); ++i) y[i] = f(x[i]);
}

}  // namespace actfn::detail
