// actfn/clamped_swiglu.hpp: actfn::clamped_swiglu, gpt-oss's SwiGLU with its inputs clamped
// (ggml's SWIGLU_OAI), in every form of a gated unit.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include <cstddef>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "detail/config.hpp"
#include "detail/error.hpp"
#include "detail/span_ops.hpp"
#include "gated.hpp"
#include "silu.hpp"

namespace actfn {

/// gpt-oss's clamped SwiGLU: y = a′·σ(α·a′)·(b′ + 1), a′ = min(a, limit), b′ = clamp(b, −limit,
/// limit); α = 1.702 and limit = 7 by default (the model's). For T = float, double, long double
/// and the 16-bit types, in every tier (its SiLU's).
/// Backward with PyTorch's clamp convention: the gradient passes where the input lies within
/// its bounds, bounds included (a ≤ limit; −limit ≤ b ≤ limit), and is exactly 0 elsewhere (NaN
/// inputs included, as torch.clamp's backward); grad_a = grad_y·(b′ + 1)·silu′(a′), grad_b =
/// grad_y·silu(a′).
/// Error (asserted by tests/gated.cpp): b′ + 1 is exact where it cancels (b′ ≤ −1/2, Sterbenz) and
/// rounds once in T elsewhere (in float for a 16-bit T); the rest is actfn::gated's SwiGLU on a′
/// and b′ + 1 (2 ULP): within 2.5 ULP of the exact products for float and double, 1 ULP for the
/// 16-bit types (rounded from float).
/// Forms and sizes as every gated unit's: three spans (a, b, y), one row of halves (ab, y), rows
/// (ab, y, n) and interleaved pairs (ab, y, actfn::interleaved), and their backward; in place
/// allowed; bad arguments throw std::invalid_argument before anything is written; no allocation.
template <floating_point T, tier A = faithful>
struct clamped_swiglu {
  /// The element type.
  using value_type = T;
  /// The parameters' type: T's, float for the 16-bit types.
  using param_type = parameter_t<T>;

  /// The gate's SiLU slope: a′·σ(α·a′).
  param_type alpha = param_type(1.702);
  /// The clamp: a from above, b on both sides.
  param_type limit = param_type(7);

  /// gpt-oss's: α = 1.702, limit = 7.
  constexpr clamped_swiglu() = default;

  /// limit finite and > 0, alpha finite; else std::invalid_argument.
  constexpr clamped_swiglu(param_type a, param_type l)
      : alpha(detail::checked_parameter("actfn::clamped_swiglu", "alpha", a, true, "finite")),
        limit(detail::checked_parameter("actfn::clamped_swiglu", "limit", l, l > 0,
                                        "finite and > 0")) {}

  /// "actfn::clamped_swiglu": the name error messages use.
  static std::string name() { return "actfn::clamped_swiglu"; }

  /// y[i] = clamped SwiGLU of a[i], b[i]. y may be a or b itself.
  void operator()(std::span<const T> a, std::span<const T> b, std::span<T> y) const {
    check_forward(a, b, y);
    apply<false>(a.data(), 1, b.data(), 1, nullptr, y.data(), 1, nullptr, 1, y.size());
  }

  /// One row of two halves: a = ab[0, n), b = ab[n, 2n), n = y.size().
  void operator()(std::span<const T> ab, std::span<T> y) const {
    pairs_check(ab.size(), y.size(), "y");
    same_or_disjoint(ab, y, "y");
    if (!y.empty()) (*this)(ab, y, y.size());
  }

  /// Rows of ab = [a (n) | b (n)], rows of y of n. y may be ab's memory itself.
  void operator()(std::span<const T> ab, std::span<T> y, std::size_t n) const {
    rows_check(ab.size(), y.size(), n, "y");
    same_or_disjoint(ab, y, "y");
    for (std::size_t r = 0; r < y.size() / n; ++r) {
      const T* row = ab.data() + 2 * r * n;
      apply<false>(row, 1, row + n, 1, nullptr, y.data() + r * n, 1, nullptr, 1, n);
    }
  }

