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
#include <functional>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "../tests/functions.hpp"
#include "../tests/ulp.hpp"

namespace {

using ld = long double;

template <class T>
struct function {
  std::string name;
  std::function<void(std::span<const T>, std::span<T>)> impl;
  std::function<double(double)> ref_double;  // float only: the fast first pass
  std::function<acc::ref_t<T>(acc::ref_t<T>)> ref;
  acc::root_window root;
  double bound;
};

// Every instance of the list (tests/functions.hpp: each function's default one and the one with
// the list's arguments), each tier with kernels of its own: its value and its derivative.
template <class T>
std::vector<function<T>> functions() {
  using R = acc::ref_t<T>;
  std::vector<function<T>> out;
  fn::for_each_kernel_set<T>([&](const auto& f) {
    using F = std::remove_cvref_t<decltype(f)>;
    const std::string name = fn::label(f);
    out.push_back({name,
                   [f](std::span<const T> x, std::span<T> y) { f(x, y); },
                   [f](double x) { return ref::value(f, x); },
                   [f](R x) { return ref::value(f, x); },
                   {},
                   fn::value_bound<F>()});
    out.push_back({name + "'", [f](std::span<const T> x, std::span<T> y) { f.derivative(x, y); },
                   [f](double x) { return ref::derivative(f, x); },
                   [f](R x) { return ref::derivative(f, x); }, fn::derivative_root(f),
                   fn::derivative_bound<F>()});
  });
  return out;
}

// ACTFN_ACCURACY_ONLY=a,b,...: only the rows (values and derivatives) of these names, a name
// without its parameters naming every instance (celu: celu and celu(0.7)).
template <class T>
std::vector<function<T>> selected() {
  std::vector<function<T>> all = functions<T>(), out;
  const char* only = std::getenv("ACTFN_ACCURACY_ONLY");
  if (only == nullptr) return all;
  const std::string list = std::string(",") + only + ",";
  for (const auto& f : all) {
    std::string base = f.name;
    if (base.back() == '\'') base.pop_back();
    const std::string function = base.substr(0, base.find('('));
    if (list.find("," + base + ",") != std::string::npos ||
        list.find("," + function + ",") != std::string::npos) {
      out.push_back(f);
    }
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
    std::printf("| %s | %.4f | %.9g | %llu |", fs[k].name.c_str(), all.max_ulp, all.at,
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
