// actfn/softmax.hpp: actfn::softmax and actfn::log_softmax, over rows, with their backward from
// the forward output.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include <cstddef>
#include <span>
#include <string>
#include <type_traits>

#include "detail/config.hpp"
#include "detail/core.hpp"
#include "detail/error.hpp"
#include "detail/kernels/softmax.hpp"
#include "detail/span_ops.hpp"
#include "tier.hpp"
#define ACTFN_TARGET_INCLUDE "kernels/softmax.hpp"
#include "detail/foreach_target.hpp"

namespace actfn::detail {
namespace ACTFN_STATIC_TARGET {

// Row operation O on the lanes of the level this process runs (one indirect call per span), as
// `run` dispatches an activation's span forms; long double on its wide type.
template <row_op O, class T>
void run_rows(const T* x, const T* g, T* y, std::size_t rows, std::size_t n) {
  if constexpr (std::is_same_v<T, long double>) {
    wide_rows<O>(x, g, y, rows, n);
  } else {
#if ACTFN_DISPATCH
    using rows_t = void (*)(const T*, const T*, T*, std::size_t, std::size_t) noexcept;
    static constexpr rows_t table[] = {
#if ACTFN_COMPILES(ACTFN_LEVEL_SSE2)
        &sse2::softmax_rows<O, T>,
#endif
#if ACTFN_COMPILES(ACTFN_LEVEL_AVX2)
        &avx2::softmax_rows<O, T>,
#endif
        &avx512::softmax_rows<O, T>};
    table[running_level() - ACTFN_STATIC_LEVEL](x, g, y, rows, n);
#else
    softmax_rows<O, T>(x, g, y, rows, n);
#endif
  }
}

}  // namespace ACTFN_STATIC_TARGET

// What softmax and log-softmax share: the span forms over rows, their checks (every one before
// the first write) and the backward from the output. D names itself (D::name).
template <class D, class T, row_op Forward, row_op Backward>
struct row_function {
  /// The element type.
  using value_type = T;

  /// Each row of n elements of x, independently: x.size() == y.size(), a multiple of n, n > 0.
  /// y may be x's memory itself (in place), or disjoint from it.
  void operator()(std::span<const T> x, std::span<T> y, std::size_t n) const {
    check(x, y, n, "x", "y");
    ACTFN_STATIC_TARGET::run_rows<Forward>(x.data(), x.data(), y.data(), y.size() / n, n);
  }

  /// One row: all of x (an empty x is no row, and writes nothing).
  void operator()(std::span<const T> x, std::span<T> y) const {
    if (x.empty() && y.empty()) return;
    (*this)(x, y, x.size());
  }

  /// The backward of each row of n elements from the forward output y: grad_x = ∂L/∂x for
  /// grad_y = ∂L/∂y. Sizes as the forward's; grad_x may be the memory of y or of grad_y.
  void backward(std::span<const T> y, std::span<const T> grad_y, std::span<T> grad_x,
                std::size_t n) const {
    require_same_size<T>(D::name, "y", y, "grad_y", grad_y);
    check(y, grad_x, n, "y", "grad_x");
    require_writable<T>(D::name, "grad_y", grad_y, "grad_x", grad_x);
    ACTFN_STATIC_TARGET::run_rows<Backward>(y.data(), grad_y.data(), grad_x.data(),
                                           grad_x.size() / n, n);
  }

  /// The backward of one row: all of y.
  void backward(std::span<const T> y, std::span<const T> grad_y, std::span<T> grad_x) const {
    if (y.empty() && grad_y.empty() && grad_x.empty()) return;
    backward(y, grad_y, grad_x, y.size());
  }

  /// The same, named as every activation's backward from its output.
  void backward_from_output(std::span<const T> y, std::span<const T> grad_y,
                            std::span<T> grad_x) const {
    backward(y, grad_y, grad_x);
  }

 private:
  static void check(std::span<const T> in, std::span<const T> out, std::size_t n,
                    const char* in_name, const char* out_name) {
    if (n == 0) invalid_argument(std::string(D::name) + ": the row length n must be > 0, got 0");
    require_writable<T>(D::name, in_name, in, out_name, out);
    if (in.size() % n != 0) {
      invalid_argument(std::string(D::name) + ": " + in_name + " has " +
                       std::to_string(in.size()) + " elements, not a multiple of the row length " +
                       std::to_string(n));
    }
  }
};

}  // namespace actfn::detail

namespace actfn {

/// Softmax over rows: y_i = e^(x_i - max)/Σ_j e^(x_j - max), for T = float, double, long double
/// and the 16-bit types; every tier runs the same kernels (the contract below is the fast one's
/// too). Two passes over each row (its maximum and its sum of exponentials online, by chunks
/// that stay in the L1 cache; then the normalisation); float and 16-bit rows in double lanes.
/// Edges as PyTorch's: an entry -inf gives exactly 0 (masking); a row of -inf only, or with a
/// NaN or +inf, gives NaN throughout; no overflow for any finite input.
/// Error (asserted by tests/softmax.cpp): each output within 2 ULP of the exact softmax of the
/// row (1.56 by construction: each term rounded once, then scaled with one more rounding;
/// measured 1.38 for float and 1.37 for double; 16-bit results within 1 ULP of their type); the
/// backward grad_x = y·(g - Σ g·y) within 4 ULP of the larger of its result and its largest
/// term (measured 1.72).
template <floating_point T, tier A = faithful>
struct softmax : detail::row_function<softmax<T, A>, T, detail::row_op::softmax,
                                      detail::row_op::softmax_backward> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::softmax";
};

/// Log-softmax over rows: y_i = x_i - max - log Σ_j e^(x_j - max), the log of softmax without
/// its cancellation (log Σ as log1p of the terms other than the maximum's: a row dominated by
/// one entry keeps -Σ of the others there). Types, tiers, passes and edges as softmax (an entry
/// -inf gives -inf). Error (tests/softmax.cpp): within 2 ULP, or 2 ULP of the row's
/// log-sum-exp where the output is smaller in magnitude; the backward grad_x = g - e^y·Σ g
/// within 4 ULP or 4 ULP of its largest term.
template <floating_point T, tier A = faithful>
struct log_softmax : detail::row_function<log_softmax<T, A>, T, detail::row_op::log_softmax,
                                          detail::row_op::log_softmax_backward> {
  /// The name error messages use.
  static constexpr const char* name = "actfn::log_softmax";
};

}  // namespace actfn
