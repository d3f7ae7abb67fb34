#!/usr/bin/env bash
# Command-line tests of `herald check`: exit codes, the three formats,
# --strict, and --since on a real Git repository (the pull-request view).
# Usage: check.sh PATH/TO/herald
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
export SOURCE_DATE_EPOCH=1793491200  # 2026-11-01T00:00:00Z: "now" for date checks

AMBER='advisories/2026/ACME-SA-2026-0005.md:7:7: warning: TLP is AMBER, so builds skip this advisory; TLP:AMBER information must not reach a site repository by mistake: set tlp = "CLEAR" once it may be published, or keep the file out of this branch [tlp-not-clear]'

# --- Usage ---------------------------------------------------------------------
expect_exit 0 "check --help" -- "$HERALD" check --help
grep -q -- "--since REF" "$WORK/out.txt" && ok || fail "check --help documents --since"
expect_exit 0 "check --list-checks" -- "$HERALD" check --list-checks
[ "$(wc -l <"$WORK/out.txt")" -eq 26 ] && ok || fail "--list-checks lists 26 checks"
grep -q "^broken-link  " "$WORK/out.txt" && ok || fail "--list-checks names broken-link"
expect_exit 2 "bad --format" -- "$HERALD" check "$ROOT" --format sarif
grep -q "expected text, github or json" "$WORK/err.txt" && ok || fail "bad --format says what is expected"
expect_exit 2 "unknown option" -- "$HERALD" check "$ROOT" --frobnicate
expect_exit 2 "two sites" -- "$HERALD" check "$ROOT" "$ROOT"

# --- The example site -------------------------------------------------------------
mkdir -p "$WORK/plain"
cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$WORK/plain/"
expect_exit 0 "the example site passes" -- "$HERALD" check "$WORK/plain"
expect_out "text report of the example site" "$AMBER
herald check: 0 errors, 1 warning"
expect_exit 1 "--strict fails on the warning" -- "$HERALD" check "$WORK/plain" --strict
expect_exit 0 "--quiet prints nothing when there are no errors" -- "$HERALD" check "$WORK/plain" -q
[ ! -s "$WORK/out.txt" ] && ok || fail "--quiet printed something"
expect_exit 0 "github format" -- "$HERALD" check "$WORK/plain" --format github
expect_out "github report" '::warning file=advisories/2026/ACME-SA-2026-0005.md,line=7,col=7,title=tlp-not-clear::TLP is AMBER, so builds skip this advisory; TLP:AMBER information must not reach a site repository by mistake: set tlp = "CLEAR" once it may be published, or keep the file out of this branch
herald check: 0 errors, 1 warning'
expect_exit 0 "json format" -- "$HERALD" check "$WORK/plain" --format=json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["warnings"]==1 and d["findings"][0]["check"]=="tlp-not-clear"' \
  "$WORK/out.txt" && ok || fail "json report parses with one tlp-not-clear finding"

# A broken link fails the check; nothing is written.
printf '\nSee [the old hub](/devices/hub-50/).\n' >>"$WORK/plain/advisories/2026/ACME-SA-2026-0004.md"
LINE=$(wc -l <"$WORK/plain/advisories/2026/ACME-SA-2026-0004.md")
expect_exit 1 "a broken link fails" -- "$HERALD" check "$WORK/plain" --quiet
expect_out "--quiet prints the error and the summary" "advisories/2026/ACME-SA-2026-0004.md:$LINE:19: error: link '/devices/hub-50/' does not resolve: there is no device 'hub-50' [broken-link]
herald check: 1 error, 1 warning"
[ ! -e "$WORK/plain/public" ] && ok || fail "check wrote output"
expect_exit 1 "missing site.toml" -- "$HERALD" check "$WORK/nowhere"
grep -q "herald: error: no site.toml" "$WORK/out.txt" && ok || fail "missing site.toml is reported"

# --- --since: the pull-request view ----------------------------------------------
REPO="$WORK/repo"
mkdir -p "$REPO"
cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$REPO/"
git -C "$REPO" init -q -b main
# A problem that main already has: --since leaves it out.
printf '\nSee [the notice](privacy/).\n' >>"$REPO/content/pages/privacy.md"
commit "$REPO" "Example site"
expect_exit 0 "--since on an unchanged tree" -- "$HERALD" check "$REPO" --since main
expect_out "nothing changed, nothing shown" "herald check: 0 errors, 0 warnings; 2 in unchanged files not shown"
expect_exit 0 "without --since the old problems show" -- "$HERALD" check "$REPO"
grep -q "privacy.md.*relative-link" "$WORK/out.txt" && ok || fail "the pre-existing warning is reported without --since"

# An uncommitted change to one file, and an untracked new file.
printf '\nSee [the old hub](/devices/hub-50/).\n' >>"$REPO/advisories/2026/ACME-SA-2026-0004.md"
sed 's/ACME-SA-2026-0004/ACME-SA-2026-0008/; s/^published = .*/published = 2026-12-01T09:00:00Z/' \
  "$REPO/advisories/2026/ACME-SA-2026-0004.md" >"$REPO/advisories/2026/ACME-SA-2026-0008.md"
