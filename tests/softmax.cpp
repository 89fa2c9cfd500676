// tests/softmax.cpp: softmax and log-softmax over rows (issue 26, item 1), forward and backward,
// for float, double, long double and the 16-bit types: each result against the exact row
// function in __float128 (computed here from the row as given), within the documented bounds
// (softmax 2 ULP; log-softmax 2 ULP or 2 ULP of the row's log-sum-exp where smaller; the
// backward 4 ULP of its largest term; 16-bit results 1 ULP); rows that cross the kernels' chunks,
// rising rows (the sum rescaled at every chunk), rows dominated by one entry, large offsets,
// duplicated maxima, subnormals; the edges (masking by -inf, NaN rows, no overflow at ±FLT_MAX and
// ±DBL_MAX); in place; every size error, with the output untouched.
#include <actfn/actfn.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "ulp.hpp"

namespace {

using acc::quad;

template <class T>
T from_double(double v) {
  return static_cast<T>(v);
}

using acc::to_quad;

template <class T>
double ulps(T got, quad want, quad scale) {
  return acc::ulps_at(got, want, scale);
}

template <class T>
constexpr double forward_bound = actfn::detail::is_binary16<T> ? 1.0 : 2.0;

// The exact softmax, log-softmax and log-sum-exp of one row (quad; its entries are T's, exact).
struct exact_row {
  std::vector<quad> soft, log_soft;
  quad lse = 0;
};
template <class T>
exact_row exact(const T* x, std::size_t n) {
  quad m = -INFINITY;
  for (std::size_t i = 0; i < n; ++i) m = std::max(m, to_quad(x[i]));
  // Σ e^(x - m) as (count of x = m) + the rest, so that log Σ keeps its small part
  quad rest = 0, count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const quad d = to_quad(x[i]) - m;
    if (d == 0) {
      count += 1;
    } else {
      rest += ref::exp(d);
    }
  }
  const quad s = count + rest, l = ref::log1p((count - 1) + rest);
  exact_row r;
  r.lse = m + l;
  for (std::size_t i = 0; i < n; ++i) {
    const quad d = to_quad(x[i]) - m;
    r.soft.push_back(ref::exp(d) / s);
    r.log_soft.push_back(d - l);
  }
  return r;
}

// Forward of every row of x (rows of n) against the exact rows: the worst errors.
template <class T, class A = actfn::faithful>
void require_forward(const std::vector<T>& x, std::size_t n, const char* what) {
  std::vector<T> y(x.size()), z(x.size()), y1(n);
  actfn::softmax<T, A>{}(x, y, n);
  actfn::log_softmax<T, A>{}(x, z, n);
  double worst_soft = 0, worst_log = 0;
  for (std::size_t r = 0; r < x.size() / n; ++r) {
    const exact_row e = exact(x.data() + r * n, n);
    for (std::size_t i = 0; i < n; ++i) {
      worst_soft = std::max(worst_soft, ulps(y[r * n + i], e.soft[i], e.soft[i]));
      const quad scale = std::max(e.log_soft[i] < 0 ? -e.log_soft[i] : e.log_soft[i],
                                  e.lse < 0 ? -e.lse : e.lse);
      worst_log = std::max(worst_log, ulps(z[r * n + i], e.log_soft[i], scale));
    }
  }
  INFO(what << ", rows of " << n << ": softmax " << worst_soft << " ULP, log-softmax "
            << worst_log << " ULP");
  CHECK(worst_soft <= forward_bound<T>);
  CHECK(worst_log <= forward_bound<T>);
  // one row: the same as the rows form
  const std::vector<T> first(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n));
  actfn::softmax<T, A>{}(first, y1);
  for (std::size_t i = 0; i < n; ++i) CHECK(to_quad(y1[i]) == to_quad(y[i]));
}

