// The span forms against the scalar calls on the whole accuracy sweep (tests/spans.cpp: the
// rest of the span tests).
#include <actfn/actfn.hpp>
#include <vector>

#include "accuracy.hpp"
#include "functors.hpp"

using namespace span_tests;

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
    std::size_t differ = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const T di = f.derivative(x[i]);
      differ += !acc::agree(x[i], y[i], f(x[i]), acc::value_bound<T>) +
                !acc::agree(x[i], d[i], di, acc::derivative_bound<T>, derivative_root(f)) +
                !acc::agree(x[i], gi[i], T(g[i] * di), acc::derivative_bound<T> + 0.5,
                            derivative_root(f, 8));
    }
    INFO(f.name << " over " << x.size() << " inputs, spans on " << actfn::active_isa()
                << (acc::spans_run_static_target() ? " (the static target: bit for bit)" : ""));
    CHECK(differ == 0);
  });
}
