// The naive loops with -ffast-math (bench/CMakeLists.txt sets it on this file alone; the
// programs are not linked with it, so flush-to-zero stays off for everything else).
#include "naive_fast_math.hpp"

#include <tuple>

#include "naive.hpp"

namespace naive_fast_math {

template <class T>
void run(std::size_t fn, int op, const std::vector<T>& x, const std::vector<T>& g,
         std::vector<T>& y) {
  std::size_t i = 0;
  const auto one = [&](const auto& f) {
    if (i++ != fn) return;
    if (op == 0) f.value(x, y);
    if (op == 1) f.derivative(x, y);
    if (op == 2) f.backward(x, g, y);
  };
  std::apply([&](const auto&... f) { (one(f), ...); }, naive_impl::naive_functions<T>());
}

template void run<float>(std::size_t, int, const std::vector<float>&, const std::vector<float>&,
                         std::vector<float>&);
template void run<double>(std::size_t, int, const std::vector<double>&,
                          const std::vector<double>&, std::vector<double>&);

}  // namespace naive_fast_math
