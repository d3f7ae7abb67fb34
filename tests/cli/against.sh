#!/usr/bin/env bash
# Command-line tests of `herald check --against`: the previous release as an
# output folder and as a Git ref, the three formats, --since with it, and
# the errors for an argument that is neither. Every rule's exact message is
# pinned by the fixtures in tests/against/; this drives the real binary.
# Usage: against.sh PATH/TO/herald
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
export SOURCE_DATE_EPOCH=1793491200  # 2026-11-01T00:00:00Z

# The small site of the bad-input fixtures, released as v1 and built into v1-out/.
cd "$WORK"
cp -r "$ROOT/tests/errors/_base" site
git -C site init -q -b main
commit site "First release"
git -C site tag v1
expect_exit 0 "build the release" -- "$HERALD" build site --out v1-out --quiet
ADVISORY=site/advisories/2026/TEST-SA-2026-0001.md

# --- Nothing changed: clean against a folder and against a ref -------------------
expect_exit 0 "--against a folder" -- "$HERALD" check site --against v1-out
expect_out "unchanged against the folder" "herald check: 0 errors, 0 warnings"
expect_exit 0 "--against a ref" -- "$HERALD" check site --against v1
expect_out "unchanged against the ref" "herald check: 0 errors, 0 warnings"

# --- A change without a revision, in the three formats ----------------------------
sed -i 's/details = "Update to 1.0.1."/details = "Update to 1.0.1 or later."/' "$ADVISORY"
MESSAGE='TEST-SA-2026-0001 has changed since the previous release (v1-out) without a new [[revisions]] entry: its CSAF document differs first at /vulnerabilities/0/remediations/0/details; readers and CSAF aggregators learn of a change only through a new revision: add a [[revisions]] entry saying what changed'
expect_exit 1 "a change without a revision (text)" -- "$HERALD" check site --against v1-out
expect_out "text report" "advisories/2026/TEST-SA-2026-0001.md:24:1: error: $MESSAGE [revision-missing]
herald check: 1 error, 0 warnings"
expect_exit 1 "github format" -- "$HERALD" check site --against v1-out --format github
expect_out "github report" "::error file=advisories/2026/TEST-SA-2026-0001.md,line=24,col=1,title=revision-missing::$MESSAGE
herald check: 1 error, 0 warnings"
expect_exit 1 "json format" -- "$HERALD" check site --against v1-out --format json
python3 - "$WORK/out.txt" "$MESSAGE" <<'PY' && ok || fail "json report"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["errors"] == 1 and d["warnings"] == 0, d
f = d["findings"][0]
assert (f["path"], f["line"], f["column"], f["severity"], f["check"]) == \
    ("advisories/2026/TEST-SA-2026-0001.md", 24, 1, "error", "revision-missing"), f
assert f["message"] == sys.argv[2], f["message"]
PY
expect_exit 1 "the same against the ref" -- "$HERALD" check site --against v1
grep -qF "changed since the previous release (v1) without a new [[revisions]] entry" "$WORK/out.txt" \
  && ok || fail "the ref is named as the previous release"

# With a revision the change is fine.
printf '\n[[revisions]]\ndate = 2026-10-01T10:00:00Z\nsummary = "Any later version fixes it."\n' >"$WORK/rev.toml"
sed -i '/^summary = "Initial publication."$/r '"$WORK/rev.toml" "$ADVISORY"
expect_exit 0 "a change with a new revision" -- "$HERALD" check site --against v1-out
expect_out "a new revision passes" "herald check: 0 errors, 0 warnings"
git -C site checkout -q -- .

# --- The pull-request job: --since and --against the base branch -----------------
git -C site checkout -q -b remove-advisory
git -C site rm -q advisories/2026/TEST-SA-2026-0001.md
commit site "Remove the advisory"
expect_exit 1 "a removed advisory" -- "$HERALD" check site --since main --against main --format github
expect_out "the removal is annotated on the deleted file" '::error file=advisories/2026/TEST-SA-2026-0001.md,title=advisory-removed::TEST-SA-2026-0001 was published in the previous release (main) but this build leaves it out: there is no advisories/2026/TEST-SA-2026-0001.md; published advisories are never deleted, since customers and CSAF aggregators keep copies and links: restore the file and mark it withdrawn = { date = ..., reason = "..." }, or set superseded_by
herald check: 1 error, 0 warnings'
git -C site checkout -q main

# --- Arguments that are not a release ------------------------------------------------
expect_exit 1 "an unknown ref" -- "$HERALD" check site --against no-such-tag
expect_out "an unknown ref is explained" "herald: error: --against 'no-such-tag' is not a folder; as a Git ref of the site: cannot resolve it: revspec 'no-such-tag' not found
herald check: 1 error, 0 warnings"
mkdir -p not-a-build
expect_exit 1 "a folder that is not a build" -- "$HERALD" check site --against not-a-build
expect_out "a folder without CSAF is explained" "herald: error: --against 'not-a-build': there is no .well-known/csaf/white/index.txt; expected the output of a herald build
herald check: 1 error, 0 warnings"
expect_exit 2 "--against without a value" -- "$HERALD" check site --against

echo "cli against: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
