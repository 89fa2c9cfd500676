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
  // every 4th sweep input, over the same range: this build checks what -ffast-math changes (the
  // main suite checks the density); the full sweep took 82 s here, scalar calls one at a time
  std::vector<T> xs;
  const std::vector<T>& all = acc::inputs<T>();
  for (std::size_t i = 0; i < all.size(); i += 4) {
    if (std::isfinite(all[i])) xs.push_back(all[i]);
  }
  using R = acc::ref_t<T>;
  struct reference {
    R (*value)(R);
    R (*derivative)(R);
    acc::root_window root;
  };
  const auto refs = std::vector<reference>{
      {ref::sigmoid<R>, ref::sigmoid_d<R>, {}},
      {ref::tanh_v<R>, ref::tanh_d<R>, {}},
      {ref::gelu<R>, ref::gelu_d<R>, acc::gelu_derivative_root<T>},
      {ref::gelu_tanh<R>, ref::gelu_tanh_d<R>, acc::gelu_derivative_root<T>},
      {[](R x) { return ref::silu(x); }, [](R x) { return ref::silu_d(x); },
       acc::root_at<T>(acc::k_silu_root)},
      {[](R x) { return ref::softplus(x); }, [](R x) { return ref::softplus_d(x); }, {}},
      {ref::log_sigmoid<R>, ref::log_sigmoid_d<R>, {}},
      {[](R x) { return ref::elu(x); }, [](R x) { return ref::elu_d(x); }, {}},
      {ref::mish<R>, ref::mish_d<R>, acc::root_at<T>(acc::k_mish_root, 0.5L)}};
  const auto entries = fm::entries<T>();
  REQUIRE(entries.size() == refs.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    double worst_v = 0, worst_d = 0;
    long double at_v = 0, at_d = 0;
    for (T x : xs) {
      const double ev = acc::error_at(x, entries[k].value(x), refs[k].value(R(x)), {}, true);
      const double ed =
          acc::error_at(x, entries[k].derivative(x), refs[k].derivative(R(x)), refs[k].root, true);
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
