#!/usr/bin/env bash
# Misuses that must fail to build, each with a message that says what to do:
#  - gated<F> with F not an actfn functor: the concept's name, activation_functor;
#  - a C++17 build: "actfn needs C++20", and the compilation stops there (at most 2 errors);
#  - ACTFN_EXTERN_KERNELS without an ACTFN_DEFINE_KERNELS translation unit: a link error naming
#    ACTFN_DEFINE_KERNELS (GCC and Clang).
# Usage: check_diagnostics.sh SOURCE_DIR CXX
set -euo pipefail
src=$1
cxx=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# must_fail NAME WORDS CMD...: CMD fails, and its output holds WORDS.
must_fail() {
  local name=$1 words=$2
  shift 2
  if "$@" >"$dir/$name.log" 2>&1; then
    echo "FAIL $name: built, but must not"
    exit 1
  fi
  if ! grep -q -- "$words" "$dir/$name.log"; then
    echo "FAIL $name: the output does not say \"$words\":"
    head -n 30 "$dir/$name.log"
    exit 1
  fi
  echo "ok $name: $(grep -m1 -- "$words" "$dir/$name.log" | cut -c1-150)"
}

cat >"$dir/gated.cpp" <<'CPP'
#include <actfn/actfn.hpp>
int main() {
  auto twice = [](float x) { return 2 * x; };
  actfn::gated<decltype(twice)> g;
  (void)g;
}
CPP
must_fail gated_lambda "activation_functor" "$cxx" -std=c++20 -I "$src/include" -c "$dir/gated.cpp" \
  -o "$dir/gated.o"

printf '#include <actfn/actfn.hpp>\nint main() { return actfn::relu<float>{}(1.f) == 1.f ? 0 : 1; }\n' \
  >"$dir/cxx17.cpp"
must_fail cxx17 "actfn needs C++20" "$cxx" -std=c++17 -I "$src/include" -c "$dir/cxx17.cpp" \
  -o "$dir/cxx17.o"
errors=$(grep -c "error:" "$dir/cxx17.log" || true)
if [ "$errors" -gt 2 ]; then
  echo "FAIL cxx17: $errors error lines, not one and the stop:"
  head -n 20 "$dir/cxx17.log"
  exit 1
fi

cat >"$dir/extern.cpp" <<'CPP'
#define ACTFN_EXTERN_KERNELS
#include <actfn/actfn.hpp>
#include <vector>
int main() {
  std::vector<float> x(8, 1.f);
  actfn::sigmoid<float>{}(x, x);
  return x[0] > 0.5f ? 0 : 1;
}
CPP
"$cxx" -std=c++20 -O2 -I "$src/include" -c "$dir/extern.cpp" -o "$dir/extern.o"
must_fail extern_without_define "ACTFN_DEFINE_KERNELS" "$cxx" "$dir/extern.o" -o "$dir/extern"
