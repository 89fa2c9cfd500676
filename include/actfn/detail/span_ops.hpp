// actfn/detail/span_ops.hpp: the checks and loops behind every span entry point. Each check
// runs before the first write, so a call that throws leaves its output untouched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>

#include "error.hpp"
#include "lanes.hpp"

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

// y[i] = f(x[i]) with f over lanes of L (a batch of L, or one L): whole batches, then the
// tail through a zero-padded copy, so that every element goes through the same instructions.
template <class L, class T, class F>
void map_lanes(const char* op, std::span<const T> x, std::span<T> y, F f) {
  require_writable<T>(op, "input", x, "output", y);
  using V = lanes_of<L>;
  constexpr std::size_t w = width<V>;
  // (sizes from the output: GCC 12 -fno-exceptions warns of writes past it otherwise)
  const std::size_t rest = y.size() % w, whole = y.size() - rest;
  std::size_t i = 0;
  for (; i + 2 * w <= whole; i += 2 * w) {  // two batches: their latency chains overlap
    const V a = f(load<V>(x.data() + i)), b = f(load<V>(x.data() + i + w));
    store(y.data() + i, a);
    store(y.data() + i + w, b);
  }
  if (i < whole) store(y.data() + i, f(load<V>(x.data() + i)));
  if (rest == 0) return;
  T in[w] = {}, out[w];
  for (std::size_t j = 0; j < rest; ++j) in[j] = x[whole + j];
  store(out, f(load<V>(in)));
  for (std::size_t j = 0; j < rest; ++j) y[whole + j] = out[j];
}

// f(x)·g, rounded once as T: f's lanes are rounded to T first (exact if L is T), and the
// product of two T in L = double is exact when T = float.
template <class T, class L, class V>
V scale(V d, V g) noexcept {
  if constexpr (!std::is_same_v<T, L>) {
    return narrow_round(d) * g;
  } else {
    return d * g;
  }
}

// g_in[i] = g_out[i] * f(x[i]) with f over lanes of L.
template <class L, class T, class F>
void map_lanes_scaled(const char* op, std::span<const T> x, std::span<const T> g_out,
                      std::span<T> g_in, F f) {
  require_same_size<T>(op, "x", x, "grad_out", g_out);
  require_writable<T>(op, "x", x, "grad_in", g_in);
  require_writable<T>(op, "grad_out", g_out, "grad_in", g_in);
  using V = lanes_of<L>;
  constexpr std::size_t w = width<V>;
  const std::size_t rest = g_in.size() % w, whole = g_in.size() - rest;
  const auto one = [&](std::size_t i) {
    return scale<T, L>(f(load<V>(x.data() + i)), load<V>(g_out.data() + i));
  };
  std::size_t i = 0;
  for (; i + 2 * w <= whole; i += 2 * w) {
    const V a = one(i), b = one(i + w);
    store(g_in.data() + i, a);
    store(g_in.data() + i + w, b);
  }
  if (i < whole) store(g_in.data() + i, one(i));
  if (rest == 0) return;
  T in[w] = {}, g[w] = {}, out[w];
  for (std::size_t j = 0; j < rest; ++j) in[j] = x[whole + j], g[j] = g_out[whole + j];
  store(out, scale<T, L>(f(load<V>(in)), load<V>(g)));
  for (std::size_t j = 0; j < rest; ++j) g_in[whole + j] = out[j];
}

}  // namespace actfn::detail
