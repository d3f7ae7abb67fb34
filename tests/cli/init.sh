#!/usr/bin/env bash
# Command-line tests of `herald init` and `herald new`: a new site builds and
# checks with exactly its placeholders, the CI workflow is written, nothing
# is ever overwritten, and names are validated as the loader does.
# Usage: init.sh PATH/TO/herald
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
export SOURCE_DATE_EPOCH=1793491200  # 2026-11-01T00:00:00Z: the date of the new files
expect_file() {  # expect_file DESCRIPTION FILE EXPECTED
  if [ "$(cat "$2")" == "$3" ]; then ok; else
    fail "$1"; echo "--- expected"; echo "$3"; echo "--- actual"; cat "$2"
  fi
}
cd "$WORK"

# --- Help --------------------------------------------------------------------------
expect_exit 0 "herald help" -- "$HERALD" help
grep -q "^  init      create a new site" "$WORK/out.txt" && ok || fail "herald help lists init"
grep -q "^  new       add an advisory, device or guide" "$WORK/out.txt" && ok || fail "herald help lists new"
for cmd in init new; do
  expect_exit 0 "$cmd --help" -- "$HERALD" "$cmd" --help
  grep -q "^Usage: herald $cmd" "$WORK/out.txt" && ok || fail "$cmd --help prints usage"
  expect_exit 0 "help $cmd" -- "$HERALD" help "$cmd"
done

# --- herald init ---------------------------------------------------------------------
expect_exit 0 "init" -- "$HERALD" init site
expect_file "init lists what it wrote" "$WORK/out.txt" "Created a herald site in site:
  site.toml
  content/devices/example-sensor/index.md
  content/devices/example-sensor/guides/software-update.md
  advisories/2026/EXAMPLE-SA-2026-0001.md
  content/pages/security-practices.md
  content/pages/support-policy.md
  .github/workflows/herald.yml
  .gitlab-ci.yml
  .gitignore

