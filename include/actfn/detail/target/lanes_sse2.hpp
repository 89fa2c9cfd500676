// actfn/detail/target/lanes_sse2.hpp: batch<double> and batch<float> on SSE2, the x86-64
// baseline (2 and 4 lanes). No FMA: madd rounds twice, as the plain lanes of this target do.
// Masks are lanes of all ones or all zeros. Included in the sse2 pass only.

namespace actfn::detail::ACTFN_TARGET {

template <class L>
struct batch;

template <>
struct batch<double> {
  static constexpr std::size_t size = 2;
  using mask = __m128d;
  __m128d v;

  batch(__m128d r) noexcept : v(r) {}
  batch(double s) noexcept : v(_mm_set1_pd(s)) {}
  static batch load(const double* p) noexcept { return _mm_loadu_pd(p); }
  static batch load(const float* p) noexcept {  // two floats: 64 bits
    return _mm_cvtps_pd(_mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p))));
  }
  void store(double* p) const noexcept { _mm_storeu_pd(p, v); }
  void store(float* p) const noexcept {
    _mm_storel_epi64(reinterpret_cast<__m128i*>(p), _mm_castps_si128(_mm_cvtpd_ps(v)));
  }
};
using batch_d = batch<double>;

inline batch_d operator+(batch_d a, batch_d b) noexcept { return _mm_add_pd(a.v, b.v); }
inline batch_d operator-(batch_d a, batch_d b) noexcept { return _mm_sub_pd(a.v, b.v); }
inline batch_d operator*(batch_d a, batch_d b) noexcept { return _mm_mul_pd(a.v, b.v); }
inline batch_d operator-(batch_d a) noexcept { return _mm_sub_pd(_mm_setzero_pd(), a.v); }
inline __m128d operator<(batch_d a, batch_d b) noexcept { return _mm_cmplt_pd(a.v, b.v); }
inline __m128d operator>(batch_d a, batch_d b) noexcept { return _mm_cmpgt_pd(a.v, b.v); }
inline __m128d operator<=(batch_d a, batch_d b) noexcept { return _mm_cmple_pd(a.v, b.v); }
inline batch_d select(__m128d m, batch_d a, batch_d b) noexcept {
  return _mm_or_pd(_mm_and_pd(m, a.v), _mm_andnot_pd(m, b.v));
}
inline batch_d madd(batch_d a, batch_d b, batch_d c) noexcept {
  return _mm_add_pd(_mm_mul_pd(a.v, b.v), c.v);
}
inline batch_d min_of(batch_d a, batch_d b) noexcept { return _mm_min_pd(a.v, b.v); }
inline batch_d max_of(batch_d a, batch_d b) noexcept { return _mm_max_pd(a.v, b.v); }
inline batch_d magnitude(batch_d a) noexcept { return _mm_andnot_pd(_mm_set1_pd(-0.0), a.v); }
inline batch_d binade(batch_d a) noexcept {
  return _mm_and_pd(a.v, _mm_castsi128_pd(_mm_set1_epi64x(0x7ff0000000000000)));
}
inline batch_d recip(batch_d d) noexcept { return _mm_div_pd(_mm_set1_pd(1), d.v); }
inline batch_d quotient(batch_d a, batch_d b) noexcept { return _mm_div_pd(a.v, b.v); }
inline batch_d exponent_field(batch_d y) noexcept {
  return _mm_castsi128_pd(_mm_slli_epi64(_mm_castpd_si128(y.v), 52));
}
inline batch_d with_sign_of(batch_d mag, batch_d s) noexcept {
  const __m128d sign = _mm_set1_pd(-0.0);
  return _mm_or_pd(_mm_andnot_pd(sign, mag.v), _mm_and_pd(sign, s.v));
}
inline batch_d sign01(batch_d v) noexcept {
  const __m128i b =
      _mm_or_si128(_mm_srli_epi64(_mm_castpd_si128(v.v), 63), _mm_set1_epi64x(0x4330000000000000));
  return _mm_sub_pd(_mm_castsi128_pd(b), _mm_set1_pd(0x1p52));
}
inline batch_d choose_by_sign(batch_d v, batch_d a, batch_d b) noexcept {
  const __m128d m =
      _mm_castsi128_pd(_mm_shuffle_epi32(_mm_srai_epi32(_mm_castpd_si128(v.v), 31), 0xF5));
  return _mm_or_pd(_mm_and_pd(m, a.v), _mm_andnot_pd(m, b.v));
}
inline batch_d narrow_round(batch_d a) noexcept { return _mm_cvtps_pd(_mm_cvtpd_ps(a.v)); }
// table[i] for i = the low six bits of each lane of y: two loads (SSE2 has no gather).
inline batch_d lookup(const double (&table)[64], batch_d y) noexcept {
  const __m128i i = _mm_and_si128(_mm_castpd_si128(y.v), _mm_set1_epi64x(63));
  const auto i0 = _mm_cvtsi128_si64(i), i1 = _mm_cvtsi128_si64(_mm_unpackhi_epi64(i, i));
  return _mm_loadh_pd(_mm_load_sd(table + i0), table + i1);
}
inline batch_d low_bits(batch_d y, std::uint64_t mask) noexcept {
  const __m128i b =
      _mm_and_si128(_mm_castpd_si128(y.v), _mm_set1_epi64x(static_cast<long long>(mask)));
  const __m128d k = _mm_set1_pd(0x1.8p52);
  return _mm_sub_pd(_mm_or_pd(_mm_castsi128_pd(b), k), k);
}
inline batch_d high26(batch_d v) noexcept {
  return _mm_and_pd(v.v,
                    _mm_castsi128_pd(_mm_set1_epi64x(static_cast<long long>(0xFFFFFFFFF8000000))));
}

