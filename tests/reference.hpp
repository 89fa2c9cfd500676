// tests/reference.hpp: each activation and derivative in a higher precision R (long double
// or __float128), from textbook formulas chosen to be accurate in R and independent of the
// library's: cosh where the library uses exp, erfc/exp/tanh straight from libm or libquadmath.
#pragma once

#include <cmath>

// On AArch64 Linux long double is IEEE binary128 already (libquadmath is x86's).
#if defined(__aarch64__)
#define ACTFN_REF_QUAD_IS_LONG_DOUBLE 1
#else
#define ACTFN_REF_QUAD_IS_LONG_DOUBLE 0
extern "C" {
#include <quadmath.h>
}
#endif

namespace ref {

#if ACTFN_REF_QUAD_IS_LONG_DOUBLE
using quad = long double;
#else
using quad = __float128;
#endif

// The libm calls, overloaded on the reference type (double serves bench/accuracy.cpp's
// first pass only).
inline double exp(double x) { return std::exp(x); }
inline double cosh(double x) { return std::cosh(x); }
inline double tanh(double x) { return std::tanh(x); }
inline double erfc(double x) { return std::erfc(x); }
inline double sqrt(double x) { return std::sqrt(x); }
inline double log1p(double x) { return std::log1p(x); }
inline double expm1(double x) { return std::expm1(x); }
inline double ldexp(double x, int e) { return std::ldexp(x, e); }
inline int ilogb(double x) { return std::ilogb(x); }
inline long double exp(long double x) { return std::exp(x); }
inline long double cosh(long double x) { return std::cosh(x); }
inline long double tanh(long double x) { return std::tanh(x); }
inline long double erfc(long double x) { return std::erfc(x); }
inline long double sqrt(long double x) { return std::sqrt(x); }
inline long double log1p(long double x) { return std::log1p(x); }
inline long double expm1(long double x) { return std::expm1(x); }
inline long double ldexp(long double x, int e) { return std::ldexp(x, e); }
inline int ilogb(long double x) { return std::ilogb(x); }
#if !ACTFN_REF_QUAD_IS_LONG_DOUBLE
inline quad exp(quad x) { return expq(x); }
inline quad ldexp(quad x, int e) { return ldexpq(x, e); }
inline int ilogb(quad x) { return ilogbq(x); }
inline quad cosh(quad x) { return coshq(x); }
inline quad tanh(quad x) { return tanhq(x); }
inline quad erfc(quad x) { return erfcq(x); }
inline quad sqrt(quad x) { return sqrtq(x); }
inline quad log1p(quad x) { return log1pq(x); }
inline quad expm1(quad x) { return expm1q(x); }
#endif

template <class R>
R pi() {
  return R(4) * R(std::atan(1.0L));
}
#if !ACTFN_REF_QUAD_IS_LONG_DOUBLE
template <>
inline quad pi<quad>() {
  return acosq(-1);
}
#endif

// Where e^|x| overflows even R (|x| > 11356 for long double and __float128) the results are
// still subnormal long doubles: there the reference uses e^x, the first term of the series.
template <class R>
R sigmoid(R x) {
  if (x < -11000) return exp(x);
  return 1 / (1 + exp(-x));
}
// σ' = 1/(2 + 2cosh x): no cancellation anywhere.
template <class R>
R sigmoid_d(R x) {
  if (x < -11000 || x > 11000) return exp(x < 0 ? x : -x);
  return 1 / (2 + 2 * cosh(x));
}

template <class R>
R tanh_v(R x) {
  return tanh(x);
}
template <class R>
R tanh_d(R x) {
  const R c = cosh(x);
  return 1 / (c * c);
}

template <class R>
R gelu(R x) {
  if (x == -INFINITY) return -R(0);        // the limit from below
  return x * (erfc(-x / sqrt(R(2))) / 2);  // x·erfc overflows at the largest x
}
template <class R>
R gelu_d(R x) {
  if (x == -INFINITY) return -R(0);  // the limit from below: x·φ(x) outweighs Φ(x)
  if (x == INFINITY) return 1;
  const R d = erfc(-x / sqrt(R(2))) / 2 + x * exp(-x * x / 2) / sqrt(2 * pi<R>());
  return d == 0 && x < 0 ? -R(0) : d;  // negative where it underflows in R too
}

// The tanh approximation with its constants taken as exact reals.
template <class R>
R gelu_tanh_u(R x) {
  return sqrt(2 / pi<R>()) * (x + (R(44715) / R(1000000)) * x * x * x);
}
// 1 + tanh u, and e^u/cosh u where u < 0 (1 + tanh u cancels there).
template <class R>
R one_plus_tanh(R u) {
  return u >= 0 ? 1 + tanh(u) : exp(u) / cosh(u);
}
template <class R>
R gelu_tanh(R x) {
  if (x == -INFINITY) return -R(0);
  return x * (one_plus_tanh(gelu_tanh_u(x)) / 2);
}
template <class R>
R gelu_tanh_d(R x) {
  if (x == -INFINITY) return -R(0);  // the limit from below
  if (x == INFINITY) return 1;
  const R u = gelu_tanh_u(x);
  const R c = cosh(u);
  const R du = sqrt(2 / pi<R>()) * (1 + 3 * (R(44715) / R(1000000)) * x * x);
  if (u < 0) {
    if (c == INFINITY) return -R(0);  // below R's range, and negative (left of the root)
    // (1 + tanh u)/2 + x·u'/(2cosh²u) over one denominator: near R's underflow the two terms
    // are each too small for R to resolve their difference, and its sign is the numerator's.
    return ((1 + exp(2 * u)) / 2 + x * du) / (2 * c * c);
  }
  const R tail = c == INFINITY ? R(0) : x * du / (c * c) / 2;
  return one_plus_tanh(u) / 2 + tail;
}

// SiLU x·σ(βx) and its derivative σ(b) + b·σ'(b), b = βx (exact in R for float and double β
// and x). Where x is infinite the limits: x where σ(βx) → 1, a zero of x's sign where it → 0.
template <class R>
R silu(R x, R beta = 1) {
  const R s = sigmoid(beta * x);
  return s == 0 ? (x < 0 ? -R(0) : R(0)) : x * s;
}
template <class R>
R silu_d(R x, R beta = 1) {
  const R b = beta * x;
  if (b == INFINITY) return 1;
  if (sigmoid(b) == 0) return -R(0);  // σ(b)(1 + b·σ(-b)) → 0 from below as b → -inf
  return sigmoid(b) + b * sigmoid_d(b);
}

// log(1 + e^b), by log1p(e^-b) past b = 50, where e^b overflows long double's reach first.
template <class R>
R log1p_exp(R b) {
  return b > 50 ? b + log1p(exp(-b)) : log1p(exp(b));
}
// For βx > 50 as x + log1p(e^-βx)/β, which does not overflow where βx does.
template <class R>
R softplus(R x, R beta = 1) {
  const R b = beta * x;
  return b > 50 ? x + log1p(exp(-b)) / beta : log1p(exp(b)) / beta;
}
template <class R>
R softplus_d(R x, R beta = 1) {
  return sigmoid(beta * x);
}

template <class R>
R log_sigmoid(R x) {
  if (x == -INFINITY) return x;
  return -log1p_exp(-x);
}
template <class R>
R log_sigmoid_d(R x) {
  return sigmoid(-x);
}

// λ·(x or α·expm1(x/γ)), λ·(1 or α/γ·e^(x/γ)): ELU (λ = γ = 1), SELU, CELU (γ = α).
template <class R>
R elu(R x, R alpha = 1, R lambda = 1, R divisor = 1) {
  return lambda * (x >= 0 ? x : alpha * expm1(x / divisor));  // actfn's elu(±0) = ±0
}
template <class R>
R elu_d(R x, R alpha = 1, R lambda = 1, R divisor = 1) {
  return lambda * (x > 0 ? R(1) : alpha / divisor * exp(x / divisor));
}
inline constexpr long double k_selu_lambda = 1.0507009873554804934193349852946L;
inline constexpr long double k_selu_alpha = 1.6732632423543772848170429916717L;

// Mish x·tanh(softplus x) and tanh(sp) + x·σ(x)·sech²(sp), from tanh and cosh themselves.
template <class R>
R mish(R x) {
  if (x == INFINITY || x == -INFINITY) return x > 0 ? x : -R(0);
  return x * tanh(log1p_exp(x));
}
template <class R>
R mish_d(R x) {
  if (x == INFINITY) return 1;
  if (sigmoid(x) == 0) return -R(0);  // ≈ x·e^x: 0 from below as x → -inf
  const R sp = log1p_exp(x), c = cosh(sp);
  return tanh(sp) + x * sigmoid(x) / (c * c);
}

// The piecewise family, from their definitions (PyTorch's conventions at the kinks): relu6(x +
// 3)/6, x·relu6(x + 3)/6 (x·0 = -0 up to -3, and the limit -0 at -inf), x/(1 + |x|).
template <class R>
R hardsigmoid(R x) {
  return x <= -3 ? R(0) : x >= 3 ? R(1) : (x + 3) / 6;
}
template <class R>
R hardsigmoid_d(R x) {
  return x > -3 && x < 3 ? R(1) / 6 : x != x ? x : R(0);
}
template <class R>
R hardswish(R x) {
  return x <= -3 ? -R(0) : x >= 3 ? x : x * (x + 3) / 6;
}
template <class R>
R hardswish_d(R x) {
  return x <= -3 ? R(0) : x >= 3 ? R(1) : (2 * x + 3) / 6;  // x/3 + ½ would cancel near -3/2
}
template <class R>
R softsign(R x) {
  if (x == INFINITY || x == -INFINITY) return x > 0 ? R(1) : R(-1);
  return x / (1 + (x < 0 ? -x : x));
}
template <class R>
R softsign_d(R x) {
  const R r = 1 / (1 + (x < 0 ? -x : x));  // no overflow of (1 + |x|)² in R
  return r * r;
}

}  // namespace ref
