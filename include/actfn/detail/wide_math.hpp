// actfn/detail/wide_math.hpp: the elementary functions the wide-type kernels use, usable in
// constant expressions. At run time they are the C library's (correctly rounded or nearly, and
// fast); during constant evaluation, where <cmath> is not constexpr before C++26, they are the
// series below: slower, and accurate to a few ULP of the wide type rather than to 0.5, so a
// constexpr result may differ from the run-time one in the last bit of T.
#pragma once

#include <cmath>
#include <limits>
#include <type_traits>

#include "config.hpp"

namespace actfn::detail {

namespace ce {  // constant-evaluation implementations

// At namespace scope, so that CUDA device code may read them (it may not call <limits>).
template <class W>
inline constexpr W k_inf = std::numeric_limits<W>::infinity();
template <class W>
inline constexpr W k_eps = std::numeric_limits<W>::epsilon();
template <class W>
inline constexpr W k_max = std::numeric_limits<W>::max();

template <class W>
ACTFN_HOST_DEVICE constexpr W abs(W x) noexcept {
  return x < 0 ? -x : x;
}

// 2^k for any int k, by squaring (exact until it overflows or leaves the subnormals).
template <class W>
ACTFN_HOST_DEVICE constexpr W pow2(int k) noexcept {
  W result = 1, base = k < 0 ? W(0.5) : W(2);
  for (unsigned n = static_cast<unsigned>(k < 0 ? -k : k); n != 0; n >>= 1, base *= base) {
    if (n & 1) result *= base;
  }
  return result;
}

// e^x = 2^k·e^r, r = x - k·ln2 with ln2 = hi + lo (hi has 48 bits, so k·hi is exact), and
// e^r, |r| ≤ 0.35, from its Taylor series: 0.35^18/18! < 2^-70.
template <class W>
ACTFN_HOST_DEVICE constexpr W exp(W x) noexcept {
  using L = std::numeric_limits<W>;
  constexpr W k_overflow = W(L::max_exponent) * W(0.6932);                   // > ln(max)
  constexpr W k_underflow = W(L::min_exponent - L::digits - 1) * W(0.6932);  // < ln(denorm_min)
  if (x != x) return x;
  if (x > k_overflow) return k_inf<W>;
  if (x < k_underflow) return 0;
  constexpr W k_ln2_hi = static_cast<W>(0xb.17217f7d1cfp-4L);
  constexpr W k_ln2_lo = static_cast<W>(0xf.35793c7673007e6p-53L);
  constexpr W k_log2e = static_cast<W>(0xb.8aa3b295c17f0bcp-3L);
  const W t = x * k_log2e;
  const int k = static_cast<int>(t < 0 ? t - W(0.5) : t + W(0.5));
  const W r = (x - W(k) * k_ln2_hi) - W(k) * k_ln2_lo;
  W sum = 1, term = 1;
  for (int n = 1; n <= 18; ++n) sum += (term *= r / W(n));
  return sum * pow2<W>(k / 2) * pow2<W>(k - k / 2);  // in two steps: 2^k alone may overflow
}

// e^x - 1, by its Taylor series where e^x - 1 would cancel (|x| < 0.35).
template <class W>
ACTFN_HOST_DEVICE constexpr W expm1(W x) noexcept {
  if (!(abs(x) < W(0.35))) return exp(x) - 1;
  W sum = 0, term = 1;
  for (int n = 1; n <= 18; ++n) sum += (term *= x / W(n));
  return sum;
}

// log(1 + u) = 2·atanh(s) = 2·Σ s^(2n+1)/(2n+1), s = u/(2 + u): for |u| < 1/2 straight (|s| < 1/3,
// no cancellation for tiny u); elsewhere 1 + u = m·2^k, m in [√½, √2), s = (m - 1)/(m + 1),
// |s| ≤ 0.172, plus k·ln2. The series runs until its terms no longer move the sum.
template <class W>
ACTFN_HOST_DEVICE constexpr W log1p(W u) noexcept {
  if (u != u || u == k_inf<W>) return u;
  if (u <= -1) return u == -1 ? -k_inf<W> : (u - u) / (u - u);  // -inf, or NaN below -1
  constexpr W k_ln2_hi = static_cast<W>(0xb.17217f7d1cfp-4L);
  constexpr W k_ln2_lo = static_cast<W>(0xf.35793c7673007e6p-53L);
  constexpr W k_sqrt2 = static_cast<W>(0xb.504f333f9de6484p-3L);
  W s = 0;
  int k = 0;
  if (abs(u) < W(0.5)) {
    s = u / (2 + u);
  } else {
    W m = 1 + u;
    for (; m > k_sqrt2; m /= 2) ++k;
    for (; m < k_sqrt2 / 2; m *= 2) --k;
    s = (m - 1) / (m + 1);
  }
  const W z = s * s;
  W sum = 0, term = s;
  for (int n = 0; sum + term / W(2 * n + 1) != sum; ++n, term *= z) sum += term / W(2 * n + 1);
  return W(k) * k_ln2_hi + (W(k) * k_ln2_lo + 2 * sum);
}

template <class W>
ACTFN_HOST_DEVICE constexpr W tanh(W x) noexcept {
  if (x != x || x == 0) return x;  // keeps the sign of zero
  const W m = expm1(-2 * abs(x));  // tanh|x| = -m/(2 + m), no cancellation
  const W t = -m / (2 + m);
  return x < 0 ? -t : t;
}

// erfc(z). Below |z| = 1, erf(|z|) = 2/√π·e^-z²·Σ 2^n |z|^(2n+1)/(1·3···(2n+1)), whose terms
// are all positive; erfc = 1 ∓ erf|z| loses < 3 bits there. From |z| = 1 on, the continued
// fraction erfc(a) = e^-a²/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + …)))) for a = |z|
// (erfc(z) = 2 - erfc(a) for z < 0), evaluated backwards from depth 500: at a = 1, depth 200
// already gives 2^-52, and the error shrinks about 2^-12 per 100 more.
template <class W>
ACTFN_HOST_DEVICE constexpr W erfc(W z) noexcept {
  constexpr W k_inv_sqrt_pi = static_cast<W>(0x9.06eba8214db688dp-4L);
  if (z != z) return z;
  const W a = abs(z);
  if (a > W(110)) return z < 0 ? W(2) : W(0);  // e^-z² underflows every W
  const W g = exp(-a * a);
  if (a >= 1) {
    W f = a;
    for (int n = 500; n >= 1; --n) f = a + W(n) / 2 / f;
    const W tail = g * k_inv_sqrt_pi / f;
    return z < 0 ? 2 - tail : tail;
  }
  W sum = 0, term = a;
  for (int n = 0; term > sum * k_eps<W> / 4; ++n) {
    sum += term;
    term *= 2 * a * a / W(2 * n + 3);
  }
  const W erf = 2 * k_inv_sqrt_pi * g * sum;
  return z < 0 ? 1 + erf : 1 - erf;
}

}  // namespace ce

template <class W>
ACTFN_HOST_DEVICE constexpr W abs(W x) noexcept {
  if (ACTFN_IS_CONSTANT_EVALUATED()) return ce::abs(x);
  return std::fabs(x);
}
template <class W>
ACTFN_HOST_DEVICE constexpr W exp(W x) noexcept {
  if (ACTFN_IS_CONSTANT_EVALUATED()) return ce::exp(x);
  return std::exp(x);
}
template <class W>
ACTFN_HOST_DEVICE constexpr W expm1(W x) noexcept {
  if (ACTFN_IS_CONSTANT_EVALUATED()) return ce::expm1(x);
  return std::expm1(x);
}
template <class W>
ACTFN_HOST_DEVICE constexpr W log1p(W x) noexcept {
  if (ACTFN_IS_CONSTANT_EVALUATED()) return ce::log1p(x);
  return std::log1p(x);
}
// x with ±inf replaced by ±max (NaN stays): a factor whose product with a limit that is 0 must
// give 0, not NaN.
template <class W>
ACTFN_HOST_DEVICE constexpr W finite_part(W x) noexcept {
  return x > ce::k_max<W> ? ce::k_max<W> : x < -ce::k_max<W> ? -ce::k_max<W> : x;
}
// The sign of a result that is 0 because a factor underflowed: that of x.
template <class W>
ACTFN_HOST_DEVICE constexpr W zero_like(W x) noexcept {
  return x < 0 ? -W(0) : W(0);
}

template <class W>
ACTFN_HOST_DEVICE constexpr W tanh(W x) noexcept {
  if (ACTFN_IS_CONSTANT_EVALUATED()) return ce::tanh(x);
  return std::tanh(x);
}
template <class W>
ACTFN_HOST_DEVICE constexpr W erfc(W x) noexcept {
  if (ACTFN_IS_CONSTANT_EVALUATED()) return ce::erfc(x);
  return std::erfc(x);
}

}  // namespace actfn::detail
