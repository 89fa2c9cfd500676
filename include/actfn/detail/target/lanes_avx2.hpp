// actfn/detail/target/lanes_avx2.hpp: batch<double> and batch<float> on AVX2 with FMA (4 and 8
// lanes). Masks are lanes of all ones or all zeros. Included in the avx2 pass only.

namespace actfn::detail::ACTFN_TARGET {

template <class L>
struct batch;

template <>
struct batch<double> {
  static constexpr std::size_t size = 4;
  using mask = __m256d;
  __m256d v;

  batch(__m256d r) noexcept : v(r) {}
  batch(double s) noexcept : v(_mm256_set1_pd(s)) {}
  static batch load(const double* p) noexcept { return _mm256_loadu_pd(p); }
  static batch load(const float* p) noexcept { return _mm256_cvtps_pd(_mm_loadu_ps(p)); }
  void store(double* p) const noexcept { _mm256_storeu_pd(p, v); }
  void store(float* p) const noexcept { _mm_storeu_ps(p, _mm256_cvtpd_ps(v)); }
};
using batch_d = batch<double>;

inline batch_d operator+(batch_d a, batch_d b) noexcept { return _mm256_add_pd(a.v, b.v); }
inline batch_d operator-(batch_d a, batch_d b) noexcept { return _mm256_sub_pd(a.v, b.v); }
inline batch_d operator*(batch_d a, batch_d b) noexcept { return _mm256_mul_pd(a.v, b.v); }
inline batch_d operator-(batch_d a) noexcept { return _mm256_sub_pd(_mm256_setzero_pd(), a.v); }
inline __m256d operator<(batch_d a, batch_d b) noexcept {
  return _mm256_cmp_pd(a.v, b.v, _CMP_LT_OQ);
}
inline __m256d operator>(batch_d a, batch_d b) noexcept {
  return _mm256_cmp_pd(a.v, b.v, _CMP_GT_OQ);
}
inline __m256d operator<=(batch_d a, batch_d b) noexcept {
  return _mm256_cmp_pd(a.v, b.v, _CMP_LE_OQ);
}
inline batch_d select(__m256d m, batch_d a, batch_d b) noexcept {
  return _mm256_blendv_pd(b.v, a.v, m);
}
inline batch_d madd(batch_d a, batch_d b, batch_d c) noexcept {
  return _mm256_fmadd_pd(a.v, b.v, c.v);
}
inline batch_d min_of(batch_d a, batch_d b) noexcept { return _mm256_min_pd(a.v, b.v); }
inline batch_d max_of(batch_d a, batch_d b) noexcept { return _mm256_max_pd(a.v, b.v); }
inline batch_d magnitude(batch_d a) noexcept { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a.v); }
inline batch_d binade(batch_d a) noexcept {
  return _mm256_and_pd(a.v, _mm256_castsi256_pd(_mm256_set1_epi64x(0x7ff0000000000000)));
}
inline batch_d recip(batch_d d) noexcept { return _mm256_div_pd(_mm256_set1_pd(1), d.v); }
inline batch_d quotient(batch_d a, batch_d b) noexcept { return _mm256_div_pd(a.v, b.v); }
inline batch_d exponent_field(batch_d y) noexcept {
  return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_castpd_si256(y.v), 52));
}
inline batch_d with_sign_of(batch_d mag, batch_d s) noexcept {
  const __m256d sign = _mm256_set1_pd(-0.0);
  return _mm256_or_pd(_mm256_andnot_pd(sign, mag.v), _mm256_and_pd(sign, s.v));
}
inline batch_d sign01(batch_d v) noexcept {
  const __m256i b = _mm256_or_si256(_mm256_srli_epi64(_mm256_castpd_si256(v.v), 63),
                                    _mm256_set1_epi64x(0x4330000000000000));
  return _mm256_sub_pd(_mm256_castsi256_pd(b), _mm256_set1_pd(0x1p52));
}
// a where v's sign bit is set, else b: VBLENDVPD reads the sign bit itself.
inline batch_d choose_by_sign(batch_d v, batch_d a, batch_d b) noexcept {
  return _mm256_blendv_pd(b.v, a.v, v.v);
}
inline batch_d narrow_round(batch_d a) noexcept { return _mm256_cvtps_pd(_mm256_cvtpd_ps(a.v)); }

