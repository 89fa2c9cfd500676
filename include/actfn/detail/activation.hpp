// actfn/detail/activation.hpp: the forms every functor shares. A functor D defines its scalar
// value `D::operator()(T)` and `D::derivative(T)`, and, where it has lane kernels (`D::lane`
// is the element type they compute in; void if none), `value_lanes` and `derivative_lanes`
// over lanes V. At run time its scalar forms put x in a batch and run those very kernels
// (on_lanes), so the scalar and span results agree bit for bit, whatever instructions (FMA,
// reciprocal estimates) the batch uses.
#pragma once

#include <span>
#include <type_traits>

#include "config.hpp"
#include "span_ops.hpp"

namespace actfn::detail {

template <class D, floating_point T>
struct activation {
  /// The element type T.
  using value_type = T;

  // The loops run on a copy of the functor, so that no store to the output can alias its
  // parameters (a slope) and force a reload on every element.

  /// y[i] = f(x[i]). y may be x itself.
  void operator()(std::span<const T> x, std::span<T> y) const {
    if constexpr (has_lanes()) {
      if (lanes_for(self())) {
        return map_lanes<typename D::lane>(D::name, x, y,
                                           [f = self()](auto v) { return f.value_lanes(v); });
      }
    }
    map<T>(D::name, x, y, [f = self()](T v) { return f(v); });
  }

  /// d[i] = f'(x[i]). d may be x itself.
  void derivative(std::span<const T> x, std::span<T> d) const {
    if constexpr (has_lanes()) {
      if (lanes_for(self())) {
        return map_lanes<typename D::lane>(D::name, x, d,
                                           [f = self()](auto v) { return f.derivative_lanes(v); });
      }
    }
    map<T>(D::name, x, d, [f = self()](T v) { return f.derivative(v); });
  }

  /// grad_in[i] = grad_out[i] * f'(x[i]), one rounding of that product. grad_in may be
  /// grad_out (or x) itself.
  void backward(std::span<const T> x, std::span<const T> grad_out, std::span<T> grad_in) const {
    if constexpr (has_lanes()) {
      if (lanes_for(self())) {
        return map_lanes_scaled<typename D::lane>(
            D::name, x, grad_out, grad_in, [f = self()](auto v) { return f.derivative_lanes(v); });
      }
    }
    map_scaled<T>(D::name, x, grad_out, grad_in, [f = self()](T v) { return f.derivative(v); });
  }

 protected:
  ACTFN_HOST_DEVICE static constexpr bool has_lanes() noexcept {
    if constexpr (requires { typename D::lane; }) {
      return !std::is_void_v<typename D::lane>;
    } else {
      return false;
    }
  }

  // Whether this functor's spans run lane kernels: D has them, and D::lanes_on() (where D
  // has it: GELU's depend on its mode) says they apply.
  ACTFN_HOST_DEVICE static constexpr bool lanes_for(const D& d) noexcept {
    if constexpr (!has_lanes()) {
      return false;
    } else if constexpr (requires { d.lanes_on(); }) {
      return d.lanes_on();
    } else {
      return true;
    }
  }

  // Whether a scalar call runs the lane kernels: at run time on the host when its spans do.
  // In constant evaluation and CUDA device code, it runs D's constexpr wide-type kernels.
  ACTFN_HOST_DEVICE constexpr bool run_lanes() const noexcept {
#if defined(__CUDA_ARCH__)
    return false;
#else
    return lanes_for(self()) && !ACTFN_IS_CONSTANT_EVALUATED();
#endif
  }

  // kernel(x) on a batch holding x in every lane, read back from the first.
  template <class K>
  ACTFN_HOST_DEVICE static T on_lanes(T x, K kernel) noexcept {
#if !defined(__CUDA_ARCH__)
    if constexpr (has_lanes()) {
      using L = typename D::lane;
      return static_cast<T>(first(kernel(lanes_of<L>(static_cast<L>(x)))));
    }
#endif
    return x;  // not reached: run_lanes() is false here
  }

 private:
  ACTFN_HOST_DEVICE constexpr const D& self() const noexcept {
    return static_cast<const D&>(*this);
  }
};

// The span form of D::derivative_from_output(T), for the functions whose derivative is a
// function of their output (sigmoid, tanh).
template <class D, floating_point T>
struct output_derivative {
  /// d[i] = f'(x[i]) computed from y[i] = f(x[i]). d may be y itself.
  void derivative_from_output(std::span<const T> y, std::span<T> d) const {
    map<T>(D::name, y, d,
           [f = static_cast<const D&>(*this)](T v) { return f.derivative_from_output(v); });
  }
};

}  // namespace actfn::detail
