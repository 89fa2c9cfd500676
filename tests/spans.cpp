// The span forms: agreement with the scalar calls, in-place use, containers, and errors that
// name both sizes and leave the output untouched.
#include <actfn/actfn.hpp>
#include <array>
#include <limits>
#include <span>
#include <tuple>
#include <vector>

#include "accuracy.hpp"
#include "functors.hpp"

using namespace span_tests;

// Bit for bit where the spans run the static target (the scalar calls' kernels), else within
// the bounds (acc::agree).
TEMPLATE_TEST_CASE("span forms equal the scalar calls bit for bit", "[spans]", float, double,
                   long double) {
  using T = TestType;
  const std::vector<T> x = some_inputs<T>();
  std::vector<T> g(x.size());
  for (std::size_t i = 0; i < g.size(); ++i) g[i] = T(0.5) + static_cast<T>(i % 7);
  for_each_functor<T>([&](const auto& f) {
    INFO(f.name);
    std::vector<T> y(x.size()), d(x.size()), gi(x.size());
    f(x, y);
    f.derivative(x, d);
    f.backward(x, g, gi);
    for (std::size_t i = 0; i < x.size(); ++i) {
      INFO("x = " << x[i]);
      CHECK(acc::agree(x[i], y[i], f(x[i]), acc::value_bound<T>));
      CHECK(
          acc::agree(x[i], d[i], f.derivative(x[i]), acc::derivative_bound<T>, derivative_root(f)));
      CHECK(acc::agree(x[i], gi[i], T(g[i] * f.derivative(x[i])), acc::derivative_bound<T> + 0.5,
                       derivative_root(f, 8)));
    }
  });
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
