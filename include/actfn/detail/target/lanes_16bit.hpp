// actfn/detail/target/lanes_16bit.hpp: the span loops' loads and stores of a 16-bit T (float16,
// bfloat16), to and from the double lanes it is computed in (per target, no include guard).
//
// Load: 16 bits to float (exact: F16C's VCVTPH2PS for binary16 on x86's AVX2 and AVX-512
// levels, a shift for bfloat16, the format's own conversion elsewhere), then float to double.
// Store: a double result rounded to the format's grid once, in the double lanes (below), then
// converted to float and to 16 bits, both exact. Rounding to float first and then to 16 bits
// would round twice: a result just above a 16-bit midpoint can round to float exactly on it, and
// then to even, the wrong way. (The exact kernels compute in float lanes, which round once.)

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

// Whether this pass has F16C: a dispatched AVX2 or AVX-512 pass (its target region enables it),
// a static one where the compiler's flags do (-march=haswell and later; -mavx2 -mfma alone not).
inline constexpr bool f16c_here =
#if (ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512) && \
    (ACTFN_TARGET_LEVEL > ACTFN_STATIC_LEVEL || defined(__F16C__))
    true;
#else
    false;
#endif

#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
// Whether Format's values convert eight at a time in AVX registers here.
template <class Format>
inline constexpr bool in_registers = Format::fraction_bits == 7 || f16c_here;

// Eight 16-bit values to floats (exact), and eight floats to 16 bits, rounded to nearest even:
// F16C for binary16; for bfloat16 a shift, and back the integer rounding of the low half into
// the top one (a NaN keeps its quiet bit, so it stays a NaN), packed as signed 16-bit integers.
template <class Format>
ACTFN_INLINE __m256 widen8(const std::uint16_t* h) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h));
  if constexpr (Format::fraction_bits == 10) {
    return _mm256_cvtph_ps(v);
  } else {
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(v), 16));
  }
}
template <class Format>
ACTFN_INLINE void narrow8(__m256 f, std::uint16_t* h) noexcept {
  __m128i v;
  if constexpr (Format::fraction_bits == 10) {
    v = _mm256_cvtps_ph(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  } else {
    const __m256i b = _mm256_castps_si256(f);
    const __m256i odd = _mm256_and_si256(_mm256_srli_epi32(b, 16), _mm256_set1_epi32(1));
    const __m256i t = _mm256_srai_epi32(
        _mm256_add_epi32(_mm256_add_epi32(b, _mm256_set1_epi32(0x7fff)), odd), 16);
    v = _mm_packs_epi32(_mm256_castsi256_si128(t), _mm256_extracti128_si256(t, 1));
  }
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h), v);
}
#endif

// n 16-bit values of Format to floats, exactly, and n floats to 16 bits, rounded to nearest even.
template <class Format>
ACTFN_INLINE void widen_16bit(const std::uint16_t* h, float* f, std::size_t n) noexcept {
  std::size_t i = 0;
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
  if constexpr (in_registers<Format>) {
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(f + i, widen8<Format>(h + i));
  }
#endif
  for (; i < n; ++i) f[i] = static_cast<float>(Format::to_double(h[i]));
}
template <class Format>
ACTFN_INLINE void narrow_16bit(const float* f, std::uint16_t* h, std::size_t n) noexcept {
  std::size_t i = 0;
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
  if constexpr (in_registers<Format>) {
    for (; i + 8 <= n; i += 8) narrow8<Format>(_mm256_loadu_ps(f + i), h + i);
  }
#endif
  for (; i < n; ++i) h[i] = Format::from_double(f[i]);
}

