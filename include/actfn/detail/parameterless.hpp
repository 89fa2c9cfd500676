// actfn/detail/parameterless.hpp: the scalar forms of a function without parameters (sigmoid,
// tanh, log-sigmoid, Mish, hardsigmoid, hardswish, softsign). Its kernel tag names the wide-type
// kernels (Tag::value, Tag::derivative, detail/kernels/<function>.hpp); the lane kernels come
// from kernel<Tag>, as for every functor.
#pragma once

#include "activation.hpp"
#include "config.hpp"

namespace actfn::detail {

template <class D, floating_point T, class Tag>
struct parameterless : activation<D, T> {
  using activation<D, T>::operator();
  using activation<D, T>::derivative;
  /// (internal) The kernels that compute it.
  using kernel_tag = Tag;

  /// f(x).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T operator()(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<op::value>(x);
    return static_cast<T>(Tag::value(widen(x)));
  }

  /// f'(x).
  ACTFN_HOST_DEVICE ACTFN_ALWAYS_INLINE constexpr T derivative(T x) const noexcept {
    if (this->runs_lanes()) return this->template on_lane<op::derivative>(x);
    return static_cast<T>(Tag::derivative(widen(x)));
  }
};

}  // namespace actfn::detail