// Backward of both from their own forward outputs, against the exact formulas in y and g.
template <class T>
void require_backward(const std::vector<T>& x, const std::vector<T>& g, std::size_t n,
                      const char* what) {
  std::vector<T> y(x.size()), z(x.size()), gy(x.size()), gz(x.size());
  actfn::softmax<T>{}(x, y, n);
  actfn::log_softmax<T>{}(x, z, n);
  actfn::softmax<T>{}.backward(y, g, gy, n);
  actfn::log_softmax<T>{}.backward(z, g, gz, n);
  double worst_soft = 0, worst_log = 0;
  std::vector<quad> largest(x.size() / n, 0);
  for (std::size_t r = 0; r < x.size() / n; ++r) {
    quad dot = 0, sum = 0;
    for (std::size_t i = r * n; i < (r + 1) * n; ++i) {
      const quad p = to_quad(g[i]) * to_quad(y[i]);
      dot += p;
      sum += to_quad(g[i]);
      largest[r] = std::max(largest[r], p < 0 ? -p : p);
    }
    for (std::size_t i = r * n; i < (r + 1) * n; ++i) {
      const quad yi = to_quad(y[i]), gi = to_quad(g[i]);
      // the largest term summed: y_i·g_i, or y_i·g_j·y_j for some j
      const quad want = yi * (gi - dot);
      const quad big = std::max({want < 0 ? -want : want, yi * (gi < 0 ? -gi : gi),
                                 yi * largest[i / n]});
      worst_soft = std::max(worst_soft, ulps(gy[i], want, big));
      const quad e = ref::exp(to_quad(z[i])) * sum;
      const quad want_log = gi - e;
      const quad big_log = std::max({want_log < 0 ? -want_log : want_log, gi < 0 ? -gi : gi,
                                     e < 0 ? -e : e});
      worst_log = std::max(worst_log, ulps(gz[i], want_log, big_log));
    }
  }
  INFO(what << ", rows of " << n << ": softmax backward " << worst_soft
            << " ULP, log-softmax backward " << worst_log << " ULP (of the largest term)");
  CHECK(worst_soft <= 4);
  CHECK(worst_log <= 4);
}

template <class T>
std::vector<T> uniform(std::size_t count, double lo, double hi, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<T> v(count);
  for (auto& e : v) e = from_double<T>(u(gen));
  return v;
}

// Elements per kernel chunk (detail/kernels/softmax.hpp): rows longer than one rescale.
template <class T>
constexpr std::size_t chunk = actfn::detail::row_chunk<T>;

template <class T>
void require_accuracy() {
  const bool wide = sizeof(T) >= 8;
  const double far = wide ? 700 : 100;
  for (std::size_t n : {std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(33),
                        std::size_t(1000)}) {
    const std::size_t rows = std::max<std::size_t>(1, 4000 / n);
    require_forward<T>(uniform<T>(rows * n, -8, 8, 1), n, "uniform on [-8, 8]");
    require_forward<T>(uniform<T>(rows * n, -far, far, 2), n, "uniform, wide");
    require_backward<T>(uniform<T>(rows * n, -8, 8, 3), uniform<T>(rows * n, -2, 2, 4), n,
                        "uniform");
  }
  // rows across chunks: random, rising (a new maximum in every chunk: the sum rescaled), falling
  const std::size_t long_n = 3 * chunk<T> + 37;
  require_forward<T>(uniform<T>(long_n, -8, 8, 5), long_n, "three chunks");
  std::vector<T> rising(long_n), falling(long_n);
  for (std::size_t i = 0; i < long_n; ++i) {
    rising[i] = from_double<T>(-20.0 + 30.0 * static_cast<double>(i) / long_n);
    falling[long_n - 1 - i] = rising[i];
  }
  require_forward<T>(rising, long_n, "rising");
  require_forward<T>(falling, long_n, "falling");
  require_backward<T>(rising, uniform<T>(long_n, -1, 1, 6), long_n, "rising");
  // large offsets (x - max must be exact), duplicated maxima, subnormal and tiny entries
  std::vector<T> offset = uniform<T>(2000, 1e4, 1e4 + 30, 7);
  require_forward<T>(offset, 100, "offset 10^4");
  std::vector<T> dup = uniform<T>(1000, -3, 3, 8);
  for (std::size_t i = 0; i < dup.size(); i += 7) dup[i] = from_double<T>(3.0);
  require_forward<T>(dup, 50, "duplicated maxima");
  std::vector<T> tiny = uniform<T>(1000, -1e-30, 1e-30, 9);
  tiny[3] = std::numeric_limits<T>::denorm_min();
  tiny[4] = static_cast<T>(-static_cast<double>(std::numeric_limits<T>::denorm_min()));
  require_forward<T>(tiny, 10, "tiny and subnormal");
  // dominated rows: log-softmax of the maximum is -Σ of the others, far below 1 in magnitude
  for (double gap : {10.0, 30.0, 60.0, 200.0}) {
    std::vector<T> d = uniform<T>(640, -gap - 5, -gap, 10);
    for (std::size_t i = 0; i < d.size(); i += 64) d[i] = from_double<T>(0.0);
    require_forward<T>(d, 64, "one entry dominating");
  }
  // mixed gradients in magnitude: large and tiny terms in one row
  std::vector<T> g = uniform<T>(1024, -1, 1, 11);
  for (std::size_t i = 0; i < g.size(); i += 5) g[i] = from_double<T>(wide ? 1e200 : 1e30);
  for (std::size_t i = 2; i < g.size(); i += 5) g[i] = from_double<T>(wide ? -1e-200 : -1e-30);
  if (actfn::detail::is_binary16<T>) g = uniform<T>(1024, -100, 100, 12);
  require_backward<T>(uniform<T>(1024, -10, 10, 13), g, 128, "gradients of every size");
}

