// ACTFN_EXTERN_KERNELS: this translation unit compiles no span loop and links kernels.cpp's
// (tests/CMakeLists.txt checks that its object file defines none). Every functor of the list,
// tier, type and form, at every level the CPU has: the spans run (they link) and agree with the
// scalar calls, which this translation unit compiles itself: long double bit for bit
// (the same wide-type kernels), float and double to 2^-20 / 2^-48 relative, absolute below 1/16
// (each result is within its bound of the exact value; tests/spans.cpp checks the bits).
#define ACTFN_EXTERN_KERNELS
#include <actfn/actfn.hpp>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

int failures = 0;

template <class T>
bool close(T a, T b, bool exact) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (a == b) return true;
  if (exact) return false;
  const T tol = sizeof(T) == sizeof(float) ? T(0x1p-20) : T(0x1p-48);
  // absolute below 1/16: GELU' crosses 0, where the bounds are absolute too
  return std::fabs(a - b) <= tol * std::fmax(std::fabs(b), T(0.0625));
}

template <class F>
void check(const char* name, const F& f, bool exact) {
  using T = typename F::value_type;
  std::vector<T> x;
  for (int i = -4000; i <= 4000; ++i) x.push_back(static_cast<T>(i) / 137);
  x.push_back(std::numeric_limits<T>::infinity());
  x.push_back(-std::numeric_limits<T>::infinity());
  x.push_back(std::numeric_limits<T>::quiet_NaN());
  const std::vector<T> g(x.size(), T(0.75));
  std::vector<T> y(x.size()), d(x.size()), b(x.size());
  f(x, y);
  f.derivative(x, d);
  f.backward(x, g, b);
  int bad = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const T want = f(x[i]), want_d = f.derivative(x[i]);
    const T want_b = static_cast<T>(g[i] * want_d);
    if (!close(y[i], want, exact) || !close(d[i], want_d, exact) || !close(b[i], want_b, exact))
      ++bad;
  }
  if (bad) {
    std::printf("FAIL %s<%zu bytes> (%s): %d results differ from the scalar calls\n", name,
                sizeof(T), actfn::active_isa().data(), bad);
    ++failures;
  }
}

// Every function of the list in every tier, with its default parameters and the list's.
#define CHECK_FUNCTION(F, kernels, arguments, ...) \
  check(#F, actfn::F<T, A>{}, exact);              \
  check(#F " " #arguments, actfn::F<T, A> arguments, exact);
template <class T, class A>
void check_tier(bool exact) {
  using P = actfn::parameter_t<T>;
  ACTFN_FUNCTIONS(CHECK_FUNCTION)
}
#undef CHECK_FUNCTION

template <class T>
void check_all(bool exact) {
  check_tier<T, actfn::faithful>(exact);
  check_tier<T, actfn::precise>(exact);
  check_tier<T, actfn::fast>(exact);
}

}  // namespace

int main() {
  int levels = 0;
  for (const char* level : {"scalar", "sse2", "avx2", "avx512"}) {
    if (actfn::limit_isa(level) != level) continue;
    ++levels;
    check_all<float>(false);
    check_all<double>(false);
    check_all<long double>(true);
  }
  std::printf("extern kernels: %d levels, %d failures\n", levels, failures);
  return failures == 0 && levels > 0 ? 0 : 1;
}
