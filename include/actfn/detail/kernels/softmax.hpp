// actfn/detail/kernels/softmax.hpp: softmax and log-softmax over rows, forward and backward.
// Included once plainly (the operations, long double's rows), then once per target (the rows of
// every other T, in double lanes).
//
// The forward takes two passes over a row. (1) In chunks small enough to stay in the L1 cache,
// the chunk's maximum r (read from memory), then Σ e^(x - r) over the chunk (read again, from
// the cache); when a chunk raises the row's maximum, the sum so far is rescaled by e^(old - new),
// which rows up to one chunk long never need. (2) The normalisation, e^(x - M)/S or x - M - log S,
// which computes e^(x - M) again rather than storing it in pass 1: writing y twice would cost as
// much, and a 16-bit y could not hold it. The sum is kept as c + t: c counts the terms e^0 = 1
// (the entries equal to the maximum), t the rest, so that log S = log1p(c - 1 + t) keeps its
// relative accuracy where S is within a few ULP of 1 (a row dominated by one entry: its
// log-softmax is -t, not 0).
//
// Accuracy. A float or 16-bit T is computed in double lanes: x - r is exact to 2^-53, e^d good
// to 2^-29 (exp_to_float) and the sum to n·2^-53, so each result rounds once from a value far
// closer than T's half-spacing (softmax's stored terms round twice: below). A double T needs
// more: x - r as hi + lo (TwoSum), e^(hi + lo) as hi·(1 + lo) from exp_dd's double-double e^hi
// (2^-59), compensated sums (TwoSum per term, each term's rounding error kept), and e/S as a
// double-double quotient; each result then rounds once (twice for softmax's stored terms) from
// a value within about 2^-58 of itself.

#ifndef ACTFN_DETAIL_KERNELS_SOFTMAX_HPP
#define ACTFN_DETAIL_KERNELS_SOFTMAX_HPP

#include <cmath>
#include <cstddef>
#include <limits>

