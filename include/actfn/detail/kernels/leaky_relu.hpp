// actfn/detail/kernels/leaky_relu.hpp: x, or slope·x below 0, and its step, on T's own lanes
// with the scalar forms' single rounding (slope·x). Included once plainly (the tag), then once
// per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_LEAKY_RELU_HPP
#define ACTFN_DETAIL_KERNELS_LEAKY_RELU_HPP

namespace actfn::detail {
struct leaky_relu_tag {};
}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_LEAKY_RELU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<leaky_relu_tag> {
  // A 16-bit T in double lanes: its product with the float slope is exact there, and rounds once.
  template <class T>
  using lane = std::conditional_t<is_binary16<T>, double, own_lane<T>>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)

  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    return select(x < V(0.0), V(f.negative_slope) * x, x);
  }
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    return step(x, V(f.negative_slope));
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
