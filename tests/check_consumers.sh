#!/usr/bin/env bash
# Builds tests/consumer the ways a user consumes actfn: installed into a temporary prefix
# (find_package, then pkg-config --cflags) and as a subdirectory.
# Usage: check_consumers.sh SOURCE_DIR [CXX]
set -euo pipefail
src=$1
cxx=${2:-c++}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cmake -S "$src" -B "$dir/actfn" -DACTFN_BUILD_TESTS=OFF -DACTFN_BUILD_BENCHMARKS=OFF \
      -DACTFN_BUILD_EXAMPLES=OFF >/dev/null
cmake --install "$dir/actfn" --prefix "$dir/prefix" >/dev/null
cmake -S "$src/tests/consumer" -B "$dir/installed" -DCMAKE_CXX_COMPILER="$cxx" \
      -DCMAKE_PREFIX_PATH="$dir/prefix" >/dev/null
cmake --build "$dir/installed" >/dev/null
"$dir/installed/consumer"
cmake -S "$src/tests/consumer" -B "$dir/subdir" -DCMAKE_CXX_COMPILER="$cxx" \
      -DACTFN_SOURCE_DIR="$src" >/dev/null
cmake --build "$dir/subdir" >/dev/null
"$dir/subdir/consumer"
# pkg-config, from the same installed prefix.
flags=$(PKG_CONFIG_PATH="$dir/prefix/share/pkgconfig" pkg-config --cflags actfn)
"$cxx" -std=c++20 -Wall -Wextra -Werror $flags "$src/tests/consumer/main.cpp" -o "$dir/pc"
"$dir/pc"
