// actfn/detail/target/lanes_neon.hpp: batch<double> and batch<float> on AArch64 Advanced SIMD
// (2 and 4 lanes; FMA always there). Masks are lanes of all ones or all zeros. Included in the
// neon pass only, the static level of every AArch64 build (no dispatch: every AArch64 CPU has it).
//
// min_of and max_of are a comparison and a bit select, not FMIN/FMAX: those return NaN where
// either operand is one, and actfn's lanes give the second (MINPD's rule, which the kernels'
// NaN handling and the plain lanes' `a < b ? a : b` follow).

namespace actfn::detail::ACTFN_TARGET {

template <class L>
struct batch;

template <>
struct batch<double> {
  static constexpr std::size_t size = 2;
  using mask = uint64x2_t;
  float64x2_t v;

  batch(float64x2_t r) noexcept : v(r) {}
  batch(double s) noexcept : v(vdupq_n_f64(s)) {}
  static batch load(const double* p) noexcept { return vld1q_f64(p); }
  static batch load(const float* p) noexcept { return vcvt_f64_f32(vld1_f32(p)); }
  void store(double* p) const noexcept { vst1q_f64(p, v); }
  void store(float* p) const noexcept { vst1_f32(p, vcvt_f32_f64(v)); }
};
using batch_d = batch<double>;

inline batch_d operator+(batch_d a, batch_d b) noexcept { return vaddq_f64(a.v, b.v); }
inline batch_d operator-(batch_d a, batch_d b) noexcept { return vsubq_f64(a.v, b.v); }
inline batch_d operator*(batch_d a, batch_d b) noexcept { return vmulq_f64(a.v, b.v); }
// 0 - a, as the x86 lanes (not FNEG): the same zeros' signs on every target.
inline batch_d operator-(batch_d a) noexcept { return vsubq_f64(vdupq_n_f64(0.0), a.v); }
inline uint64x2_t operator<(batch_d a, batch_d b) noexcept { return vcltq_f64(a.v, b.v); }
inline uint64x2_t operator>(batch_d a, batch_d b) noexcept { return vcgtq_f64(a.v, b.v); }
inline uint64x2_t operator<=(batch_d a, batch_d b) noexcept { return vcleq_f64(a.v, b.v); }
inline batch_d select(uint64x2_t m, batch_d a, batch_d b) noexcept {
  return vbslq_f64(m, a.v, b.v);
}
inline batch_d madd(batch_d a, batch_d b, batch_d c) noexcept { return vfmaq_f64(c.v, a.v, b.v); }
inline batch_d min_of(batch_d a, batch_d b) noexcept {
  return vbslq_f64(vcltq_f64(a.v, b.v), a.v, b.v);
}
inline batch_d max_of(batch_d a, batch_d b) noexcept {
  return vbslq_f64(vcgtq_f64(a.v, b.v), a.v, b.v);
}
inline batch_d magnitude(batch_d a) noexcept { return vabsq_f64(a.v); }
inline batch_d binade(batch_d a) noexcept {
  return vreinterpretq_f64_u64(
      vandq_u64(vreinterpretq_u64_f64(a.v), vdupq_n_u64(0x7ff0000000000000)));
}
inline batch_d recip(batch_d d) noexcept { return vdivq_f64(vdupq_n_f64(1.0), d.v); }
inline batch_d quotient(batch_d a, batch_d b) noexcept { return vdivq_f64(a.v, b.v); }
inline batch_d exponent_field(batch_d y) noexcept {
  return vreinterpretq_f64_u64(vshlq_n_u64(vreinterpretq_u64_f64(y.v), 52));
}
inline batch_d with_sign_of(batch_d mag, batch_d s) noexcept {
  return vbslq_f64(vdupq_n_u64(0x8000000000000000), s.v, mag.v);
}
inline batch_d sign01(batch_d v) noexcept {
  const uint64x2_t b =
      vorrq_u64(vshrq_n_u64(vreinterpretq_u64_f64(v.v), 63), vdupq_n_u64(0x4330000000000000));
  return vsubq_f64(vreinterpretq_f64_u64(b), vdupq_n_f64(0x1p52));
}
// a where v's sign bit is set, else b: the sign bit spread over the lane by a signed shift.
inline batch_d choose_by_sign(batch_d v, batch_d a, batch_d b) noexcept {
  const uint64x2_t m = vreinterpretq_u64_s64(vshrq_n_s64(vreinterpretq_s64_f64(v.v), 63));
  return vbslq_f64(m, a.v, b.v);
}
inline batch_d narrow_round(batch_d a) noexcept { return vcvt_f64_f32(vcvt_f32_f64(a.v)); }

template <>
struct batch<float> {
  static constexpr std::size_t size = 4;
  using mask = uint32x4_t;
  float32x4_t v;

