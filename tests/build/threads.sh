#!/usr/bin/env bash
# A build's bytes must not depend on how many threads made them: builds a
# generated corpus of 300 advisories (bench/gen_corpus.py, deterministic) on
# one thread, on the default number and on more threads than cores, and
# compares the three output trees byte for byte. Usage: threads.sh PATH/TO/herald
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERALD="$(realpath "$1")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1798761600

/usr/bin/python3 "$ROOT/bench/gen_corpus.py" 300 "$WORK/site" >/dev/null || { echo "FAIL: gen_corpus.py"; exit 1; }
failed=0
for threads in 1 default 7; do
  if [ "$threads" = default ]; then
    "$HERALD" build "$WORK/site" --out "$WORK/out-$threads" --quiet
  else
    HERALD_THREADS=$threads "$HERALD" build "$WORK/site" --out "$WORK/out-$threads" --quiet
  fi
  [ $? -eq 0 ] || { echo "FAIL: the build on $threads threads failed"; failed=1; }
done
files=$(find "$WORK/out-1" -type f | wc -l)
# 300 advisories give a page, a CSAF document and two hashes each, at least.
[ "$files" -ge 1200 ] || { echo "FAIL: only $files files written on one thread"; failed=1; }
for threads in default 7; do
  if ! diff -r "$WORK/out-1" "$WORK/out-$threads" >"$WORK/diff.txt"; then
    echo "FAIL: $threads threads differ from one thread:"; head -20 "$WORK/diff.txt"; failed=1
  fi
done
# The staging folders were swapped in or removed: nothing but the outputs is left.
leftover=$(find "$WORK" -maxdepth 1 -name '.out-*' | wc -l)
[ "$leftover" -eq 0 ] || { echo "FAIL: $leftover staging folders left beside the outputs"; failed=1; }
[ "$failed" -eq 0 ] && echo "threads: $files files, identical on 1, default and 7 threads"
exit $failed