Next: fill in what \`herald check site\` lists as placeholders (TODO),
then \`herald serve site\` to preview and \`herald build site\` to publish."
grep -q 'herald check --format github$' site/.github/workflows/herald.yml \
  && grep -qF -- '--since origin/${{ github.base_ref }} --against origin/${{ github.base_ref }}' site/.github/workflows/herald.yml \
  && grep -q 'run: /opt/herald/build/herald build$' site/.github/workflows/herald.yml \
  && ok || fail "the workflow checks pull requests and builds main"
python3 -c 'import sys, yaml; [yaml.safe_load(open(f)) for f in sys.argv[1:]]' \
  site/.github/workflows/herald.yml site/.gitlab-ci.yml 2>/dev/null && ok || \
  { python3 -c 'import yaml' 2>/dev/null && fail "the CI files are not valid YAML" || ok; }

expect_exit 0 "the new site builds" -- "$HERALD" build site --quiet
[ -f site/public/.well-known/csaf/white/2026/example-sa-2026-0001.json ] && [ -f site/public/devices/example-sensor/index.html ] \
  && ok || fail "the build wrote the sample advisory's CSAF and the device page"
expect_exit 0 "the new site checks with warnings only" -- "$HERALD" check site
expect_file "check lists exactly the placeholders" "$WORK/out.txt" "content/pages/security-practices.md:5:1: warning: placeholder left to fill in: describe how you develop securely: threat modelling, code review, testing, how you choose and watch suppliers and third-party components, and who oversees product security; replace it and delete the TODO marker [placeholder]
content/pages/support-policy.md:5:1: warning: placeholder left to fill in: say in plain words how long your devices receive security updates, how that period is set, announced and extended, and what happens when it ends; replace it and delete the TODO marker [placeholder]
site.toml:4:3: warning: placeholder left to fill in: replace the example device (content/devices/example-sensor/) and notice (advisories/2026/) with your own; replace it and delete the TODO marker [placeholder]
site.toml:6:3: warning: placeholder left to fill in: your site's name and the https:// address it will be served from; replace it and delete the TODO marker [placeholder]
site.toml:13:3: warning: placeholder left to fill in: your organisation's registered name, postal address and general email address; replace it and delete the TODO marker [placeholder]
site.toml:25:3: warning: placeholder left to fill in: who publishes the CSAF advisories, and your organisation's https:// origin; replace it and delete the TODO marker [placeholder]
site.toml:31:3: warning: placeholder left to fill in: where to report a vulnerability (mailto:, https:, tel:), in order of preference; replace it and delete the TODO marker [placeholder]
herald check: 0 errors, 7 warnings"
expect_exit 1 "--strict fails until the placeholders are done" -- "$HERALD" check site --strict
sed -i '/TODO/d' site/site.toml site/content/pages/*.md
expect_exit 0 "without placeholders the site is clean, even with --strict" -- "$HERALD" check site --strict
expect_file "clean" "$WORK/out.txt" "herald check: 0 errors, 0 warnings"

expect_exit 1 "init refuses a folder that is not empty" -- "$HERALD" init site
grep -q "herald init: 'site' is not empty; choose a new folder, or pass --force" "$WORK/err.txt" \
  && ok || fail "the refusal says why and what to do"
echo "mine" >site/notes.txt
expect_exit 0 "init --force" -- "$HERALD" init site --force
grep -q "^# TODO: your site's name" site/site.toml && [ "$(cat site/notes.txt)" == "mine" ] \
  && ok || fail "--force rewrote the site's files and left others alone"
touch plain-file
expect_exit 1 "init on a file" -- "$HERALD" init plain-file
expect_exit 2 "init without DIR" -- "$HERALD" init
expect_exit 2 "init with two folders" -- "$HERALD" init a b

# --- herald new ----------------------------------------------------------------------
cd site
expect_exit 0 "new advisory: the next free id" -- "$HERALD" new advisory
expect_file "the next id in this year" "$WORK/out.txt" "Created advisories/2026/EXAMPLE-SA-2026-0002.md"
grep -q '^device = "example-sensor"$' advisories/2026/EXAMPLE-SA-2026-0002.md && ok || fail "the only device is named"
expect_exit 0 "again" -- "$HERALD" new advisory
expect_file "numbers go up" "$WORK/out.txt" "Created advisories/2026/EXAMPLE-SA-2026-0003.md"
expect_exit 0 "another year" -- "$HERALD" new advisory --year 2027
expect_file "a new year starts at 1" "$WORK/out.txt" "Created advisories/2027/EXAMPLE-SA-2027-0001.md"
rm -r advisories/2027
expect_exit 0 "an id given" -- "$HERALD" new advisory ACME-SA-2026-0100 --device example-sensor
expect_exit 1 "an id that exists" -- "$HERALD" new advisory EXAMPLE-SA-2026-0001
expect_file "refused, naming the file" "$WORK/err.txt" "herald new: advisory EXAMPLE-SA-2026-0001 exists already: advisories/2026/EXAMPLE-SA-2026-0001.md"
expect_exit 2 "an invalid id" -- "$HERALD" new advisory acme-sa-1
grep -q "'acme-sa-1' is not an advisory id; expected upper-case letters and digits" "$WORK/err.txt" && ok || fail "invalid id explained"
expect_exit 2 "an unknown device" -- "$HERALD" new advisory --device hub-9

expect_exit 0 "new device" -- "$HERALD" new device hub-200
expect_file "device file" "$WORK/out.txt" "Created content/devices/hub-200/index.md"
expect_exit 1 "a device that exists" -- "$HERALD" new device hub-200
expect_exit 2 "an invalid slug" -- "$HERALD" new device Hub_200
grep -q "'Hub_200' is not a valid slug; expected lower-case letters, digits and single dashes" "$WORK/err.txt" && ok || fail "invalid slug explained"

expect_exit 0 "new guide" -- "$HERALD" new guide hub-200 secure-setup
expect_file "guide file" "$WORK/out.txt" "Created content/devices/hub-200/guides/secure-setup.md"
expect_exit 0 "new guide on topic other" -- "$HERALD" new guide hub-200 other wall-mounting
expect_file "other guide file" "$WORK/out.txt" "Created content/devices/hub-200/guides/wall-mounting.md"
expect_exit 1 "a guide that exists" -- "$HERALD" new guide hub-200 secure-setup
expect_exit 2 "an unknown topic" -- "$HERALD" new guide hub-200 setup
grep -q "topic 'setup' is not one of: secure-setup, verify-setup," "$WORK/err.txt" && ok || fail "topics listed"
expect_exit 2 "a guide for an unknown device" -- "$HERALD" new guide hub-9 secure-setup
expect_exit 2 "topic other without a name" -- "$HERALD" new guide hub-200 other
expect_exit 2 "new page" -- "$HERALD" new page about
expect_exit 2 "new without a kind" -- "$HERALD" new
expect_exit 1 "new outside a site" -- "$HERALD" new device x --site "$WORK/nowhere"

# Everything new loads: drafts are skipped, only placeholders are reported.
expect_exit 0 "the site with the new files builds" -- "$HERALD" build --quiet
expect_exit 0 "and checks" -- "$HERALD" check
grep -v "\[placeholder\]$" "$WORK/out.txt" | grep -q ": \(error\|warning\): " && fail "a finding other than a placeholder" || ok
grep -q "^herald check: 0 errors, 34 warnings$" "$WORK/out.txt" && ok || { fail "placeholder count"; tail -1 "$WORK/out.txt"; }

echo "cli init: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
