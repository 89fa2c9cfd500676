// actfn/gated.hpp: actfn::gated, the gated linear unit f(a)·b of an activation f, with its
// fused backward; and its aliases swiglu (SiLU), geglu (GELU) and reglu (ReLU).
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

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
#include "silu.hpp"

namespace actfn {

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
/// disjoint. Bad arguments throw std::invalid_argument before anything is written.
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
    const std::string who = name();
    detail::require_same_size<T>(who.c_str(), "a", a, "b", b);
    detail::require_writable<T>(who.c_str(), "a", a, "y", y);
    detail::require_writable<T>(who.c_str(), "b", b, "y", y);
    detail::ACTFN_STATIC_TARGET::run_gated<detail::op::value>(f, a.data(), b.data(), a.data(),
                                                              y.data(), y.data(), y.size());
  }

  /// The two halves of one span (a fused up-projection's output): a = ab[0, n), b = ab[n, 2n),
  /// n = y.size(); ab.size() must be 2n. y may be the first half of ab itself.
  void operator()(std::span<const T> ab, std::span<T> y) const {
    if (ab.size() != 2 * y.size()) {
      detail::invalid_argument(name() + ": ab has " + std::to_string(ab.size()) +
                               " elements but y has " + std::to_string(y.size()) +
                               " (ab must have twice as many: a, then b)");
    }
    (*this)(ab.first(y.size()), ab.last(y.size()), y);
  }

  /// grad_a[i] = grad_y[i]·b[i]·f'(a[i]) and grad_b[i] = grad_y[i]·f(a[i]), in one pass. Each
  /// output may be the memory of an input (grad_a that of a, grad_b that of b: in place).
  void backward(std::span<const T> a, std::span<const T> b, std::span<const T> grad_y,
                std::span<T> grad_a, std::span<T> grad_b) const {
    const std::string who = name();
    const char* w = who.c_str();
    detail::require_same_size<T>(w, "a", a, "b", b);
    detail::require_same_size<T>(w, "a", a, "grad_y", grad_y);
    for (const auto& [out_name, out] : {std::pair{"grad_a", grad_a}, std::pair{"grad_b", grad_b}}) {
      detail::require_writable<T>(w, "a", a, out_name, out);
      detail::require_writable<T>(w, "b", b, out_name, out);
      detail::require_writable<T>(w, "grad_y", grad_y, out_name, out);
    }
    if (!grad_a.empty() &&
        (grad_a.data() == grad_b.data() || detail::partly_overlaps<T>(grad_a, grad_b))) {
      detail::invalid_argument(who + ": grad_a and grad_b overlap (they must be disjoint)");
    }
    // A fast tier whose f' is faithful's (faithful_slope(): SiLU's, GELU-tanh's) runs faithful's
    // backward, which shares its exponential between f and f' (the fast value beside faithful's
    // f' took 1.1-1.3x its time): more accurate, within the fast bound.
    if constexpr (requires { f.faithful_slope(); }) {
      if (f.faithful_slope()) {
        const auto faithful_f = std::bit_cast<typename detail::faithful_of<F>::type>(f);
        detail::ACTFN_STATIC_TARGET::run_gated<detail::op::backward>(
            faithful_f, a.data(), b.data(), grad_y.data(), grad_a.data(), grad_b.data(), a.size());
        return;
      }
    }
    detail::ACTFN_STATIC_TARGET::run_gated<detail::op::backward>(
        f, a.data(), b.data(), grad_y.data(), grad_a.data(), grad_b.data(), a.size());
  }

  /// "actfn::gated<actfn::silu>" and so on: the name error messages use.
  static std::string name() { return std::string("actfn::gated<") + F::name + ">"; }
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

}  // namespace actfn
