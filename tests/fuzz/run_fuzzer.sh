#!/usr/bin/env bash
# Runs one libFuzzer target for a while over its corpus, as CI does:
#   run_fuzzer.sh FUZZER CORPUS_DIR SECONDS
# New inputs go to a scratch folder, so the repository's corpus only changes
# when someone copies findings in on purpose (see tests/fuzz/README.md).
set -euo pipefail
FUZZER=$1 CORPUS=$2 SECONDS_=$3
SCRATCH=$(mktemp -d)
ARTIFACTS=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
"$FUZZER" -max_total_time="$SECONDS_" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$ARTIFACTS/" "$SCRATCH" "$CORPUS" || {
  echo "fuzzer failed; reproducer in $ARTIFACTS:"; ls -l "$ARTIFACTS"; exit 1
}
rm -rf "$ARTIFACTS"