template <>
struct batch<float> {
  static constexpr std::size_t size = 4;
  using mask = __m128;
  __m128 v;

  batch(__m128 r) noexcept : v(r) {}
  batch(float s) noexcept : v(_mm_set1_ps(s)) {}
  static batch load(const float* p) noexcept { return _mm_loadu_ps(p); }
  void store(float* p) const noexcept { _mm_storeu_ps(p, v); }
};
using batch_f = batch<float>;

inline batch_f operator*(batch_f a, batch_f b) noexcept { return _mm_mul_ps(a.v, b.v); }
inline __m128 operator<(batch_f a, batch_f b) noexcept { return _mm_cmplt_ps(a.v, b.v); }
inline __m128 operator>(batch_f a, batch_f b) noexcept { return _mm_cmpgt_ps(a.v, b.v); }
inline __m128 operator<=(batch_f a, batch_f b) noexcept { return _mm_cmple_ps(a.v, b.v); }
inline batch_f select(__m128 m, batch_f a, batch_f b) noexcept {
  return _mm_or_ps(_mm_and_ps(m, a.v), _mm_andnot_ps(m, b.v));
}
inline batch_f max_of(batch_f a, batch_f b) noexcept { return _mm_max_ps(a.v, b.v); }
// The rest serves the fast tier's float lanes (kernels/fast.hpp). SSE2 has no FMA: madd rounds
// twice, as a plain lane's does in a build without one (lanes_scalar.hpp), bit for bit.
inline batch_f operator+(batch_f a, batch_f b) noexcept { return _mm_add_ps(a.v, b.v); }
inline batch_f operator-(batch_f a, batch_f b) noexcept { return _mm_sub_ps(a.v, b.v); }
inline batch_f operator-(batch_f a) noexcept { return _mm_sub_ps(_mm_setzero_ps(), a.v); }
inline batch_f madd(batch_f a, batch_f b, batch_f c) noexcept {
  return _mm_add_ps(_mm_mul_ps(a.v, b.v), c.v);
}
inline batch_f min_of(batch_f a, batch_f b) noexcept { return _mm_min_ps(a.v, b.v); }
inline batch_f magnitude(batch_f a) noexcept { return _mm_andnot_ps(_mm_set1_ps(-0.0f), a.v); }
inline batch_f quotient(batch_f a, batch_f b) noexcept { return _mm_div_ps(a.v, b.v); }
inline batch_f exponent_field(batch_f y) noexcept {
  return _mm_castsi128_ps(_mm_slli_epi32(_mm_castps_si128(y.v), 23));
}
inline batch_f with_sign_of(batch_f mag, batch_f s) noexcept {
  const __m128 sign = _mm_set1_ps(-0.0f);
  return _mm_or_ps(_mm_andnot_ps(sign, mag.v), _mm_and_ps(sign, s.v));
}
// a where v's sign bit is set, else b: the sign spread over the lane by an arithmetic shift.
inline batch_f choose_by_sign(batch_f v, batch_f a, batch_f b) noexcept {
  const __m128 m = _mm_castsi128_ps(_mm_srai_epi32(_mm_castps_si128(v.v), 31));
  return _mm_or_ps(_mm_and_ps(m, a.v), _mm_andnot_ps(m, b.v));
}

}  // namespace actfn::detail::ACTFN_TARGET
