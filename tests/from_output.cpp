// tests/from_output.cpp: the derivative and the backward from the forward output y = f(x)
// (issue 26, item 4), for sigmoid, tanh, ReLU, Leaky ReLU, ELU, CELU and SELU: each within
// 1 ULP of its formula in y evaluated in higher precision (the reference's own, from y as given);
// the backward g·f'(y) rounded once from the rounded f' (bit for bit), within 1.5 ULP of the
// exact g·f'(y); beside derivative(x) where y keeps x's information (the documented loss where y
// rounds towards its limit); the piecewise ones exactly derivative(x); NaN, ±0, ±inf; errors.
#include <actfn/actfn.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "accuracy.hpp"

namespace {

// the same bits (bfloat16 by its exact widening to float)
template <class T>
bool same(T a, T b) {
  if constexpr (actfn::detail::is_binary16<T>) {
    return acc::same_bits(static_cast<float>(a), static_cast<float>(b));
  } else {
    return acc::same_bits(a, b);
  }
}

// x from lo to hi in n steps, and the gradient used with each
template <class T>
std::vector<T> sweep(double lo, double hi, int n) {
  std::vector<T> x;
  for (int i = 0; i <= n; ++i) x.push_back(static_cast<T>(lo + (hi - lo) * i / n));
  return x;
}

// f's forms from the output on y = f(x) for x in [lo, hi]: the scalar within 1 ULP of
// formula(y) (ref_t), the span forms equal to it and to g·fl(f') rounded once; beside
// derivative(x) within `near` ULP on [near_lo, near_hi].
template <class F, class Formula>
void require_from_output(const F& f, Formula formula, double lo, double hi, double near_lo,
                         double near_hi, double near) {
  using T = typename F::value_type;
  using R = acc::ref_t<T>;
  const std::vector<T> x = sweep<T>(lo, hi, 4000);
  std::vector<T> y(x.size()), d(x.size()), gx(x.size()), g(x.size());
  f(x, y);
  for (std::size_t i = 0; i < x.size(); ++i) g[i] = static_cast<T>(0.75 - 0.001 * static_cast<double>(i));
  f.derivative_from_output(y, d);
  f.backward_from_output(y, g, gx);
  for (std::size_t i = 0; i < x.size(); ++i) {
    INFO(F::name << ": x = " << x[i] << ", y = " << y[i]);
    const R want = formula(static_cast<R>(y[i]));
    CHECK(acc::ulp_error(f.derivative_from_output(y[i]), want) <= 1);
    CHECK(acc::same_bits(d[i], f.derivative_from_output(y[i])));
    CHECK(acc::same_bits(gx[i], static_cast<T>(g[i] * d[i])));
    CHECK(acc::ulp_error(gx[i], static_cast<R>(g[i]) * want) <= 1.5);
    if (x[i] >= T(near_lo) && x[i] <= T(near_hi)) {
      CHECK(acc::ulp_error(d[i], static_cast<R>(f.derivative(x[i]))) <= near);
    }
  }
  // in place: grad_x over grad_y, and over y
  std::vector<T> in = g;
  f.backward_from_output(y, in, in);
  CHECK(std::equal(in.begin(), in.end(), gx.begin(), [](T a, T b) { return acc::same_bits(a, b); }));
  in = y;
  f.backward_from_output(in, g, in);
  CHECK(std::equal(in.begin(), in.end(), gx.begin(), [](T a, T b) { return acc::same_bits(a, b); }));
}

}  // namespace

TEMPLATE_TEST_CASE("from the output: the smooth functions", "[from_output][accuracy]", float,
                   double) {
  using T = TestType;
  using R = acc::ref_t<T>;
  // sigmoid: y(1 - y). From y the relative error of 1 - y is y's half ULP over 1 - y: 1 ULP
  // near x = 0, about e^x ULP beyond (x > 2 in float: 4 ULP and growing), and 0 once y is 1.
  require_from_output(actfn::sigmoid<T>{}, [](R y) { return y * (1 - y); }, -30, 30, -30, 1, 4);
  // tanh: (1 - y)(1 + y): likewise e^2|x| ULP away from 0.
  require_from_output(actfn::tanh<T>{}, [](R y) { return (1 - y) * (1 + y); }, -20, 20, -0.5,
                      0.5, 4);
  // ELU (α = 1, 0.5), CELU (α = 0.7), SELU: (y + λα)/γ for y ≤ 0, λ above; near x = 0 the
  // same as derivative(x), far left y's rounding against a result that tends to 0.
  for (const double alpha : {1.0, 0.5}) {
    const actfn::elu<T> f(static_cast<T>(alpha));
    const R a = static_cast<R>(f.alpha);
    require_from_output(f, [a](R y) { return y > 0 ? R(1) : y + a; }, -30, 5, -1, 5, 4);
  }
  const actfn::celu<T> c(T(0.7));
  const R ca = static_cast<R>(c.alpha);
  require_from_output(c, [ca](R y) { return y > 0 ? R(1) : (y + ca) / ca; }, -30, 5, -1, 5, 4);
  const R lambda = static_cast<R>(acc::ref_t<T>(1.0507009873554804934193349852946L));
  const R la = static_cast<R>(acc::ref_t<T>(1.7580993408473768599402175208123L));
  require_from_output(actfn::selu<T>{}, [=](R y) { return y > 0 ? lambda : y + la; }, -30, 5,
                      -1, 5, 4);
}

