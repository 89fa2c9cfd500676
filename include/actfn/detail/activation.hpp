// actfn/detail/activation.hpp: the forms every functor shares. A functor D names its kernels
// (`D::kernel_tag`, detail/kernels/<function>.hpp) and defines its scalar value
// `D::operator()(T)` and `D::derivative(T)`, which run the kernels of the static target (the
// compiler's -march) on one plain lane, inlined into the caller, where D has lane kernels for T,
// and its wide-type kernels elsewhere (constant evaluation, CUDA device code, long double). The
// span forms check their arguments, then run the kernels of the level this process dispatches
// to (detail/core.hpp). Where that level is the static one, a scalar call and a span agree bit
// for bit: the plain lane does each batch lane's operations.
//
// Every member that depends on the static target is always inlined: translation units built
// with different -march flags then never share (and let the linker pick) one copy of it.
#pragma once

#include <bit>
#include <concepts>
#include <span>
#include <type_traits>

#include "config.hpp"
#include "core.hpp"
#include "span_ops.hpp"

namespace actfn::detail {

// The functor whose span loops run D: D in the default tier where D's tier runs the default
// tier's kernels (the same kernel_tag), else D. Every tier of such a function then shares one
// set of compiled loops, and ACTFN_EXTERN_KERNELS's instances (one per function and kernel set,
// detail/kernel_instances.hpp) cover every tier.
template <class D>
struct loop_functor {
  using type = D;
};
template <template <floating_point, tier> class F, floating_point T, tier A>
  requires std::is_same_v<typename F<T, A>::kernel_tag, typename F<T, faithful>::kernel_tag>
struct loop_functor<F<T, A>> {
  using type = F<T, faithful>;
};

// D in the default tier, where D is a functor template's instance (every functor but the gated
// units').
template <class D>
struct faithful_of {
  using type = D;
};
template <template <floating_point, tier> class F, floating_point T, tier A>
struct faithful_of<F<T, A>> {
  using type = F<T, faithful>;
};

template <class D, floating_point T>
struct activation {
  /// The element type T.
  using value_type = T;

  /// y[i] = f(x[i]). y may be x itself.
  ACTFN_INLINE void operator()(std::span<const T> x, std::span<T> y) const {
    require_writable<T>(D::name, "input", x, "output", y);
    ACTFN_STATIC_TARGET::run<op::value>(loop_self(), x.data(), x.data(), y.data(), y.size());
  }

  /// d[i] = f'(x[i]). d may be x itself.
  ACTFN_INLINE void derivative(std::span<const T> x, std::span<T> d) const {
    require_writable<T>(D::name, "input", x, "output", d);
    if constexpr (has_faithful_slope) {
      if (self().faithful_slope()) return run_faithful<op::derivative>(x.data(), x.data(), d);
    }
    ACTFN_STATIC_TARGET::run<op::derivative>(loop_self(), x.data(), x.data(), d.data(), d.size());
  }

  /// grad_in[i] = grad_out[i] * f'(x[i]), one rounding of that product. grad_in may be
  /// grad_out (or x) itself.
  ACTFN_INLINE void backward(std::span<const T> x, std::span<const T> grad_out,
                             std::span<T> grad_in) const {
    require_same_size<T>(D::name, "x", x, "grad_out", grad_out);
    require_writable<T>(D::name, "x", x, "grad_in", grad_in);
    require_writable<T>(D::name, "grad_out", grad_out, "grad_in", grad_in);
    if constexpr (has_faithful_slope) {
      if (self().faithful_slope()) {
        return run_faithful<op::backward>(x.data(), grad_out.data(), grad_in);
      }
    }
    ACTFN_STATIC_TARGET::run<op::backward>(loop_self(), x.data(), grad_out.data(), grad_in.data(),
                                           grad_in.size());
  }

 protected:
  // Whether a scalar call runs the lane kernels: at run time on the host, where D has them for
  // T on the static target.
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr bool runs_lanes() const noexcept {
#if defined(__CUDA_ARCH__)
    return false;
#else
    using K = ACTFN_STATIC_TARGET::kernel<typename D::kernel_tag>;
    return !ACTFN_IS_CONSTANT_EVALUATED() && ACTFN_STATIC_TARGET::has_lanes<K, T>(self());
#endif
  }

