// actfn/detail/kernels/squared_relu.hpp: max(0, x)² and 2·max(0, x). The square rounds once in
// T's own lanes (float, double): correctly rounded. A 16-bit T is squared in double lanes, where
// the product of two 11-bit significands is exact even for bfloat16's subnormals (in float lanes
// it would round first in float's subnormals, then again to 16 bits), and rounds once, to 16
// bits, at the store. Included once plainly (the tag), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_SQUARED_RELU_HPP
#define ACTFN_DETAIL_KERNELS_SQUARED_RELU_HPP

namespace actfn::detail {
struct squared_relu_tag {};
}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_SQUARED_RELU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<squared_relu_tag> {
  template <class T>
  using lane = std::conditional_t<is_binary16<T>, double, own_lane<T>>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)

  // r = max_of(0, x) is 0 > x ? 0 : x: NaN stays NaN, -0 stays -0 (and squares to +0).
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    const V r = max_of(V(0.0), x);
    return r * r;
  }
  // 2r is exact (it overflows to inf exactly where the exact value exceeds T's range).
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    const V r = max_of(V(0.0), x);
    return r + r;
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
