#!/usr/bin/env bash
# Compiles and runs every ```cpp block of README.md that has a main(), warnings as errors.
# Usage: check_readme.sh SOURCE_DIR CXX
set -euo pipefail
src=$1
cxx=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk -v dir="$dir" '/^```cpp/ { n++; on = 1; next } /^```/ { on = 0 }
                   on { print > (dir "/snippet" n ".cpp") }' "$src/README.md"
count=0
for f in "$dir"/snippet*.cpp; do
  grep -q 'int main' "$f" || continue
  "$cxx" -std=c++20 -Wall -Wextra -Werror -I "$src/include" "$f" -o "$f.out"
  "$f.out"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no runnable cpp block found in README.md"; exit 1; }
echo "README: $count example(s) compiled and ran"
