// actfn/detail/target/lanes.hpp: the lane layer of one target (per target, no include guard).
// Kernels are written once over a lane type V, which is a batch<L> of this target or a plain L,
// with the operations of lanes_scalar.hpp and their batch counterparts.
// Adding an ISA (NEON: lanes_neon.hpp) is one more file with the same batch<double> and
// batch<float> operations, one more level in targets.hpp and one more pass in foreach_target.hpp.

#if ACTFN_TARGET_LEVEL == ACTFN_STATIC_LEVEL
#include "lanes_scalar.hpp"  // scalar calls run the static target's kernels on plain lanes
#endif
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SSE2
#include "lanes_sse2.hpp"
#elif ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2
#include "lanes_avx2.hpp"
#elif ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
#include "lanes_avx512.hpp"
#endif

namespace actfn::detail::ACTFN_TARGET {

// The lane type of the span loops for element type L (double or float): a batch, or L itself
// where the target has none.
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SCALAR
template <class L>
using lanes_of = L;
#else
template <class L>
using lanes_of = batch<L>;
#endif

// Whether madd rounds once, which the double kernels' exact residuals need.
inline constexpr bool fused_madd =
#if ACTFN_TARGET_LEVEL >= ACTFN_LEVEL_AVX2 || \
    (ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SCALAR && (defined(FP_FAST_FMA) || defined(__FP_FAST_FMA)))
    true;
#else
    false;
#endif

// Whether the double-result kernels run here: their exact residuals need a fused madd, and
// -ffast-math's reassociation removes the error terms they carry (measured: 2.9 ULP). Elsewhere
// double keeps the wide-type (x87 long double) path.
inline constexpr bool double_kernels_on = fused_madd
#if defined(__FAST_MATH__)
                                          && false
#endif
    ;

template <class V>
inline constexpr std::size_t width = 1;
#if ACTFN_TARGET_LEVEL != ACTFN_LEVEL_SCALAR
template <class L>
inline constexpr std::size_t width<batch<L>> = batch<L>::size;
#endif

template <class V, class T>
ACTFN_INLINE V load(const T* p) noexcept {
  if constexpr (std::is_floating_point_v<V>) {
    return static_cast<V>(*p);
  } else {
    return V::load(p);
  }
}
template <class V, class T>
ACTFN_INLINE void store(T* p, V v) noexcept {
  if constexpr (std::is_floating_point_v<V>) {
    *p = static_cast<T>(v);
  } else {
    v.store(p);
  }
}

// The (leaky) ReLU step: 1 for x > 0, below for x ≤ 0, NaN for NaN (lanes_avx512.hpp: one
// instruction).
template <class V>
ACTFN_INLINE V step(V x, V below) noexcept {
  return select(x > V(0), V(1), select(x <= V(0), below, x));
}

// v, as rounded: a barrier to FMA contraction. GCC's default -ffp-contract=fast would fuse
// p = a·b into a later p + c, after the kernel has captured p's rounding error separately as
// fma(a, b, -p), counting that error twice (measured: 1.26 ULP for double σ'). No instruction.
template <class V>
ACTFN_INLINE V rounded(V v) noexcept {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  if constexpr (std::is_floating_point_v<V>) {
    asm("" : "+v"(v));
  } else {
    asm("" : "+v"(v.v));
  }
#elif defined(__GNUC__) && defined(__aarch64__)
  asm("" : "+w"(v));
#elif defined(__GNUC__)
  asm("" : "+m"(v));
#endif
  return v;
}

// v, hidden from the optimizer under -ffast-math, whose algebra would otherwise fold an error
// term such as (y + k_round) - k_round to y. Free in every other build. (detail::opaque serves
// the wide-type kernels; this one keeps the lanes in registers.)
template <class V>
ACTFN_INLINE V opaque(V v) noexcept {
#if defined(__FAST_MATH__)
  return rounded(v);
#else
  return v;
#endif
}

template <class V, std::size_t N, std::size_t... I>
ACTFN_INLINE V horner(V x, const double (&c)[N], std::index_sequence<I...>) noexcept {
  V p = V(c[0]);
  ((p = madd(p, x, V(c[I + 1]))), ...);
  return p;
}
// c[0]·x^(N-1) + ... + c[N-1], unrolled.
template <class V, std::size_t N>
ACTFN_INLINE V horner(V x, const double (&c)[N]) noexcept {
  return horner(x, c, std::make_index_sequence<N - 1>{});
}

// Each function's kernels, specialized by its tag (detail/kernels/<function>.hpp): the lane
// element type they compute T in (`lane<T>`, void where T has none), and value and derivative
// over lanes V of it.
template <class Tag>
struct kernel;

// Whether kernel K computes T on lanes on this target at all: K has a lane type for T, and where
// that is double for a double T, the double-result kernels run here.
template <class K, class T>
inline constexpr bool has_lane_kernels =
    !std::is_void_v<typename K::template lane<T>> &&
    (!std::is_same_v<T, double> || !std::is_same_v<typename K::template lane<T>, double> ||
     double_kernels_on);

// Whether kernel K computes T for functor f on lanes: it has lane kernels for T, and its
// lanes_on<T>(f), where it has one, says yes.
template <class K, class T, class F>
ACTFN_HOST_DEVICE constexpr bool has_lanes(const F& f) noexcept {
  if constexpr (!has_lane_kernels<K, T>) {
    return false;
  } else if constexpr (requires { K::template lanes_on<T>(f); }) {
    return K::template lanes_on<T>(f);
  } else {
    return true;
  }
}

}  // namespace actfn::detail::ACTFN_TARGET
