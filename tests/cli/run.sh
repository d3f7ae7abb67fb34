#!/usr/bin/env bash
# Command-line tests: drive the real herald binary the way users and CI do
# (exit codes, reproducible builds from Git, --ref on a bare clone, atomic
# output). Usage: run.sh PATH/TO/herald
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"

# A Git repository holding the example site, committed at fixed times.
make_repo() {
  local dir=$1
  mkdir -p "$dir"
  cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$dir/"
  git -C "$dir" init -q -b main
  git -C "$dir" add -A
  GIT_AUTHOR_DATE="2026-11-01T10:00:00Z" GIT_COMMITTER_DATE="2026-11-01T10:00:00Z" \
    git -C "$dir" -c user.name=Test -c user.email=t@example.com commit -q -m "Example site"
}

# --- Exit codes and help -----------------------------------------------------
expect_exit 0 "--version" -- "$HERALD" --version
grep -q "^herald [0-9]" "$WORK/out.txt" && ok || fail "--version prints 'herald X.Y.Z'"
expect_exit 0 "help" -- "$HERALD" help
for cmd in build check help version; do
  expect_exit 0 "$cmd --help" -- "$HERALD" "$cmd" --help
  grep -q "^Usage: herald" "$WORK/out.txt" && ok || fail "$cmd --help prints usage"
done
expect_exit 2 "unknown command" -- "$HERALD" frobnicate
expect_exit 2 "unknown option" -- "$HERALD" build --frobnicate
expect_exit 2 "option without value" -- "$HERALD" build --out
expect_exit 2 "bad SOURCE_DATE_EPOCH" -- env SOURCE_DATE_EPOCH=yesterday "$HERALD" build "$ROOT"
expect_exit 1 "missing site.toml" -- "$HERALD" build "$WORK/nowhere"

# --- Reproducible builds from Git ---------------------------------------------
make_repo "$WORK/site"
COMMIT=$(git -C "$WORK/site" rev-parse HEAD)
expect_exit 0 "build from git" -- "$HERALD" build "$WORK/site" --out "$WORK/out1"
expect_exit 0 "second build" -- "$HERALD" build "$WORK/site" --out "$WORK/out2"
diff -r "$WORK/out1" "$WORK/out2" >/dev/null && ok || fail "two builds of one commit differ"
grep -rq "$COMMIT" "$WORK/out1/index.html" && ok || fail "the commit id is not in the page footer"
[ -f "$WORK/out1/index.html" ] && [ -f "$WORK/out1/404.html" ] && ok || fail "index.html/404.html missing"
grep -q "2026-11-01" "$WORK/out1/index.html" && ok || fail "the build date (commit time) is not shown"

# The same commit built from a bare clone with --ref, nothing checked out.
git clone -q --bare "$WORK/site" "$WORK/bare.git"
expect_exit 0 "build --ref on a bare clone" -- "$HERALD" build "$WORK/bare.git" --ref main --out "$WORK/out3"
diff -r "$WORK/out1" "$WORK/out3" >/dev/null && ok || fail "bare --ref build differs from the working-tree build"

# --ref builds the named commit, not the working tree.
echo "garbage" >> "$WORK/site/site.toml"
expect_exit 0 "build --ref HEAD ignores the dirty working tree" -- \
  "$HERALD" build "$WORK/site" --ref HEAD --out "$WORK/out4"
diff -r "$WORK/out1" "$WORK/out4" >/dev/null && ok || fail "--ref HEAD differs from the clean build"
git -C "$WORK/site" checkout -q -- site.toml
expect_exit 1 "unknown ref" -- "$HERALD" build "$WORK/site" --ref no-such-branch --out "$WORK/out5"
grep -q "no-such-branch" "$WORK/err.txt" && ok || fail "unknown ref is named in the error"

# SOURCE_DATE_EPOCH overrides the commit time.
expect_exit 0 "SOURCE_DATE_EPOCH" -- env SOURCE_DATE_EPOCH=1798761600 "$HERALD" build "$WORK/site" --out "$WORK/out6"
grep -q "2027-01-01" "$WORK/out6/index.html" && ok || fail "SOURCE_DATE_EPOCH date not used"

# --- Atomic output --------------------------------------------------------------
cp -r "$WORK/out1" "$WORK/before"
printf '+++\nid = "BROKEN"\n' > "$WORK/site/advisories/2026/BROKEN.md"
expect_exit 1 "a broken advisory fails the build" -- "$HERALD" build "$WORK/site" --out "$WORK/out1"
grep -q "advisories/2026/BROKEN.md:1:1: error:" "$WORK/err.txt" && ok || fail "error names file:line:col"
diff -r "$WORK/before" "$WORK/out1" >/dev/null && ok || fail "a failed build changed the previous output"
ls -a "$WORK" | grep -q '\.tmp-' && fail "a temporary folder was left behind" || ok
rm "$WORK/site/advisories/2026/BROKEN.md"

