// Uses exactly the public API, and checks a few of the promised values.
#include <actfn/actfn.hpp>

#include <cmath>
#include <cstdio>
#include <vector>

int main() {
  const actfn::sigmoid<float> s;
  const actfn::tanh<double> t;
  const actfn::leaky_relu<float> l(0.2f);
  const actfn::gelu<double> g(actfn::gelu_approximation::tanh);
  std::vector<float> x{-100.f, 0.f, 20.f}, y(3), d(3);
  s(x, y);
  s.derivative(x, d);
  s.backward(x, y, d);
  bool ok = y[0] > 0 && y[1] == 0.5f && s.derivative(20.f) > 0 && t.derivative(10.0) > 0 &&
            std::signbit(t(-0.0)) && l(-1.f) == -0.2f && g(-INFINITY) == 0 &&
            actfn::gelu<float>{}.derivative(INFINITY) == 1 && actfn::relu<double>{}(-3.0) == 0;
  static_assert(ACTFN_VERSION >= 200, "<actfn/actfn.hpp> brings the version macros");
  std::printf("consumer of actfn %s: %s\n", ACTFN_VERSION_STRING, ok ? "ok" : "WRONG VALUES");
  return ok ? 0 : 1;
}
