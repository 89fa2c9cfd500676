// actfn/detail/target/lanes_avx512.hpp: batch<double> and batch<float> on AVX-512 (8 and 16
// lanes). Included in the avx512 pass only.

namespace actfn::detail::ACTFN_TARGET {

template <class L>
struct batch;

template <>
struct batch<double> {
  static constexpr std::size_t size = 8;
  using mask = __mmask8;
  // The maskz forms with every lane on: GCC 12's plain forms start from _mm512_undefined_pd()
  // and warn (-Wuninitialized) wherever they are inlined.
  static constexpr mask all = 0xFF;
  __m512d v;

  batch(__m512d r) noexcept : v(r) {}
  batch(double s) noexcept : v(_mm512_set1_pd(s)) {}
  static batch load(const double* p) noexcept { return _mm512_loadu_pd(p); }
  static batch load(const float* p) noexcept {
    return _mm512_maskz_cvtps_pd(all, _mm256_loadu_ps(p));
  }
  void store(double* p) const noexcept { _mm512_storeu_pd(p, v); }
  void store(float* p) const noexcept { _mm256_storeu_ps(p, _mm512_maskz_cvtpd_ps(all, v)); }
};
using batch_d = batch<double>;

inline batch_d operator+(batch_d a, batch_d b) noexcept { return _mm512_add_pd(a.v, b.v); }
inline batch_d operator-(batch_d a, batch_d b) noexcept { return _mm512_sub_pd(a.v, b.v); }
inline batch_d operator*(batch_d a, batch_d b) noexcept { return _mm512_mul_pd(a.v, b.v); }
inline batch_d operator-(batch_d a) noexcept { return _mm512_sub_pd(_mm512_setzero_pd(), a.v); }
inline __mmask8 operator<(batch_d a, batch_d b) noexcept {
  return _mm512_cmp_pd_mask(a.v, b.v, _CMP_LT_OQ);
}
inline __mmask8 operator>(batch_d a, batch_d b) noexcept {
  return _mm512_cmp_pd_mask(a.v, b.v, _CMP_GT_OQ);
}
inline __mmask8 operator<=(batch_d a, batch_d b) noexcept {
  return _mm512_cmp_pd_mask(a.v, b.v, _CMP_LE_OQ);
}
inline batch_d select(__mmask8 m, batch_d a, batch_d b) noexcept {
  return _mm512_mask_blend_pd(m, b.v, a.v);
}
inline batch_d madd(batch_d a, batch_d b, batch_d c) noexcept {
  return _mm512_fmadd_pd(a.v, b.v, c.v);
}
inline batch_d min_of(batch_d a, batch_d b) noexcept {
  return _mm512_maskz_min_pd(batch_d::all, a.v, b.v);
}
inline batch_d max_of(batch_d a, batch_d b) noexcept {
  return _mm512_maskz_max_pd(batch_d::all, a.v, b.v);
}
inline batch_d magnitude(batch_d a) noexcept { return _mm512_abs_pd(a.v); }
inline batch_d binade(batch_d a) noexcept {
  return _mm512_castsi512_pd(
      _mm512_and_si512(_mm512_castpd_si512(a.v), _mm512_set1_epi64(0x7ff0000000000000)));
}
// A true division, as in the plain lanes that scalar calls run, so that both agree bit for bit
// (a 14-bit estimate and Newton steps would not). The divider works beside the FMA ports, and
// every kernel here does more FMA-port work per batch than one VDIVPD occupies the divider.
inline batch_d recip(batch_d d) noexcept { return _mm512_div_pd(_mm512_set1_pd(1), d.v); }
inline batch_d quotient(batch_d a, batch_d b) noexcept { return _mm512_div_pd(a.v, b.v); }
inline batch_d exponent_field(batch_d y) noexcept {
  return _mm512_castsi512_pd(_mm512_maskz_slli_epi64(batch_d::all, _mm512_castpd_si512(y.v), 52));
}
inline batch_d with_sign_of(batch_d mag, batch_d s) noexcept {
  const __m512i sign = _mm512_set1_epi64(INT64_MIN);
  const __mmask8 all = batch_d::all;
  return _mm512_castsi512_pd(
      _mm512_maskz_or_epi64(all, _mm512_maskz_andnot_epi64(all, sign, _mm512_castpd_si512(mag.v)),
                            _mm512_maskz_and_epi64(all, sign, _mm512_castpd_si512(s.v))));
}
inline batch_d sign01(batch_d v) noexcept {
  const __m512i b = _mm512_maskz_or_epi64(
      batch_d::all, _mm512_maskz_srli_epi64(batch_d::all, _mm512_castpd_si512(v.v), 63),
      _mm512_set1_epi64(0x4330000000000000));
  return _mm512_sub_pd(_mm512_castsi512_pd(b), _mm512_set1_pd(0x1p52));
}
// a where v's sign bit is set, else b: the sign bits as a mask (a signed compare with 0 on the
// integer view), then a masked blend.
inline batch_d choose_by_sign(batch_d v, batch_d a, batch_d b) noexcept {
  const __mmask8 m = _mm512_cmplt_epi64_mask(_mm512_castpd_si512(v.v), _mm512_setzero_si512());
  return _mm512_mask_blend_pd(m, b.v, a.v);
}
inline batch_d narrow_round(batch_d a) noexcept {
  return _mm512_maskz_cvtps_pd(batch_d::all, _mm512_maskz_cvtpd_ps(batch_d::all, a.v));
}
// The (leaky) ReLU step: 1 for x > 0, below for x ≤ 0, NaN for NaN, in one VFIXUPIMM: a table
// by x's class, a nibble each (QNaN, SNaN, 0, 1, -inf, inf, negative, positive) of 2 = x
// quieted, 0 = keep below, 10 = +1.
inline batch_d step(batch_d x, batch_d below) noexcept {
  return _mm512_maskz_fixupimm_pd(batch_d::all, below.v, x.v, _mm512_set1_epi64(0xA0A0A022), 0);
}

template <>
struct batch<float> {
  static constexpr std::size_t size = 16;
  using mask = __mmask16;
  static constexpr mask all = 0xFFFF;
  __m512 v;

