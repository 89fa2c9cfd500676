// Softmax and log-softmax over rows against the naive loops a user writes (three passes: the
// maximum, Σ std::exp storing each term, then the division; log-softmax: the maximum, Σ std::exp,
// then x - max - log Σ; the backward: Σ g·y or Σ g, then the gradients) and, where the build
// found it, oneDNN's softmax primitive (forward, on a [rows × n] tensor, axis 1), in one run.
// Names: softmax_<op>_<impl>_<type>/<rows>/<n>, op = value, log_value, backward, log_backward;
// impl = actfn, naive, onednn. The floor: value at 256 rows of 4096 floats.
//
//   build/bench/actfn_bench --benchmark_filter='softmax_'
#include <benchmark/benchmark.h>

#include <actfn/actfn.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#if ACTFN_BENCH_DNNL
#include <oneapi/dnnl/dnnl.hpp>
#endif

namespace {

enum class op { value, log_value, backward, log_backward };
enum class impl { actfn, naive, onednn };

template <class T>
void naive_rows(op o, const T* x, const T* g, T* y, std::size_t rows, std::size_t n) {
  for (std::size_t r = 0; r < rows; ++r) {
    const T* xr = x + r * n;
    const T* gr = g + r * n;
    T* yr = y + r * n;
    if (o == op::value || o == op::log_value) {
      T m = -std::numeric_limits<T>::infinity();
      for (std::size_t i = 0; i < n; ++i) m = std::max(m, xr[i]);
      T s = 0;
      if (o == op::value) {
        for (std::size_t i = 0; i < n; ++i) s += (yr[i] = std::exp(xr[i] - m));
        for (std::size_t i = 0; i < n; ++i) yr[i] /= s;
      } else {
        for (std::size_t i = 0; i < n; ++i) s += std::exp(xr[i] - m);
        const T l = m + std::log(s);
        for (std::size_t i = 0; i < n; ++i) yr[i] = xr[i] - l;
      }
    } else {
      T s = 0;
      for (std::size_t i = 0; i < n; ++i) s += o == op::backward ? gr[i] * xr[i] : gr[i];
      for (std::size_t i = 0; i < n; ++i) {
        yr[i] = o == op::backward ? xr[i] * (gr[i] - s) : gr[i] - std::exp(xr[i]) * s;
      }
    }
  }
}

template <class T>
void run(benchmark::State& state, op o, impl how) {
  const auto rows = static_cast<std::size_t>(state.range(0));
  const auto n = static_cast<std::size_t>(state.range(1));
  std::vector<T> x(rows * n), g(rows * n), y(rows * n);
  std::mt19937 rng(7);
  std::uniform_real_distribution<T> u(-8, 8);
  for (auto& v : x) v = u(rng);
  for (auto& v : g) v = u(rng) / 8;
  // the backward reads a forward output
  if (o == op::backward) actfn::softmax<T>{}(x, x, n);
  if (o == op::log_backward) actfn::log_softmax<T>{}(x, x, n);
#if ACTFN_BENCH_DNNL
  dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  dnnl::stream stream(engine);
  const dnnl::memory::desc md({static_cast<dnnl::memory::dim>(rows),
                               static_cast<dnnl::memory::dim>(n)},
                              dnnl::memory::data_type::f32, dnnl::memory::format_tag::ab);
  dnnl::memory src(md, engine, x.data()), dst(md, engine, y.data());
  dnnl::primitive prim;
  if (how == impl::onednn) {
    const auto alg =
        o == op::value ? dnnl::algorithm::softmax_accurate : dnnl::algorithm::softmax_log;
    prim = dnnl::softmax_v2_forward(dnnl::softmax_v2_forward::primitive_desc(
        dnnl::softmax_v2_forward::desc(dnnl::prop_kind::forward_inference, alg, md, md, 1),
        engine));
  }
#endif
  for (auto _ : state) {
    if (how == impl::naive) {
      naive_rows(o, x.data(), g.data(), y.data(), rows, n);
    } else if (how == impl::actfn) {
      switch (o) {
        case op::value: actfn::softmax<T>{}(x, y, n); break;
        case op::log_value: actfn::log_softmax<T>{}(x, y, n); break;
        case op::backward: actfn::softmax<T>{}.backward(x, g, y, n); break;
        case op::log_backward: actfn::log_softmax<T>{}.backward(x, g, y, n); break;
      }
    } else {
#if ACTFN_BENCH_DNNL
      prim.execute(stream, {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}});
      stream.wait();
#endif
    }
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows * n));
}

template <class T>
void register_all(const char* type) {
  const char* op_names[] = {"value", "log_value", "backward", "log_backward"};
  const char* impl_names[] = {"actfn", "naive", "onednn"};
  for (op o : {op::value, op::log_value, op::backward, op::log_backward}) {
    for (impl how : {impl::actfn, impl::naive, impl::onednn}) {
      if (how == impl::onednn) {
#if ACTFN_BENCH_DNNL
        if (!std::is_same_v<T, float> || o == op::backward || o == op::log_backward) continue;
#else
        continue;
#endif
      }
      const std::string name = std::string("softmax_") + op_names[static_cast<int>(o)] + "_" +
                               impl_names[static_cast<int>(how)] + "_" + type;
      const auto bench = [o, how](benchmark::State& s) { run<T>(s, o, how); };
      benchmark::RegisterBenchmark(name.c_str(), bench)
          ->Args({256, 4096})
          ->Args({16384, 64})
          ->Args({1, 1 << 22});
    }
  }
}

const bool registered = [] {
  register_all<float>("float");
  register_all<double>("double");
  return true;
}();

}  // namespace