// One 16-bit value to a plain lane L (float or double) and back, rounded once: the scalar calls
// (their inline kernels, which a loop of them vectorizes) and the span loops without SIMD.
// Branch-free where the level has no F16C: binary16 from its bits by a rebias (subnormals as
// an integer times 2^-24, never a subnormal float, which flush-to-zero would lose).
template <class L, class T>
ACTFN_INLINE L plain_from_16bit(T x) noexcept {
  const std::uint16_t h = bits_of(x);
  float f;
  if constexpr (binary16_traits<T>::format::fraction_bits == 7) {
    f = std::bit_cast<float>(std::uint32_t{h} << 16);
  } else {
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
    if constexpr (f16c_here) return static_cast<L>(_cvtsh_ss(h));
#endif
    const std::uint32_t a = h & 0x7fffu;
    const std::uint32_t normal = (a << 13) + ((127u - 15u) << 23);
    const std::uint32_t special = 0x7f800000u | (a << 13);  // infinity, NaN (payload kept)
    const float m = a < 0x400u ? static_cast<float>(a) * 0x1p-24f
                               : std::bit_cast<float>(a >= 0x7c00u ? special : normal);
    f = std::bit_cast<float>(std::bit_cast<std::uint32_t>(m) | std::uint32_t{h & 0x8000u} << 16);
  }
  return static_cast<L>(f);
}
template <class T, class L>
ACTFN_INLINE T plain_to_16bit(L v) noexcept {
  using Format = typename binary16_traits<T>::format;
  // On the grid first (exact from a float lane: every float is a double), then exactly to float.
  const float f = static_cast<float>(round_to_format<Format>(static_cast<double>(v)));
  const std::uint32_t u = std::bit_cast<std::uint32_t>(f);
  std::uint32_t h;
  if constexpr (Format::fraction_bits == 7) {
    h = u >> 16;
  } else {
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2 || ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX512
    if constexpr (f16c_here) {
      const __m128i r = _mm_cvtps_ph(_mm_set_ss(f), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
      // (not _cvtss_sh: Clang's is a compound literal, which -Wpedantic rejects)
      return std::bit_cast<T>(static_cast<std::uint16_t>(_mm_cvtsi128_si32(r)));
    }
#endif
    const std::uint32_t a = u & 0x7fffffffu;
    const float tiny = a < 0x38800000u ? std::bit_cast<float>(a) : 0.0f;   // below 2^-14
    const std::uint32_t sub = static_cast<std::uint32_t>(tiny * 0x1p24f);  // exact: k·2^-24
    const std::uint32_t big = a > 0x7f800000u ? 0x7e00u : 0x7c00u;         // NaN; 2^16 and up: inf
    h = (a >= 0x47800000u   ? big
         : a >= 0x38800000u ? (a >> 13) - 0x1c000u
                            : sub) |
        ((u >> 16) & 0x8000u);
  }
  return std::bit_cast<T>(static_cast<std::uint16_t>(h));
}

#if ACTFN_TARGET_LEVEL != ACTFN_LEVEL_SCALAR  // (plain lanes convert one value: above)
// The lanes V (of double: 16-bit values computed to more than float's precision; or of float:
// the exact kernels, ReLU's family) of width<V> 16-bit T at p, and their store, rounded once:
// double lanes to the format's grid first (round_to_format), so that the conversions after it
// are exact; float lanes by the conversion itself. On AVX2 in registers (through memory, two
// 16-byte stores read back as one 32-byte load stall the store forwarding: 14x ReLU's time).
template <class V, class T>
ACTFN_INLINE V load_16bit(const T* p) noexcept {
  using Format = typename binary16_traits<T>::format;
  constexpr std::size_t n = width<V>;
  std::uint16_t h[n];
  std::memcpy(h, p, sizeof h);
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2
  if constexpr (in_registers<Format> && std::is_same_v<V, twin<double>>) {
    const __m256 f = widen8<Format>(h);
    return V(_mm256_cvtps_pd(_mm256_castps256_ps128(f)),
             _mm256_cvtps_pd(_mm256_extractf128_ps(f, 1)));
  } else if constexpr (in_registers<Format>) {
    return V(widen8<Format>(h), widen8<Format>(h + 8));
  }
#endif
  float f[n];
  widen_16bit<Format>(h, f, n);
  return V::load(static_cast<const float*>(f));
}
template <class T, class V>
ACTFN_INLINE void store_16bit(T* p, V v) noexcept {
  using Format = typename binary16_traits<T>::format;
  constexpr std::size_t n = width<V>;
  std::uint16_t h[n];
  V r = v;
  if constexpr (std::is_same_v<V, twin<double>>) r = round_to_format<Format>(v);
  bool done = false;
#if ACTFN_TARGET_LEVEL == ACTFN_LEVEL_AVX2
  if constexpr (in_registers<Format> && std::is_same_v<V, twin<double>>) {
    narrow8<Format>(_mm256_insertf128_ps(_mm256_castps128_ps256(_mm256_cvtpd_ps(r.a.v)),
                                         _mm256_cvtpd_ps(r.b.v), 1),
                    h);
    done = true;
  } else if constexpr (in_registers<Format>) {
    narrow8<Format>(r.a.v, h);
    narrow8<Format>(r.b.v, h + 8);
    done = true;
  }
#endif
  if (!done) {
    float f[n];
    r.store(f);
    narrow_16bit<Format>(f, h, n);
  }
  std::memcpy(p, h, sizeof h);
}
#endif

}  // namespace actfn::detail::ACTFN_TARGET

namespace actfn::detail::ACTFN_TARGET {

// A 16-bit T's f(x) = x/2 + c·x² + ... near 0 (GELU, SiLU, hardswish), computed as y = x/2
// exactly where c·x² is below y's last bit: below 2^-120, x/2 of a bfloat16 x can lie halfway
// between two subnormals, where the exact value lies 2^-120 of itself or less on the side of c
// (dir: its sign). Moved 2^-20 of itself that way, far less than half a spacing, y rounds as the
// exact value does (unmoved, it went to even: half the time the wrong way, 128 inputs of each
// of these functions).
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
