#!/usr/bin/env bash
# Runs the demo and checks what it promises: exit 0; every nonlinear network reaches 100% on
# XOR and the identity (linear) one does not; the SVG is well-formed XML (xmllint) with one
# <path> per curve: 6 functions × 2 panels.
set -euo pipefail
demo=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$demo" --svg "$dir/activations.svg" >"$dir/out.txt"
cat "$dir/out.txt"

awk '$2 == "xor" && $4 ~ /%$/ {
       n++
       if ($1 == "identity") { if ($4 == "100.0%") bad = bad " identity reached 100%" }
       else if ($4 != "100.0%") bad = bad " " $1 " reached only " $4
     }
     END {
       if (n != 7) { print "expected 7 xor rows, found " n; exit 1 }
       if (bad != "") { print "xor:" bad; exit 1 }
     }' "$dir/out.txt"

xmllint --noout "$dir/activations.svg"
paths=$(xmllint --xpath 'count(//*[local-name()="path"])' "$dir/activations.svg")
[ "$paths" = 12 ] || { echo "expected 12 paths in the SVG, found $paths"; exit 1; }
echo "demo check: ok"