  // f(x) (O = op::value) or f'(x) by the static target's kernel on one plain lane.
  template <op O>
  ACTFN_HOST_DEVICE ACTFN_INLINE T on_lane(T x) const noexcept {
#if !defined(__CUDA_ARCH__)
    using K = ACTFN_STATIC_TARGET::kernel<typename D::kernel_tag>;
    if constexpr (ACTFN_STATIC_TARGET::has_lane_kernels<K, T>) {
      using L = typename K::template lane<T>;
      const L v = ACTFN_STATIC_TARGET::load<L>(&x);  // a 16-bit T: converted without branches
      T y;
      if constexpr (O == op::value) {
        ACTFN_STATIC_TARGET::store(&y, K::template value<T>(self(), v));
      } else {
        ACTFN_STATIC_TARGET::store(&y, K::template derivative<T>(self(), v));
      }
      return y;
    }
#endif
    return x;  // not reached: runs_lanes() is false here
  }

 private:
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr const D& self() const noexcept {
    return static_cast<const D&>(*this);
  }
  // Whether D's derivative is its default tier's (D::faithful_slope(), where D defines it: a
  // fast tier whose derivative needs faithful's double lanes, as GELU-tanh's in float); its
  // derivative and backward spans then run that tier's loops on *this (the same members), the
  // same bits.
  static constexpr bool has_faithful_slope = requires(const D& f) { f.faithful_slope(); };
  template <op O>
  ACTFN_INLINE void run_faithful(const T* x, const T* g, std::span<T> y) const noexcept {
    const auto f = std::bit_cast<typename faithful_of<D>::type>(self());
    ACTFN_STATIC_TARGET::run<O>(f, x, g, y.data(), y.size());
  }
  // *this as loop_functor<D>: the same members, so the same bits (functors are trivially
  // copyable: tests/tiers.cpp).
  ACTFN_ALWAYS_INLINE decltype(auto) loop_self() const noexcept {
    using L = typename loop_functor<D>::type;
    if constexpr (std::is_same_v<L, D>) {
      return self();
    } else {
      return std::bit_cast<L>(self());
    }
  }
};

}  // namespace actfn::detail

namespace actfn {

/// An actfn activation functor: sigmoid<float>, gelu<double, precise>, ... (a class derived from
/// the forms every functor shares, with its kernels). What actfn::gated<F> gates with: a lambda
/// or another library's functor is not one.
template <class F>
concept activation_functor =
    requires {
      typename F::value_type;
      typename F::kernel_tag;
    } && floating_point<typename F::value_type> &&
    std::derived_from<F, detail::activation<F, typename F::value_type>>;

}  // namespace actfn

namespace actfn::detail {

// The span forms of D::derivative_from_output(T), for the functions whose derivative is a
// function of their output (sigmoid, tanh, ReLU, Leaky ReLU with a positive slope, ELU and CELU
// with a positive α, SELU): training code that keeps only the forward output (an in-place
// forward) computes the backward from it. One formula, which the compiler vectorizes. D may
// have require_invertible(), which throws where its parameters leave x undetermined by y.
template <class D, floating_point T>
struct output_derivative {
  /// d[i] = f'(x[i]) computed from y[i] = f(x[i]), element for element the scalar form (NaN
  /// where the parameters leave x undetermined by y). d may be y itself.
  void derivative_from_output(std::span<const T> y, std::span<T> d) const {
    map<T>(D::name, y, d,
           [f = static_cast<const D&>(*this)](T v) { return f.derivative_from_output(v); });
  }

  /// grad_x[i] = grad_y[i]·f'(x[i]), f' computed from y[i] = f(x[i]) and rounded to T, the
  /// product rounded once (backward's rule). grad_x may be y or grad_y itself. Bad sizes (and
  /// parameters that leave x undetermined by y) throw std::invalid_argument before any write.
  void backward_from_output(std::span<const T> y, std::span<const T> grad_y,
                            std::span<T> grad_x) const {
    const D& f = static_cast<const D&>(*this);
    if constexpr (requires { f.require_invertible(); }) f.require_invertible();
    require_same_size<T>(D::name, "y", y, "grad_y", grad_y);
    require_writable<T>(D::name, "y", y, "grad_x", grad_x);
    require_writable<T>(D::name, "grad_y", grad_y, "grad_x", grad_x);
    for (std::size_t i = 0; i < y.size(); ++i) {
      grad_x[i] = static_cast<T>(operand(grad_y[i]) * operand(f.derivative_from_output(y[i])));
    }
  }
};

}  // namespace actfn::detail
