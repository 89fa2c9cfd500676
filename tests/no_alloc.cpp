// Every span form that succeeds allocates nothing (issue 26): value, derivative and backward of
// every function in the list (float, double, bfloat16; every tier) and every form of the gated
// units, counted by a replaced global operator new. A size error may allocate (its message).
#include <actfn/actfn.hpp>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <vector>

namespace {
std::size_t allocations = 0;
}

// The replacements pair malloc with free; GCC sees the replaced new inlined beside free and warns.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

int failures = 0;

// calls(): the span calls; they must leave the count where it was.
template <class Calls>
void require_none(const char* what, const char* type, Calls calls) {
  const std::size_t before = allocations;
  calls();
  if (allocations != before) {
    std::printf("FAILED: %s (%s) allocated %zu times\n", what, type, allocations - before);
    ++failures;
  }
}

template <class T, class A>
void every_function(const char* type) {
  const std::vector<T> x(100, T(0.5f)), g(100, T(-1.5f));
  std::vector<T> y(100);
  const auto spans = [&](const auto& f) {
    require_none(f.name, type, [&] {
      f(x, y);
      f.derivative(x, y);
      f.backward(x, g, y);
    });
  };
#define ACTFN_NO_ALLOC(F, kernels, arguments, ...) spans(actfn::F<T, A>{});
  ACTFN_FUNCTIONS(ACTFN_NO_ALLOC)
#undef ACTFN_NO_ALLOC
}

template <class T>
void every_gated(const char* type) {
  const std::vector<T> a(100, T(0.5f)), b(100, T(2.0f)), g(100, T(-1.5f)), ab(200, T(0.25f));
  std::vector<T> y(100), ga(100), gb(100);
  const auto forms = [&](const auto& unit) {
    require_none(unit.name().c_str(), type, [&] {
      unit(a, b, y);
      unit(ab, y);
      unit.backward(a, b, g, ga, gb);
    });
  };
  forms(actfn::swiglu<T>{});
  forms(actfn::swiglu<T, actfn::fast>{1.702f});
  forms(actfn::geglu<T>{actfn::gelu_approximation::tanh});
  forms(actfn::reglu<T>{});
  forms(actfn::glu<T>{});
  const actfn::clamped_swiglu<T> clamped;
  std::vector<T> gab(200);
  require_none("actfn::clamped_swiglu", type, [&] {
    clamped(a, b, y);
    clamped(ab, y);
    clamped(ab, y, 10);
    clamped(ab, y, actfn::interleaved);
    clamped.backward(a, b, g, ga, gb);
    clamped.backward(ab, g, gab, 10);
    clamped.backward(ab, g, gab, actfn::interleaved);
  });
}

template <class T>
void every_row_function(const char* type) {
  const std::vector<T> x(96, T(0.5f)), g(96, T(-1.5f));
  std::vector<T> y(96);
  const auto forms = [&](const auto& f) {
    require_none(f.name, type, [&] {
      f(x, y, 32);
      f(x, y);
      f.backward(x, g, y, 32);
      f.backward(x, g, y);
    });
  };
  forms(actfn::softmax<T>{});
  forms(actfn::log_softmax<T>{});
}

template <class T>
void every_tier(const char* type) {
  every_function<T, actfn::faithful>(type);
  every_function<T, actfn::precise>(type);
  every_function<T, actfn::fast>(type);
  every_gated<T>(type);
  every_row_function<T>(type);
}

}  // namespace

int main() {
  every_tier<float>("float");
  every_tier<double>("double");
  every_tier<actfn::bfloat16>("bfloat16");
  // the counter counts (a direct call, which no compiler may elide)
  const std::size_t before = allocations;
  ::operator delete(::operator new(16));
  if (allocations == before) {
    std::printf("FAILED: the replaced operator new does not count\n");
    ++failures;
  }
  std::printf("%s\n", failures == 0 ? "no span call allocated" : "some span calls allocated");
  return failures == 0 ? 0 : 1;
}
