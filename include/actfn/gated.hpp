// actfn/gated.hpp: actfn::gated, the gated linear unit f(a)·b of an activation f, with its
// fused backward; and its aliases swiglu (SiLU), geglu (GELU) and reglu (ReLU).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include <array>
#include <bit>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "detail/activation.hpp"
#include "detail/config.hpp"
#include "detail/core.hpp"
#include "detail/span_ops.hpp"
#include "gelu.hpp"
#include "relu.hpp"
#include "sigmoid.hpp"
#include "silu.hpp"

namespace actfn {

/// The tag of the gated units' interleaved layout, ab = a0 b0 a1 b1 … (gpt-oss's x[..., ::2] and
/// x[..., 1::2]): swiglu(ab, y, actfn::interleaved).
struct interleaved_t {
  explicit interleaved_t() = default;
};
inline constexpr interleaved_t interleaved{};

namespace detail {
// "actfn::gated<" + F::name + ">", built at compile time: the span forms name themselves in
// their checks without a heap allocation (a std::string past 15 characters takes one per call).
template <class F>
struct gated_name {
  static constexpr std::size_t size = std::char_traits<char>::length(F::name) + 15;
  static constexpr std::array<char, size> text = [] {
    std::array<char, size> t{};
    std::size_t k = 0;
    for (const char* part : {"actfn::gated<", F::name, ">"}) {
      for (; *part != 0; ++part) t[k++] = *part;
    }
    return t;
  }();
};
}  // namespace detail

/// The gated unit of activation F (any actfn functor: gated<silu<float>> is SwiGLU), for its T.
/// y = f(a)·b in one pass, f(a) unrounded in the kernel (float: in double lanes) and the product
/// rounded once; the backward in one pass, grad_a = grad_y·b·f'(a) and grad_b = grad_y·f(a),
/// each rounded once (double: after f and f' are rounded to double). F's parameters are those
/// of the functor held: gated<silu<float>>{silu<float>{1.702f}}.
/// Error (asserted by tests/gated.cpp): within 2 ULP of the exact products for float and double
/// (measured: docs/accuracy.md), with f's own root windows; 10 ULP for long double. Where f(a) or
/// f'(a) is subnormal in T, the products carry its absolute error (the spacing of T's subnormals)
/// times |b| and |grad_y|.
/// Sizes: every span of one call has the same length (for the two-halves form, ab has twice y's);
/// an output may be the very memory of an input, or disjoint from it; grad_a and grad_b are
/// disjoint. Bad arguments throw std::invalid_argument before anything is written; a call that
/// succeeds allocates nothing (tests/no_alloc.cpp).
template <activation_functor F>
struct gated {
  /// The element type T of F.
  using value_type = typename F::value_type;
  using T = value_type;

  /// The activation whose output gates b.
  F f{};

  /// F's default (silu: β = 1; gelu: exact).
  constexpr gated() = default;

  /// The given activation.
  constexpr explicit gated(const F& fn) : f(fn) {}

  /// F built from args: geglu<float>{gelu_approximation::tanh}, swiglu<float>{1.702f}.
  template <class... A>
  requires(sizeof...(A) > 0 && std::is_constructible_v<F, A...>) constexpr explicit gated(A... args)
      : f(args...) {}

  /// y[i] = f(a[i])·b[i]. y may be a or b itself.
  void operator()(std::span<const T> a, std::span<const T> b, std::span<T> y) const {
    const char* who = detail::gated_name<F>::text.data();
    detail::require_same_size<T>(who, "a", a, "b", b);
    detail::require_writable<T>(who, "a", a, "y", y);
    detail::require_writable<T>(who, "b", b, "y", y);
    detail::ACTFN_STATIC_TARGET::run_gated<detail::op::value>(f, a.data(), b.data(), a.data(),
                                                              y.data(), y.data(), y.size());
  }