namespace actfn::detail {

// The four row operations: forward from x (y = softmax or log-softmax of each row), backward from
// the forward output y and the gradient g.
enum class row_op { softmax, log_softmax, softmax_backward, log_softmax_backward };

// Elements per chunk of pass 1: 16 KiB of T, half of a small L1 data cache, so that the second
// read of a chunk (its sum, after its maximum) comes from the cache.
template <class T>
inline constexpr std::size_t row_chunk = 16384 / sizeof(T);

// s + e = a + b exactly (Knuth's TwoSum), on plain values of any type.
template <class W>
inline void plain_two_sum(W a, W b, W& s, W& e) noexcept {
  s = a + b;
  const W b_part = s - a;
  e = (a - (s - b_part)) + (b - b_part);
}

// long double's rows, on plain long doubles and <cmath> (no lanes: its kernels are the wide
// type's everywhere). The same two passes and the same sums as the lane kernels below; e^x as
// std::exp(hi)·(1 + lo) with x - r = hi + lo, so that x - r's rounding does not reach e^x.
template <row_op O>
void wide_rows(const long double* x, const long double* g, long double* y, std::size_t rows,
               std::size_t n) noexcept {
  using W = long double;
  constexpr W inf = std::numeric_limits<W>::infinity();
  const W nan = std::numeric_limits<W>::quiet_NaN();
  // e^(a - b) for a ≤ b; a = -inf (a masked entry) gives 0
  const auto exp_diff = [](W a, W b) {
    W d, d_lo;
    plain_two_sum(a, -b, d, d_lo);
    return d == -inf ? W(0) : std::exp(d) * (1 + d_lo);
  };
  for (std::size_t row = 0; row < rows; ++row) {
    const W* xr = x + row * n;
    const W* gr = g + row * n;
    W* yr = y + row * n;
    if constexpr (O == row_op::softmax || O == row_op::log_softmax) {
      W m = -inf, c = 0, t = 0, t_lo = 0;  // S = c + t + t_lo, relative to m
      for (std::size_t start = 0; start < n; start += row_chunk<W>) {
        const std::size_t end = n - start < row_chunk<W> ? n : start + row_chunk<W>;
        W r = m;
        for (std::size_t i = start; i < end; ++i) r = xr[i] > r ? xr[i] : r;
        if (r == -inf) continue;  // entries all -inf so far: each term is 0
        if (r > m) {  // the maximum rose: rescale the sum (rows of one chunk never do)
          const W f = exp_diff(m, r);
          t = (c + t + t_lo) * f, t_lo = 0, c = 0, m = r;
        }
        for (std::size_t i = start; i < end; ++i) {
          if (m <= xr[i]) {
            c += 1;
          } else {
            W s, e;
            plain_two_sum(t, exp_diff(xr[i], m), s, e);
            t = s, t_lo += e;
          }
        }
      }
      W s, s_lo;  // S = s + s_lo
      plain_two_sum(c, t, s, s_lo);
      s_lo += t_lo;
      if (!(m > -inf && m < inf) || s != s) {  // all -inf, +inf or NaN in the row: NaN throughout
        for (std::size_t i = 0; i < n; ++i) yr[i] = nan;
        continue;
      }
      if constexpr (O == row_op::softmax) {
        // e^(d + d_lo)/(s + s_lo) = q·(1 + d_lo - s_lo/s), q = e^d/s: two roundings, not four
        for (std::size_t i = 0; i < n; ++i) {
          W d, d_lo;
          plain_two_sum(xr[i], -m, d, d_lo);
          const W q = std::exp(d) / s;
          yr[i] = d == -inf ? W(0) : q + q * (d_lo - s_lo / s);  // (a masked entry: d_lo NaN)
        }
      } else {
        const W l = std::log1p((c - 1) + (t + t_lo));  // (c ≥ 1: the maximum's own term)
        for (std::size_t i = 0; i < n; ++i) yr[i] = (xr[i] - m) - l;
      }
    } else {
      const W* yin = xr;  // the forward output
      // Σ g·y (each product with its rounding error, by fma) or Σ g, compensated
      W sum = 0, sum_lo = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const W p = O == row_op::softmax_backward ? gr[i] * yin[i] : gr[i];
        const W p_lo = O == row_op::softmax_backward ? std::fma(gr[i], yin[i], -p) : W(0);
        W s, e;
        plain_two_sum(sum, p, s, e);
        sum = s, sum_lo += e + p_lo;
      }
      for (std::size_t i = 0; i < n; ++i) {
        if constexpr (O == row_op::softmax_backward) {
          W s, e;  // g - Σ as s + (e - sum_lo)
          plain_two_sum(gr[i], -sum, s, e);
          yr[i] = yin[i] * (s + (s - s == 0 ? e - sum_lo : W(0)));
        } else {
          yr[i] = gr[i] - std::exp(yin[i] > 0 ? W(0) : yin[i]) * (sum + sum_lo);
        }
      }
    }
  }
}

}  // namespace actfn::detail

#endif  // ACTFN_DETAIL_KERNELS_SOFTMAX_HPP

