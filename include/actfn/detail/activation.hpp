// actfn/detail/activation.hpp: the span forms every functor shares. A functor D defines its
// scalar value `D::operator()(T)` and `D::derivative(T)`; this base runs exactly those over
// spans, so the scalar and span results can never disagree.
#pragma once

#include <span>

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
    map<T>(D::name, x, y, [f = self()](T v) { return f(v); });
  }

  /// d[i] = f'(x[i]). d may be x itself.
  void derivative(std::span<const T> x, std::span<T> d) const {
    map<T>(D::name, x, d, [f = self()](T v) { return f.derivative(v); });
  }

  /// grad_in[i] = grad_out[i] * f'(x[i]). grad_in may be grad_out (or x) itself.
  void backward(std::span<const T> x, std::span<const T> grad_out, std::span<T> grad_in) const {
    map_scaled<T>(D::name, x, grad_out, grad_in, [f = self()](T v) { return f.derivative(v); });
  }

 private:
  constexpr const D& self() const noexcept { return static_cast<const D&>(*this); }
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
