// Built with ThreadSanitizer: 8 threads, released together, make the process's first span
// calls (the first use picks the level: CPUID, ACTFN_ISA), each on its own data, and check
// their results against scalar calls. TSan reports any data race in that first use.
#include <actfn/actfn.hpp>
#include <cstdio>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace {

bool close(double a, double b) {
  const double d = a > b ? a - b : b - a;
  return d <= 1e-12 * (b < 0 ? -b : b) + 1e-300;
}

bool work(int id) {
  std::vector<double> x(1000), y(1000), d(1000);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = -10 + 0.02 * static_cast<double>(i) + id;
  const actfn::sigmoid<double> s;
  const actfn::gelu<float> g;
  s(x, y);
  s.derivative(x, d);
  std::vector<float> xf(x.begin(), x.end()), yf(xf.size());
  g(xf, yf);
  bool ok = !actfn::active_isa().empty();
  for (std::size_t i = 0; i < x.size(); ++i) {
    ok = ok && close(y[i], s(x[i])) && close(d[i], s.derivative(x[i])) && close(yf[i], g(xf[i]));
  }
  return ok;
}

}  // namespace

int main() {
  constexpr int n = 8;
  std::latch start(n);
  std::vector<int> ok(n, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < n; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      ok[static_cast<std::size_t>(t)] = work(t);
    });
  }
  for (auto& t : threads) t.join();
  int good = 0;
  for (int v : ok) good += v;
  std::printf("%d of %d threads computed the expected results on %s\n", good, n,
              std::string(actfn::active_isa()).c_str());
  return good == n ? 0 : 1;
}