#if defined(ACTFN_TARGET)
namespace actfn::detail::ACTFN_TARGET {

// e^(x - r) for x ≤ r, for a double result: s1·s2·(hi + lo), hi + lo to about 2^-58.
template <class V>
struct exp_below {
  V hi, lo, s1, s2;
  ACTFN_ALWAYS_INLINE exp_below(V x, V r) noexcept : hi(0.0), lo(0.0), s1(0.0), s2(0.0) {
    V d(0.0), d_lo(0.0);
    two_sum(x, -r, d, d_lo);
    // x = -inf (a masked entry), or a difference past -DBL_MAX: d = -inf, d_lo NaN, e^d = 0.
    d_lo = select(magnitude(d) < V(std::numeric_limits<double>::infinity()), d_lo, V(0.0));
    const exp_dd<V> e(d);
    // e^d_lo = 1 + d_lo here (|d_lo| < 2^-43), times all of hi + lo: without an FMA, lo is up
    // to 2^-8 of hi (exp_dd_table's), and hi·d_lo alone was 2.8 ULP off
    hi = e.hi, lo = madd(e.hi + e.lo, d_lo, e.lo), s1 = e.s1, s2 = e.s2;
  }
  // (rounded: GCC's -ffp-contract=fast would fuse the last product into a TwoSum's addition,
  // whose error term then counts that rounding twice; measured 1.05 ULP for double softmax)
  V value() const noexcept { return rounded(((hi + lo) * s1) * s2); }
  // value()'s rounding error (a sum of such terms keeps it: S to 2^-100, not to 2^-53)
  V value_lo() const noexcept { return ((lo - ((hi + lo) - hi)) * s1) * s2; }
};

// e^t for t ≤ 0 in double lanes, for a float (or 16-bit) result: t - k·ln2 with ln2 to 2^-54,
// and e^r - 1 = r + r²·P(r) by the fast tier's float polynomial, here in double (2^-29.2), so
// that the float it rounds to is within 0.5 + 2^-5 ULP: 14 operations where exp_split (2^-37)
// takes 21. Below -120, e^-120 (any float result it meets, times a factor ≤ 1, is then 0);
// NaN kept; -inf gives e^-120 too.
template <class V>
ACTFN_INLINE V exp_to_float(V t) noexcept {
  t = select(t < V(-120.0), V(-120.0), t);
  const V y = opaque(madd(t, V(k_log2e), V(k_round)));
  const V k = opaque(y - V(k_round));
  const V r = madd(k, V(-0x1.62e42fefa39efp-1), t);  // |k| ≤ 174: k·(ln2 - this) < 2^-46
  const V q = madd(r * r, horner(r, exp_fast_constants<float>::p_far), r);
  const V s = exponent_field(y);
  return madd(s, q, s);
}

template <class V>
ACTFN_INLINE double first_lane(V v) noexcept {
  double lanes[width<V>];
  store(lanes, v);
  return lanes[0];
}

// Σ of lanes v (+ lanes lo), exactly summed in order: into (hi, hi_lo).
template <class V>
ACTFN_INLINE void add_lanes(V v, V lo, double& hi, double& hi_lo) noexcept {
  double a[width<V>], b[width<V>];
  store(a, v);
  store(b, lo);
  for (std::size_t i = 0; i < width<V>; ++i) {
    double e;
    plain_two_sum(hi, a[i], hi, e);
    hi_lo += e + b[i];
  }
}

// f(lanes at p) for each full vector of the n elements at p, then for the rest through a
// buffer that pads them with `pad` (a value that adds nothing: -inf for x, 0 for a gradient).
// f(i, x, k) gets the index, the loaded lanes and how many of them are real.
template <class V, class T, class F>
ACTFN_INLINE void for_lanes(const T* p, std::size_t n, T pad, F f) noexcept {
  constexpr std::size_t w = width<V>;
  std::size_t i = 0;
  for (; i + w <= n; i += w) f(i, load<V>(p + i), w);
  if (i < n) {
    T buffer[w];
    for (std::size_t k = 0; k < w; ++k) buffer[k] = k < n - i ? p[i + k] : pad;
    f(i, load<V>(static_cast<const T*>(buffer)), n - i);
  }
}

// The k elements at p as lanes V, the rest 0 (a row's last, partial vector, through a buffer):
// the second input of a loop that for_lanes drives over the first.
template <class V, class T>
ACTFN_INLINE V load_first(const T* p, std::size_t k) noexcept {
  if (k == width<V>) return load<V>(p);
  T buffer[width<V>] = {};
  for (std::size_t j = 0; j < k; ++j) buffer[j] = p[j];
  return load<V>(static_cast<const T*>(buffer));
}

// Stores lanes v at p (k of them: a row's last, partial vector goes through a buffer).
template <class V, class T>
ACTFN_INLINE void store_lanes(T* p, V v, std::size_t k) noexcept {
  if (k == width<V>) {
    store(p, v);
  } else {
    T buffer[width<V>];
    store(static_cast<T*>(buffer), v);
    for (std::size_t j = 0; j < k; ++j) p[j] = buffer[j];
  }
}

// The row sum of pass 1, relative to the row's maximum m: c terms e^0 = 1, and t + t_lo.
struct row_sum {
  double m = -std::numeric_limits<double>::infinity(), c = 0, t = 0, t_lo = 0;
};

// A softmax row, in up to this many chunks, keeps its terms e^(x - r_chunk) in y from pass 1,
// each rounded once from a value good to 2^-29 (float: exp_to_float in double lanes) or 2^-58
// (double: exp_below), and pass 2 only scales them by e^(r_chunk - M)/S, as one FMA
// e·f + e·f_lo: two roundings, within 1.56 ULP (a term's half spacing, and its 2^-29, are at
// most twice as many of the result's spacings), for half the exponentials. (Float terms in
// float lanes, by the fast tier's exponential, were 1.4x faster but 1.05 ULP off before the
// scaling: up to 2.6 ULP after it.)
// A double without an FMA, a 16-bit y (which cannot hold a term) and log-softmax compute
// e^(x - M) again.
inline constexpr std::size_t stored_chunks = 64;

// The chunk of pass 1 for a row of n: row_chunk, or longer for a row of more than stored_chunks
// of them (its chunks then come from the L2 cache: 4 Mi floats, 64 Ki per chunk).
template <class T>
ACTFN_INLINE std::size_t chunk_for(std::size_t n) noexcept {
  const std::size_t even = (n + stored_chunks - 1) / stored_chunks;
  return even > row_chunk<T> ? (even + 63) / 64 * 64 : row_chunk<T>;
}

// Pass 1 over one row of n elements of T. CountMax: keep the terms e^0 = 1 in c (log-softmax).
// stored (a float softmax): each term e^(x - r) written there, r in refs[chunk].
template <class T, bool CountMax>
ACTFN_INLINE row_sum sum_row(const T* x, std::size_t n, T* stored = nullptr,
                             double* refs = nullptr) noexcept {
  using V = lanes_of<double>;
  constexpr bool pairs = std::is_same_v<T, double>;
  const T pad = static_cast<T>(-std::numeric_limits<float>::infinity());
  row_sum s;
  const std::size_t chunk = chunk_for<T>(n);
  for (std::size_t start = 0; start < n; start += chunk) {
    const std::size_t m = n - start < chunk ? n - start : chunk;
    const T* p = x + start;
    // 1. the chunk's maximum (a NaN may or may not win: it reaches the sum either way), in T's
    // own lanes (float for the 16-bit types: exact, and twice as many per instruction)
    using M = std::conditional_t<pairs, V, lanes_of<float>>;
    using ML = std::conditional_t<pairs, double, float>;
    M top(static_cast<ML>(s.m));
    for_lanes<M>(p, m, pad, [&](std::size_t, M v, std::size_t) { top = max_of(top, v); });
    double r = s.m;
    {
      ML lanes[width<M>];
      store(static_cast<ML*>(lanes), top);
      for (ML l : lanes) r = l > r ? l : r;
    }
    if (r == -std::numeric_limits<double>::infinity()) {  // all -inf so far: terms 0
      if (stored != nullptr) {
        for (std::size_t i = 0; i < m; ++i) stored[start + i] = T(0.0f);
        refs[start / chunk] = r;
      }
      continue;
    }
    // 2. the maximum rose: (c + t)·e^(old - new), in double-double (rows of one chunk never do)
    if (r > s.m) {
      const exp_below<V> f(V(s.m), V(r));
      const double fh = first_lane(f.hi), fl = first_lane(f.lo);
      const double s1 = first_lane(f.s1), s2 = first_lane(f.s2);
      double u, u_lo;
      plain_two_sum(s.c, s.t, u, u_lo);
      u_lo += s.t_lo;
      const double p_hi = rounded(u * fh);
      const double p_lo = std::fma(u, fh, -p_hi) + (u * fl + u_lo * fh);
      plain_two_sum(rounded((p_hi * s1) * s2), rounded((p_lo * s1) * s2), s.t, s.t_lo);
      s.c = 0, s.m = r;
    }
    // 3. Σ e^(x - r): entries equal to r in c (r ≤ x: a NaN goes to t, and makes it NaN)
    const V ref(s.m);
    V c(0.0), t(0.0), t_lo(0.0);
    if (stored != nullptr) refs[start / chunk] = s.m;
    if constexpr (pairs && !CountMax && fused_madd) {
      if (stored != nullptr) {
        // A double softmax's terms, stored: e^(x - r) from exp_below's double-double, rounded
        // once (0.5 ULP and 2^-58), its rounding error kept in the compensated sum.
        const V rv(s.m);
        V t_hi(0.0), t_lo_acc(0.0);
        for_lanes<V>(p, m, pad, [&](std::size_t i, V v, std::size_t k) {
          const exp_below<V> term(v, rv);
          const V e = term.value(), e_lo = term.value_lo();
          store_lanes(stored + start + i, e, k);
          V sum(0.0), err(0.0);
          two_sum(t_hi, e, sum, err);
          t_hi = sum, t_lo_acc = t_lo_acc + (err + e_lo);
        });
        add_lanes(t_hi, t_lo_acc, s.t, s.t_lo);
        continue;
      }
    }
    for_lanes<V>(p, m, pad, [&](std::size_t i, V v, std::size_t k) {
      if constexpr (!CountMax) {
        // softmax: e^0 = 1 is added as any term (exactly 1 from exp_split and exp_below alike)
        if constexpr (pairs) {
          const exp_below<V> term(v, ref);
          V sum(0.0), err(0.0);
          two_sum(t, term.value(), sum, err);
          t = sum, t_lo = t_lo + (err + term.value_lo());
        } else {
          const V e = exp_to_float(v - ref);
          if (stored != nullptr) store_lanes(stored + start + i, e, k);
          t = t + e;
        }
        return;
      }
      const auto at_max = ref <= v;
      c = c + select(at_max, V(1.0), V(0.0));
      if constexpr (pairs) {
        const exp_below<V> term(v, ref);
        const V e = select(at_max, V(0.0), term.value());
        const V e_lo = select(at_max, V(0.0), term.value_lo());
        V sum(0.0), err(0.0);
        two_sum(t, e, sum, err);
        t = sum, t_lo = t_lo + (err + e_lo);
      } else {
        t = t + select(at_max, V(0.0), exp_to_float(v - ref));
      }
    });
    double ignored = 0;
    add_lanes(c, V(0.0), s.c, ignored);
    add_lanes(t, t_lo, s.t, s.t_lo);
  }
  return s;
}

// The forward rows: y = softmax or log-softmax of each row of x.
template <row_op O, class T>
ACTFN_INLINE void forward_row(const T* x, T* y, std::size_t n) noexcept {
  using V = lanes_of<double>;
  constexpr bool pairs = std::is_same_v<T, double>;
  constexpr bool store_terms =
      O == row_op::softmax && (std::is_same_v<T, float> || (pairs && fused_madd));
  const bool stored = store_terms;
  const std::size_t chunk = chunk_for<T>(n);
  double refs[store_terms ? stored_chunks : 1];
  const row_sum s = sum_row<T, O == row_op::log_softmax>(x, n, stored ? y : nullptr, refs);
  double S, S_lo;
  plain_two_sum(s.c, s.t, S, S_lo);
  S_lo += s.t_lo;
  if (!(s.m > -std::numeric_limits<double>::infinity() &&
        s.m < std::numeric_limits<double>::infinity()) ||
      S != S) {  // a row of -inf only, or with +inf or NaN: NaN throughout (as PyTorch)
    for (std::size_t i = 0; i < n; ++i) y[i] = std::numeric_limits<T>::quiet_NaN();
    return;
  }
  const V m(s.m);
  const T pad = static_cast<T>(-std::numeric_limits<float>::infinity());
  if (store_terms && stored) {
    // y = e^(x - r)·(e^(r - M)/S), per chunk (e^(r - M): exp_split's 2^-37 is float's need)
    for (std::size_t start = 0; start < n; start += chunk) {
      const std::size_t k = n - start < chunk ? n - start : chunk;
      if constexpr (pairs) {
        // f = e^(r - M)/S as f + f_lo (exp_below's double-double, then the quotient's
        // remainder), and y = FMA(e, f, e·f_lo): one rounding of e·f
        const exp_below<V> ex(V(refs[start / chunk]), V(s.m));
        const double eh = first_lane(rounded((ex.hi * ex.s1) * ex.s2));
        const double el = first_lane((ex.lo * ex.s1) * ex.s2);
        const double f = eh / S;
        const double f_lo = (std::fma(-f, S, eh) + (el - f * S_lo)) / S;
        const V fh(f), fl(f_lo);
        for_lanes<V>(y + start, k, T(0.0f), [&](std::size_t i, V v, std::size_t j) {
          store_lanes(y + start + i, madd(v, fh, v * fl), j);
        });
        continue;
      }
      const double f = first_lane(exp_split<V>(V(refs[start / chunk] - s.m)).exp()) / S;
      if constexpr (fused_madd && std::is_same_v<T, float>) {
        // in float lanes: e·(f_hi + f_lo) = FMA(e, f_hi, e·f_lo), rounded once (e·f_lo's own
        // rounding is 2^-24 of 2^-24), as the double product was: half the instructions
        using F = lanes_of<float>;
        const float f_hi = static_cast<float>(f);
        const F fh(f_hi), fl(static_cast<float>(f - f_hi));
        for_lanes<F>(y + start, k, T(0.0f), [&](std::size_t i, F v, std::size_t j) {
          store_lanes(y + start + i, madd(v, fh, v * fl), j);
        });
      } else {
        const V factor(f);
        for_lanes<V>(y + start, k, T(0.0f), [&](std::size_t i, V v, std::size_t j) {
          store_lanes(y + start + i, v * factor, j);
        });
      }
    }
    return;
  }
  if constexpr (O == row_op::softmax) {
    const V inv(1 / S), S_hi(S), S_low(S_lo);
    for_lanes<V>(x, n, pad, [&](std::size_t i, V v, std::size_t k) {
      if constexpr (pairs) {
        // (hi + lo)/S as z + z_lo: z = hi/S rounded, then the remainder hi - z·S (exact) with
        // lo and S's low part; scaled by 2^k last, so a subnormal result rounds only there.
        const exp_below<V> e(v, m);
        const V z = rounded(e.hi * inv);
        const V z_lo = (madd(-z, S_low, exact_remainder(z, S_hi, e.hi)) + e.lo) * inv;
        store_lanes(y + i, ((z + z_lo) * e.s1) * e.s2, k);
      } else {
        store_lanes(y + i, exp_to_float(v - m) * inv, k);
      }
    });
  } else {
    // log S = log1p(c - 1 + t): c ≥ 1 (the maximum's own term), c - 1 + t as u + u_lo
    double u, u_lo;
    plain_two_sum(s.c - 1, s.t, u, u_lo);
    u_lo += s.t_lo;
    double L = std::log1p(u), L_lo = 0;
    if constexpr (pairs) {
      // log1p's result to 2^-100: L + (S·e^-L - 1), one Newton step, S = 1 + u + u_lo and e^-L
      // as exp_dd's hi + lo (the step's product with an FMA's exact residual)
      const exp_dd<V> e(V(-L));
      const double s12 = first_lane(e.s1) * first_lane(e.s2);  // 2^k, k small: exact
      const double eh = first_lane(e.hi) * s12, el = first_lane(e.lo) * s12;
      double w, w_lo;
      plain_two_sum(1.0, u, w, w_lo);
      w_lo += u_lo;
      const double p = rounded(eh * w);
      L_lo = ((p - 1) + std::fma(eh, w, -p)) + (eh * w_lo + el * w);
    } else {
      L_lo = u_lo / (1 + u);
    }
    const V l(L), l_lo(L_lo);
    for_lanes<V>(x, n, pad, [&](std::size_t i, V v, std::size_t k) {
      if constexpr (pairs) {
        V d(0.0), d_lo(0.0), a(0.0), a_lo(0.0);
        two_sum(v, -m, d, d_lo);
        two_sum(d, -l, a, a_lo);
        const auto finite = magnitude(a) < V(std::numeric_limits<double>::infinity());
        store_lanes(y + i, a + select(finite, (a_lo + d_lo) - l_lo, V(0.0)), k);
      } else {
        store_lanes(y + i, (v - m) - V(L + L_lo), k);
      }
    });
  }
}

// The backward rows from the forward output y: softmax grad_x = y·(g - Σ g·y), log-softmax
// grad_x = g - e^y·Σ g.
template <row_op O, class T>
ACTFN_INLINE void backward_row(const T* y, const T* g, T* gx, std::size_t n) noexcept {
  using V = lanes_of<double>;
  constexpr bool pairs = std::is_same_v<T, double>;
  [[maybe_unused]] constexpr double inf = std::numeric_limits<double>::infinity();
  constexpr bool soft = O == row_op::softmax_backward;
  // 1. Σ g·y (softmax) or Σ g: a float's products are exact in double; a double's kept as
  // p + p_lo and summed compensated.
  V sum(0.0), sum_lo(0.0);
  for_lanes<V>(g, n, T(0.0f), [&](std::size_t i, V gv, std::size_t k) {
    V term = gv, term_lo(0.0);
    if constexpr (soft) {
      const V yv = load_first<V>(y + i, k);
      term = rounded(gv * yv);
      if constexpr (pairs) term_lo = product_error(gv, yv, term);
    }
    if constexpr (pairs) {
      V s(0.0), e(0.0);
      two_sum(sum, term, s, e);
      sum = s, sum_lo = sum_lo + (e + term_lo);
    } else {
      sum = sum + term;
    }
  });
  double D = 0, D_lo = 0;
  add_lanes(sum, sum_lo, D, D_lo);
  if constexpr (!pairs) D += D_lo;
  // 2. each gradient
  if constexpr (soft && std::is_same_v<T, float>) {
    // y·(g - D) in float lanes: g - D and the product round once each, within 1 ULP of the
    // larger of the result and y·g (D's own rounding adds half a spacing of y·D, no more)
    using F = lanes_of<float>;
    const F df(static_cast<float>(D + D_lo));
    for_lanes<F>(g, n, 0.0f, [&](std::size_t i, F gv, std::size_t k) {
      store_lanes(gx + i, load_first<F>(y + i, k) * (gv - df), k);
    });
    return;
  }
  const V d(D), d_lo(D_lo);
  for_lanes<V>(g, n, T(0.0f), [&](std::size_t i, V gv, std::size_t k) {
    const V yv = load_first<V>(y + i, k);
    V r(0.0);
    if constexpr (soft && pairs) {
      V s(0.0), e(0.0);  // g - D as s + (e - D_lo), then one product
      two_sum(gv, -d, s, e);
      r = yv * (s + select(magnitude(s) < V(inf), e - d_lo, V(0.0)));
    } else if constexpr (soft) {
      r = yv * (gv - d);
    } else {
      const V t = select(V(0.0) < yv, V(0.0), yv);  // a log-probability is ≤ 0
      if constexpr (pairs) {
        // e^y·D = s1·s2·(hi + lo)·(D + D_lo), its low part kept; g minus it by TwoSum
        const exp_dd<V> e(t);
        const V p = rounded(e.hi * d);
        const V p_lo = product_error(e.hi, d, p) + madd(e.hi, d_lo, e.lo * d);
        const V q = rounded((p * e.s1) * e.s2), q_lo = (p_lo * e.s1) * e.s2;
        V s(0.0), err(0.0);
        two_sum(gv, -q, s, err);
        r = s + select(magnitude(s) < V(inf), err - q_lo, V(0.0));
      } else {
        // tails to e^-250: e^y·Σg must stay below a float's half-spacing of g wherever e^y is
        // (Σg up to n·FLT_MAX)
        r = gv - exp_split<V, 250>(t).exp() * d;
      }
    }
    store_lanes(gx + i, r, k);
  });
}

// Operation O on `rows` rows of n elements: x is the input (the forward output y for a
// backward), g the gradient (backward only), y the result.
template <row_op O, class T>
void softmax_rows(const T* x, const T* g, T* y, std::size_t rows, std::size_t n) noexcept {
  for (std::size_t r = 0; r < rows; ++r) {
    if constexpr (O == row_op::softmax || O == row_op::log_softmax) {
      forward_row<O>(x + r * n, y + r * n, n);
    } else {
      backward_row<O>(x + r * n, g + r * n, y + r * n, n);
    }
  }
}

}  // namespace actfn::detail::ACTFN_TARGET
#endif
