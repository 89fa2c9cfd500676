// Throughput of every functor's value, derivative and backward, float, double, bfloat16 and
// float16, at 4 Ki (cache-resident) and 16 Mi (memory-bound) elements, the ways a user calls
// them: the span forms (dispatched, and at each level the CPU has), and scalar calls in the
// user's own loop; beside a naive std:: loop computing the same function (16-bit: in float,
// converted each way), Eigen and oneDNN when found (peers.hpp, float and double) and a memcpy of
// the same bytes, so that every figure can be read as a ratio within one run.
// Names: <function>_<op>_<impl>_<type>/<size>, impl = actfn (the span forms at the level the
// CPU picks), actfn-<level> (the span forms with actfn::limit_isa(level)), calls (f(x) and
// f.derivative(x) in a loop), precise and calls-precise (the same, actfn::precise tier; float
// only), fast, fast-<level> and calls-fast (actfn::fast; float and double), naive,
// naive-fast-math (the same loop compiled with -ffast-math), eigen or onednn.
//
//   build/bench/actfn_bench --benchmark_filter='sigmoid.*float/4096'
#include <benchmark/benchmark.h>

#include <actfn/actfn.hpp>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "naive.hpp"
#include "naive_fast_math.hpp"
#include "peers.hpp"

namespace {

using naive_impl::naive;
using naive_impl::naive_functions;

// Inputs uniform on [-8, 8]: where the functions are neither linear nor saturated. Several
// arrays, rotated, so that branch predictors cannot learn one.
constexpr std::size_t k_arrays = 4;

// T, or float for a 16-bit T (which has no arithmetic: a user's loop converts to float).
template <class T>
using float_or = std::conditional_t<std::is_floating_point_v<T>, T, float>;
template <class T>
T product(T a, T b) {
  return T(static_cast<float_or<T>>(a) * static_cast<float_or<T>>(b));
}

template <class T>
struct buffers {
  std::vector<std::vector<T>> x;
  std::vector<T> g, y;
  explicit buffers(std::size_t n) : g(n, T(0.5)), y(n) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<float_or<T>> u(-8, 8);
    for (std::size_t a = 0; a < k_arrays; ++a) {
      x.emplace_back(n);
      for (T& v : x.back()) v = T(u(rng));
    }
  }
  // One set per type and size for the whole run: filling 16 Mi elements takes longer than
  // timing most functions on them.
  static buffers& shared(std::size_t n) {
    static std::map<std::size_t, std::unique_ptr<buffers>> sets;
    auto& b = sets[n];
    if (!b) b = std::make_unique<buffers>(n);
    return *b;
  }
};

enum class op { value, derivative, backward };

