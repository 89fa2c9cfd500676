#!/usr/bin/env bash
# Builds tests/consumer the ways a user consumes actfn: installed into a temporary prefix by a
# configure that finds neither Catch2 nor Google Benchmark (find_package, with and without a
# version; a higher major version must fail; then pkg-config --cflags), as a subdirectory, and by
# FetchContent from this source tree's git repository at its HEAD commit.
# Usage: check_consumers.sh SOURCE_DIR [CXX]
set -euo pipefail
src=$1
cxx=${2:-c++}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
version=$(sed -n 's/^#define ACTFN_VERSION_STRING "\(.*\)"$/\1/p' "$src/include/actfn/version.hpp")
major=${version%%.*}

# The install line of the README, on a machine without the test and benchmark packages: the
# tests and benchmarks are skipped with a status line each, the install works.
cmake -S "$src" -B "$dir/actfn" -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON \
      -DCMAKE_DISABLE_FIND_PACKAGE_benchmark=ON >"$dir/configure.log"
grep -q "actfn: tests skipped: Catch2" "$dir/configure.log"
grep -q "actfn: benchmarks skipped: benchmark" "$dir/configure.log"
cmake --install "$dir/actfn" --prefix "$dir/prefix" >/dev/null
grep -q "Version: $version" "$dir/prefix/share/pkgconfig/actfn.pc"

# consumer NAME [kernels] CMAKE-ARGS...: configure, build and run tests/consumer; with "kernels",
# its program linking actfn::kernels too.
consumer() {
  local name=$1 kernels=""
  shift
  if [ "${1:-}" = kernels ]; then
    kernels=1
    shift
  fi
  echo "$name: consumer_kernels ok (its main.cpp compiled no span loop)"
  cmake -S "$src/tests/consumer" -B "$dir/$name" -DCMAKE_CXX_COMPILER="$cxx" "$@" >/dev/null
  cmake --build "$dir/$name" --target consumer ${kernels:+consumer_kernels} >/dev/null
  "$dir/$name/consumer" | tee "$dir/$name.out"
  grep -q "consumer of actfn $version: ok" "$dir/$name.out"
  [ -n "$kernels" ] || return 0
  # actfn::kernels: the program runs, and its own object file compiled no span loop
  "$dir/$name/consumer_kernels" | grep -q "consumer of actfn $version: ok"
  local obj
  obj=$(find "$dir/$name/CMakeFiles/consumer_kernels.dir" -name 'main.cpp.o')
  if nm -C "$obj" | grep -E ' [TtWw] .*::loop<'; then
    echo "$name: consumer_kernels compiled span loops of its own"
    exit 1
  fi
}
consumer installed kernels -DCMAKE_PREFIX_PATH="$dir/prefix"
consumer installed-version -DCMAKE_PREFIX_PATH="$dir/prefix" -DACTFN_VERSION="$version"
if cmake -S "$src/tests/consumer" -B "$dir/too-new" -DCMAKE_CXX_COMPILER="$cxx" \
         -DCMAKE_PREFIX_PATH="$dir/prefix" -DACTFN_VERSION="$((major + 1)).0" \
         >"$dir/too-new.log" 2>&1; then
  echo "find_package(actfn $((major + 1)).0) accepted actfn $version"
  exit 1
fi
grep -q "not compatible\|Could not find a configuration file" "$dir/too-new.log"
echo "find_package(actfn $((major + 1)).0): refused, as it must be"
consumer subdir -DACTFN_SOURCE_DIR="$src"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  consumer fetched kernels -DACTFN_GIT_REPOSITORY="$src" -DACTFN_GIT_TAG="$(git -C "$src" rev-parse HEAD)"
else
  echo "FetchContent check not run: $src is not a git clone"
fi
# pkg-config, from the same installed prefix.
flags=$(PKG_CONFIG_PATH="$dir/prefix/share/pkgconfig" pkg-config --cflags actfn)
"$cxx" -std=c++20 -Wall -Wextra -Werror $flags "$src/tests/consumer/main.cpp" -o "$dir/pc"
"$dir/pc"