expect_exit 1 "--since reports changed and new files" -- "$HERALD" check "$REPO" --since main --format github
grep -q "^::error file=advisories/2026/ACME-SA-2026-0004.md,.*title=broken-link::" "$WORK/out.txt" && ok || fail "changed file's error shown"
grep -q "^::error file=advisories/2026/ACME-SA-2026-0008.md,.*title=future-date::" "$WORK/out.txt" && ok || fail "untracked file's error shown"
grep -q "privacy.md" "$WORK/out.txt" && fail "an unchanged file's old warning shown" || ok

# Deleting a device breaks advisories that were not touched: reported there.
git -C "$REPO" checkout -q -- . && rm -f "$REPO/advisories/2026/ACME-SA-2026-0008.md"
rm -r "$REPO/content/devices/lock-300"
expect_exit 1 "deleting a device" -- "$HERALD" check "$REPO" --since main
grep -q "^advisories/2026/ACME-SA-2026-0004.md:[0-9]*:[0-9]*: error: \[\[affected\]\] names device 'lock-300', which does not exist" \
  "$WORK/out.txt" && ok || fail "the deleted device is reported on the advisory that names it"
grep -q "privacy.md" "$WORK/out.txt" && fail "an unchanged file's old warning shown" || ok

# The same change committed on a branch, checked with --ref (nothing checked out).
git -C "$REPO" checkout -q -b pr && commit "$REPO" "Retire the Lock 300 page" && git -C "$REPO" checkout -q main
expect_exit 1 "--ref pr --since main" -- "$HERALD" check "$REPO" --ref pr --since main
grep -q "names device 'lock-300', which does not exist" "$WORK/out.txt" && ok || fail "--ref with --since reports the deletion"
# main moved on after the branch: the merge base is the baseline, so main's new problem is not the branch's.
printf '\nSee [x](/nowhere/).\n' >>"$REPO/content/pages/privacy.md" && commit "$REPO" "Main moves on"
expect_exit 1 "--since uses the merge base" -- "$HERALD" check "$REPO" --ref pr --since main
grep -q "/nowhere/" "$WORK/out.txt" && fail "main's later change was blamed on the branch" || ok

expect_exit 1 "--since with an unknown ref" -- "$HERALD" check "$REPO" --since no-such-branch
grep -q "cannot resolve --since 'no-such-branch'" "$WORK/out.txt" && ok || fail "unknown --since ref is named"
expect_exit 1 "--since outside Git" -- "$HERALD" check "$WORK/plain" --since main
grep -q "is not the top folder of a Git repository, so --since cannot be used" "$WORK/out.txt" && ok || fail "--since outside Git is explained"

# --- Robustness: links, loops and odd names on disk ------------------------------
mkdir -p "$WORK/odd"
cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$WORK/odd/"
ln -s . "$WORK/odd/content/loop"                         # a symlink loop
ln -s /etc/hostname "$WORK/odd/content/pages/outside.md"  # a symlink out of the site
printf '+++\ntitle = "x"\nrole = "other"\n+++\n' >"$WORK/odd/content/pages/my page.md"
printf '+++\ntitle = "x"\nrole = "other"\n+++\n' >"$WORK/odd/content/pages/café.md"
expect_exit 1 "symlinks and odd file names" -- timeout 60 "$HERALD" check "$WORK/odd"
expect_out "symlinks are skipped, odd names are named" "$AMBER
content/pages/café.md:1:1: error: page file name 'café.md' is not a valid slug; expected lower-case letters, digits and single dashes, such as privacy.md
content/pages/my page.md:1:1: error: page file name 'my page.md' is not a valid slug; expected lower-case letters, digits and single dashes, such as privacy.md
herald check: 2 errors, 1 warning"
expect_exit 1 "odd names in JSON" -- "$HERALD" check "$WORK/odd" --format json
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["findings"]) == 3' "$WORK/out.txt" \
  && ok || fail "the JSON report with non-ASCII paths parses"

# A 200 MB file (sparse: no disk used) is refused from its size, in bounded memory.
mkdir -p "$WORK/big"
cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$WORK/big/"
truncate -s 200M "$WORK/big/content/pages/huge.md"
expect_exit 1 "a 200 MB file" -- /usr/bin/time -f "%M" -o "$WORK/rss.txt" timeout 60 "$HERALD" check "$WORK/big"
expect_out "the 200 MB file is refused, naming its size and the limit" "$AMBER
content/pages/huge.md:1:1: error: the file is 200.0 MiB (209715200 bytes); herald reads content and configuration files of up to 8.0 MiB (8388608 bytes), so it was not read: split it into smaller files
herald check: 1 error, 1 warning"
[ "$(tail -1 "$WORK/rss.txt")" -lt 102400 ] && ok || fail "checking beside a 200 MB file took $(tail -1 "$WORK/rss.txt") kB (limit 100 MB)"

echo "cli check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
