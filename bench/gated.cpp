// The gated units against the ways a user computes them without actfn::gated, in one run: the
// plain activation (the floor to compare with at 4 Ki), and the two-pass way (the activation's
// span, then a multiply loop; for the backward, the activation's value and backward spans and
// two multiply loops), at 4 Ki and 16 Mi elements, float and double.
// Names: gated_<op>_<impl>_<function>_<type>/<n>, op = value or backward, impl = fused (actfn's
// gated unit), twopass, or plain (the activation alone: f(a), or f.backward(a, g)).
//
// swiglu-fast: the same with actfn::fast's SiLU.
// rows, interleaved: the fused unit on the same data laid out as rows [a | b] of 1024 (a
// [rows × 2048] buffer) and as pairs a0 b0 a1 b1 … (to compare with fused).
//
//   build/bench/actfn_bench --benchmark_filter='gated_.*swiglu_float'
#include <benchmark/benchmark.h>

#include <actfn/actfn.hpp>
#include <random>
#include <string>
#include <vector>

namespace {

template <class T>
struct gated_buffers {
  std::vector<T> a, b, g, y, y2;
  explicit gated_buffers(std::size_t n) : a(n), b(n), g(n), y(n), y2(n) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<T> u(-8, 8);
    for (std::size_t i = 0; i < n; ++i) a[i] = u(rng), b[i] = u(rng), g[i] = u(rng) / 8;
  }
};

enum class impl { fused, twopass, plain, rows, interleaved };

template <class T, class F>
void run(benchmark::State& state, F f, bool backward, impl how) {
  const auto n = static_cast<std::size_t>(state.range(0));
  gated_buffers<T> m(n);
  const actfn::gated<F> gate(f);
  constexpr std::size_t row = 1024;
  std::vector<T> ab, gab;
  if (how == impl::rows || how == impl::interleaved) {
    ab.resize(2 * n);
    gab.resize(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = i / row, j = i % row;
      if (how == impl::rows) {
        ab[2 * r * row + j] = m.a[i], ab[2 * r * row + row + j] = m.b[i];
      } else {
        ab[2 * i] = m.a[i], ab[2 * i + 1] = m.b[i];
      }
    }
  }
  for (auto _ : state) {
    if (how == impl::rows) {
      if (!backward) gate(ab, m.y, row);
      if (backward) gate.backward(ab, m.g, gab, row);
    } else if (how == impl::interleaved) {
      if (!backward) gate(ab, m.y, actfn::interleaved);
      if (backward) gate.backward(ab, m.g, gab, actfn::interleaved);
    } else if (!backward) {
      if (how == impl::fused) gate(m.a, m.b, m.y);
      if (how != impl::fused) f(m.a, m.y);
      if (how == impl::twopass) {
        for (std::size_t i = 0; i < n; ++i) m.y[i] *= m.b[i];
      }
    } else {
      if (how == impl::fused) gate.backward(m.a, m.b, m.g, m.y, m.y2);
      if (how == impl::plain) f.backward(m.a, m.g, m.y);
      if (how == impl::twopass) {  // grad_b = g·f(a); grad_a = f'(a)·(g·b)
        f(m.a, m.y2);
        for (std::size_t i = 0; i < n; ++i) m.y2[i] *= m.g[i], m.y[i] = m.g[i] * m.b[i];
        f.backward(m.a, m.y, m.y);
      }
    }
    benchmark::DoNotOptimize(m.y.data());
    benchmark::DoNotOptimize(m.y2.data());
    benchmark::DoNotOptimize(gab.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

template <class T, class F>
void register_function(const std::string& name, F f) {
  const std::string type = std::is_same_v<T, float> ? "float" : "double";
  for (const bool backward : {false, true}) {
    for (const auto& [how, how_name] :
         {std::pair{impl::fused, "fused"}, std::pair{impl::twopass, "twopass"},
          std::pair{impl::plain, "plain"}, std::pair{impl::rows, "rows"},
          std::pair{impl::interleaved, "interleaved"}}) {
      const std::string full = std::string("gated_") + (backward ? "backward_" : "value_") +
                               how_name + "_" + name + "_" + type;
      const impl h = how;
      benchmark::RegisterBenchmark(full.c_str(),
                                   [=](benchmark::State& s) { run<T>(s, f, backward, h); })
          ->Arg(4096)
          ->Arg(16 << 20)
          ->Unit(benchmark::kMicrosecond);
    }
  }
}

template <class T>
bool register_all() {
  register_function<T>("swiglu", actfn::silu<T>{});
  register_function<T>("swiglu-fast", actfn::silu<T, actfn::fast>{});
  register_function<T>("geglu", actfn::gelu<T>{});
  register_function<T>("geglu_tanh", actfn::gelu<T>{actfn::gelu_approximation::tanh});
  register_function<T>("reglu", actfn::relu<T>{});
  return true;
}

const bool registered = register_all<float>() && register_all<double>();

}  // namespace
