#!/usr/bin/env bash
# Compiles and runs every ```cpp block of README.md that has a main(), warnings as errors; and
# keeps the README a five-minute read (at most 250 lines and 15 KB: the rest belongs in docs/).
# Usage: check_readme.sh SOURCE_DIR CXX
set -euo pipefail
src=$1
cxx=$2
lines=$(wc -l <"$src/README.md")
bytes=$(wc -c <"$src/README.md")
if [ "$lines" -gt 250 ] || [ "$bytes" -gt 15360 ]; then
  echo "README.md has $lines lines and $bytes bytes: at most 250 and 15 KB (move details to docs/)"
  exit 1
fi
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
