// Exhaustive float accuracy: every one of the 2^32 float inputs, for every value and
// derivative, against a higher-precision reference; all cores. Prints, per function: the
// largest error in ULPs, where it occurs, how many inputs are above 0.5 ULP (not correctly
// rounded), and how many needed the long double reference.
//
// Method: a first reference in double (tests/reference.hpp's formulas, accurate to about
// 2^-44 relative, i.e. 2^-20 float ULP) decides every input whose error is clearly below
// 0.5 ULP; every other input (error within 2^-16 ULP of 0.5, or above) is measured again
// against the long double reference, which decides the figures printed.
//
//   build/bench/actfn_accuracy            all 2^32 inputs (about 10 minutes on 2 cores)
//   build/bench/actfn_accuracy 256        every 256th bit pattern
#include <actfn/actfn.hpp>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "../tests/ulp.hpp"

namespace {

using ld = long double;

struct function {
  const char* name;
  float (*impl)(float);
  double (*ref_double)(double);
  ld (*ref_long_double)(ld);
  acc::root_window root;
  double bound;
};

template <class R>
R relu_ref(R x) {
  return x != x ? x : x > 0 ? x : R(0);
}
template <class R>
R relu_d_ref(R x) {
  return x != x ? x : x > 0 ? R(1) : R(0);
}
template <class R>
R leaky_ref(R x) {
  return x < 0 ? R(0.01f) * x : x;  // the slope as the float the functor holds
}
template <class R>
R leaky_d_ref(R x) {
  return x != x ? x : x > 0 ? R(1) : R(0.01f);
}

const actfn::sigmoid<float> k_sigmoid;
const actfn::tanh<float> k_tanh;
const actfn::relu<float> k_relu;
const actfn::leaky_relu<float> k_leaky;
const actfn::gelu<float> k_gelu;
const actfn::gelu<float> k_gelu_tanh(actfn::gelu_approximation::tanh);

const std::vector<function> k_functions = {
    {"sigmoid",
     [](float x) { return k_sigmoid(x); },
     ref::sigmoid<double>,
     ref::sigmoid<ld>,
     {},
     acc::value_bound<float>},
    {"sigmoid'",
     [](float x) { return k_sigmoid.derivative(x); },
     ref::sigmoid_d<double>,
     ref::sigmoid_d<ld>,
     {},
     acc::derivative_bound<float>},
    {"tanh",
     [](float x) { return k_tanh(x); },
     ref::tanh_v<double>,
     ref::tanh_v<ld>,
     {},
     acc::value_bound<float>},
    {"tanh'",
     [](float x) { return k_tanh.derivative(x); },
     ref::tanh_d<double>,
     ref::tanh_d<ld>,
     {},
     acc::derivative_bound<float>},
    {"relu", [](float x) { return k_relu(x); }, relu_ref<double>, relu_ref<ld>, {}, 0},
    {"relu'",
     [](float x) { return k_relu.derivative(x); },
     relu_d_ref<double>,
     relu_d_ref<ld>,
     {},
     0},
    {"leaky_relu", [](float x) { return k_leaky(x); }, leaky_ref<double>, leaky_ref<ld>, {}, 0.5},
    {"leaky_relu'",
     [](float x) { return k_leaky.derivative(x); },
     leaky_d_ref<double>,
     leaky_d_ref<ld>,
     {},
     0},
    {"gelu",
     [](float x) { return k_gelu(x); },
     ref::gelu<double>,
     ref::gelu<ld>,
     {},
     acc::value_bound<float>},
    {"gelu'", [](float x) { return k_gelu.derivative(x); }, ref::gelu_d<double>, ref::gelu_d<ld>,
     acc::gelu_derivative_root<float>, acc::derivative_bound<float>},
    {"gelu_tanh",
     [](float x) { return k_gelu_tanh(x); },
     ref::gelu_tanh<double>,
     ref::gelu_tanh<ld>,
     {},
     acc::value_bound<float>},
    {"gelu_tanh'", [](float x) { return k_gelu_tanh.derivative(x); }, ref::gelu_tanh_d<double>,
     ref::gelu_tanh_d<ld>, acc::gelu_derivative_root<float>, acc::derivative_bound<float>},
};

struct tally {
  double max_ulp = 0;
  float at = 0;
  std::uint64_t above_half = 0, rechecked = 0;
  void merge(const tally& o) {
    if (o.max_ulp > max_ulp) max_ulp = o.max_ulp, at = o.at;
    above_half += o.above_half;
    rechecked += o.rechecked;
  }
};

constexpr double k_undecided = 0x1p-16;  // 2^4 times the double reference's error

void sweep(std::uint64_t begin, std::uint64_t end, std::uint64_t stride, std::vector<tally>& out) {
  for (std::uint64_t b = begin; b < end; b += stride) {
    const float x = std::bit_cast<float>(static_cast<std::uint32_t>(b));
    for (std::size_t k = 0; k < k_functions.size(); ++k) {
      const function& f = k_functions[k];
      const float got = f.impl(x);
      double e = acc::error_at(x, got, f.ref_double(double(x)), f.root);
      if (!(e < 0.5 - k_undecided)) {
        e = acc::error_at(x, got, f.ref_long_double(ld(x)), f.root);
        ++out[k].rechecked;
      }
      if (e > 0.5) ++out[k].above_half;
      if (!(e <= out[k].max_ulp)) out[k].max_ulp = e, out[k].at = x;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t stride = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1;
  if (stride == 0) return 2;
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  const std::uint64_t total = std::uint64_t(1) << 32;
  const std::uint64_t chunk = total / threads;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<tally>> partial(threads, std::vector<tally>(k_functions.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    const std::uint64_t begin = t * chunk, end = t + 1 == threads ? total : begin + chunk;
    pool.emplace_back(sweep, begin, end, stride, std::ref(partial[t]));
  }
  for (auto& th : pool) th.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("float, %llu inputs (every %llu. bit pattern), %u threads, %.0f s\n\n",
              static_cast<unsigned long long>(total / stride),
              static_cast<unsigned long long>(stride), threads, seconds);
  std::printf("| function | max ULP | at x | inputs > 0.5 ULP | rechecked in long double |\n");
  std::printf("|---|---|---|---|---|\n");
  bool ok = true;
  for (std::size_t k = 0; k < k_functions.size(); ++k) {
    tally all;
    for (const auto& p : partial) all.merge(p[k]);
    std::printf("| %s | %.6f | %.9g | %llu | %llu |\n", k_functions[k].name, all.max_ulp,
                double(all.at), static_cast<unsigned long long>(all.above_half),
                static_cast<unsigned long long>(all.rechecked));
    ok = ok && all.max_ulp <= std::max(k_functions[k].bound, 0.0);
  }
  std::printf("\n%s\n", ok ? "all within the documented bounds" : "BOUND EXCEEDED");
  return ok ? 0 : 1;
}
