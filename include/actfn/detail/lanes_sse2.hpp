// actfn/detail/lanes_sse2.hpp: batch<double> and batch<float> on SSE2, the x86-64 baseline
// (2 and 4 lanes). No FMA: madd rounds twice, here and in the scalar calls alike, since
// those run on this same batch. Masks are lanes of all ones or all zeros.
#pragma once

#include <emmintrin.h>

#include <cstddef>

namespace actfn::detail {

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

  friend batch operator+(batch a, batch b) noexcept { return _mm_add_pd(a.v, b.v); }
  friend batch operator-(batch a, batch b) noexcept { return _mm_sub_pd(a.v, b.v); }
  friend batch operator*(batch a, batch b) noexcept { return _mm_mul_pd(a.v, b.v); }
  friend batch operator-(batch a) noexcept { return _mm_sub_pd(_mm_setzero_pd(), a.v); }
  friend mask operator<(batch a, batch b) noexcept { return _mm_cmplt_pd(a.v, b.v); }
  friend mask operator>(batch a, batch b) noexcept { return _mm_cmpgt_pd(a.v, b.v); }
  friend mask operator<=(batch a, batch b) noexcept { return _mm_cmple_pd(a.v, b.v); }
  friend batch select(mask m, batch a, batch b) noexcept {
    return _mm_or_pd(_mm_and_pd(m, a.v), _mm_andnot_pd(m, b.v));
  }
  friend batch madd(batch a, batch b, batch c) noexcept {
    return _mm_add_pd(_mm_mul_pd(a.v, b.v), c.v);
  }
  friend batch min_of(batch a, batch b) noexcept { return _mm_min_pd(a.v, b.v); }
  friend batch max_of(batch a, batch b) noexcept { return _mm_max_pd(a.v, b.v); }
  friend batch magnitude(batch a) noexcept { return _mm_andnot_pd(_mm_set1_pd(-0.0), a.v); }
  friend batch recip(batch d) noexcept { return _mm_div_pd(_mm_set1_pd(1), d.v); }
  friend batch exponent_field(batch y) noexcept {
    const __m128i b = _mm_castpd_si128(y.v);
    return _mm_castsi128_pd(_mm_slli_epi64(b, 52));
  }
  friend batch with_sign_of(batch mag, batch s) noexcept {
    const __m128d sign = _mm_set1_pd(-0.0);
    return _mm_or_pd(_mm_andnot_pd(sign, mag.v), _mm_and_pd(sign, s.v));
  }
  friend batch narrow_round(batch a) noexcept { return _mm_cvtps_pd(_mm_cvtpd_ps(a.v)); }
  friend double first(batch a) noexcept { return _mm_cvtsd_f64(a.v); }
};

template <>
struct batch<float> {
  static constexpr std::size_t size = 4;
  using mask = __m128;
  __m128 v;

  batch(__m128 r) noexcept : v(r) {}
  batch(float s) noexcept : v(_mm_set1_ps(s)) {}
  static batch load(const float* p) noexcept { return _mm_loadu_ps(p); }
  void store(float* p) const noexcept { _mm_storeu_ps(p, v); }

  friend batch operator*(batch a, batch b) noexcept { return _mm_mul_ps(a.v, b.v); }
  friend mask operator<(batch a, batch b) noexcept { return _mm_cmplt_ps(a.v, b.v); }
  friend mask operator>(batch a, batch b) noexcept { return _mm_cmpgt_ps(a.v, b.v); }
  friend mask operator<=(batch a, batch b) noexcept { return _mm_cmple_ps(a.v, b.v); }
  friend batch select(mask m, batch a, batch b) noexcept {
    return _mm_or_ps(_mm_and_ps(m, a.v), _mm_andnot_ps(m, b.v));
  }
  friend batch max_of(batch a, batch b) noexcept { return _mm_max_ps(a.v, b.v); }
};

}  // namespace actfn::detail
