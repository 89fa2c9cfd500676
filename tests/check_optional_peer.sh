#!/usr/bin/env bash
# A broken package config of an optional benchmark peer leaves the peer out and the configure
# green: a dnnl-config.cmake that fails (as Debian's does without OpenCL) is put first on
# CMAKE_PREFIX_PATH. Usage: check_optional_peer.sh SOURCE_DIR CXX
set -euo pipefail
src=$1
cxx=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/prefix/lib/cmake/dnnl"
echo 'message(FATAL_ERROR "this dnnl package config is broken on purpose")' \
  >"$dir/prefix/lib/cmake/dnnl/dnnl-config.cmake"
cmake -S "$src" -B "$dir/build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$dir/prefix" \
      -DACTFN_BUILD_TESTS=OFF -DACTFN_BUILD_EXAMPLES=OFF -DACTFN_BUILD_BENCHMARKS=ON \
      >"$dir/log" 2>&1 || { cat "$dir/log"; echo "configure failed"; exit 1; }
grep -q "peers: .*oneDNN FALSE" "$dir/log" || { cat "$dir/log"; echo "oneDNN was not left out"; exit 1; }
echo "configure succeeded without the broken oneDNN peer"