  /// One row of two halves (a fused up-projection's output): a = ab[0, n), b = ab[n, 2n),
  /// n = y.size(); ab.size() must be 2n. y may be the first half of ab itself. (A buffer of
  /// several rows [a | b] takes the form with the row length n below.)
  void operator()(std::span<const T> ab, std::span<T> y) const {
    if (ab.size() != 2 * y.size()) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab.size()) +
                               " elements but y has " + std::to_string(y.size()) +
                               " (ab must have twice as many: a, then b)");
    }
    (*this)(ab.first(y.size()), ab.last(y.size()), y);
  }

  /// Rows: each row of ab is [a (n) | b (n)], each row of y its n results (PyTorch's
  /// glu(dim=-1) on a [rows × 2n] buffer). ab.size() = 2·y.size(), y.size() a multiple of n,
  /// n > 0. y may be ab's memory itself (rows are done in order, each read before written).
  void operator()(std::span<const T> ab, std::span<T> y, std::size_t n) const {
    require_rows(ab.size(), y.size(), n, "y");
    require_same_or_disjoint(ab, y, "y");
    for (std::size_t r = 0; r < y.size() / n; ++r) {
      const T* row = ab.data() + 2 * r * n;
      run<detail::op::value>(row, row + n, row, y.data() + r * n, y.data() + r * n, n);
    }
  }

  /// Interleaved pairs ab = a0 b0 a1 b1 … (gpt-oss): y[i] = f(ab[2i])·ab[2i + 1];
  /// ab.size() = 2·y.size(). y may be ab's memory itself.
  void operator()(std::span<const T> ab, std::span<T> y, interleaved_t) const {
    require_pairs(ab.size(), y.size(), "y");
    require_same_or_disjoint(ab, y, "y");
    T a[chunk], b[chunk];
    for (std::size_t i = 0; i < y.size(); i += chunk) {
      const std::size_t m = y.size() - i < chunk ? y.size() - i : chunk;
      split(ab.data() + 2 * i, a, b, m);
      run<detail::op::value>(a, b, a, y.data() + i, y.data() + i, m);
    }
  }

  /// grad_a[i] = grad_y[i]·b[i]·f'(a[i]) and grad_b[i] = grad_y[i]·f(a[i]), in one pass. Each
  /// output may be the memory of an input (grad_a that of a, grad_b that of b: in place).
  void backward(std::span<const T> a, std::span<const T> b, std::span<const T> grad_y,
                std::span<T> grad_a, std::span<T> grad_b) const {
    const char* w = detail::gated_name<F>::text.data();
    detail::require_same_size<T>(w, "a", a, "b", b);
    detail::require_same_size<T>(w, "a", a, "grad_y", grad_y);
    for (const auto& [out_name, out] : {std::pair{"grad_a", grad_a}, std::pair{"grad_b", grad_b}}) {
      detail::require_writable<T>(w, "a", a, out_name, out);
      detail::require_writable<T>(w, "b", b, out_name, out);
      detail::require_writable<T>(w, "grad_y", grad_y, out_name, out);
    }
    if (!grad_a.empty() &&
        (grad_a.data() == grad_b.data() || detail::partly_overlaps<T>(grad_a, grad_b))) {
      detail::invalid_argument(name() + ": grad_a and grad_b overlap (they must be disjoint)");
    }
    run<detail::op::backward>(a.data(), b.data(), grad_y.data(), grad_a.data(), grad_b.data(),
                              a.size());
  }

  /// Rows of ab = [a (n) | b (n)]: grad_ab in ab's layout ([grad_a | grad_b] per row), grad_y
  /// in y's. grad_ab may be ab's memory itself; grad_y must be disjoint from grad_ab.
  void backward(std::span<const T> ab, std::span<const T> grad_y, std::span<T> grad_ab,
                std::size_t n) const {
    require_rows(ab.size(), grad_y.size(), n, "grad_y");
    require_backward_pairs(ab, grad_y, grad_ab);
    for (std::size_t r = 0; r < grad_y.size() / n; ++r) {
      const T* row = ab.data() + 2 * r * n;
      T* out = grad_ab.data() + 2 * r * n;
      run<detail::op::backward>(row, row + n, grad_y.data() + r * n, out, out + n, n);
    }
  }

  /// Interleaved pairs ab = a0 b0 a1 b1 …: grad_ab = grad_a0 grad_b0 grad_a1 grad_b1 ….
  /// grad_ab may be ab's memory itself; grad_y must be disjoint from grad_ab.
  void backward(std::span<const T> ab, std::span<const T> grad_y, std::span<T> grad_ab,
                interleaved_t) const {
    require_pairs(ab.size(), grad_y.size(), "grad_y");
    require_backward_pairs(ab, grad_y, grad_ab);
    T a[chunk], b[chunk], ga[chunk], gb[chunk];
    for (std::size_t i = 0; i < grad_y.size(); i += chunk) {
      const std::size_t m = grad_y.size() - i < chunk ? grad_y.size() - i : chunk;
      split(ab.data() + 2 * i, a, b, m);
      run<detail::op::backward>(a, b, grad_y.data() + i, ga, gb, m);
      merge(ga, gb, grad_ab.data() + 2 * i, m);
    }
  }

  /// "actfn::gated<actfn::silu>" and so on: the name error messages use.
  static std::string name() { return detail::gated_name<F>::text.data(); }

 private:
  // the interleaved forms' block, deinterleaved on the stack: 2 KiB per array
  static constexpr std::size_t chunk = 2048 / sizeof(T);

  // pairs to two arrays: plain pointers, so that the compiler vectorizes the stride-2 loads
  static void split(const T* __restrict pairs, T* __restrict a, T* __restrict b, std::size_t m) {
    for (std::size_t j = 0; j < m; ++j) a[j] = pairs[2 * j], b[j] = pairs[2 * j + 1];
  }

  static void merge(const T* __restrict a, const T* __restrict b, T* __restrict pairs,
                    std::size_t m) {
    for (std::size_t j = 0; j < m; ++j) pairs[2 * j] = a[j], pairs[2 * j + 1] = b[j];
  }

  template <detail::op O>
  void run(const T* a, const T* b, const T* g, T* ya, T* yb, std::size_t n) const {
    // A fast tier whose f' is faithful's (faithful_slope(): SiLU's, GELU-tanh's) runs faithful's
    // backward, which shares its exponential between f and f' (the fast value beside faithful's
    // f' took 1.1-1.3x its time): more accurate, within the fast bound.
    if constexpr (O == detail::op::backward && requires { f.faithful_slope(); }) {
      if (f.faithful_slope()) {
        const auto faithful_f = std::bit_cast<typename detail::faithful_of<F>::type>(f);
        detail::ACTFN_STATIC_TARGET::run_gated<O>(faithful_f, a, b, g, ya, yb, n);
        return;
      }
    }
    detail::ACTFN_STATIC_TARGET::run_gated<O>(f, a, b, g, ya, yb, n);
  }

  static void require_rows(std::size_t ab, std::size_t y, std::size_t n, const char* y_name) {
    if (n == 0 || ab != 2 * y || y % n != 0) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab) + " elements and " +
                               y_name + " " + std::to_string(y) + ", rows of n = " +
                               std::to_string(n) + " (n > 0; ab must have 2·" + y_name +
                               "'s, rows [a | b], and " + y_name + " a multiple of n)");
    }
  }
  static void require_pairs(std::size_t ab, std::size_t y, const char* y_name) {
    if (ab != 2 * y) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab) + " elements but " +
                               y_name + " has " + std::to_string(y) +
                               " (ab must have twice as many: pairs a, b)");
    }
  }
  static void require_same_or_disjoint(std::span<const T> in, std::span<const T> out,
                                       const char* out_name) {
    if (detail::partly_overlaps<T>(in, out)) {
      detail::invalid_argument(name() + ": " + out_name +
                               " partly overlaps ab (it must be ab's memory or disjoint)");
    }
  }
  static void require_backward_pairs(std::span<const T> ab, std::span<const T> grad_y,
                                     std::span<const T> grad_ab) {
    if (grad_ab.size() != ab.size()) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab.size()) +
                               " elements but grad_ab has " + std::to_string(grad_ab.size()));
    }
    require_same_or_disjoint(ab, grad_ab, "grad_ab");
    if (!grad_y.empty() && !grad_ab.empty() &&
        (grad_y.data() == grad_ab.data() || detail::partly_overlaps<T>(grad_y, grad_ab))) {
      detail::invalid_argument(name() + ": grad_y overlaps grad_ab (they must be disjoint)");
    }
  }
};

/// SwiGLU silu(a)·b (LLaMA-family MLPs); its constructor takes SiLU's β.
template <floating_point T, tier A = faithful>
using swiglu = gated<silu<T, A>>;

/// GeGLU gelu(a)·b (Gemma, T5); its constructor takes the GELU approximation.
template <floating_point T, tier A = faithful>
using geglu = gated<gelu<T, A>>;

/// ReGLU relu(a)·b.
template <floating_point T, tier A = faithful>
using reglu = gated<relu<T, A>>;

/// GLU σ(a)·b (Dauphin et al.; PyTorch's torch.nn.functional.glu).
template <floating_point T, tier A = faithful>
using glu = gated<sigmoid<T, A>>;

}  // namespace actfn
