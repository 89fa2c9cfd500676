// actfn/detail/target/log1p.hpp: log(1 + u) for u in [0, 1] over lanes of doubles, for float
// results (softplus, log-sigmoid, Mish's softplus). Per target, no include guard.

namespace actfn::detail::ACTFN_TARGET {

// log(1 + u) = 2·atanh(s) = 2s·Σ s^2n/(2n + 1), s = u/(2 + u) in [0, 1/3]: every term positive, no
// cancellation for tiny u, and the ten terms below leave 2^-36 of the sum (the first omitted,
// (1/9)^10/21, bounds the rest). The coefficients are the exact series' (rounded to double).
inline constexpr double k_atanh_series[] = {1.0 / 19, 1.0 / 17, 1.0 / 15, 1.0 / 13, 1.0 / 11,
                                            1.0 / 9,  1.0 / 7,  1.0 / 5,  1.0 / 3,  1.0};

template <class V>
ACTFN_INLINE V log1p_unit(V u) noexcept {
  const V s = u * recip(V(2.0) + u);
  return (V(2.0) * s) * polynomial(s * s, k_atanh_series);
}

}  // namespace actfn::detail::ACTFN_TARGET