template <class T, class F>
void run(benchmark::State& state, op o, F f) {  // a copy: oneDNN's holds its primitives
  if constexpr (requires { f.level; }) actfn::limit_isa(f.level);
  const auto n = static_cast<std::size_t>(state.range(0));
  buffers<T>& b = buffers<T>::shared(n);
  const auto once = [&](const std::vector<T>& x) {
    if (o == op::value) f.value(x, b.y);
    if (o == op::derivative) f.derivative(x, b.y);
    if (o == op::backward) f.backward(x, b.g, b.y);
  };
  once(b.x[0]);  // outside the timing: oneDNN creates its primitives here
  std::size_t a = 0;
  for (auto _ : state) {
    once(b.x[a]);
    a = (a + 1) % k_arrays;
    benchmark::DoNotOptimize(b.y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
  const std::size_t streams = o == op::backward ? 3 : 2;
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(n * sizeof(T) * streams));
}

// actfn's span forms, behind the interface `run` calls, at the given level ("avx512": the best
// the CPU has, which the process picks by itself).
template <class F>
struct library {
  F f;
  const char* level = "avx512";
  template <class T>
  void value(const std::vector<T>& x, std::vector<T>& y) const {
    f(x, y);
  }
  template <class T>
  void derivative(const std::vector<T>& x, std::vector<T>& y) const {
    f.derivative(x, y);
  }
  template <class T>
  void backward(const std::vector<T>& x, const std::vector<T>& g, std::vector<T>& y) const {
    f.backward(x, g, y);
  }
};

// actfn's scalar calls in the user's loop, as the naive formula is called below, on a local
// functor (as a user's would be: a member read through `this` may alias the stores to y).
template <class F>
struct calls {
  F f;
  template <class T>
  void value(const std::vector<T>& x, std::vector<T>& y) const {
    const F fl = f;
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = fl(x[i]);
  }
  template <class T>
  void derivative(const std::vector<T>& x, std::vector<T>& y) const {
    const F fl = f;
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = fl.derivative(x[i]);
  }
  template <class T>
  void backward(const std::vector<T>& x, const std::vector<T>& g, std::vector<T>& y) const {
    const F fl = f;
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = product(g[i], fl.derivative(x[i]));
  }
};

// A framework's 16-bit conversions, as a user's loop would call them: bfloat16 by float's top
// half, rounded by integer arithmetic (PyTorch's c10::BFloat16), binary16 by the compiler's
// _Float16 where it has one (VCVTPS2PH with F16C).
template <class T>
float widen(T x) {
  if constexpr (std::is_same_v<T, actfn::bfloat16>) {
    return std::bit_cast<float>(std::uint32_t{std::bit_cast<std::uint16_t>(x)} << 16);
  } else {
#if ACTFN_HAS_FLOAT16
    return static_cast<float>(std::bit_cast<_Float16>(x));
#else
    return static_cast<float>(x);
#endif
  }
}
template <class T>
T narrow(float f) {
  if constexpr (std::is_same_v<T, actfn::bfloat16>) {
    const auto b = std::bit_cast<std::uint32_t>(f);
    const auto r = f != f ? 0x7fc0u : (b + 0x7fffu + ((b >> 16) & 1u)) >> 16;
    return std::bit_cast<T>(static_cast<std::uint16_t>(r));
  } else {
#if ACTFN_HAS_FLOAT16
    return std::bit_cast<T>(static_cast<_Float16>(f));
#else
    return T(f);
#endif
  }
}

// A 16-bit T's naive loop: each element converted to float, the float formula, rounded back.
template <class N>
struct via_float {
  N n;
  template <class T>
  void value(const std::vector<T>& x, std::vector<T>& y) const {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = narrow<T>(n.v(widen(x[i])));
  }
  template <class T>
  void derivative(const std::vector<T>& x, std::vector<T>& y) const {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = narrow<T>(n.d(widen(x[i])));
  }
  template <class T>
  void backward(const std::vector<T>& x, const std::vector<T>& g, std::vector<T>& y) const {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = narrow<T>(widen(g[i]) * n.d(widen(x[i])));
  }
};

// Every function of actfn's list (ACTFN_FUNCTIONS) in tier A, its default instance, and GELU's
// tanh form.
#define BENCH_FUNCTOR(F, kernels, arguments, ...) , std::tuple{actfn::F<T, A>{}}
template <class T, class A = actfn::faithful>
auto functors() {
  return std::tuple_cat(std::tuple{} ACTFN_FUNCTIONS(BENCH_FUNCTOR),
                        std::tuple{actfn::gelu<T, A>{actfn::gelu_approximation::tanh}});
}
#undef BENCH_FUNCTOR

// Each functor (of tier A) wrapped as W: library (at a level) or calls.
template <template <class> class W, class T, class A = actfn::faithful>
auto wrapped(const char* level = nullptr) {
  return std::apply(
      [&](auto... f) {
        if constexpr (requires { W<actfn::relu<T>>{}.level; }) {
          return std::make_tuple(W<decltype(f)>{f, level}...);
        } else {
          return std::make_tuple(W<decltype(f)>{f}...);
        }
      },
      functors<T, A>());
}

// A row's function name: the functor's (F::name without "actfn::"; GELU's tanh form gelu_tanh),
// the naive loop's own.
template <class F>
std::string name_of(const F& f) {
  std::string s = F::name;
  s.erase(0, s.rfind(':') + 1);
  if constexpr (requires { f.approximation; }) {
    if (f.approximation == actfn::gelu_approximation::tanh) s += "_tanh";
  }
  return s;
}
template <class F>
std::string name_of(const library<F>& w) {
  return name_of(w.f);
}
template <class F>
std::string name_of(const calls<F>& w) {
  return name_of(w.f);
}
template <class V, class D>
std::string name_of(const naive<V, D>& n) {
  return n.name;
}
template <class N>
std::string name_of(const via_float<N>& w) {
  return w.n.name;
}

template <class Tuple>
std::vector<std::string> names_of(const Tuple& fs) {
  return std::apply([](const auto&... f) { return std::vector<std::string>{name_of(f)...}; }, fs);
}

template <class T>
void memcpy_bench(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  buffers<T>& b = buffers<T>::shared(n);
  for (auto _ : state) {
    std::memcpy(b.y.data(), b.x[0].data(), n * sizeof(T));
    benchmark::DoNotOptimize(b.y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(n * sizeof(T) * 2));
}

void set_sizes(benchmark::internal::Benchmark* b) {
  b->Arg(4096)->Arg(16 << 20)->Unit(benchmark::kMicrosecond);
}

// value, derivative and backward of one function by one implementation.
template <class T, class Impl>
void register_impl(const std::string& fn, const std::string& impl, const std::string& type, Impl f,
                   bool has_derivative = true) {
  for (const auto& [o, o_name] :
       {std::pair{op::value, "value"}, std::pair{op::derivative, "derivative"},
        std::pair{op::backward, "backward"}}) {
    if (o == op::derivative && !has_derivative) continue;
    const op which = o;
    set_sizes(benchmark::RegisterBenchmark((fn + "_" + o_name + "_" + impl + "_" + type).c_str(),
                                           [=](benchmark::State& s) { run<T>(s, which, f); }));
  }
}

// Every function of the tuple fs, named by names (one per element).
template <class T, class Tuple>
void register_tuple(const std::string& impl, const std::string& type, Tuple fs,
                    const std::vector<std::string>& names, bool has_derivative = true) {
  if (names.size() != std::tuple_size_v<Tuple>) {
    std::fprintf(stderr, "%s: %zu functions, %zu names\n", impl.c_str(), std::tuple_size_v<Tuple>,
                 names.size());
    std::exit(2);
  }
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (register_impl<T>(names[I], impl, type, std::get<I>(fs), has_derivative), ...);
  }
  (std::make_index_sequence<std::tuple_size_v<Tuple>>{});
}
template <class T, class Tuple>
void register_tuple(const std::string& impl, const std::string& type, Tuple fs) {
  register_tuple<T>(impl, type, fs, names_of(fs));
}
template <class T, class Tuple, std::size_t N>
void register_tuple(const std::string& impl, const std::string& type, Tuple fs,
                    const char* const (&names)[N], bool has_derivative = true) {
  register_tuple<T>(impl, type, fs, std::vector<std::string>(names, names + N), has_derivative);
}

// Every row of actfn has its naive baseline: a function added to the list needs its naive loop
// in naive.hpp.
void require_naive_for_each_function() {
  const auto naive_names = names_of(naive_functions<float>());
  for (const std::string& f : names_of(functors<float>())) {
    if (std::find(naive_names.begin(), naive_names.end(), f) == naive_names.end()) {
      std::fprintf(stderr, "bench/naive.hpp has no naive loop named %s\n", f.c_str());
      std::exit(2);
    }
  }
}

template <class T>
void register_all(const std::string& type) {
  set_sizes(benchmark::RegisterBenchmark(("memcpy_" + type).c_str(), memcpy_bench<T>));
  register_tuple<T>("actfn", type, wrapped<library, T>("avx512"));
  for (const char* level : {"scalar", "sse2", "avx2", "avx512"}) {
    if (actfn::limit_isa(level) == level) {
      register_tuple<T>(std::string("actfn-") + level, type, wrapped<library, T>(level));
    }
  }
  actfn::limit_isa("avx512");
  register_tuple<T>("calls", type, wrapped<calls, T>());
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    register_tuple<T>("fast", type, wrapped<library, T, actfn::fast>("avx512"));
    for (const char* level : {"sse2", "avx2", "avx512"}) {
      if (actfn::limit_isa(level) == level) {
        register_tuple<T>(std::string("fast-") + level, type,
                          wrapped<library, T, actfn::fast>(level));
      }
    }
    actfn::limit_isa("avx512");
    register_tuple<T>("calls-fast", type, wrapped<calls, T, actfn::fast>());
  }
  if constexpr (std::is_same_v<T, float>) {  // double, 16-bit: both tiers are one kernel
    register_tuple<T>("precise", type, wrapped<library, T, actfn::precise>("avx512"));
    register_tuple<T>("calls-precise", type, wrapped<calls, T, actfn::precise>());
  }
  if constexpr (std::is_floating_point_v<T>) {
    register_tuple<T>("naive", type, naive_functions<T>());
    constexpr std::size_t n = std::tuple_size_v<decltype(naive_functions<T>())>;
    register_tuple<T>("naive-fast-math", type,
                      []<std::size_t... I>(std::index_sequence<I...>) {
                        return std::make_tuple(naive_fast_math::loop{I}...);
                      }(std::make_index_sequence<n>{}),
                      names_of(naive_functions<T>()));
  } else {
    register_tuple<T>(
        "naive", type,
        std::apply([](auto... n) { return std::make_tuple(via_float<decltype(n)>{n}...); },
                   naive_functions<float>()));
  }
  if constexpr (std::is_floating_point_v<T>) {  // the peers: float and double
#if ACTFN_BENCH_EIGEN
    register_tuple<T>("eigen", type, peers::eigen_functions<T>(), peers::k_eigen_names);
#endif
#if ACTFN_BENCH_DNNL
    if constexpr (std::is_same_v<T, float>)
      register_tuple<T>("onednn", type, peers::dnnl_functions(), peers::k_dnnl_names, false);
#endif
  }
}

}  // namespace

int main(int argc, char** argv) {
#if ACTFN_BENCH_DNNL
  peers::single_thread();
#endif
  require_naive_for_each_function();
  register_all<float>("float");
  register_all<double>("double");
  register_all<actfn::bfloat16>("bfloat16");
  register_all<actfn::float16>("float16");
#if defined(ACTFN_BENCH_FLAGS)
  benchmark::AddCustomContext("actfn_flags", ACTFN_BENCH_FLAGS);  // how this binary was built
#endif
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
