#!/usr/bin/env bash
# Compiles tests/cuda/kernel.cu, which calls every scalar value and derivative from device code,
# with nvcc (warnings as errors), and runs it: on a machine with a GPU it compares device
# results with the host's; without one it only reports that it compiled.
# Exit 77 (CTest: skipped) where no CUDA toolkit is installed. Usage: check_cuda.sh SOURCE_DIR
set -euo pipefail
src=$1
nvcc=$(command -v nvcc || true)
[ -n "$nvcc" ] || { [ -x /usr/local/cuda/bin/nvcc ] && nvcc=/usr/local/cuda/bin/nvcc; }
if [ -z "$nvcc" ]; then
  echo "no nvcc on PATH or in /usr/local/cuda/bin: CUDA test skipped"
  exit 77
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$nvcc" --version | tail -n 2
"$nvcc" -std=c++20 --Werror all-warnings -Xcompiler -Wall,-Wextra -I "$src/include" \
        "$src/tests/cuda/kernel.cu" -o "$dir/kernel"
"$dir/kernel"
