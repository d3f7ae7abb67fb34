# Shared by the command-line tests (tests/cli/*.sh): the binary under test,
# a scratch folder removed on exit, pass/fail counters and the helpers that
# run a command and compare its exit code or output.
# Usage, from a test script: source "$(dirname "$0")/lib.sh" PATH/TO/herald
HERALD="$(realpath "$1")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect_exit() {  # expect_exit CODE DESCRIPTION -- COMMAND...
  local want=$1 what=$2
  shift 3
  "$@" >"$WORK/out.txt" 2>"$WORK/err.txt"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else fail "$what: exit $got, expected $want"; cat "$WORK/out.txt" "$WORK/err.txt"; fi
}
expect_out() {  # expect_out DESCRIPTION EXPECTED-STDOUT
  if [ "$(cat "$WORK/out.txt")" == "$2" ]; then ok; else
    fail "$1"; echo "--- expected"; echo "$2"; echo "--- actual"; cat "$WORK/out.txt"
  fi
}
commit() {  # commit DIR MESSAGE: a commit with a fixed date and author
  git -C "$1" add -A
  GIT_AUTHOR_DATE="2026-10-31T10:00:00Z" GIT_COMMITTER_DATE="2026-10-31T10:00:00Z" \
    git -C "$1" -c user.name=Test -c user.email=t@example.com commit -q -m "$2"
}
