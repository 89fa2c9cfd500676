// -ffast-math: on finite inputs, the library keeps its documented bounds, except that
// subnormal results flush to 0 (the FTZ/DAZ mode that linking with -ffast-math sets).
// NaN and inf are outside -ffast-math's contract and not tested.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "../accuracy.hpp"
#include "kernels.hpp"

namespace {

template <class T>
void check_all() {
  std::vector<T> xs = acc::inputs<T>();
  std::erase_if(xs, [](T x) { return !std::isfinite(x); });
  using R = acc::ref_t<T>;
  const auto refs =
      std::vector<std::pair<R (*)(R), R (*)(R)>>{{ref::sigmoid<R>, ref::sigmoid_d<R>},
                                                 {ref::tanh_v<R>, ref::tanh_d<R>},
                                                 {ref::gelu<R>, ref::gelu_d<R>},
                                                 {ref::gelu_tanh<R>, ref::gelu_tanh_d<R>}};
  const auto entries = fm::entries<T>();
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const bool gelu = k >= 2;
    double worst_v = 0, worst_d = 0;
    long double at_v = 0, at_d = 0;
    for (T x : xs) {
      const double ev = acc::error_at(x, entries[k].value(x), refs[k].first(R(x)), {}, true);
      const double ed =
          acc::error_at(x, entries[k].derivative(x), refs[k].second(R(x)),
                        gelu ? acc::gelu_derivative_root<T> : acc::root_window{}, true);
      if (!(ev <= worst_v)) worst_v = ev, at_v = x;
      if (!(ed <= worst_d)) worst_d = ed, at_d = x;
    }
    INFO(entries[k].name << ": value max " << worst_v << " ULP at " << at_v << ", derivative max "
                         << worst_d << " ULP at " << at_d);
    CHECK(worst_v <= acc::value_bound<T>);
    CHECK(worst_d <= acc::derivative_bound<T>);
  }
}

}  // namespace

TEST_CASE("fast-math: float within the bounds on finite inputs", "[fast-math]") {
  check_all<float>();
}

TEST_CASE("fast-math: double within the bounds on finite inputs", "[fast-math]") {
  check_all<double>();
}