mkdir -p "$WORK/site/static"
echo "hello" > "$WORK/site/static/stale.txt"
expect_exit 0 "build with a static file" -- "$HERALD" build "$WORK/site" --out "$WORK/out1"
[ -f "$WORK/out1/stale.txt" ] && ok || fail "static file not copied"
rm "$WORK/site/static/stale.txt"
expect_exit 0 "build after removing it" -- "$HERALD" build "$WORK/site" --out "$WORK/out1"
[ ! -e "$WORK/out1/stale.txt" ] && ok || fail "a file of an earlier build was not removed"
expect_exit 1 "refuses to replace the site folder" -- "$HERALD" build "$WORK/site" --out "$WORK/site"
[ -f "$WORK/site/site.toml" ] && ok || fail "the site folder was touched"

# --- Drafts and TLP -------------------------------------------------------------
DRAFT=$(grep -l '^status = "draft"' "$WORK"/site/advisories/*/*.md | head -1)
AMBER=$(grep -l '^tlp = "AMBER"' "$WORK"/site/advisories/*/*.md | head -1)
if [ -n "$DRAFT" ] && [ -n "$AMBER" ]; then
  DRAFT_ID=$(basename "$DRAFT" .md)
  AMBER_ID=$(basename "$AMBER" .md)
  [ ! -e "$WORK/out1/advisories/$DRAFT_ID" ] && ok || fail "a draft was published"
  grep -rq "$DRAFT_ID" "$WORK/out1" && fail "the draft id appears in the output" || ok
  grep -rq "$AMBER_ID" "$WORK/out1" && fail "the AMBER id appears in the output" || ok
  expect_exit 0 "build --drafts" -- "$HERALD" build "$WORK/site" --drafts --out "$WORK/out7"
  [ -f "$WORK/out7/advisories/$DRAFT_ID/index.html" ] && ok || fail "--drafts did not include the draft"
  grep -rq "$AMBER_ID" "$WORK/out7" && fail "--drafts published a TLP:AMBER advisory" || ok
else
  fail "the example site needs a draft and a TLP:AMBER advisory"
fi

# --- Outside Git; no progress escapes on a pipe ---------------------------------
mkdir -p "$WORK/plain"
cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$WORK/plain/"
expect_exit 0 "build outside git" -- "$HERALD" build "$WORK/plain" --out "$WORK/out8"
grep -q $'\033' "$WORK/err.txt" "$WORK/out.txt" && fail "progress escapes written to a pipe" || ok
expect_exit 0 "--quiet" -- "$HERALD" build "$WORK/plain" --quiet --out "$WORK/out8"
[ ! -s "$WORK/out.txt" ] && ok || fail "--quiet printed to stdout"

# --- herald check --coverage: the baseline matrix ----------------------------------
export SOURCE_DATE_EPOCH=1793491200  # 2026-11-01
expect_exit 0 "check --coverage" -- "$HERALD" check "$WORK/plain" --coverage
grep -q "^site: 100% " "$WORK/out.txt" && ok || fail "--coverage: site line"
grep -q "^hub-200: 100% (.* 0 missing" "$WORK/out.txt" && ok || fail "--coverage: hub-200 fully covered"
grep -qE "^  DOC-15 +missing +no guide 'maintenance'" "$WORK/out.txt" && ok || fail "--coverage: cam-100 gap listed"
expect_exit 1 "check --coverage --strict with gaps" -- "$HERALD" check "$WORK/plain" --coverage --strict
expect_exit 0 "check --coverage --format json" -- "$HERALD" check "$WORK/plain" --coverage --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r={x["report"]: x for x in d}; sys.exit(0 if r["hub-200"]["missing"] == 0 and r["cam-100"]["missing"] > 0 and len(r["hub-200"]["items"]) == 148 else 1)' "$WORK/out.txt" && ok || fail "--coverage json"
expect_exit 0 "check --coverage --format github" -- "$HERALD" check "$WORK/plain" --coverage --format github
grep -q "^::warning file=content/devices/cam-100/index.md,line=1,title=coverage::cam-100: DOC-15 " "$WORK/out.txt" && ok || fail "--coverage github annotation"
unset SOURCE_DATE_EPOCH

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
