// actfn/detail/gelu_kernel.hpp: GELU, exact (x·Φ(x)) and tanh-approximated, with their
// derivatives, in the wide type W.
#pragma once

#include "exact.hpp"
#include "math.hpp"
#include "sigmoid_kernel.hpp"

namespace actfn::detail {

// A constant as hi + lo in W. Far left, erfc and σ turn a relative error ε in their argument
// z into a relative error of about 2z²ε in their result (z² up to ~1500 for double), so the
// constants that scale the argument carry their rounding error in lo.
template <class W>
struct split {
  W hi, lo;
};
// c = c1 + c2 to about 128 bits; c1 is the nearest 64-bit long double, c2 the remainder
// (both printed by libquadmath: quadmath_snprintf "%La" of c and of c - c1).
template <class W>
constexpr split<W> split_constant(long double c1, long double c2) {
  const W hi = static_cast<W>(c1);
  return {hi, static_cast<W>((c1 - static_cast<long double>(hi)) + c2)};
}

template <class W>
inline constexpr split<W> k_inv_sqrt2 = split_constant<W>(0xb.504f333f9de6484p-4L,
                                                          0xb.2fb1366ea95p-69L);
// 2√(2/π): the tanh form is x·σ(2u), u = √(2/π)(x + 0.044715x³), so 2u is what σ takes.
template <class W>
inline constexpr split<W> k_two_sqrt_2_over_pi = split_constant<W>(0xc.c42299ea1b28468p-3L,
                                                                   0xf.cb3c500bab9p-68L);
// 0.044715, the cubic coefficient of GPT-2/BERT's GELU (PyTorch's approximate="tanh").
template <class W>
inline constexpr split<W> k_gelu_cubic = split_constant<W>(0xb.727136a400fba88p-8L,
                                                           0x9.aaa3ad18d26p-74L);
// 1/√(2π) scales φ's result, not an argument: its rounding is not amplified.
template <class W>
inline constexpr W k_inv_sqrt_2pi = static_cast<W>(0xc.c42299ea1b28468p-5L);

// a·b, but 0 where b is exactly 0: b is a factor that underflowed (Φ, φ, σ' far out on the
// left), and ±inf·0 would turn gelu(-inf) into NaN instead of its limit 0.
template <class W>
ACTFN_HOST_DEVICE constexpr W times_vanishing(W a, W b) noexcept {
  return b == 0 ? W(0) : a * b;
}

// Φ(x) = ½·erfc(z), z = -x/√2: for x < 0 erfc is small and accurate, where ½(1 + erf)
// cancels. z is rounded; its error dz (exact product residual plus the constant's lo) is put
// back to first order: erfc(z + dz) ≈ erfc(z)(1 - 2z·dz) for z > 0, where the condition
// number ~2z² matters (the factor is off by < 40% at z ≥ 1, a relative 2^-p·z² at worst).
template <class W>
ACTFN_HOST_DEVICE constexpr W normal_cdf(W x) noexcept {
  const W p = x * k_inv_sqrt2<W>.hi;
  const W dp = product_error(x, k_inv_sqrt2<W>.hi, p) + x * k_inv_sqrt2<W>.lo;
  const W z = -p;
  const W e = detail::erfc(z);
  return W(0.5) * (z > 0 && e > 0 ? e * (1 + 2 * z * dp) : e);
}

template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_value(W x) noexcept {
  return times_vanishing(x, normal_cdf(x));
}

// GELU'(x) = Φ(x) + x·φ(x), φ(x) = e^(-x²/2)/√(2π). x² is split exactly into h + l, so its
// rounding (amplified x²/2 times by exp) costs nothing: e^(-l/2) = 1 - l/2 to first order.
// Near the root x ≈ -0.7518 the sum cancels: the error there is absolute, about 2^-p.
template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_derivative(W x) noexcept {
  const W h = x * x;
  const W l = product_error(x, x, h);
  const W e = detail::exp(W(-0.5) * h);
  const W phi = e == 0 ? W(0) : k_inv_sqrt_2pi<W> * e * (1 - W(0.5) * l);  // l is NaN there
  return normal_cdf(x) + times_vanishing(x, phi);
}

// 2u(x) = 2√(2/π)·x·(1 + 0.044715x²) as hi + lo: every rounding's error is carried in lo (to
// first order), as σ(2u) turns an absolute error in 2u into a relative one |2u| times larger
// (up to 745 for double). x is clamped to ±1e4 first: beyond, σ(2u) and σ'(2u) are exactly 1
// or 0 in every W, and x³ cannot overflow.
template <class W>
ACTFN_HOST_DEVICE constexpr split<W> gelu_tanh_arg(W x) noexcept {
  const W xc = x < W(-1e4) ? W(-1e4) : x > W(1e4) ? W(1e4) : x;  // NaN stays NaN
  const auto [c, c_lo] = k_gelu_cubic<W>;
  const auto [k, k_lo] = k_two_sqrt_2_over_pi<W>;
  const W h = xc * xc;  // x² = h + l
  const W l = product_error(xc, xc, h);
  const W q = c * h;  // c·x² = q + q_lo
  const W q_lo = product_error(c, h, q) + (c * l + c_lo * h);
  const W s = 1 + q;          // 1 + c·x² = s + s_lo
  const W b = opaque(s - q);  // TwoSum, each step opaque() to -ffast-math
  const W s_lo = (opaque(1 - b) + opaque(q - opaque(s - b))) + q_lo;
  const W t = xc * s;  // x(1 + c·x²) = t + t_lo
  const W t_lo = product_error(xc, s, t) + xc * s_lo;
  const W v = k * t;  // 2u = v + v_lo
  return {v, product_error(k, t, v) + (k * t_lo + k_lo * t)};
}

// ½x(1 + tanh u) = x·σ(2u): σ keeps full relative accuracy for u < 0, where 1 + tanh u
// cancels. σ(v + δ) = σ(v)(1 + δ(1 - σ(v))) to first order.
template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_tanh_value(W x) noexcept {
  const auto [v, dv] = gelu_tanh_arg(x);
  const W s = sigmoid_value(v);
  return times_vanishing(x, s * (1 + dv * (1 - s)));
}

// d/dx x·σ(2u) = σ(2u) + x·σ'(2u)·2u'(x), 2u' = 2√(2/π)(1 + 3·0.044715x²);
// σ'(v + δ) = σ'(v)(1 + δ(1 - 2σ(v))) to first order.
template <class W>
ACTFN_HOST_DEVICE constexpr W gelu_tanh_derivative(W x) noexcept {
  const auto [v, dv] = gelu_tanh_arg(x);
  const W s = sigmoid_value(v);
  const W ds = sigmoid_derivative(v) * (1 + dv * (1 - 2 * s));
  const W slope = k_two_sqrt_2_over_pi<W>.hi * (1 + 3 * k_gelu_cubic<W>.hi * x * x);
  return s * (1 + dv * (1 - s)) + times_vanishing(x * slope, ds);
}

}  // namespace actfn::detail