template <class T>
void require_edges() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const auto row = [](std::initializer_list<double> v) {
    std::vector<T> r;
    for (double e : v) r.push_back(from_double<T>(e));
    return r;
  };
  const auto soft = [](const std::vector<T>& x) {
    std::vector<T> y(x.size());
    actfn::softmax<T>{}(x, y);
    return y;
  };
  const auto logs = [](const std::vector<T>& x) {
    std::vector<T> y(x.size());
    actfn::log_softmax<T>{}(x, y);
    return y;
  };
  const auto q = [](T v) { return to_quad(v); };
  // masking: -inf gives exactly +0 (softmax) and -inf (log-softmax), the rest as without it
  const std::vector<T> masked = soft(row({-inf, 1, -inf, 2, -inf}));
  const std::vector<T> plain = soft(row({1, 2}));
  CHECK(q(masked[0]) == 0);
  CHECK(!std::signbit(static_cast<double>(q(masked[0]))));
  CHECK(q(masked[2]) == 0);
  CHECK(q(masked[1]) == q(plain[0]));
  CHECK(q(masked[3]) == q(plain[1]));
  const std::vector<T> lmasked = logs(row({-inf, 1, -inf, 2}));
  CHECK(q(lmasked[0]) == -INFINITY);
  CHECK(q(lmasked[1]) == q(logs(row({1, 2}))[0]));
  // NaN throughout: a row of -inf only, with a NaN, with +inf; the next row unaffected
  for (const auto& bad : {row({-inf, -inf, -inf}), row({1, NAN, 2}), row({1, inf, 2}),
                          row({inf, inf}), row({NAN})}) {
    for (const auto& y : {soft(bad), logs(bad)}) {
      for (T v : y) CHECK(std::isnan(static_cast<double>(q(v))));
    }
  }
  std::vector<T> two_rows = row({1, NAN, 2, 1, 2, 3}), y(6);
  actfn::softmax<T>{}(two_rows, y, 3);
  CHECK(std::isnan(static_cast<double>(q(y[0]))));
  CHECK(ulps(y[5], exact(two_rows.data() + 3, 3).soft[2], exact(two_rows.data() + 3, 3).soft[2]) <=
        forward_bound<T>);
  // no overflow at the type's extremes
  // (long double: its rows are built from doubles here, so DBL_MAX)
  const double big = static_cast<double>(
      std::min(q(std::numeric_limits<T>::max()), to_quad(std::numeric_limits<double>::max())));
  const std::vector<T> huge = soft(row({big, -big, big}));
  CHECK(q(huge[0]) == 0.5);
  CHECK(q(huge[1]) == 0);
  CHECK(q(huge[2]) == 0.5);
  const std::vector<T> lhuge = logs(row({big, big * 0.5}));
  CHECK(ulps(lhuge[0], 0, quad(big)) <= 2);
  const std::vector<T> one = soft(row({-big}));
  CHECK(q(one[0]) == 1);
  CHECK(q(logs(row({42}))[0]) == 0);
  // in place
  std::vector<T> x = uniform<T>(100, -5, 5, 14), copy = x, out(100);
  actfn::softmax<T>{}(copy, out, 10);
  actfn::softmax<T>{}(x, x, 10);
  for (std::size_t i = 0; i < x.size(); ++i) CHECK(q(x[i]) == q(out[i]));
  std::vector<T> g = uniform<T>(100, -1, 1, 15), gx(100);
  actfn::log_softmax<T>{}(copy, out, 10);
  actfn::log_softmax<T>{}.backward(out, g, gx, 10);
  actfn::log_softmax<T>{}.backward(out, g, g, 10);
  for (std::size_t i = 0; i < g.size(); ++i) CHECK(q(g[i]) == q(gx[i]));
  // the backward of a masked entry is exactly 0 (softmax) and g (log-softmax)
  std::vector<T> gsoft(5), glog(4);
  actfn::softmax<T>{}.backward(masked, row({7, 1, 2, 3, 4}), gsoft);
  actfn::log_softmax<T>{}.backward(lmasked, row({2, 1, 1, 1}), glog);
  CHECK(q(gsoft[0]) == 0);
  CHECK(q(glog[0]) == 2);
}

