// actfn/detail/span_ops.hpp: the checks and loops behind every span entry point. Each check
// runs before the first write, so a call that throws leaves its output untouched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

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
void require_same_size(const char* op, const char* a_name, std::span<const T> a, const char* b_name,
                       std::span<const T> b) {
  if (a.size() != b.size()) {
    invalid_argument(std::string(op) + ": " + a_name + " has " + std::to_string(a.size()) +
                     " elements but " + b_name + " has " + std::to_string(b.size()));
  }
}

template <class T>
void require_writable(const char* op, const char* in_name, std::span<const T> in,
                      const char* out_name, std::span<const T> out) {
  require_same_size(op, in_name, in, out_name, out);
  if (partly_overlaps(in, out)) {
    invalid_argument(std::string(op) + ": " + out_name + " partly overlaps " + in_name +
                     " (it must be the same memory or disjoint)");
  }
}

// y[i] = f(x[i])
template <class T, class F>
void map(const char* op, std::span<const T> x, std::span<T> y, F f) {
  require_writable<T>(op, "input", x, "output", y);
  for (std::size_t i = 0; i < x.size(); ++i) y[i] = f(x[i]);
}

// g_in[i] = g_out[i] * f(x[i])
template <class T, class F>
void map_scaled(const char* op, std::span<const T> x, std::span<const T> g_out, std::span<T> g_in,
                F f) {
  require_same_size<T>(op, "x", x, "grad_out", g_out);
  require_writable<T>(op, "x", x, "grad_in", g_in);
  require_writable<T>(op, "grad_out", g_out, "grad_in", g_in);
  for (std::size_t i = 0; i < x.size(); ++i) g_in[i] = g_out[i] * f(x[i]);
}

}  // namespace actfn::detail