  /// Interleaved pairs ab = a0 b0 a1 b1 … (gpt-oss's x[..., ::2], x[..., 1::2]).
  void operator()(std::span<const T> ab, std::span<T> y, interleaved_t) const {
    pairs_check(ab.size(), y.size(), "y");
    same_or_disjoint(ab, y, "y");
    apply<false>(ab.data(), 2, ab.data() + 1, 2, nullptr, y.data(), 1, nullptr, 1, y.size());
  }

  /// grad_a and grad_b from grad_y (sizes and overlaps as gated's backward).
  void backward(std::span<const T> a, std::span<const T> b, std::span<const T> grad_y,
                std::span<T> grad_a, std::span<T> grad_b) const {
    check_backward(a, b, grad_y, grad_a, grad_b);
    apply<true>(a.data(), 1, b.data(), 1, grad_y.data(), grad_a.data(), 1, grad_b.data(), 1,
                a.size());
  }

  /// Rows of ab = [a | b]: grad_ab in ab's layout. grad_ab may be ab's memory itself.
  void backward(std::span<const T> ab, std::span<const T> grad_y, std::span<T> grad_ab,
                std::size_t n) const {
    rows_check(ab.size(), grad_y.size(), n, "grad_y");
    backward_pairs_check(ab, grad_y, grad_ab);
    for (std::size_t r = 0; r < grad_y.size() / n; ++r) {
      const T* row = ab.data() + 2 * r * n;
      T* out = grad_ab.data() + 2 * r * n;
      apply<true>(row, 1, row + n, 1, grad_y.data() + r * n, out, 1, out + n, 1, n);
    }
  }

  /// Interleaved pairs: grad_ab = grad_a0 grad_b0 grad_a1 grad_b1 ….
  void backward(std::span<const T> ab, std::span<const T> grad_y, std::span<T> grad_ab,
                interleaved_t) const {
    pairs_check(ab.size(), grad_y.size(), "grad_y");
    backward_pairs_check(ab, grad_y, grad_ab);
    apply<true>(ab.data(), 2, ab.data() + 1, 2, grad_y.data(), grad_ab.data(), 2,
                grad_ab.data() + 1, 2, grad_y.size());
  }

 private:
  // The SwiGLU computed on a′ and b′ + 1: a 16-bit T's in float (b′ + 1 would round to 8 or 11
  // bits in T), rounded to T once at the end.
  using W = std::conditional_t<detail::is_binary16<T>, float, T>;
  using unit = gated<silu<W, A>>;
  static constexpr std::size_t block = 256;  // elements per stack block (4 arrays of W)

  static void check_forward(std::span<const T> a, std::span<const T> b, std::span<const T> y) {
    const char* who = "actfn::clamped_swiglu";
    detail::require_same_size<T>(who, "a", a, "b", b);
    detail::require_writable<T>(who, "a", a, "y", y);
    detail::require_writable<T>(who, "b", b, "y", y);
  }
  static void check_backward(std::span<const T> a, std::span<const T> b, std::span<const T> g,
                             std::span<const T> ga, std::span<const T> gb) {
    const char* who = "actfn::clamped_swiglu";
    detail::require_same_size<T>(who, "a", a, "b", b);
    detail::require_same_size<T>(who, "a", a, "grad_y", g);
    for (const auto& [out_name, out] : {std::pair{"grad_a", ga}, std::pair{"grad_b", gb}}) {
      detail::require_writable<T>(who, "a", a, out_name, out);
      detail::require_writable<T>(who, "b", b, out_name, out);
      detail::require_writable<T>(who, "grad_y", g, out_name, out);
    }
    if (!ga.empty() && (ga.data() == gb.data() || detail::partly_overlaps<T>(ga, gb))) {
      detail::invalid_argument(name() + ": grad_a and grad_b overlap (they must be disjoint)");
    }
  }

