// actfn/detail/target/double_lanes.hpp: a float-lane kernel's call of a double-lane one (the
// fast tier's float derivatives that need double's range and precision near a root: GELU-tanh's,
// SiLU's), each half of the float batch widened in registers. Per target, no include guard.

namespace actfn::detail::ACTFN_TARGET {

#if !defined(__CUDACC__)  // (nvcc's front end takes no pack expansion in these builtins)
// One batch of floats as two of doubles (lo: its first half), and back, rounded once: by the
// compilers' generic vector conversions (one instruction each way on every level).
template <class BF, class BD, std::size_t... i>
ACTFN_INLINE BF narrow_pair(const BD& lo, const BD& hi, std::index_sequence<i...>) noexcept {
  using FH = decltype(__builtin_shufflevector(std::declval<decltype(std::declval<BF>().v)>(),
                                              std::declval<decltype(std::declval<BF>().v)>(),
                                              i...));  // sizeof...(i) floats
  const FH a = __builtin_convertvector(lo.v, FH), b = __builtin_convertvector(hi.v, FH);
  return BF(__builtin_shufflevector(a, b, i..., (i + sizeof...(i))...));
}
template <class BD, class FV, std::size_t... i>
ACTFN_INLINE BD widen_lo(FV v, std::index_sequence<i...>) noexcept {
  return BD(__builtin_convertvector(__builtin_shufflevector(v, v, i...), decltype(BD(0.0).v)));
}
template <class BD, class FV, std::size_t... i>
ACTFN_INLINE BD widen_hi(FV v, std::index_sequence<i...>) noexcept {
  return BD(__builtin_convertvector(__builtin_shufflevector(v, v, (i + sizeof...(i))...),
                                    decltype(BD(0.0).v)));
}

#endif

// f(x) for float lanes x by a kernel over double lanes, each half widened, rounded once to float
// (under nvcc, whose host code this is only compiled for, through memory).
template <class V, class Fn>
ACTFN_INLINE V in_double_lanes(V x, Fn fn) noexcept {
  if constexpr (std::is_floating_point_v<V>) {
    return static_cast<float>(fn(static_cast<double>(x)));
  } else {
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SCALAR
    return x;  // (not reached: the scalar level's lanes are plain)
#elif defined(__CUDACC__)
    using D = lanes_of<double>;
    alignas(64) float buf[width<V>];
    x.store(buf);
    for (std::size_t k = 0; k < width<V>; k += width<D>) fn(D::load(buf + k)).store(buf + k);
    return V::load(buf);
#else
    using BF = typename V::half;
    using BD = batch<double>;
    using D = twin<double>;
    constexpr auto n = std::make_index_sequence<BD::size>{};
    const D lo = fn(D(widen_lo<BD>(x.a.v, n), widen_hi<BD>(x.a.v, n)));
    const D hi = fn(D(widen_lo<BD>(x.b.v, n), widen_hi<BD>(x.b.v, n)));
    return V(narrow_pair<BF>(lo.a, lo.b, n), narrow_pair<BF>(hi.a, hi.b, n));
#endif
  }
}

}  // namespace actfn::detail::ACTFN_TARGET
