// The actfn demo: why activations matter, shown.
//  1. Trains the same tiny network (2 → 8 → 1, gradient descent, fixed seeds) on XOR and on
//     two moons with each activation in its hidden layer, and once with none: the linear
//     network cannot separate the classes, every nonlinear one does.
//  2. Writes activations.svg: the functions and their derivatives on [-5, 5].
//  3. Prints f(x) and f'(x) at a few points.
// Usage: demo [--svg PATH]
#include <actfn/actfn.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "mlp.hpp"
#include "svg_plot.hpp"

namespace {

struct row {
  std::string activation, dataset;
  demo::fit_result fit;
  double ms;
};

struct problem {
  const char* name;
  std::vector<demo::sample> data;
  std::size_t hidden;
  int epochs;
  double learning_rate;
};

template <class F>
row train(const char* label, F f, const problem& p, int index, int total) {
  std::printf("[%2d/%d] %-10s %-14s ", index, total, p.name, label);
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  demo::mlp<F> net(f, p.hidden, 7);
  for (int e = 0; e < p.epochs; ++e) {
    net.step(p.data, p.learning_rate);
    if ((e + 1) % (p.epochs / 10) == 0) {  // a dot per tenth: no silent wait
      std::putchar('.');
      std::fflush(stdout);
    }
  }
  const demo::fit_result fit = net.evaluate(p.data);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf(" loss %.4f\n", fit.loss);
  return {label, p.name, fit, ms};
}

// Every activation the demo compares, with its label; leaky_relu at its default slope 0.01.
auto activations() {
  return std::make_tuple(
      std::pair{"identity", demo::identity{}}, std::pair{"sigmoid", actfn::sigmoid<double>{}},
      std::pair{"tanh", actfn::tanh<double>{}}, std::pair{"relu", actfn::relu<double>{}},
      std::pair{"leaky_relu", actfn::leaky_relu<double>{}},
      std::pair{"gelu", actfn::gelu<double>{}},
      std::pair{"gelu_tanh", actfn::gelu<double>{actfn::gelu_approximation::tanh}});
}

void training_table() {
  const std::vector<problem> problems{{"xor", demo::xor_data(), 8, 3000, 1.0},
                                      {"two-moons", demo::two_moons(200, 0.1, 3), 8, 3000, 1.5}};
  std::vector<row> rows;
  const int total = static_cast<int>(problems.size() * std::tuple_size_v<decltype(activations())>);
  int i = 0;
  std::puts("Training a 2-8-1 network with each hidden activation (full-batch gradient descent):");
  for (const problem& p : problems) {
    std::apply([&](auto... a) { (rows.push_back(train(a.first, a.second, p, ++i, total)), ...); },
               activations());
  }
  std::puts("\nactivation  dataset     loss     accuracy  time");
  for (const row& r : rows) {
    std::printf("%-11s %-10s %8.4f %8.1f%% %6.0f ms\n", r.activation.c_str(), r.dataset.c_str(),
                r.fit.loss, 100 * r.fit.accuracy, r.ms);
  }
  std::puts("(identity = no activation: the network is linear and cannot learn XOR)\n");
}

void write_figure(const std::string& path) {
  const actfn::sigmoid<double> s;
  const actfn::tanh<double> t;
  const actfn::relu<double> r;
  const actfn::leaky_relu<double> l(0.1);  // a visible slope; the default 0.01 hugs the axis
  const actfn::gelu<double> g;
  const actfn::gelu<double> gt(actfn::gelu_approximation::tanh);
  std::vector<double> x(401);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = -5 + 0.025 * static_cast<double>(i);
  svg::panel values{"f(x)", -5, 5, 1, -1.5, 5, 0.5, {}};
  svg::panel slopes{"f\u2032(x)", -5, 5, 1, -0.5, 1.5, 0.25, {}};
  const auto add = [&](const char* label, const char* colour, bool dashed, const auto& f) {
    std::vector<double> y(x.size()), d(x.size());
    f(x, y);
    f.derivative(x, d);
    values.curves.push_back({label, colour, dashed, x, y});
    slopes.curves.push_back({label, colour, dashed, x, d});
  };
  add("sigmoid", "#0072B2", false, s);
  add("tanh", "#D55E00", false, t);
  add("relu", "#009E73", false, r);
  add("leaky_relu (0.1)", "#CC79A7", true, l);
  add("gelu", "#E69F00", false, g);
  add("gelu (tanh)", "#56B4E9", true, gt);
  std::ofstream(path) << svg::render({values, slopes});
  std::printf("Wrote %s: the six curves and their derivatives on [-5, 5].\n\n", path.c_str());
}

void point_table() {
  const double xs[] = {-3, -1, 0, 1, 3};
  std::printf("%-11s", "f(x), f'(x)");
  for (double x : xs) std::printf("   x = %-14g", x);
  std::putchar('\n');
  const auto line = [&](const char* name, const auto& f) {
    std::printf("%-11s", name);
    for (double x : xs) std::printf("  %8.5f %8.5f", f(x), f.derivative(x));
    std::putchar('\n');
  };
  line("sigmoid", actfn::sigmoid<double>{});
  line("tanh", actfn::tanh<double>{});
  line("relu", actfn::relu<double>{});
  line("leaky_relu", actfn::leaky_relu<double>{});
  line("gelu", actfn::gelu<double>{});
  line("gelu_tanh", actfn::gelu<double>{actfn::gelu_approximation::tanh});
}

}  // namespace

int main(int argc, char** argv) {
  std::string svg_path = "activations.svg";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--svg") == 0 && i + 1 < argc) {
      svg_path = argv[++i];
    } else {
      std::fprintf(stderr, "usage: %s [--svg PATH]\n", argv[0]);
      return 2;
    }
  }
  training_table();
  write_figure(svg_path);
  point_table();
}