  static W wide(T v) { return static_cast<W>(v); }

  // Forward (y at ya) or backward (grad_a at ya, grad_b at yb, from g) over m elements, a and b
  // read with strides sa, sb; block by block, each block read before any of it is written (so
  // that an output may be an input's memory).
  template <bool Backward>
  void apply(const T* a, std::size_t sa, const T* b, std::size_t sb, const T* g, T* ya,
             std::size_t sya, T* yb, std::size_t syb, std::size_t m) const {
    const unit swiglu{silu<W, A>{static_cast<parameter_t<W>>(alpha)}};
    const W lim = static_cast<W>(limit);
    W a1[block], b1[block], o1[block], o2[block];
    bool pass_a[block], pass_b[block];  // the clamps' gradient: within the bounds, bounds included
    for (std::size_t i = 0; i < m; i += block) {
      const std::size_t k = m - i < block ? m - i : block;
      for (std::size_t j = 0; j < k; ++j) {
        const W av = wide(a[(i + j) * sa]), bv = wide(b[(i + j) * sb]);
        a1[j] = lim < av ? lim : av;                              // NaN stays NaN
        b1[j] = (bv < -lim ? -lim : lim < bv ? lim : bv) + W(1);  // exact for b′ ≤ -1/2
        pass_a[j] = av <= lim, pass_b[j] = -lim <= bv && bv <= lim;  // (false for NaN)
      }
      if constexpr (!Backward) {
        swiglu(std::span<const W>(a1, k), std::span<const W>(b1, k), std::span<W>(o1, k));
        for (std::size_t j = 0; j < k; ++j) ya[(i + j) * sya] = static_cast<T>(o1[j]);
      } else {
        W g1[block];
        for (std::size_t j = 0; j < k; ++j) g1[j] = wide(g[i + j]);
        swiglu.backward(std::span<const W>(a1, k), std::span<const W>(b1, k),
                        std::span<const W>(g1, k), std::span<W>(o1, k), std::span<W>(o2, k));
        for (std::size_t j = 0; j < k; ++j) {
          ya[(i + j) * sya] = static_cast<T>(pass_a[j] ? o1[j] : W(0));
          yb[(i + j) * syb] = static_cast<T>(pass_b[j] ? o2[j] : W(0));
        }
      }
    }
  }

  static void rows_check(std::size_t ab, std::size_t y, std::size_t n, const char* y_name) {
    if (n == 0 || ab != 2 * y || y % n != 0) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab) + " elements and " +
                               y_name + " " + std::to_string(y) + ", rows of n = " +
                               std::to_string(n) + " (n > 0; ab must have 2·" + y_name +
                               "'s, rows [a | b], and " + y_name + " a multiple of n)");
    }
  }
  static void pairs_check(std::size_t ab, std::size_t y, const char* y_name) {
    if (ab != 2 * y) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab) + " elements but " +
                               y_name + " has " + std::to_string(y) +
                               " (ab must have twice as many: pairs a, b)");
    }
  }
  static void same_or_disjoint(std::span<const T> in, std::span<const T> out, const char* what) {
    if (detail::partly_overlaps<T>(in, out)) {
      detail::invalid_argument(name() + ": " + what +
                               " partly overlaps ab (it must be ab's memory or disjoint)");
    }
  }
  static void backward_pairs_check(std::span<const T> ab, std::span<const T> grad_y,
                                   std::span<const T> grad_ab) {
    if (grad_ab.size() != ab.size()) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab.size()) +
                               " elements but grad_ab has " + std::to_string(grad_ab.size()));
    }
    same_or_disjoint(ab, grad_ab, "grad_ab");
    if (!grad_y.empty() && !grad_ab.empty() &&
        (grad_y.data() == grad_ab.data() || detail::partly_overlaps<T>(grad_y, grad_ab))) {
      detail::invalid_argument(name() + ": grad_y overlaps grad_ab (they must be disjoint)");
    }
  }
};

}  // namespace actfn
