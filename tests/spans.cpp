// The span forms: agreement with the scalar calls, in-place use, containers, and errors that
// name both sizes and leave the output untouched.
#include <actfn/actfn.hpp>
#include <array>
#include <limits>
#include <span>
#include <tuple>
#include <vector>

#include "accuracy.hpp"
#include "functions.hpp"

namespace {

template <class T>
std::vector<T> some_inputs() {
  std::vector<T> x = acc::special_inputs<T>();
  for (int i = -80; i <= 80; ++i) x.push_back(static_cast<T>(i) / 8);
  return x;
}

// Every instance of the list (tests/functions.hpp), each tier with kernels of its own.
template <class T, class Fn>
void for_each_functor(Fn fn) {
  fn::for_each_kernel_set<T>(fn);
}

}  // namespace

// Bit for bit where the spans run the static target (the scalar calls' kernels), else within
// the bounds (acc::agree).
TEMPLATE_TEST_CASE("span forms equal the scalar calls bit for bit", "[spans]", float, double,
                   long double) {
  using T = TestType;
  const std::vector<T> x = some_inputs<T>();
  std::vector<T> g(x.size());
  for (std::size_t i = 0; i < g.size(); ++i) g[i] = T(0.5) + static_cast<T>(i % 7);
  for_each_functor<T>([&](const auto& f) {
    using F = std::remove_cvref_t<decltype(f)>;
    INFO(fn::label(f));
    std::vector<T> y(x.size()), d(x.size()), gi(x.size());
    f(x, y);
    f.derivative(x, d);
    f.backward(x, g, gi);
    for (std::size_t i = 0; i < x.size(); ++i) {
      INFO("x = " << x[i]);
      const double vb = fn::value_bound<F>(), db = fn::derivative_bound<F>();
      CHECK(acc::agree(x[i], y[i], f(x[i]), vb));
      CHECK(acc::agree(x[i], d[i], f.derivative(x[i]), db, fn::derivative_root(f)));
      CHECK(acc::agree(x[i], gi[i], T(g[i] * f.derivative(x[i])), db + 0.5,
                       fn::derivative_root(f, 8)));
    }
  });
}

// Scalar calls run the static target's kernels on one plain lane, the spans its batches (or,
// dispatched, another level's): this pins that they agree on millions of inputs (every 4th of
// the float sweep, all of the double one), for every length's tail too, since the inputs are
// not a multiple of any batch width.
TEMPLATE_TEST_CASE("span forms equal the scalar calls on the whole sweep", "[spans][sweep]", float,
                   double) {
  using T = TestType;
  std::vector<T> x;
  const std::size_t step = std::is_same_v<T, float> ? 4 : 1;
  for (std::size_t i = 0; i < acc::inputs<T>().size(); i += step) x.push_back(acc::inputs<T>()[i]);
  x.push_back(T(1));  // an odd length
  std::vector<T> g(x.size());
  for (std::size_t i = 0; i < g.size(); ++i) g[i] = T(0.75) + static_cast<T>(i % 5);
  std::vector<T> y(x.size()), d(x.size()), gi(x.size());
  for_each_functor<T>([&](const auto& f) {
    f(x, y);
    f.derivative(x, d);
    f.backward(x, g, gi);
    using F = std::remove_cvref_t<decltype(f)>;
    const double vb = fn::value_bound<F>(), db = fn::derivative_bound<F>();
    std::size_t differ = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const T di = f.derivative(x[i]);
      differ += !acc::agree(x[i], y[i], f(x[i]), vb) +
                !acc::agree(x[i], d[i], di, db, fn::derivative_root(f)) +
                !acc::agree(x[i], gi[i], T(g[i] * di), db + 0.5, fn::derivative_root(f, 8));
    }
    INFO(f.name << " over " << x.size() << " inputs, spans on " << actfn::active_isa()
                << (acc::spans_run_static_target() ? " (the static target: bit for bit)" : ""));
    CHECK(differ == 0);
  });
}

// backward of every function of the list, with gradients from across T's range (±max, the least
// normal and subnormal values): grad_out·f'(x) rounded once, at every level.
TEMPLATE_TEST_CASE("backward is grad_out times the derivative, rounded once", "[spans]", float,
                   double, long double) {
  for_each_functor<TestType>([](const auto& f) { acc::require_backward(f); });
}

