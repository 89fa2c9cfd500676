// actfn/detail/kernels/leaky_relu.hpp: x, or slope·x below 0, and its step, on T's own lanes
// with the scalar forms' single rounding (slope·x); a 16-bit T's rounded once to its grid. Included
// once plainly (the tag), then once per target (the lane kernels).

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
  // A 16-bit T: float lanes where madd fuses (the product lands on the 16-bit grid in one FMA,
  // below), else double lanes (where its product with the float slope is exact, rounded once at
  // the store).
  template <class T>
  using lane = std::conditional_t<is_binary16<T>, std::conditional_t<fused_madd, float, double>,
                                  own_lane<T>>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)
  // Whether T's results are put on its grid in the lanes (a 16-bit T in float lanes).
  template <class T, class V>
  static constexpr bool on_grid = is_binary16<T> && std::is_same_v<lane<T>, float>;

  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F& f, V x) noexcept {
    if constexpr (on_grid<T, V>) {
      return select(x < V(0.0f), grid_product<T>(x, V(f.negative_slope)), x);
    } else {
      return select(x < V(0.0), V(f.negative_slope) * x, x);
    }
  }
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F& f, V x) noexcept {
    return step(x, V(f.negative_slope));
  }
  // A 16-bit T in float lanes: g·f' (1, the slope, or NaN) on the grid in one rounding as well.
  template <class T, class F, class V>
  requires on_grid<T, V>
  ACTFN_INLINE static V backward(const F& f, V x, V g) noexcept {
    return grid_product<T>(g, step(x, V(f.negative_slope)));
  }

 private:

  // a·b rounded once to T's grid (nearest, ties to even), in float: c = 1.5·2^(23 - M)·2^E, E the
  // binade of a·b rounded to float (where that rounds up to 2^(E+1), the exact product rounds to
  // it on either grid), has its last bit worth T's spacing there, so madd(a, b, c) - c is the
  // exact product rounded once to it (the subnormal spacing below T's normals, by the maximum).
  // Past 2^100 c would overflow float: there a is scaled by 2^-64 first and the result back
  // (exact, both; a result past float's range becomes the infinity it rounds to); a product
  // that overflows float is that infinity already (past every 16-bit type's range).
  template <class T, class V>
  ACTFN_INLINE static V grid_product(V a, V b) noexcept {
    using Format = typename binary16_traits<T>::format;
    constexpr int m = Format::fraction_bits, bias = Format::bias;
    const V p = a * b;
    const auto big = V(0x1p100f) <= magnitude(p);
    const V as = select(big, a * V(0x1p-64f), a);
    const V e =
        max_of(binade(as * b), V(std::bit_cast<float>(std::uint32_t(127 + 1 - bias) << 23)));
    const V c = e * V(std::bit_cast<float>(std::uint32_t(127 + 23 - m) << 23) * 1.5f);
    const V r = opaque(madd(as, b, c)) - c;
    return select(V(std::numeric_limits<float>::max()) < magnitude(p), p, select(big, r * V(0x1p64f), r));
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
