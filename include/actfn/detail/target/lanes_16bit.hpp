// actfn/detail/target/lanes_16bit.hpp: the span loops' loads and stores of a 16-bit T (float16,
// bfloat16), to and from the double lanes it is computed in (per target, no include guard).
//
// Load: 16 bits to float (exact: F16C's VCVTPH2PS for binary16 on x86's AVX2 and AVX-512
// levels, a shift for bfloat16, the format's own conversion elsewhere), then float to double.
// Store: the double result rounded to the format's grid once, in the double lanes (below), then
// converted to float and to 16 bits, both exact. Rounding to float first and then to 16 bits
// would round twice: a result just above a 16-bit midpoint can round to float exactly on it, and
// then to even, the wrong way.

namespace actfn::detail::ACTFN_TARGET {

// d rounded to the nearest value of Format (ties to even), still a double: |d|, capped at the
// first power of 2 past the largest finite value (which becomes infinity in the conversion),
// plus and minus c = 1.5·2^52·s, where s is the format's spacing at |d| (2^(E - M) in the binade
// [2^E, 2^(E+1)), the subnormal spacing 2^(1 - B - M) below the smallest normal): the sum's last
// bit is worth s, its rounding is d's to that spacing, and c's even multiple of s keeps ties to
// even. NaN stays NaN (the cap's minimum returns it), and the sign is put back (-0 included).
template <class Format, class V>
ACTFN_INLINE V round_to_format(V d) noexcept {
  constexpr int m = Format::fraction_bits, b = Format::bias;
  const V a = min_of(V(std::bit_cast<double>(std::uint64_t(1023 + b + 1) << 52)), magnitude(d));
  const V e = max_of(binade(a), V(std::bit_cast<double>(std::uint64_t(1023 + 1 - b) << 52)));
  const V c = e * V(0x1.8p52 * std::bit_cast<double>(std::uint64_t(1023 - m) << 52));
  return with_sign_of(opaque(a + c) - c, d);
}

// n 16-bit values of Format to float, exactly, and n floats holding 16-bit values to their bits.
template <class Format>
ACTFN_INLINE void widen_16bit(const std::uint16_t* h, float* f, std::size_t n) noexcept {
  std::size_t i = 0;
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
  for (; i + 8 <= n; i += 8) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + i));
    if constexpr (Format::fraction_bits == 10) {
      _mm256_storeu_ps(f + i, _mm256_cvtph_ps(v));
    } else {  // bfloat16 is float's top half
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(f + i),
                          _mm256_slli_epi32(_mm256_cvtepu16_epi32(v), 16));
    }
  }
#elif ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SSE2
  if constexpr (Format::fraction_bits == 7) {
    for (; i + 4 <= n; i += 4) {
      const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(h + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(f + i),
                       _mm_unpacklo_epi16(_mm_setzero_si128(), v));
    }
  }
#endif
  for (; i < n; ++i) f[i] = static_cast<float>(Format::to_double(h[i]));
}
template <class Format>
ACTFN_INLINE void narrow_16bit(const float* f, std::uint16_t* h, std::size_t n) noexcept {
  std::size_t i = 0;
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
  for (; i + 8 <= n; i += 8) {
    __m128i v;
    if constexpr (Format::fraction_bits == 10) {
      v = _mm256_cvtps_ph(_mm256_loadu_ps(f + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    } else {  // the top halves, as signed 16-bit integers: the saturating pack keeps them
      const __m256i t =
          _mm256_srai_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(f + i)), 16);
      v = _mm_packs_epi32(_mm256_castsi256_si128(t), _mm256_extracti128_si256(t, 1));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h + i), v);
  }
#elif ACTFN_TARGET_LEVEL == ACTFN_LEVEL_SSE2
  if constexpr (Format::fraction_bits == 7) {
    for (; i + 4 <= n; i += 4) {
      const __m128i t =
          _mm_srai_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(f + i)), 16);
      _mm_storel_epi64(reinterpret_cast<__m128i*>(h + i), _mm_packs_epi32(t, t));
    }
  }
#endif
  for (; i < n; ++i) h[i] = Format::from_double(f[i]);  // exact: f[i] is a 16-bit value
}

// The lanes V (double) of width<V> 16-bit T at p, and their store, rounded once.
template <class V, class T>
ACTFN_INLINE V load_16bit(const T* p) noexcept {
  using Format = typename binary16_traits<T>::format;
  constexpr std::size_t n = width<V>;
  std::uint16_t h[n];
  float f[n];
  std::memcpy(h, p, sizeof h);
  widen_16bit<Format>(h, f, n);
  return V::load(static_cast<const float*>(f));
}
template <class T, class V>
ACTFN_INLINE void store_16bit(T* p, V v) noexcept {
  using Format = typename binary16_traits<T>::format;
  constexpr std::size_t n = width<V>;
  float f[n];
  std::uint16_t h[n];
  round_to_format<Format>(v).store(f);
  narrow_16bit<Format>(f, h, n);
  std::memcpy(p, h, sizeof h);
}

}  // namespace actfn::detail::ACTFN_TARGET

namespace actfn::detail::ACTFN_TARGET {

// A 16-bit T's f(x) = x/2 + c·x² + ... near 0 (GELU, SiLU, hardswish), computed as y = x/2
// exactly where c·x² is below y's last bit: below 2^-120, x/2 of a bfloat16 x can lie halfway
// between two subnormals, where the exact value lies 2^-120 of itself or less on the side of c
// (dir: its sign). Moved 2^-20 of itself that way, far less than half a spacing, y rounds as the
// exact value does (and goes to even otherwise: 128 bfloat16 inputs in four).
template <class T, class V>
ACTFN_INLINE V toward_curvature(V x, V y, double dir) noexcept {
  if constexpr (is_binary16<T>) {
    const V up(1 + dir * 0x1p-20), down(1 - dir * 0x1p-20);
    return select(magnitude(x) < V(0x1p-120), y * choose_by_sign(y, down, up), y);
  } else {
    return y;
  }
}

}  // namespace actfn::detail::ACTFN_TARGET
