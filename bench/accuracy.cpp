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
// The implementation runs through the span forms, which equal the scalar calls bit for bit
// (tests/spans.cpp).
//
// Double: n inputs (default 10^7), half random bit patterns, half uniform on [-20, 20],
// against __float128 (libquadmath) directly.
//
//   build/bench/actfn_accuracy            all 2^32 float inputs (about 12 minutes on 2 cores)
//   build/bench/actfn_accuracy 256        every 256th float bit pattern
//   build/bench/actfn_accuracy double     10^7 double inputs (about a minute on 2 cores)
//   ACTFN_ACCURACY_ONLY=silu,mish build/bench/actfn_accuracy     those functions only
#include <actfn/actfn.hpp>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "../tests/ulp.hpp"

namespace {

using ld = long double;

template <class T>
struct function {
  const char* name;
  void (*impl)(std::span<const T>, std::span<T>);
  double (*ref_double)(double);  // float only: the fast first pass
  acc::ref_t<T> (*ref)(acc::ref_t<T>);
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
template <class T, class R>
R leaky_ref(R x) {
  return x < 0 ? R(T(0.01)) * x : x;  // the slope as the T the functor holds
}
template <class T, class R>
R leaky_d_ref(R x) {
  return x != x ? x : x > 0 ? R(1) : R(T(0.01));
}

// clamp(x, lo, hi) with NaN kept: hardtanh and relu6.
template <class R, int lo, int hi>
R clamp_ref(R x) {
  return x < lo ? R(lo) : x > hi ? R(hi) : x;
}

template <class T>
std::vector<function<T>> functions() {
  using R = acc::ref_t<T>;
  using S = std::span<const T>;
  using D = std::span<T>;
  const double v = acc::value_bound<T>, d = acc::derivative_bound<T>;
  const auto root = acc::gelu_derivative_root<T>;
  constexpr auto tanh_mode = actfn::gelu_approximation::tanh;
  return {
      {"sigmoid",
       [](S x, D y) { actfn::sigmoid<T>{}(x, y); },
       ref::sigmoid<double>,
       ref::sigmoid<R>,
       {},
       v},
      {"sigmoid'",
       [](S x, D y) { actfn::sigmoid<T>{}.derivative(x, y); },
       ref::sigmoid_d<double>,
       ref::sigmoid_d<R>,
       {},
       d},
      {"sigmoid_precise",
       [](S x, D y) { actfn::sigmoid<T, actfn::precise>{}(x, y); },
       ref::sigmoid<double>,
       ref::sigmoid<R>,
       {},
       v},
      {"sigmoid_precise'",
       [](S x, D y) { actfn::sigmoid<T, actfn::precise>{}.derivative(x, y); },
       ref::sigmoid_d<double>,
       ref::sigmoid_d<R>,
       {},
       d},
      {"tanh",
       [](S x, D y) { actfn::tanh<T>{}(x, y); },
       ref::tanh_v<double>,
       ref::tanh_v<R>,
       {},
       v},
      {"tanh'",
       [](S x, D y) { actfn::tanh<T>{}.derivative(x, y); },
       ref::tanh_d<double>,
       ref::tanh_d<R>,
       {},
       d},
      {"tanh_precise",
       [](S x, D y) { actfn::tanh<T, actfn::precise>{}(x, y); },
       ref::tanh_v<double>,
       ref::tanh_v<R>,
       {},
       v},
      {"tanh_precise'",
       [](S x, D y) { actfn::tanh<T, actfn::precise>{}.derivative(x, y); },
       ref::tanh_d<double>,
       ref::tanh_d<R>,
       {},
       d},
      {"sigmoid_fast",
       [](S x, D y) { actfn::sigmoid<T, actfn::fast>{}(x, y); },
       ref::sigmoid<double>,
       ref::sigmoid<R>,
       {},
       4},
      {"sigmoid_fast'",
       [](S x, D y) { actfn::sigmoid<T, actfn::fast>{}.derivative(x, y); },
       ref::sigmoid_d<double>,
       ref::sigmoid_d<R>,
       {},
       4},
      {"tanh_fast",
       [](S x, D y) { actfn::tanh<T, actfn::fast>{}(x, y); },
       ref::tanh_v<double>,
       ref::tanh_v<R>,
       {},
       4},
      {"tanh_fast'",
       [](S x, D y) { actfn::tanh<T, actfn::fast>{}.derivative(x, y); },
       ref::tanh_d<double>,
       ref::tanh_d<R>,
       {},
       4},
      {"relu", [](S x, D y) { actfn::relu<T>{}(x, y); }, relu_ref<double>, relu_ref<R>, {}, 0},
      {"relu'",
       [](S x, D y) { actfn::relu<T>{}.derivative(x, y); },
       relu_d_ref<double>,
       relu_d_ref<R>,
       {},
       0},
      {"leaky_relu",
       [](S x, D y) { actfn::leaky_relu<T>{}(x, y); },
       leaky_ref<T, double>,
       leaky_ref<T, R>,
       {},
       0.5},
      {"leaky_relu'",
       [](S x, D y) { actfn::leaky_relu<T>{}.derivative(x, y); },
       leaky_d_ref<T, double>,
       leaky_d_ref<T, R>,
       {},
       0},
      {"gelu", [](S x, D y) { actfn::gelu<T>{}(x, y); }, ref::gelu<double>, ref::gelu<R>, {}, v},
      {"gelu'", [](S x, D y) { actfn::gelu<T>{}.derivative(x, y); }, ref::gelu_d<double>,
       ref::gelu_d<R>, root, d},
      {"gelu_tanh",
       [](S x, D y) { actfn::gelu<T>{tanh_mode}(x, y); },
       ref::gelu_tanh<double>,
       ref::gelu_tanh<R>,
       {},
       v},
      {"gelu_tanh'", [](S x, D y) { actfn::gelu<T>{tanh_mode}.derivative(x, y); },
       ref::gelu_tanh_d<double>, ref::gelu_tanh_d<R>, root, d},
      {"silu",
       [](S x, D y) { actfn::silu<T>{}(x, y); },
       [](double x) { return ref::silu(x); },
       [](R x) { return ref::silu(x); },
       {},
       v},
      {"silu'", [](S x, D y) { actfn::silu<T>{}.derivative(x, y); },
       [](double x) { return ref::silu_d(x); }, [](R x) { return ref::silu_d(x); },
       acc::root_at<T>(acc::k_silu_root), d},
      {"softplus",
       [](S x, D y) { actfn::softplus<T>{}(x, y); },
       [](double x) { return ref::softplus(x); },
       [](R x) { return ref::softplus(x); },
       {},
       v},
      {"softplus'",
       [](S x, D y) { actfn::softplus<T>{}.derivative(x, y); },
       [](double x) { return ref::softplus_d(x); },
       [](R x) { return ref::softplus_d(x); },
       {},
       d},
      {"log_sigmoid",
       [](S x, D y) { actfn::log_sigmoid<T>{}(x, y); },
       ref::log_sigmoid<double>,
       ref::log_sigmoid<R>,
       {},
       v},
      {"log_sigmoid'",
       [](S x, D y) { actfn::log_sigmoid<T>{}.derivative(x, y); },
       ref::log_sigmoid_d<double>,
       ref::log_sigmoid_d<R>,
       {},
       d},
      {"elu",
       [](S x, D y) { actfn::elu<T>{}(x, y); },
       [](double x) { return ref::elu(x); },
       [](R x) { return ref::elu(x); },
       {},
       v},
      {"elu'",
       [](S x, D y) { actfn::elu<T>{}.derivative(x, y); },
       [](double x) { return ref::elu_d(x); },
       [](R x) { return ref::elu_d(x); },
       {},
       d},
      {"selu",
       [](S x, D y) { actfn::selu<T>{}(x, y); },
       [](double x) { return ref::elu(x, double(ref::k_selu_alpha), double(ref::k_selu_lambda)); },
       [](R x) { return ref::elu(x, R(ref::k_selu_alpha), R(ref::k_selu_lambda)); },
       {},
       v},
      {"selu'",
       [](S x, D y) { actfn::selu<T>{}.derivative(x, y); },
       [](double x) {
         return ref::elu_d(x, double(ref::k_selu_alpha), double(ref::k_selu_lambda));
       },
       [](R x) { return ref::elu_d(x, R(ref::k_selu_alpha), R(ref::k_selu_lambda)); },
       {},
       d},
      // CELU at α = 0.7 (at α = 1 it is ELU), with the α the functor holds, as T
      {"celu(0.7)",
       [](S x, D y) { actfn::celu<T>{T(0.7)}(x, y); },
       [](double x) { return ref::elu(x, double(T(0.7)), 1.0, double(T(0.7))); },
       [](R x) { return ref::elu(x, R(T(0.7)), R(1), R(T(0.7))); },
       {},
       v},
      {"celu(0.7)'",
       [](S x, D y) { actfn::celu<T>{T(0.7)}.derivative(x, y); },
       [](double x) { return ref::elu_d(x, double(T(0.7)), 1.0, double(T(0.7))); },
       [](R x) { return ref::elu_d(x, R(T(0.7)), R(1), R(T(0.7))); },
       {},
       d},
      {"mish", [](S x, D y) { actfn::mish<T>{}(x, y); }, ref::mish<double>, ref::mish<R>, {}, v},
      {"mish'", [](S x, D y) { actfn::mish<T>{}.derivative(x, y); }, ref::mish_d<double>,
       ref::mish_d<R>, acc::root_at<T>(acc::k_mish_root, 0.5L), d},
      // the piecewise family (hardtanh and relu6 are exact: their rows must read 0)
      {"hardsigmoid",
       [](S x, D y) { actfn::hardsigmoid<T>{}(x, y); },
       ref::hardsigmoid<double>,
       ref::hardsigmoid<R>,
       {},
       v},
      {"hardsigmoid'",
       [](S x, D y) { actfn::hardsigmoid<T>{}.derivative(x, y); },
       ref::hardsigmoid_d<double>,
       ref::hardsigmoid_d<R>,
       {},
       d},
      {"hardswish",
       [](S x, D y) { actfn::hardswish<T>{}(x, y); },
       ref::hardswish<double>,
       ref::hardswish<R>,
       {},
       v},
      {"hardswish'",
       [](S x, D y) { actfn::hardswish<T>{}.derivative(x, y); },
       ref::hardswish_d<double>,
       ref::hardswish_d<R>,
       {},
       d},
      {"hardtanh",
       [](S x, D y) { actfn::hardtanh<T>{}(x, y); },
       clamp_ref<double, -1, 1>,
       clamp_ref<R, -1, 1>,
       {},
       0},
      {"relu6",
       [](S x, D y) { actfn::relu6<T>{}(x, y); },
       clamp_ref<double, 0, 6>,
       clamp_ref<R, 0, 6>,
       {},
       0},
      {"softsign",
       [](S x, D y) { actfn::softsign<T>{}(x, y); },
       ref::softsign<double>,
       ref::softsign<R>,
       {},
       v},
      {"softsign'",
       [](S x, D y) { actfn::softsign<T>{}.derivative(x, y); },
       ref::softsign_d<double>,
       ref::softsign_d<R>,
       {},
       d},
  };
}

// ACTFN_ACCURACY_ONLY=a,b,...: only the functions (values and derivatives) of these names.
template <class T>
std::vector<function<T>> selected() {
  std::vector<function<T>> all = functions<T>(), out;
  const char* only = std::getenv("ACTFN_ACCURACY_ONLY");
  if (only == nullptr) return all;
  const std::string list = std::string(",") + only + ",";
  for (const auto& f : all) {
    std::string base = f.name;
    if (base.back() == '\'') base.pop_back();
    if (list.find("," + base + ",") != std::string::npos) out.push_back(f);
  }
  return out;
}

struct tally {
  double max_ulp = 0;
  double at = 0;
  std::uint64_t above_half = 0, rechecked = 0;
  void add(double e, double x) {
    if (e > 0.5) ++above_half;
    if (!(e <= max_ulp)) max_ulp = e, at = x;
  }
  void merge(const tally& o) {
    if (o.max_ulp > max_ulp) max_ulp = o.max_ulp, at = o.at;
    above_half += o.above_half;
    rechecked += o.rechecked;
  }
};

constexpr double k_undecided = 0x1p-16;  // 2^4 times the double reference's error
constexpr std::size_t k_block = 4096;

// Float bit patterns [begin, end) at stride, a block at a time.
void sweep_float(std::uint64_t begin, std::uint64_t end, std::uint64_t stride,
                 std::vector<tally>& out) {
  const auto fs = selected<float>();
  std::vector<float> xs, ys(k_block);
  for (std::uint64_t b = begin; b < end;) {
    xs.clear();
    for (; b < end && xs.size() < k_block; b += stride) {
      xs.push_back(std::bit_cast<float>(static_cast<std::uint32_t>(b)));
    }
    for (std::size_t k = 0; k < fs.size(); ++k) {
      const function<float>& f = fs[k];
      f.impl(xs, std::span(ys).first(xs.size()));
      for (std::size_t i = 0; i < xs.size(); ++i) {
        const float x = xs[i];
        double e = acc::error_at(x, ys[i], f.ref_double(double(x)), f.root);
        if (!(e < 0.5 - k_undecided)) {
          e = acc::error_at(x, ys[i], f.ref(ld(x)), f.root);
          ++out[k].rechecked;
        }
        out[k].add(e, x);
      }
    }
  }
}

// n double inputs from the given seed: random bit patterns and uniform on [-20, 20], in turn.
void sweep_double(std::uint64_t n, std::uint64_t seed, std::vector<tally>& out) {
  const auto fs = selected<double>();
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> typical(-20, 20);
  std::vector<double> xs, ys(k_block);
  for (std::uint64_t done = 0; done < n;) {
    xs.clear();
    for (; done < n && xs.size() < k_block; ++done) {
      const double x = done % 2 ? typical(rng) : std::bit_cast<double>(rng());
      if (std::isfinite(x)) xs.push_back(x);
    }
    for (std::size_t k = 0; k < fs.size(); ++k) {
      fs[k].impl(xs, std::span(ys).first(xs.size()));
      for (std::size_t i = 0; i < xs.size(); ++i) {
        out[k].add(acc::error_at(xs[i], ys[i], fs[k].ref(acc::quad(xs[i])), fs[k].root), xs[i]);
      }
    }
  }
}

template <class T>
bool report(const char* what, double seconds, const std::vector<std::vector<tally>>& partial) {
  std::printf("%s, %u threads, %.0f s\n\n", what, static_cast<unsigned>(partial.size()), seconds);
  std::printf("| function | max ULP | at x | inputs > 0.5 ULP |%s\n",
              std::is_same_v<T, float> ? " rechecked in long double |" : "");
  std::printf("|---|---|---|---|%s\n", std::is_same_v<T, float> ? "---|" : "");
  const auto fs = selected<T>();
  bool ok = true;
  for (std::size_t k = 0; k < fs.size(); ++k) {
    tally all;
    for (const auto& p : partial) all.merge(p[k]);
    std::printf("| %s | %.4f | %.9g | %llu |", fs[k].name, all.max_ulp, all.at,
                static_cast<unsigned long long>(all.above_half));
    if (std::is_same_v<T, float>) {
      std::printf(" %llu |", static_cast<unsigned long long>(all.rechecked));
    }
    std::printf("\n");
    ok = ok && all.max_ulp <= std::max(fs[k].bound, 0.0);
  }
  std::printf("\n%s\n", ok ? "all within the documented bounds" : "BOUND EXCEEDED");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const bool dbl = argc > 1 && std::strcmp(argv[1], "double") == 0;
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<tally>> partial(threads, std::vector<tally>(selected<float>().size()));
  std::vector<std::thread> pool;
  char what[128];
  if (dbl) {
    const std::uint64_t n = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 10'000'000;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back(sweep_double, n / threads, 20261128 + t, std::ref(partial[t]));
    }
    std::snprintf(what, sizeof what, "double, %llu inputs (random bits, uniform on [-20, 20])",
                  static_cast<unsigned long long>(n / threads * threads));
  } else {
    const std::uint64_t stride = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1;
    if (stride == 0) return 2;
    const std::uint64_t total = std::uint64_t(1) << 32, chunk = total / threads;
    for (unsigned t = 0; t < threads; ++t) {
      const std::uint64_t begin = t * chunk, end = t + 1 == threads ? total : begin + chunk;
      pool.emplace_back(sweep_float, begin, end, stride, std::ref(partial[t]));
    }
    std::snprintf(what, sizeof what, "float, %llu inputs (every %llu. bit pattern)",
                  static_cast<unsigned long long>(total / stride),
                  static_cast<unsigned long long>(stride));
  }
  for (auto& th : pool) th.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const bool ok =
      dbl ? report<double>(what, seconds, partial) : report<float>(what, seconds, partial);
  return ok ? 0 : 1;
}
