// actfn/detail/kernels/softsign.hpp: x/(1 + |x|) and its derivative 1/(1 + |x|)², every kernel.
// Included once plainly (the wide-type kernels), then once per target (the lane kernels).

#ifndef ACTFN_DETAIL_KERNELS_SOFTSIGN_HPP
#define ACTFN_DETAIL_KERNELS_SOFTSIGN_HPP

#include "../wide_math.hpp"

namespace actfn::detail {

// ±1 at ±inf (inf/inf would be NaN); two roundings in W elsewhere.
template <class W>
ACTFN_HOST_DEVICE constexpr W softsign_value(W x) noexcept {
  const W a = detail::abs(x);
  if (a == ce::k_inf<W>) return x > 0 ? W(1) : W(-1);
  return x / (1 + a);
}

// r·r with r = 1/(1 + |x|): (1 + |x|)² would overflow W long before the result underflows.
template <class W>
ACTFN_HOST_DEVICE constexpr W softsign_derivative(W x) noexcept {
  const W r = 1 / (1 + detail::abs(x));
  return r * r;
}

// The wide-type kernels above, for the scalar forms (detail/parameterless.hpp).
struct softsign_tag {
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W value(W x) noexcept {
    return softsign_value(x);
  }
  template <class W>
  ACTFN_HOST_DEVICE static constexpr W derivative(W x) noexcept {
    return softsign_derivative(x);
  }
};

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_SOFTSIGN_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

template <>
struct kernel<softsign_tag> {
  // float and double in double lanes; long double in the wide kernels.
  template <class T>
  using lane = std::conditional_t<std::is_same_v<T, long double>, void, double>;
  static constexpr bool light = true;  // backward fused in one loop (detail/target/loops.hpp)

  // float: x·(1/(1 + |x|)) in double, three roundings of 2^-53: correctly rounded as a float but
  // for the rare double rounding. double: d + d_lo = 1 + |x| exactly, r = 1/d, q = x·r, and q
  // corrected by the exact remainder (x - q·d - q·d_lo)·r: within 0.5 + 2^-50 ULP. |x| is capped
  // at 2^600, where the result is ±1 to far below an ULP (and inf/inf is not NaN).
  template <class T, class F, class V>
  ACTFN_INLINE static V value(const F&, V x) noexcept {
    const V xc = clamp_magnitude(x, 0x1p600);
    const V a = magnitude(xc), d = V(1.0) + a;
    const V r = recip(d);
    const V q = rounded(xc * r);
    if constexpr (float_or_narrower<T>) {
      return q;
    } else {
      const V d_lo = one_plus_error(a, d);
      // with x's sign: at -0 the correction is +0, and -0 + +0 would round to +0
      return with_sign_of(madd(exact_remainder(q, d, xc) - q * d_lo, r, q), x);
    }
  }

  // float: r·r in double. double: 1/(d + d_lo) as r + r·e, e = (1 - r·d) - r·d_lo (the remainder
  // exact), then squared as a pair: within 0.5 + 2^-49 ULP while the result is normal (|x| <
  // 2^511); the subnormal results round twice (measured: 0.99 ULP with an FMA, 1.88 without). The
  // cap 2^600 keeps 1/d finite and its square 0, as the exact value rounds.
  template <class T, class F, class V>
  ACTFN_INLINE static V derivative(const F&, V x) noexcept {
    const V a = magnitude(clamp_magnitude(x, 0x1p600)), d = V(1.0) + a;
    const V r = recip(d);
    if constexpr (is_binary16<T>) {
      // Past 2^52, 1 + a rounds to a, and r·r to 1/a², above the exact value by 2/a of itself:
      // there backward's g·r·r can be exactly a bfloat16 midpoint (g = 0.75, a = 2^66) that the
      // exact product lies just below; moved 2^-40 of itself down, it rounds as that does.
      return select(V(0x1p52) <= a, r * r * V(1 - 0x1p-40), r * r);
    } else if constexpr (float_or_narrower<T>) {
      return r * r;
    } else {
      const V e = exact_remainder(d, r, V(1.0)) - r * one_plus_error(a, d);
      const V s = rounded(r * r);
      return s + madd(r + r, r * e, product_error(r, r, s));
    }
  }

 private:
  // (1 + a) - d exactly, d = 1 + a rounded, a ≥ 0 (Fast2Sum of the larger and the smaller).
  template <class V>
  ACTFN_INLINE static V one_plus_error(V a, V d) noexcept {
    const V big = max_of(V(1.0), a), small = min_of(V(1.0), a);
    return small - (d - big);
  }
};

}  // namespace actfn::detail::ACTFN_TARGET
#endif