template <class T>
void require_errors() {
  actfn::softmax<T> f;
  actfn::log_softmax<T> lf;
  std::vector<T> x(12, T(1.0f)), y(12, T(7.0f)), short_y(11, T(7.0f));
  const auto untouched = [](const std::vector<T>& v) {
    for (T e : v) {
      if (to_quad(e) != 7) return false;
    }
    return true;
  };
  const auto message = [](auto call) {
    try {
      call();
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no throw");
  };
  std::string m = message([&] { f(x, short_y, 4); });
  CHECK(m.find("actfn::softmax") != std::string::npos);
  CHECK(m.find("12") != std::string::npos);
  CHECK(m.find("11") != std::string::npos);
  CHECK(untouched(short_y));
  m = message([&] { lf(x, short_y); });
  CHECK(m.find("actfn::log_softmax") != std::string::npos);
  CHECK(untouched(short_y));
  m = message([&] { f(x, y, 5); });
  CHECK(m.find("multiple") != std::string::npos);
  CHECK(m.find("5") != std::string::npos);
  CHECK(untouched(y));
  m = message([&] { f(x, y, 0); });
  CHECK(m.find("> 0") != std::string::npos);
  CHECK(untouched(y));
  // partly overlapping output
  std::vector<T> buffer(20, T(7.0f));
  CHECK_THROWS_AS(f(std::span<const T>(buffer.data(), 10), std::span<T>(buffer.data() + 5, 10), 5),
                  std::invalid_argument);
  // backward: every span's size, the row length
  std::vector<T> g(12, T(1.0f)), gx(12, T(7.0f)), short_g(11, T(1.0f));
  m = message([&] { f.backward(x, short_g, gx, 4); });
  CHECK(m.find("grad_y") != std::string::npos);
  CHECK(m.find("11") != std::string::npos);
  CHECK(untouched(gx));
  m = message([&] { lf.backward(x, g, short_y, 4); });
  CHECK(m.find("grad_x") != std::string::npos);
  CHECK(untouched(short_y));
  CHECK_THROWS_AS(lf.backward(x, g, gx, 5), std::invalid_argument);
  CHECK_THROWS_AS(f.backward(x, g, gx, 0), std::invalid_argument);
  CHECK(untouched(gx));
  // empty: nothing to do
  std::vector<T> none;
  CHECK_NOTHROW(f(none, none));
  CHECK_NOTHROW(f(none, none, 3));
  CHECK_NOTHROW(lf.backward(none, none, none));
}

}  // namespace

TEMPLATE_TEST_CASE("softmax and log-softmax: accuracy against exact rows", "[softmax]", float,
                   double, long double, actfn::bfloat16, actfn::float16) {
  require_accuracy<TestType>();
}

TEMPLATE_TEST_CASE("softmax and log-softmax: masking, NaN rows, extremes, in place", "[softmax]",
                   float, double, long double, actfn::bfloat16, actfn::float16) {
  require_edges<TestType>();
}

TEMPLATE_TEST_CASE("softmax and log-softmax: size errors", "[softmax]", float, double,
                   long double, actfn::bfloat16) {
  require_errors<TestType>();
}

TEST_CASE("softmax: every tier runs the same kernels", "[softmax]") {
  const std::vector<float> x = uniform<float>(300, -9, 9, 16);
  std::vector<float> a(300), b(300), c(300);
  actfn::softmax<float>{}(x, a, 30);
  actfn::softmax<float, actfn::precise>{}(x, b, 30);
  actfn::softmax<float, actfn::fast>{}(x, c, 30);
  CHECK(a == b);
  CHECK(a == c);
  require_forward<double, actfn::fast>(uniform<double>(300, -9, 9, 17), 30, "fast tier");
}