TEMPLATE_TEST_CASE("from the output: edges, the piecewise ones, errors", "[from_output]", float,
                   double, actfn::bfloat16) {
  using T = TestType;
  using L = std::numeric_limits<T>;
  const auto nan = L::quiet_NaN();
  const auto is_nan = [](T v) { return std::isnan(static_cast<float>(v)); };
  // ReLU and Leaky ReLU (slope > 0): exactly derivative(x), at every x including ±0 and ±inf
  const actfn::relu<T> r;
  const actfn::leaky_relu<T> l(0.25f);
  for (const float xf : {-1e30f, -2.5f, -1e-30f, -0.0f, 0.0f, 1e-30f, 3.0f, 1e30f, -INFINITY,
                         INFINITY}) {
    const T x(xf);
    INFO("x = " << xf);
    CHECK(same(r.derivative_from_output(r(x)), r.derivative(x)));
    CHECK(same(l.derivative_from_output(l(x)), l.derivative(x)));
  }
  CHECK(is_nan(r.derivative_from_output(nan)));
  CHECK(is_nan(l.derivative_from_output(nan)));
  CHECK(is_nan(actfn::sigmoid<T>{}.derivative_from_output(nan)));
  CHECK(is_nan(actfn::elu<T>{}.derivative_from_output(nan)));
  // the limits: σ' and tanh' 0 at y = 1, -1; ELU's 0 at y = -α, 1 at y = inf
  CHECK(static_cast<float>(actfn::sigmoid<T>{}.derivative_from_output(T(1.0f))) == 0);
  CHECK(static_cast<float>(actfn::tanh<T>{}.derivative_from_output(T(-1.0f))) == 0);
  CHECK(static_cast<float>(actfn::elu<T>{}.derivative_from_output(T(-1.0f))) == 0);
  CHECK(static_cast<float>(actfn::elu<T>{}.derivative_from_output(L::infinity())) == 1);
  // parameters that leave x undetermined by y: NaN from the scalar, a throw from the spans,
  // before anything is written
  std::vector<T> y(4, T(0.5f)), gy(4, T(1.0f)), gx(4, T(7.0f)), short_gy(3, T(1.0f));
  CHECK(is_nan(actfn::leaky_relu<T>(-0.5f).derivative_from_output(T(-1.0f))));
  CHECK(is_nan(actfn::elu<T>(-1.0f).derivative_from_output(T(-0.5f))));
  CHECK_THROWS_WITH(actfn::leaky_relu<T>(0.0f).backward_from_output(y, gy, gx),
                    Catch::Contains("negative_slope > 0"));
  CHECK_THROWS_WITH(actfn::elu<T>(-2.0f).backward_from_output(y, gy, gx),
                    Catch::Contains("alpha > 0"));
  CHECK_THROWS_WITH(actfn::sigmoid<T>{}.backward_from_output(y, short_gy, gx),
                    Catch::Contains("4") && Catch::Contains("3"));
  CHECK_THROWS_WITH(actfn::tanh<T>{}.backward_from_output(y, gy, std::span<T>(gx).first(3)),
                    Catch::Contains("4") && Catch::Contains("3"));
  for (const T v : gx) CHECK(static_cast<float>(v) == 7.0f);
  // the backward rounds once: g·f' for a gradient near the largest value stays finite where the
  // exact product does
  const T big = L::max();
  std::vector<T> yb{T(0.5f)}, gb{big}, out{T(0.0f)};
  actfn::sigmoid<T>{}.backward_from_output(yb, gb, out);
  CHECK(static_cast<double>(out[0]) == static_cast<double>(big) * 0.25);
}