TEMPLATE_TEST_CASE("derivative_from_output span form", "[spans]", float, double, long double) {
  using T = TestType;
  const std::vector<T> x = some_inputs<T>();
  const auto check = [&](const auto& f) {
    std::vector<T> y(x.size()), d(x.size());
    f(x, y);
    f.derivative_from_output(y, d);
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(acc::same_bits(d[i], f.derivative_from_output(y[i])));
    }
    f.derivative_from_output(y, y);  // in place
    CHECK(std::equal(y.begin(), y.end(), d.begin(), acc::same_bits<T>));
  };
  check(actfn::sigmoid<T>{});
  check(actfn::tanh<T>{});
}

TEMPLATE_TEST_CASE("in place: the output may be the input", "[spans]", float, double, long double) {
  using T = TestType;
  const std::vector<T> x = some_inputs<T>();
  const std::vector<T> g(x.size(), T(3));
  for_each_functor<T>([&](const auto& f) {
    INFO(f.name);
    std::vector<T> want(x.size()), got = x;
    f(x, want);
    f(got, got);
    CHECK(std::equal(got.begin(), got.end(), want.begin(), acc::same_bits<T>));
    f.derivative(x, want);
    got = x;
    f.derivative(got, got);
    CHECK(std::equal(got.begin(), got.end(), want.begin(), acc::same_bits<T>));
    f.backward(x, g, want);
    got = g;
    f.backward(x, got, got);  // grad_in is grad_out
    CHECK(std::equal(got.begin(), got.end(), want.begin(), acc::same_bits<T>));
    got = x;
    f.backward(got, g, got);  // grad_in is x
    CHECK(std::equal(got.begin(), got.end(), want.begin(), acc::same_bits<T>));
  });
}

TEST_CASE("containers pass straight to the span forms", "[spans]") {
  const actfn::sigmoid<float> s;
  const std::vector<float> v{-1.f, 0.f, 1.f};
  std::array<float, 3> a{};
  float c[3] = {};
  s(v, a);  // vector → array
  CHECK(a[1] == 0.5f);
  s.derivative(a, c);  // array → C array
  CHECK(c[1] == s.derivative(0.5f));
  s.backward(v, c, c);  // C array in place
  CHECK(c[2] == s.derivative(s(1.f)) * s.derivative(1.f));
  s(std::span<const float>(v), std::span<float>(a));
  CHECK(a[0] == s(-1.f));
  std::vector<double> empty_in, empty_out;
  actfn::gelu<double>{}(empty_in, empty_out);  // empty spans are fine
  actfn::gelu<double>{}.backward(empty_in, empty_in, empty_out);
}

TEST_CASE("size mismatch throws with both sizes and writes nothing", "[spans][errors]") {
  const actfn::tanh<float> t;
  const std::vector<float> x(5, 1.f), g(4, 1.f);
  std::vector<float> y(4, 42.f);
  CHECK_THROWS_WITH(t(x, y),
                    Catch::Contains("5") && Catch::Contains("4") && Catch::Contains("actfn::tanh"));
  CHECK_THROWS_AS(t.derivative(x, y), std::invalid_argument);
  CHECK_THROWS_AS(t.derivative_from_output(x, y), std::invalid_argument);
  CHECK(y == std::vector<float>(4, 42.f));
  std::vector<float> gi(5, 42.f);
  CHECK_THROWS_WITH(t.backward(x, g, gi),
                    Catch::Contains("grad_out has 4") && Catch::Contains("x has 5"));
  CHECK(gi == std::vector<float>(5, 42.f));
  std::vector<float> gi3(3, 42.f);
  CHECK_THROWS_WITH(t.backward(x, x, gi3), Catch::Contains("grad_in has 3"));
  CHECK(gi3 == std::vector<float>(3, 42.f));
}

TEST_CASE("an output that partly overlaps an input throws and writes nothing", "[spans][errors]") {
  const actfn::gelu<double> f;
  std::vector<double> buf{1, 2, 3, 4, 5, 6};
  const std::vector<double> before = buf;
  const std::span<double> all(buf);
  CHECK_THROWS_WITH(f(all.first(4), all.last(4)), Catch::Contains("partly overlaps"));
  CHECK_THROWS_AS(f.derivative(all.last(4), all.first(4)), std::invalid_argument);
  CHECK_THROWS_AS(f.backward(all.first(4), all.first(4), all.subspan(1, 4)), std::invalid_argument);
  CHECK(buf == before);
  // Adjacent but disjoint is fine.
  f(all.first(3), all.last(3));
  CHECK(buf[3] == f(1.0));
}
