// examples/mlp.hpp: a two-layer perceptron (2 inputs → H hidden → 1 output) for binary
// classification, trained by full-batch gradient descent. The hidden activation is any type
// with actfn's span API: the forward pass calls f(z, a), the backward pass f.backward.
#pragma once

#include <actfn/sigmoid.hpp>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>
#include <span>
#include <vector>

namespace demo {

struct sample {
  double x0, x1;
  double label;  // 0 or 1
};

struct fit_result {
  double loss;      // mean binary cross-entropy
  double accuracy;  // fraction classified right
};

template <class Activation>
class mlp {
 public:
  mlp(Activation f, std::size_t hidden, unsigned seed)
      : f_(f), h_(hidden), w1_(2 * hidden), b1_(hidden), w2_(hidden) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    for (double& w : w1_) w = u(rng);  // fan-in 2: unit-scale weights
    for (double& b : b1_) b = 0.1 * u(rng);
    for (double& w : w2_) w = u(rng) / std::sqrt(static_cast<double>(hidden));
  }

  // One step of gradient descent on the whole data set; returns the loss before the step.
  double step(const std::vector<sample>& data, double learning_rate) {
    const std::size_t n = data.size();
    forward(data);
    // Output layer: sigmoid + cross-entropy, whose gradient in z2 is simply p - y.
    std::vector<double> dz2(n);
    for (std::size_t i = 0; i < n; ++i) dz2[i] = (p_[i] - data[i].label) / static_cast<double>(n);
    // Gradient in the hidden outputs, then through the activation with the library's backward.
    std::vector<double> da1(n * h_), dz1(n * h_);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < h_; ++j) da1[i * h_ + j] = dz2[i] * w2_[j];
    f_.backward(z1_, da1, dz1);
    for (std::size_t j = 0; j < h_; ++j) {
      double g_w2 = 0, g_w10 = 0, g_w11 = 0, g_b1 = 0;
      for (std::size_t i = 0; i < n; ++i) {
        g_w2 += dz2[i] * a1_[i * h_ + j];
        g_w10 += dz1[i * h_ + j] * data[i].x0;
        g_w11 += dz1[i * h_ + j] * data[i].x1;
        g_b1 += dz1[i * h_ + j];
      }
      w2_[j] -= learning_rate * g_w2;
      w1_[2 * j] -= learning_rate * g_w10;
      w1_[2 * j + 1] -= learning_rate * g_w11;
      b1_[j] -= learning_rate * g_b1;
    }
    double g_b2 = 0;
    for (double d : dz2) g_b2 += d;
    b2_ -= learning_rate * g_b2;
    return loss_;
  }

  fit_result evaluate(const std::vector<sample>& data) {
    forward(data);
    std::size_t right = 0;
    for (std::size_t i = 0; i < data.size(); ++i) right += (p_[i] > 0.5) == (data[i].label > 0.5);
    return {loss_, static_cast<double>(right) / static_cast<double>(data.size())};
  }

 private:
  void forward(const std::vector<sample>& data) {
    const std::size_t n = data.size();
    z1_.resize(n * h_);
    a1_.resize(n * h_);
    std::vector<double> z2(n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < h_; ++j)
        z1_[i * h_ + j] = w1_[2 * j] * data[i].x0 + w1_[2 * j + 1] * data[i].x1 + b1_[j];
    f_(z1_, a1_);  // the hidden activation, on the whole batch at once
    for (std::size_t i = 0; i < n; ++i) {
      z2[i] = b2_;
      for (std::size_t j = 0; j < h_; ++j) z2[i] += w2_[j] * a1_[i * h_ + j];
    }
    p_.resize(n);
    actfn::sigmoid<double>{}(z2, p_);
    // Cross-entropy from the logits, -log σ(±z) = log(1 + e^∓z), without log(0).
    loss_ = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double z = data[i].label > 0.5 ? z2[i] : -z2[i];
      loss_ += std::log1p(std::exp(-std::fabs(z))) + (z < 0 ? -z : 0);
    }
    loss_ /= static_cast<double>(n);
  }

  Activation f_;
  std::size_t h_;
  std::vector<double> w1_, b1_, w2_;
  double b2_ = 0;
  std::vector<double> z1_, a1_, p_;
  double loss_ = 0;
};

// No activation at all: the network collapses to a linear model. Same span API as actfn's.
struct identity {
  static constexpr const char* name = "identity";
  double operator()(double x) const noexcept { return x; }
  double derivative(double) const noexcept { return 1; }
  void operator()(std::span<const double> x, std::span<double> y) const {
    std::copy(x.begin(), x.end(), y.begin());
  }
  void backward(std::span<const double>, std::span<const double> g, std::span<double> gi) const {
    std::copy(g.begin(), g.end(), gi.begin());
  }
};

inline std::vector<sample> xor_data() { return {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}}; }

// Two interleaved half circles with Gaussian noise: no straight line separates them.
inline std::vector<sample> two_moons(std::size_t n, double noise, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> angle(0, 3.14159265358979323846);
  std::normal_distribution<double> jitter(0, noise);
  std::vector<sample> out;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = angle(rng);
    if (i % 2 == 0) {
      out.push_back({std::cos(t) + jitter(rng), std::sin(t) + jitter(rng), 0});
    } else {
      out.push_back({1 - std::cos(t) + jitter(rng), 0.5 - std::sin(t) + jitter(rng), 1});
    }
  }
  return out;
}

}  // namespace demo