  batch(float32x4_t r) noexcept : v(r) {}
  batch(float s) noexcept : v(vdupq_n_f32(s)) {}
  static batch load(const float* p) noexcept { return vld1q_f32(p); }
  void store(float* p) const noexcept { vst1q_f32(p, v); }
};
using batch_f = batch<float>;

inline batch_f operator+(batch_f a, batch_f b) noexcept { return vaddq_f32(a.v, b.v); }
inline batch_f operator-(batch_f a, batch_f b) noexcept { return vsubq_f32(a.v, b.v); }
inline batch_f operator*(batch_f a, batch_f b) noexcept { return vmulq_f32(a.v, b.v); }
inline batch_f operator-(batch_f a) noexcept { return vsubq_f32(vdupq_n_f32(0.0f), a.v); }
inline uint32x4_t operator<(batch_f a, batch_f b) noexcept { return vcltq_f32(a.v, b.v); }
inline uint32x4_t operator>(batch_f a, batch_f b) noexcept { return vcgtq_f32(a.v, b.v); }
inline uint32x4_t operator<=(batch_f a, batch_f b) noexcept { return vcleq_f32(a.v, b.v); }
inline batch_f select(uint32x4_t m, batch_f a, batch_f b) noexcept {
  return vbslq_f32(m, a.v, b.v);
}
inline batch_f madd(batch_f a, batch_f b, batch_f c) noexcept { return vfmaq_f32(c.v, a.v, b.v); }
inline batch_f min_of(batch_f a, batch_f b) noexcept {
  return vbslq_f32(vcltq_f32(a.v, b.v), a.v, b.v);
}
inline batch_f max_of(batch_f a, batch_f b) noexcept {
  return vbslq_f32(vcgtq_f32(a.v, b.v), a.v, b.v);
}
inline batch_f magnitude(batch_f a) noexcept { return vabsq_f32(a.v); }
inline batch_f binade(batch_f a) noexcept {
  return vreinterpretq_f32_u32(vandq_u32(vreinterpretq_u32_f32(a.v), vdupq_n_u32(0x7f800000)));
}
inline batch_f recip(batch_f d) noexcept { return vdivq_f32(vdupq_n_f32(1.0f), d.v); }
inline batch_f quotient(batch_f a, batch_f b) noexcept { return vdivq_f32(a.v, b.v); }
inline batch_f exponent_field(batch_f y) noexcept {
  return vreinterpretq_f32_u32(vshlq_n_u32(vreinterpretq_u32_f32(y.v), 23));
}
inline batch_f with_sign_of(batch_f mag, batch_f s) noexcept {
  return vbslq_f32(vdupq_n_u32(0x80000000), s.v, mag.v);
}
inline batch_f choose_by_sign(batch_f v, batch_f a, batch_f b) noexcept {
  const uint32x4_t m = vreinterpretq_u32_s32(vshrq_n_s32(vreinterpretq_s32_f32(v.v), 31));
  return vbslq_f32(m, a.v, b.v);
}
// table[i] for i = the low three bits of each lane of y: one TBL over the table's 32 bytes,
// each lane's four byte indices 4i + (0, 1, 2, 3).
inline batch_f lookup(const float (&table)[8], batch_f y) noexcept {
  const uint8x16x2_t t = {
      {vreinterpretq_u8_f32(vld1q_f32(table)), vreinterpretq_u8_f32(vld1q_f32(table + 4))}};
  const uint32x4_t i = vandq_u32(vreinterpretq_u32_f32(y.v), vdupq_n_u32(7));
  const uint32x4_t bytes = vmlaq_n_u32(vdupq_n_u32(0x03020100), i, 0x04040404);
  return vreinterpretq_f32_u8(vqtbl2q_u8(t, vreinterpretq_u8_u32(bytes)));
}

}  // namespace actfn::detail::ACTFN_TARGET
