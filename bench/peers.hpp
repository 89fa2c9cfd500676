// bench/peers.hpp: the same operations written with Eigen 3.4 and oneDNN, each compiled in
// when CMake finds it (ACTFN_BENCH_EIGEN, ACTFN_BENCH_DNNL). Each peer is written the way
// that library's user would: Eigen array expressions (derivatives from the forward output,
// two passes), oneDNN eltwise forward/backward primitives created once. oneDNN has no
// derivative-only operation and no double eltwise, so it appears in float value/backward.
#pragma once

#include <cmath>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <vector>

#if ACTFN_BENCH_EIGEN
#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>
#endif
#if ACTFN_BENCH_DNNL
#include <omp.h>

#include <oneapi/dnnl/dnnl.hpp>
#endif

namespace peers {

#if ACTFN_BENCH_EIGEN
template <class T>
using array = Eigen::Array<T, Eigen::Dynamic, 1>;
template <class T>
auto in(const std::vector<T>& v) {
  return Eigen::Map<const array<T>>(v.data(), static_cast<Eigen::Index>(v.size()));
}
template <class T>
auto out(std::vector<T>& v) {
  return Eigen::Map<array<T>>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// V(x, y) writes f(x) into y; D(x, y) writes f'(x) into y; backward is g·D, as one more pass.
template <class V, class D>
struct eigen {
  V v;
  D d;
  template <class T>
  void value(const std::vector<T>& x, std::vector<T>& y) const {
    v(in(x), out(y));
  }
  template <class T>
  void derivative(const std::vector<T>& x, std::vector<T>& y) const {
    d(in(x), out(y));
  }
  template <class T>
  void backward(const std::vector<T>& x, const std::vector<T>& g, std::vector<T>& y) const {
    d(in(x), out(y));
    out(y) *= in(g);
  }
};
template <class V, class D>
eigen(V, D) -> eigen<V, D>;

// Eigen has the first six only (no SiLU, softplus, ELU or Mish of its own).
inline const char* const k_eigen_names[] = {"sigmoid",    "tanh", "relu",
                                            "leaky_relu", "gelu", "gelu_tanh"};
template <class T>
auto eigen_functions() {
  const T k = T(0.79788456080286536), c = T(0.044715), r2 = T(0.70710678118654752);
  return std::make_tuple(
      eigen{[](auto x, auto y) { y = x.logistic(); },
            [](auto x, auto y) {
              y = x.logistic();
              y = y * (1 - y);
            }},
      eigen{[](auto x, auto y) { y = x.tanh(); },
            [](auto x, auto y) {
              y = x.tanh();
              y = 1 - y.square();
            }},
      eigen{[](auto x, auto y) { y = x.max(T(0)); },
            [](auto x, auto y) { y = (x > T(0)).template cast<T>(); }},
      eigen{[](auto x, auto y) { y = (x < T(0)).select(T(0.01) * x, x); },
            [](auto x, auto y) { y = (x > T(0)).template cast<T>() * T(0.99) + T(0.01); }},
      eigen{[=](auto x, auto y) { y = T(0.5) * x * (1 + (x * r2).erf()); },
            [=](auto x, auto y) {
              y = T(0.5) * (1 + (x * r2).erf()) +
                  x * (T(-0.5) * x.square()).exp() * T(0.3989422804014327);
            }},
      eigen{[=](auto x, auto y) { y = T(0.5) * x * (1 + (k * (x + c * x.cube())).tanh()); },
            [=](auto x, auto y) {
              y = (k * (x + c * x.cube())).tanh();
              y = T(0.5) * (1 + y) + T(0.5) * x * (1 - y.square()) * k * (1 + 3 * c * x.square());
            }});
}
#endif

#if ACTFN_BENCH_DNNL
// One oneDNN eltwise algorithm on n floats: forward and backward primitives, made once.
struct dnnl_op {
  dnnl::algorithm alg;
  float alpha;
  explicit dnnl_op(dnnl::algorithm a, float slope = 0) : alg(a), alpha(slope) {}
  struct state {
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    dnnl::stream stream{engine};
    dnnl::memory::desc md;
    dnnl::eltwise_forward fwd;
    dnnl::eltwise_backward bwd;
  };
  std::shared_ptr<state> s;
  std::size_t n = 0;

  void prepare(std::size_t size) {
    if (s && n == size) return;
    n = size;
    s = std::make_shared<state>();
    s->md = dnnl::memory::desc({static_cast<dnnl::memory::dim>(n)}, dnnl::memory::data_type::f32,
                               dnnl::memory::format_tag::a);
    const dnnl::eltwise_forward::primitive_desc fpd(
        {dnnl::prop_kind::forward_training, alg, s->md, alpha, 0}, s->engine);
    s->fwd = dnnl::eltwise_forward(fpd);
    s->bwd = dnnl::eltwise_backward(
        dnnl::eltwise_backward::primitive_desc({alg, s->md, s->md, alpha, 0}, s->engine, fpd));
  }
  dnnl::memory mem(const float* p) const {
    return dnnl::memory(s->md, s->engine, const_cast<float*>(p));
  }
  void value(const std::vector<float>& x, std::vector<float>& y) {
    prepare(x.size());
    s->fwd.execute(s->stream, {{DNNL_ARG_SRC, mem(x.data())}, {DNNL_ARG_DST, mem(y.data())}});
    s->stream.wait();
  }
  void derivative(const std::vector<float>&, std::vector<float>&) {
    throw std::logic_error("oneDNN has no derivative-only operation");
  }
  void backward(const std::vector<float>& x, const std::vector<float>& g, std::vector<float>& y) {
    prepare(x.size());
    s->bwd.execute(s->stream, {{DNNL_ARG_SRC, mem(x.data())},
                               {DNNL_ARG_DIFF_DST, mem(g.data())},
                               {DNNL_ARG_DIFF_SRC, mem(y.data())}});
    s->stream.wait();
  }
};

// oneDNN 2.6 has no SELU or CELU.
inline const char* const k_dnnl_names[] = {"sigmoid",     "tanh",      "relu", "leaky_relu",
                                           "gelu",        "gelu_tanh", "silu", "softplus",
                                           "log_sigmoid", "elu",       "mish"};
inline auto dnnl_functions() {
  using a = dnnl::algorithm;
  return std::make_tuple(
      dnnl_op(a::eltwise_logistic), dnnl_op(a::eltwise_tanh), dnnl_op(a::eltwise_relu),
      dnnl_op(a::eltwise_relu, 0.01f), dnnl_op(a::eltwise_gelu_erf), dnnl_op(a::eltwise_gelu_tanh),
      dnnl_op(a::eltwise_swish, 1.0f), dnnl_op(a::eltwise_soft_relu),
      dnnl_op(a::eltwise_logsigmoid), dnnl_op(a::eltwise_elu, 1.0f), dnnl_op(a::eltwise_mish));
}

// One thread, as for every other row (oneDNN would otherwise use every core).
inline void single_thread() { omp_set_num_threads(1); }
#endif

}  // namespace peers
