// actfn/detail/kernels/hardtanh.hpp: clamp(x, min_val, max_val) and its indicator of the open
// interval, on T's own lanes: exact, so no wider type is needed. Serves hardtanh and relu6 (which
// is hardtanh on [0, 6]). Included once plainly (the tag), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_HARDTANH_HPP
#define ACTFN_DETAIL_KERNELS_HARDTANH_HPP

namespace actfn::detail {
struct hardtanh_tag {};
}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_HARDTANH_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<hardtanh_tag> {
  template <class T>
  using lane = own_lane<T>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)

  // The scalar forms' comparisons, as lane operations: lo > x ? lo : x, then hi < m ? hi : m, so
  // that NaN and -0 (inside the interval) stay.
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    const V lo(f.min_val), hi(f.max_val);
    const V m = select(x < lo, lo, x);
    return select(hi < m, hi, m);
  }
  // 1 on (lo, hi), 0 outside it and at its ends, NaN for NaN.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    const V lo(f.min_val), hi(f.max_val);
    return select(lo < x, select(x < hi, V(1.0), V(0.0)), select(x <= lo, V(0.0), x));
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
