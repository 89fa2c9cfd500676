// actfn/detail/target/lanes.hpp: the lane layer of one target (per target, no include guard).
// Kernels are written once over a lane type V, which is a batch<L> of this target or a plain L,
// with the operations of lanes_scalar.hpp and their batch counterparts.
// Adding an ISA is one more file with the same batch<double> and batch<float> operations (as
// lanes_neon.hpp), one more level in targets.hpp and one more pass in foreach_target.hpp.

#if ACTFN_TARGET_LEVEL == ACTFN_STATIC_LEVEL
#include "lanes_scalar.hpp"  // scalar calls run the static target's kernels on plain lanes
#endif
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SSE2
#include "lanes_sse2.hpp"
#elif ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2
#include "lanes_avx2.hpp"
#elif ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
#include "lanes_avx512.hpp"
#elif ACTFN_TARGET_LEVEL == ACTFN_LEVEL_NEON
#include "lanes_neon.hpp"
#endif
#if ACTFN_TARGET_LEVEL != ACTFN_LEVEL_SCALAR
#include "lanes_twin.hpp"
#endif

namespace actfn::detail::ACTFN_TARGET {

// The lane type of the span loops for element type L (double or float): two batches side by
// side (lanes_twin.hpp), or L itself where the target has none.
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SCALAR
template <class L>
using lanes_of = L;
#else
template <class L>
using lanes_of = twin<L>;
#endif

// Whether madd rounds once, which the double kernels' exact residuals need.
inline constexpr bool fused_madd =
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512 || \
    ACTFN_TARGET_LEVEL == ACTFN_LEVEL_NEON ||                                             \
    (ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SCALAR && ACTFN_PLAIN_FMA)
    true;
#else
    false;
#endif

// Whether the double-result kernels run here: not under -ffast-math, whose reassociation
// removes the error terms they carry (measured: 2.9 ULP); there double keeps the wide-type (x87
// long double) path.
inline constexpr bool double_kernels_on =
#if defined(__FAST_MATH__)
    false;
#else
    true;
#endif

// The lane element type of the kernels that compute T in tier A here, for a function with
// float-lane kernels. The fast tier: float lanes for float (its kernels need no FMA), double
// lanes for double and for the 16-bit types (precise's kernels: their results stay correctly
// rounded). The faithful tier: float lanes for float where madd fuses (their pairs need the FMA's
// exact residuals), -ffast-math is off (it would fold them away) and the level is not AVX-512
// (there the double lanes of precise are the faster: 1.3-1.7x, measured on an AMD EPYC with
// AVX-512, issue 24); double lanes for every other float and double. None for long double (its
// wide-type kernels).
template <class T, class A>
using lane_for = std::conditional_t<
    std::is_same_v<T, long double>, void,
    std::conditional_t<std::is_same_v<T, float> &&
                           (std::is_same_v<A, fast> ||
                            (std::is_same_v<A, faithful> && fused_madd && double_kernels_on &&
                             ACTFN_TARGET_LEVEL != ACTFN_LEVEL_AVX512)),
                       float, double>>;

// Whether T in tier A runs the fast tier's own kernels (where a function has them): float and
// double; the 16-bit types keep precise's, long double its wide-type ones.
template <class T, class A>
inline constexpr bool runs_fast =
    std::is_same_v<A, fast> && (std::is_same_v<T, float> || std::is_same_v<T, double>);

// Whether the kernels compute T as they compute float: float itself, and the 16-bit types, whose
// results are float's precise-tier ones (double lanes) rounded once more, to 16 bits. Their
// accuracy, far finer than a 16-bit spacing, makes that rounding a correct one (tests/half.cpp).
template <class T>
inline constexpr bool float_or_narrower = std::is_same_v<T, float> || is_binary16<T>;

// The lane element type of the exact kernels (ReLU's family): T's own, float for a 16-bit T
// (whose values, and the float parameters chosen among them, round once to 16 bits), none for
// long double.
template <class T>
using own_lane = std::conditional_t<std::is_same_v<T, long double>, void,
                                    std::conditional_t<is_binary16<T>, float, T>>;

template <class V>
inline constexpr std::size_t width = 1;
#if ACTFN_TARGET_LEVEL != ACTFN_LEVEL_SCALAR
template <class L>
inline constexpr std::size_t width<twin<L>> = twin<L>::size;
#endif

// A 16-bit T's loads and stores: lanes_16bit.hpp.
template <class V, class T>
ACTFN_INLINE V load_16bit(const T* p) noexcept;
template <class T, class V>
ACTFN_INLINE void store_16bit(T* p, V v) noexcept;
template <class L, class T>
ACTFN_INLINE L plain_from_16bit(T x) noexcept;
template <class T, class L>
ACTFN_INLINE T plain_to_16bit(L v) noexcept;

// width<V> elements of T at p as lanes V, and back (a plain lane: one element, converted).
template <class V, class T>
ACTFN_INLINE V load(const T* p) noexcept {
  if constexpr (std::is_floating_point_v<V> && is_binary16<T>) {
    return plain_from_16bit<V>(*p);
  } else if constexpr (std::is_floating_point_v<V>) {
    return static_cast<V>(*p);
  } else if constexpr (is_binary16<T>) {
    return load_16bit<V>(p);
  } else {
    return V::load(p);
  }
}
template <class V, class T>
ACTFN_INLINE void store(T* p, V v) noexcept {
  if constexpr (std::is_floating_point_v<V> && is_binary16<T>) {
    *p = plain_to_16bit<T>(v);
  } else if constexpr (std::is_floating_point_v<V>) {
    *p = static_cast<T>(v);
  } else if constexpr (is_binary16<T>) {
    store_16bit(p, v);
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
// product_error(a, b, p), counting that error twice (measured: 1.26 ULP for double σ').
// __builtin_assoc_barrier costs no instruction and, unlike an asm barrier, lets the compiler
// vectorize a user's loop of scalar calls. Clang contracts nothing here (ACTFN_BEGIN_KERNELS).
template <class V>
ACTFN_INLINE V rounded(V v) noexcept {
#if defined(__clang__)
  return v;
#elif defined(__GNUC__) && __GNUC__ >= 12
  if constexpr (std::is_floating_point_v<V>) {
    return __builtin_assoc_barrier(v);
  } else if constexpr (requires { v.b; }) {
    return V(rounded(v.a), rounded(v.b));
  } else {
    return __builtin_assoc_barrier(v.v);
  }
#else
  if constexpr (std::is_floating_point_v<V>) {
    asm("" : "+x"(v));
  } else if constexpr (requires { v.b; }) {
    return V(rounded(v.a), rounded(v.b));
  } else {
    asm("" : "+x"(v.v));
  }
  return v;
#endif
}

// v, hidden from the optimizer under -ffast-math, whose algebra would otherwise fold an error
// term such as (y + k_round) - k_round to y. Free in every other build. (detail::opaque serves
// the wide-type kernels; this one keeps the lanes in registers.)
template <class V>
ACTFN_INLINE V opaque(V v) noexcept {
#if !defined(__FAST_MATH__)
  return v;
#elif defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
  if constexpr (std::is_floating_point_v<V>) {
    return __builtin_assoc_barrier(v);
  } else if constexpr (requires { v.b; }) {
    return V(opaque(v.a), opaque(v.b));
  } else {
    return __builtin_assoc_barrier(v.v);
  }
#else
  if constexpr (std::is_floating_point_v<V>) {
    asm("" : "+x"(v));
  } else if constexpr (requires { v.b; }) {
    return V(opaque(v.a), opaque(v.b));
  } else {
    asm("" : "+x"(v.v));
  }
  return v;
#endif
}

// t with its magnitude capped at bound (NaN stays NaN). Written as |t|'s minimum and t's sign
// rather than as a minimum and a maximum: GCC then vectorizes a user's loop of scalar calls,
// where a clamp to a constant lets it fold the kernel's clamped branch and give up.
template <class V>
ACTFN_INLINE V clamp_magnitude(V t, double bound) noexcept {
  return with_sign_of(min_of(V(bound), magnitude(t)), t);
}
// The same, with the minimum a select by bits on a plain lane. GCC's partial redundancy
// elimination may move the work after a minimum against a constant into its other branch
// (that work folds to constants on the clamped side); an operation that "could trap" there keeps
// the if-conversion, and the vectorization of a loop of scalar calls, from happening (GELU's
// calls in double were 0.3-0.7x the naive loop with -march=native). Where such a loop does not
// vectorize anyway (SSE2, double), the select costs a few integer instructions more.
template <class V>
ACTFN_INLINE V clamp_magnitude_branchless(V t, double bound) noexcept {
  const V a = magnitude(t);
  if constexpr (std::is_floating_point_v<V>) {
    return with_sign_of(select(V(bound) < a, V(bound), a), t);
  } else {
    return with_sign_of(min_of(V(bound), a), t);
  }
}

// a·b - p, for p = a·b rounded (nothing overflowing or underflowing): the FMA's residual, exact,
// where madd fuses; else Dekker's product, from each factor cut into a 26-bit head and a 27-bit
// tail (by a mask: high26): all but the tails' product are exact, and that one is 2^-104 of a·b.
template <class V>
ACTFN_INLINE V product_error(V a, V b, V p) noexcept {
  if constexpr (fused_madd) {
    return madd(a, b, -p);
  } else {
    const V a1 = high26(a), b1 = high26(b), a2 = a - a1, b2 = b - b1;
    return (((a1 * b1 - p) + a1 * b2) + a2 * b1) + a2 * b2;
  }
}

// s + e = a + b exactly, s = a + b rounded (Knuth's TwoSum: no condition on a and b).
template <class V>
ACTFN_INLINE void two_sum(V a, V b, V& s, V& e) noexcept {
  s = a + b;
  const V b_part = s - a;
  e = (a - (s - b_part)) + (b - b_part);
}

// c - a·b, exactly where that is a double and a·b rounded is within a factor 2 of c (a
// division's remainder): one FMA where madd fuses; else c - a·b rounded (exact, by Sterbenz's
// lemma) less the product's rounding error.
template <class V>
ACTFN_INLINE V exact_remainder(V a, V b, V c) noexcept {
  if constexpr (fused_madd) {
    return madd(-a, b, c);
  } else {
    const V p = a * b;
    return (c - p) - product_error(a, b, p);
  }
}

// The M terms c[N-1-B]·x^0 + ... + c[N-B-M]·x^(M-1) of the polynomial below, by Estrin's
// scheme: the lower half plus x^h times the upper one, h the largest power of 2 below M, so the
// chain of dependent operations is log2(M) deep instead of M (x2[k] = x^(2^(k+1))).
template <std::size_t B, std::size_t M, class V, class C, std::size_t N>
ACTFN_INLINE V estrin(V x, const V (&x2)[4], const C (&c)[N]) noexcept {
  if constexpr (M == 1) {
    return V(c[N - 1 - B]);
  } else if constexpr (M == 2) {
    return madd(V(c[N - 2 - B]), x, V(c[N - 1 - B]));
  } else {
    constexpr std::size_t h = std::bit_floor(M - 1);
    return madd(estrin<B + h, M - h>(x, x2, c), x2[std::bit_width(h) - 2], estrin<B, h>(x, x2, c));
  }
}
// c[0]·x^(N-1) + ... + c[N-1], unrolled, for N ≤ 32, with coefficients C of the lane's element
// type. Its rounding errors are Horner's but for the order of the last few additions; the
// evaluation is latency-bound otherwise (a scalar call, a kernel long enough to fill the
// out-of-order window). p2 is x², which a kernel may have already.
template <class V, class C, std::size_t N>
ACTFN_INLINE V polynomial(V x, V p2, const C (&c)[N]) noexcept {
  static_assert(N >= 1 && N <= 32);
  const V p4 = N > 4 ? p2 * p2 : p2, p8 = N > 8 ? p4 * p4 : p4;
  const V p16 = N > 16 ? p8 * p8 : p8;
  const V x2[4] = {p2, p4, p8, p16};
  return estrin<0, N>(x, x2, c);
}
template <class V, class C, std::size_t N>
ACTFN_INLINE V polynomial(V x, const C (&c)[N]) noexcept {
  return polynomial(x, x * x, c);
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

#include "lanes_16bit.hpp"
