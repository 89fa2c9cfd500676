// bench/naive_fast_math.hpp: the naive loops (naive.hpp) compiled with -ffast-math, as a user
// who reaches for that flag gets them (naive_fast_math.cpp alone is compiled with it): a peer of
// the speed benchmark and of the peers' accuracy tool.
#pragma once

#include <cstddef>
#include <vector>

namespace naive_fast_math {

// Function fn of naive_functions (naive.hpp) on x: op 0 its value, 1 its derivative, 2 g times
// it.
template <class T>
void run(std::size_t fn, int op, const std::vector<T>& x, const std::vector<T>& g,
         std::vector<T>& y);

// Function fn behind the interface the speed benchmark calls.
struct loop {
  std::size_t fn;
  template <class T>
  void value(const std::vector<T>& x, std::vector<T>& y) const {
    run(fn, 0, x, x, y);
  }
  template <class T>
  void derivative(const std::vector<T>& x, std::vector<T>& y) const {
    run(fn, 1, x, x, y);
  }
  template <class T>
  void backward(const std::vector<T>& x, const std::vector<T>& g, std::vector<T>& y) const {
    run(fn, 2, x, g, y);
  }
};

}  // namespace naive_fast_math