template <>
struct batch<float> {
  static constexpr std::size_t size = 8;
  using mask = __m256;
  __m256 v;

  batch(__m256 r) noexcept : v(r) {}
  batch(float s) noexcept : v(_mm256_set1_ps(s)) {}
  static batch load(const float* p) noexcept { return _mm256_loadu_ps(p); }
  void store(float* p) const noexcept { _mm256_storeu_ps(p, v); }
};
using batch_f = batch<float>;

inline batch_f operator*(batch_f a, batch_f b) noexcept { return _mm256_mul_ps(a.v, b.v); }
inline __m256 operator<(batch_f a, batch_f b) noexcept {
  return _mm256_cmp_ps(a.v, b.v, _CMP_LT_OQ);
}
inline __m256 operator>(batch_f a, batch_f b) noexcept {
  return _mm256_cmp_ps(a.v, b.v, _CMP_GT_OQ);
}
inline __m256 operator<=(batch_f a, batch_f b) noexcept {
  return _mm256_cmp_ps(a.v, b.v, _CMP_LE_OQ);
}
inline batch_f select(__m256 m, batch_f a, batch_f b) noexcept {
  return _mm256_blendv_ps(b.v, a.v, m);
}
inline batch_f max_of(batch_f a, batch_f b) noexcept { return _mm256_max_ps(a.v, b.v); }
// The rest serves the float-lane kernels (the faithful tier), as batch_d's above.
inline batch_f operator+(batch_f a, batch_f b) noexcept { return _mm256_add_ps(a.v, b.v); }
inline batch_f operator-(batch_f a, batch_f b) noexcept { return _mm256_sub_ps(a.v, b.v); }
inline batch_f operator-(batch_f a) noexcept { return _mm256_sub_ps(_mm256_setzero_ps(), a.v); }
inline batch_f madd(batch_f a, batch_f b, batch_f c) noexcept {
  return _mm256_fmadd_ps(a.v, b.v, c.v);
}
inline batch_f min_of(batch_f a, batch_f b) noexcept { return _mm256_min_ps(a.v, b.v); }
inline batch_f magnitude(batch_f a) noexcept {
  return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a.v);
}
inline batch_f binade(batch_f a) noexcept {
  return _mm256_and_ps(a.v, _mm256_castsi256_ps(_mm256_set1_epi32(0x7f800000)));
}
inline batch_f recip(batch_f d) noexcept { return _mm256_div_ps(_mm256_set1_ps(1.0f), d.v); }
inline batch_f quotient(batch_f a, batch_f b) noexcept { return _mm256_div_ps(a.v, b.v); }
inline batch_f exponent_field(batch_f y) noexcept {
  return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(y.v), 23));
}
inline batch_f with_sign_of(batch_f mag, batch_f s) noexcept {
  const __m256 sign = _mm256_set1_ps(-0.0f);
  return _mm256_or_ps(_mm256_andnot_ps(sign, mag.v), _mm256_and_ps(sign, s.v));
}
inline batch_f choose_by_sign(batch_f v, batch_f a, batch_f b) noexcept {
  return _mm256_blendv_ps(b.v, a.v, v.v);
}
// table[i] for i = the low three bits of each lane of y: one VPERMPS, the table in a register.
inline batch_f lookup(const float (&table)[8], batch_f y) noexcept {
  return _mm256_permutevar8x32_ps(_mm256_loadu_ps(table), _mm256_castps_si256(y.v));
}

}  // namespace actfn::detail::ACTFN_TARGET
