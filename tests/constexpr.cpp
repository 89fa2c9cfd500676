// Every scalar value and derivative works in constant expressions. The compile-time path uses
// actfn's own series (<cmath> is not constexpr in C++20); these tests pin it to exact values
// and to the run-time result.
#include <actfn/actfn.hpp>
#include <array>
#include <cmath>
#include <tuple>
#include <utility>

#include "accuracy.hpp"
#include "functions.hpp"

namespace {

constexpr bool near(double got, double want, double rel) {
  const double d = got > want ? got - want : want - got;
  return d <= rel * (want < 0 ? -want : want);
}

// Values from libquadmath (quadmath_snprintf "%.17Qe"), to 18 digits.
constexpr actfn::sigmoid<double> s;
constexpr actfn::tanh<double> t;
constexpr actfn::gelu<double> g;
constexpr actfn::gelu<double> gt(actfn::gelu_approximation::tanh);
static_assert(s(0.0) == 0.5 && s.derivative(0.0) == 0.25);
static_assert(near(s(-100.0), 3.72007597602083596e-44, 1e-15));
static_assert(near(s(2.0), 0.880797077977882444, 1e-15));
static_assert(near(s.derivative(20.0), 2.06115361394184934e-09, 1e-15));
static_assert(near(t(0.5), 0.462117157260009759, 1e-15));
static_assert(near(t(1e-10), 1e-10, 1e-15) && t(-0.0) == 0 && t(30.0) == 1);
static_assert(near(t.derivative(10.0), 8.24461445576739737e-09, 1e-15));
static_assert(near(g(1.0), 0.841344746068542949, 1e-15));
static_assert(near(g(-5.0), -1.43325785939596956e-06, 1e-14));
static_assert(near(g.derivative(-2.0), -0.0852318010781968967, 1e-14));
static_assert(near(g.derivative(1.5), 1.12746919222997953, 1e-15));
static_assert(near(gt(1.0), 0.841191990608276705, 1e-15));
static_assert(near(gt.derivative(-3.0), -0.0115841666309697262, 1e-13));
// Saturation and the far tails, where a series could overflow.
static_assert(s(1000.0) == 1 && s(-1000.0) == 0 && s.derivative(-1000.0) == 0);
static_assert(t(1000.0) == 1 && t(-1000.0) == -1 && t.derivative(1000.0) == 0);
static_assert(g(100.0) == 100 && g(-100.0) == 0 && g.derivative(100.0) == 1);
static_assert(g.derivative(-100.0) == 0 && gt(-100.0) == 0 && gt.derivative(100.0) == 1);
static_assert(actfn::gelu<float>{}(88.72f) == 88.72f);
static_assert(actfn::relu<float>{}(-1.f) == 0 && actfn::relu<float>{}.derivative(2.f) == 1);
static_assert(actfn::leaky_relu<float>{}(-1.f) == -0.01f);
static_assert(actfn::leaky_relu<float>{}.derivative(0.f) == 0.01f);
// The smooth family: log1p, expm1 and Dekker's product (βx's error) in constant evaluation too.
constexpr actfn::silu<double> si;
constexpr actfn::silu<double> qg(1.702);
constexpr actfn::softplus<double> sp;
constexpr actfn::log_sigmoid<double> ls;
constexpr actfn::celu<double> ce(0.5);
constexpr actfn::mish<double> mi;
static_assert(near(si(2.0), 1.76159415595576489, 1e-15) && si(0.0) == 0);
static_assert(near(qg.derivative(-1.0), -6.77796065563340520e-02, 1e-14));
static_assert(near(sp(-30.0), 9.35762296883973678e-14, 1e-15) && sp(1000.0) == 1000);
static_assert(near(sp(1.0), 1.31326168751822283, 1e-15));
static_assert(near(actfn::softplus<double>(2.0).derivative(0.5), 0.731058578630004879, 1e-15));
static_assert(near(ls(2.0), -0.126928011042972496, 1e-15) && ls(-300.0) == -300);
static_assert(near(ls.derivative(3.0), 4.74258731775667809e-02, 1e-15));
static_assert(near(actfn::elu<double>{}(-1.0), -0.632120558828557678, 1e-15));
static_assert(near(actfn::selu<double>{}(-1.0), -1.11133073781256276, 1e-15));
static_assert(near(ce(-1.0), -0.432332358381693654, 1e-15));
static_assert(near(ce.derivative(-1.0), 0.135335283236612692, 1e-15));
static_assert(near(mi(1.0), 0.865098388267310346, 1e-15) && mi(1000.0) == 1000);
static_assert(near(mi.derivative(-2.0), -0.108355092420393943, 1e-14));
static_assert(near(mi(-20.0), -4.12230724062876140e-08, 1e-15));

// A grid of x on [-40, 40] evaluated at compile time, compared at run time with the
// library's run-time path: within 1 ULP of T (the series are a few ULP of the wide type).
template <class T>
constexpr std::array<T, 81> grid() {
  std::array<T, 81> x{};
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = T(-40) + T(i) + T(0.01);
  return x;
}

template <class T, class F>
constexpr std::array<T, 162> at_compile_time(F f) {
  std::array<T, 162> out{};
  const auto x = grid<T>();
  for (std::size_t i = 0; i < x.size(); ++i) {
    out[2 * i] = f(x[i]);
    out[2 * i + 1] = f.derivative(x[i]);
  }
  return out;
}

template <class T, class F>
void require_same_as_run_time(const std::array<T, 162>& compiled, F f) {
  const auto x = grid<T>();
  for (std::size_t i = 0; i < x.size(); ++i) {
    INFO(f.name << " at x = " << x[i]);
    CHECK(acc::ulp_error(compiled[2 * i], static_cast<acc::ref_t<T>>(f(x[i]))) <= 1);
    CHECK(acc::ulp_error(compiled[2 * i + 1], static_cast<acc::ref_t<T>>(f.derivative(x[i]))) <= 1);
  }
}

}  // namespace

// Instance I of the list (tests/functions.hpp), evaluated at compile time and at run time.
template <class T, std::size_t I>
void require_instance() {
  constexpr auto f = std::get<I>(fn::instances<T>());
  constexpr auto compiled = at_compile_time<T>(f);
  require_same_as_run_time(compiled, f);
}

template <class T, std::size_t... I>
void require_instances(std::index_sequence<I...>) {
  (require_instance<T, I>(), ...);
}

TEMPLATE_TEST_CASE("compile-time values match run-time ones", "[constexpr]", float, double) {
  using T = TestType;
  constexpr std::size_t n = std::tuple_size_v<decltype(fn::instances<T>())>;
  require_instances<T>(std::make_index_sequence<n>{});
}
