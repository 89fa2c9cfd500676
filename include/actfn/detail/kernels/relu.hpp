// actfn/detail/kernels/relu.hpp: max(0, x) and its step, on T's own lanes: exact, so no wider
// type is needed. Included once plainly (the tag), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_RELU_HPP
#define ACTFN_DETAIL_KERNELS_RELU_HPP

namespace actfn::detail {
struct relu_tag {};
}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_RELU_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<relu_tag> {
  template <class T>
  using lane = own_lane<T>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)

  // The same results as the scalar forms, which are exact: max_of(0, x) is 0 > x ? 0 : x, so
  // -0 and NaN stay.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    return max_of(V(0.0), x);
  }
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    return step(x, V(0.0));
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
