// The peers' accuracy beside actfn's tiers, float, on every stride-th bit pattern (default 256:
// 2^24 inputs over all finite floats): the largest ULP error of each implementation's value and
// derivative against the long double reference (tests/reference.hpp), counted over the inputs
// whose exact result is a normal float or zero ("normal") and over all of them ("all": a
// subnormal result counts in the subnormal spacing, a flushed one too). Peers: Eigen 3.4 array
// expressions and oneDNN's eltwise primitives (values) where found, the naive std:: loop and the same loop built with -ffast-math
// (naive.hpp). scripts/accuracy-speed reads its output.
//
//   build/bench/actfn_peer_accuracy [stride]
#include <actfn/actfn.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "../tests/ulp.hpp"
#include "naive.hpp"
#include "naive_fast_math.hpp"
#include "peers.hpp"

namespace {

using vec = std::vector<float>;
using impl = std::function<void(const vec&, vec&)>;  // x → f(x) or f'(x), a whole span

struct function {
  const char* name;
  std::size_t index;  // in naive_functions (naive.hpp)
  long double (*value)(long double);
  long double (*derivative)(long double);
};

const function k_functions[] = {
    {"sigmoid", 0, ref::sigmoid<long double>, ref::sigmoid_d<long double>},
    {"tanh", 1, ref::tanh_v<long double>, ref::tanh_d<long double>},
    {"gelu", 4, ref::gelu<long double>, ref::gelu_d<long double>},
    {"gelu_tanh", 5, ref::gelu_tanh<long double>, ref::gelu_tanh_d<long double>},
};

// actfn's functor F for function index i (GELU's second form is the tanh one).
template <class A>
std::vector<std::pair<impl, impl>> actfn_impls() {
  const auto of = [](auto f) {
    return std::pair<impl, impl>{[f](const vec& x, vec& y) { f(x, y); },
                                 [f](const vec& x, vec& y) { f.derivative(x, y); }};
  };
  return {of(actfn::sigmoid<float, A>{}), of(actfn::tanh<float, A>{}), of(actfn::gelu<float, A>{}),
          of(actfn::gelu<float, A>{actfn::gelu_approximation::tanh})};
}

// Function index i of the tuple fs as a pair of spans (value, derivative).
template <class Tuple>
std::pair<impl, impl> pick(const Tuple& fs, std::size_t i) {
  std::pair<impl, impl> out;
  std::size_t k = 0;
  std::apply(
      [&](const auto&... f) {
        // (copies that are not const: oneDNN's members set up its primitives at first use)
        ((k++ == i ? (out = {[g = std::decay_t<decltype(f)>(f)](const vec& x, vec& y) mutable {
                               g.value(x, y);
                             },
                             [g = std::decay_t<decltype(f)>(f)](const vec& x, vec& y) mutable {
                               g.derivative(x, y);
                             }},
                      0)
                   : 0),
         ...);
      },
      fs);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
#if ACTFN_BENCH_DNNL
  peers::single_thread();
#endif
  const std::uint64_t stride = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 256;
  vec x;
  for (std::uint64_t b = 0; b < (std::uint64_t(1) << 32); b += stride) {
    const float v = std::bit_cast<float>(static_cast<std::uint32_t>(b));
    if (std::isfinite(v)) x.push_back(v);
  }
  std::printf("# float, every %llu-th bit pattern: %zu finite inputs\n",
              static_cast<unsigned long long>(stride), x.size());
  std::printf("# function impl op max_ulp_normal max_ulp_all\n");
  const auto faithful = actfn_impls<actfn::faithful>();
  const auto precise = actfn_impls<actfn::precise>();
  const auto fast = actfn_impls<actfn::fast>();
  vec y(x.size());
  for (std::size_t f = 0; f < std::size(k_functions); ++f) {
    const function& fn = k_functions[f];
    std::vector<std::pair<std::string, std::pair<impl, impl>>> impls = {
        {"actfn", faithful[f]}, {"precise", precise[f]}, {"fast", fast[f]},
        {"naive", pick(naive_impl::naive_functions<float>(), fn.index)},
        {"naive-fast-math", {[i = fn.index](const vec& a, vec& b) { naive_fast_math::run(i, 0, a, a, b); },
                             [i = fn.index](const vec& a, vec& b) { naive_fast_math::run(i, 1, a, a, b); }}}};
#if ACTFN_BENCH_EIGEN
    impls.push_back({"eigen", pick(peers::eigen_functions<float>(), fn.index)});
#endif
#if ACTFN_BENCH_DNNL
    impls.push_back({"onednn", pick(peers::dnnl_functions(), fn.index)});  // values only
#endif
    for (const auto& [name, spans] : impls) {
      for (int op = 0; op < (name == "onednn" ? 1 : 2); ++op) {
        (op == 0 ? spans.first : spans.second)(x, y);
        const auto reference = op == 0 ? fn.value : fn.derivative;
        double normal = 0, all = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
          const long double want = reference(x[i]);
          const double e = acc::error_at(x[i], y[i], want,
                                         op == 1 && f >= 2 ? acc::gelu_derivative_root<float>
                                                           : acc::root_window{});
          if (!(e <= all)) all = e;
          const long double a = want < 0 ? -want : want;
          if ((a == 0 || a >= 0x1p-126L) && !(e <= normal)) normal = e;
        }
        std::printf("%s %s %s %.4g %.4g\n", fn.name, name.c_str(), op == 0 ? "value" : "derivative",
                    normal, all);
        std::fflush(stdout);
      }
    }
  }
}
