// actfn/detail/lanes_avx512.hpp: batch<double> and batch<float> on AVX-512F (8 and 16 lanes).
#pragma once

#include <immintrin.h>

#include <cstddef>

namespace actfn::detail {

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

  friend batch operator+(batch a, batch b) noexcept { return _mm512_add_pd(a.v, b.v); }
  friend batch operator-(batch a, batch b) noexcept { return _mm512_sub_pd(a.v, b.v); }
  friend batch operator*(batch a, batch b) noexcept { return _mm512_mul_pd(a.v, b.v); }
  friend batch operator-(batch a) noexcept { return _mm512_sub_pd(_mm512_setzero_pd(), a.v); }
  friend mask operator<(batch a, batch b) noexcept {
    return _mm512_cmp_pd_mask(a.v, b.v, _CMP_LT_OQ);
  }
  friend mask operator>(batch a, batch b) noexcept {
    return _mm512_cmp_pd_mask(a.v, b.v, _CMP_GT_OQ);
  }
  friend mask operator<=(batch a, batch b) noexcept {
    return _mm512_cmp_pd_mask(a.v, b.v, _CMP_LE_OQ);
  }
  friend batch select(mask m, batch a, batch b) noexcept {
    return _mm512_mask_blend_pd(m, b.v, a.v);
  }
  friend batch madd(batch a, batch b, batch c) noexcept { return _mm512_fmadd_pd(a.v, b.v, c.v); }
  friend batch min_of(batch a, batch b) noexcept { return _mm512_maskz_min_pd(all, a.v, b.v); }
  friend batch max_of(batch a, batch b) noexcept { return _mm512_maskz_max_pd(all, a.v, b.v); }
  friend batch magnitude(batch a) noexcept { return _mm512_abs_pd(a.v); }
  // 1/d from the 14-bit estimate and two Newton steps (each squares the error: 2^-28, then
  // below double's rounding): 5 FMA-port operations instead of a 16-cycle VDIVPD.
  friend batch recip(batch d) noexcept {
    const __m512d one = _mm512_set1_pd(1), r0 = _mm512_maskz_rcp14_pd(all, d.v);
    const __m512d r1 = _mm512_fmadd_pd(r0, _mm512_fnmadd_pd(d.v, r0, one), r0);
    return _mm512_fmadd_pd(r1, _mm512_fnmadd_pd(d.v, r1, one), r1);
  }
  friend batch exponent_field(batch y) noexcept {
    const __m512i b = _mm512_castpd_si512(y.v);
    return _mm512_castsi512_pd(_mm512_maskz_slli_epi64(all, b, 52));
  }
  friend batch with_sign_of(batch mag, batch s) noexcept {
    const __m512i sign = _mm512_set1_epi64(INT64_MIN);
    return _mm512_castsi512_pd(
        _mm512_maskz_or_epi64(all, _mm512_maskz_andnot_epi64(all, sign, _mm512_castpd_si512(mag.v)),
                              _mm512_maskz_and_epi64(all, sign, _mm512_castpd_si512(s.v))));
  }
  friend batch narrow_round(batch a) noexcept {
    return _mm512_maskz_cvtps_pd(all, _mm512_maskz_cvtpd_ps(all, a.v));
  }
  friend double first(batch a) noexcept { return _mm512_cvtsd_f64(a.v); }
  // The (leaky) ReLU step: 1 for x > 0, below for x ≤ 0, NaN for NaN, in one VFIXUPIMM: a
  // table by x's class, a nibble each (QNaN, SNaN, 0, 1, -inf, inf, negative, positive) of
  // 2 = x quieted, 0 = keep below, 10 = +1.
  friend batch step(batch x, batch below) noexcept {
    return _mm512_maskz_fixupimm_pd(all, below.v, x.v, _mm512_set1_epi64(0xA0A0A022), 0);
  }
};

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

  friend batch operator*(batch a, batch b) noexcept { return _mm512_mul_ps(a.v, b.v); }
  friend mask operator<(batch a, batch b) noexcept {
    return _mm512_cmp_ps_mask(a.v, b.v, _CMP_LT_OQ);
  }
  friend mask operator>(batch a, batch b) noexcept {
    return _mm512_cmp_ps_mask(a.v, b.v, _CMP_GT_OQ);
  }
  friend mask operator<=(batch a, batch b) noexcept {
    return _mm512_cmp_ps_mask(a.v, b.v, _CMP_LE_OQ);
  }
  friend batch select(mask m, batch a, batch b) noexcept {
    return _mm512_mask_blend_ps(m, b.v, a.v);
  }
  friend batch max_of(batch a, batch b) noexcept { return _mm512_maskz_max_ps(all, a.v, b.v); }
  friend batch step(batch x, batch below) noexcept {
    return _mm512_maskz_fixupimm_ps(all, below.v, x.v,
                                    _mm512_set1_epi32(static_cast<int>(0xA0A0A022u)), 0);
  }
};

}  // namespace actfn::detail
