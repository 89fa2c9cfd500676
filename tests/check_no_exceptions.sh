#!/usr/bin/env bash
# Usage: check_no_exceptions.sh PROGRAM: it must die (abort) and name both sizes on stderr.
set -uo pipefail
err=$("$1" 2>&1 >/dev/null)
status=$?
echo "exit status $status; stderr: $err"
[ "$status" -ne 0 ] || { echo "expected an abort"; exit 1; }
grep -q "input has 5 elements but output has 4" <<<"$err" || { echo "message missing"; exit 1; }
