// actfn/detail/lanes_avx2.hpp: batch<double> and batch<float> on AVX2 with FMA (4 and 8
// lanes). Masks are lanes of all ones or all zeros.
#pragma once

#include <immintrin.h>

#include <cstddef>

namespace actfn::detail {

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

  friend batch operator+(batch a, batch b) noexcept { return _mm256_add_pd(a.v, b.v); }
  friend batch operator-(batch a, batch b) noexcept { return _mm256_sub_pd(a.v, b.v); }
  friend batch operator*(batch a, batch b) noexcept { return _mm256_mul_pd(a.v, b.v); }
  friend batch operator-(batch a) noexcept { return _mm256_sub_pd(_mm256_setzero_pd(), a.v); }
  friend mask operator<(batch a, batch b) noexcept { return _mm256_cmp_pd(a.v, b.v, _CMP_LT_OQ); }
  friend mask operator>(batch a, batch b) noexcept { return _mm256_cmp_pd(a.v, b.v, _CMP_GT_OQ); }
  friend mask operator<=(batch a, batch b) noexcept { return _mm256_cmp_pd(a.v, b.v, _CMP_LE_OQ); }
  friend batch select(mask m, batch a, batch b) noexcept { return _mm256_blendv_pd(b.v, a.v, m); }
  friend batch madd(batch a, batch b, batch c) noexcept { return _mm256_fmadd_pd(a.v, b.v, c.v); }
  friend batch min_of(batch a, batch b) noexcept { return _mm256_min_pd(a.v, b.v); }
  friend batch max_of(batch a, batch b) noexcept { return _mm256_max_pd(a.v, b.v); }
  friend batch magnitude(batch a) noexcept { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a.v); }
  // A division: AVX2 has no double reciprocal estimate, and going through RCPPS costs as much.
  friend batch recip(batch d) noexcept { return _mm256_div_pd(_mm256_set1_pd(1), d.v); }
  friend batch exponent_field(batch y) noexcept {
    const __m256i b = _mm256_castpd_si256(y.v);
    return _mm256_castsi256_pd(_mm256_slli_epi64(b, 52));
  }
  friend batch with_sign_of(batch mag, batch s) noexcept {
    const __m256d sign = _mm256_set1_pd(-0.0);
    return _mm256_or_pd(_mm256_andnot_pd(sign, mag.v), _mm256_and_pd(sign, s.v));
  }
  friend batch narrow_round(batch a) noexcept { return _mm256_cvtps_pd(_mm256_cvtpd_ps(a.v)); }
  friend double first(batch a) noexcept { return _mm256_cvtsd_f64(a.v); }
};

template <>
struct batch<float> {
  static constexpr std::size_t size = 8;
  using mask = __m256;
  __m256 v;

  batch(__m256 r) noexcept : v(r) {}
  batch(float s) noexcept : v(_mm256_set1_ps(s)) {}
  static batch load(const float* p) noexcept { return _mm256_loadu_ps(p); }
  void store(float* p) const noexcept { _mm256_storeu_ps(p, v); }

  friend batch operator*(batch a, batch b) noexcept { return _mm256_mul_ps(a.v, b.v); }
  friend mask operator<(batch a, batch b) noexcept { return _mm256_cmp_ps(a.v, b.v, _CMP_LT_OQ); }
  friend mask operator>(batch a, batch b) noexcept { return _mm256_cmp_ps(a.v, b.v, _CMP_GT_OQ); }
  friend mask operator<=(batch a, batch b) noexcept { return _mm256_cmp_ps(a.v, b.v, _CMP_LE_OQ); }
  friend batch select(mask m, batch a, batch b) noexcept { return _mm256_blendv_ps(b.v, a.v, m); }
  friend batch max_of(batch a, batch b) noexcept { return _mm256_max_ps(a.v, b.v); }
};

}  // namespace actfn::detail