  batch(__m512 r) noexcept : v(r) {}
  batch(float s) noexcept : v(_mm512_set1_ps(s)) {}
  static batch load(const float* p) noexcept { return _mm512_loadu_ps(p); }
  void store(float* p) const noexcept { _mm512_storeu_ps(p, v); }
};
using batch_f = batch<float>;

inline batch_f operator*(batch_f a, batch_f b) noexcept { return _mm512_mul_ps(a.v, b.v); }
inline __mmask16 operator<(batch_f a, batch_f b) noexcept {
  return _mm512_cmp_ps_mask(a.v, b.v, _CMP_LT_OQ);
}
inline __mmask16 operator>(batch_f a, batch_f b) noexcept {
  return _mm512_cmp_ps_mask(a.v, b.v, _CMP_GT_OQ);
}
inline __mmask16 operator<=(batch_f a, batch_f b) noexcept {
  return _mm512_cmp_ps_mask(a.v, b.v, _CMP_LE_OQ);
}
inline batch_f select(__mmask16 m, batch_f a, batch_f b) noexcept {
  return _mm512_mask_blend_ps(m, b.v, a.v);
}
inline batch_f max_of(batch_f a, batch_f b) noexcept {
  return _mm512_maskz_max_ps(batch_f::all, a.v, b.v);
}
// The rest serves the float-lane kernels (the faithful tier), as batch_d's above.
inline batch_f operator+(batch_f a, batch_f b) noexcept { return _mm512_add_ps(a.v, b.v); }
inline batch_f operator-(batch_f a, batch_f b) noexcept { return _mm512_sub_ps(a.v, b.v); }
inline batch_f operator-(batch_f a) noexcept { return _mm512_sub_ps(_mm512_setzero_ps(), a.v); }
inline batch_f madd(batch_f a, batch_f b, batch_f c) noexcept {
  return _mm512_fmadd_ps(a.v, b.v, c.v);
}
inline batch_f min_of(batch_f a, batch_f b) noexcept {
  return _mm512_maskz_min_ps(batch_f::all, a.v, b.v);
}
inline batch_f magnitude(batch_f a) noexcept { return _mm512_abs_ps(a.v); }
inline batch_f binade(batch_f a) noexcept {
  return _mm512_castsi512_ps(
      _mm512_and_si512(_mm512_castps_si512(a.v), _mm512_set1_epi32(0x7f800000)));
}
inline batch_f recip(batch_f d) noexcept { return _mm512_div_ps(_mm512_set1_ps(1.0f), d.v); }
inline batch_f quotient(batch_f a, batch_f b) noexcept { return _mm512_div_ps(a.v, b.v); }
inline batch_f exponent_field(batch_f y) noexcept {
  return _mm512_castsi512_ps(_mm512_maskz_slli_epi32(batch_f::all, _mm512_castps_si512(y.v), 23));
}
inline batch_f with_sign_of(batch_f mag, batch_f s) noexcept {
  const __m512i sign = _mm512_set1_epi32(INT32_MIN);
  const __mmask16 all = batch_f::all;
  return _mm512_castsi512_ps(
      _mm512_maskz_or_epi32(all, _mm512_maskz_andnot_epi32(all, sign, _mm512_castps_si512(mag.v)),
                            _mm512_maskz_and_epi32(all, sign, _mm512_castps_si512(s.v))));
}
inline batch_f choose_by_sign(batch_f v, batch_f a, batch_f b) noexcept {
  const __mmask16 m = _mm512_cmplt_epi32_mask(_mm512_castps_si512(v.v), _mm512_setzero_si512());
  return _mm512_mask_blend_ps(m, b.v, a.v);
}
// table[i] for i = the low three bits of each lane of y: one VPERMPS, the table twice over in a
// register (VPERMPS on 16 lanes reads four bits).
inline batch_f lookup(const float (&table)[8], batch_f y) noexcept {
  const __m512 t = _mm512_maskz_broadcast_f32x8(batch_f::all, _mm256_loadu_ps(table));
  return _mm512_maskz_permutexvar_ps(batch_f::all, _mm512_castps_si512(y.v), t);
}
inline batch_f step(batch_f x, batch_f below) noexcept {
  return _mm512_maskz_fixupimm_ps(batch_f::all, below.v, x.v,
                                  _mm512_set1_epi32(static_cast<int>(0xA0A0A022u)), 0);
}

}  // namespace actfn::detail::ACTFN_TARGET
