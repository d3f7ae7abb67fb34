#!/usr/bin/env bash
# CTest "csaf": builds the example site and validates its CSAF output with the
# official validator library (README.md beside this file).
# Usage: run.sh PATH/TO/herald
set -uo pipefail
HERALD="$(realpath "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="${CSAF_CORPUS:-$ROOT/../shared/corpus/csaf-examples}"
if [ ! -d "$HERE/node_modules/@secvisogram/csaf-validator-lib" ]; then
  echo "The CSAF validator is not installed: run 'npm ci --prefix tests/conformance' (scripts/test.sh does)."
  exit 1
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

export SOURCE_DATE_EPOCH=1793491200  # 2026-11-01T00:00:00Z
if ! "$HERALD" build "$ROOT" --out "$WORK/site" --quiet; then
  echo "FAIL: herald build of the example site"
  exit 1
fi
CSAF="$WORK/site/.well-known/csaf"

# Hashes as customers check them.
for dir in "$CSAF"/white/[0-9][0-9][0-9][0-9]; do
  if (cd "$dir" && sha256sum --quiet -c ./*.sha256 && sha512sum --quiet -c ./*.sha512); then ok
  else fail "sha256sum/sha512sum -c in ${dir#"$WORK/site/"}"; fi
done

# Byte-identical output from two builds.
"$HERALD" build "$ROOT" --out "$WORK/again" --quiet
if diff -r "$CSAF" "$WORK/again/.well-known/csaf" >/dev/null; then ok; else fail "two builds differ in .well-known/csaf"; fi

# The shipped CWE catalogue is the validator's.
if node "$HERE/cwe.mjs" check "$ROOT/data/cwe-4.17.csv"; then ok; else fail "data/cwe-4.17.csv"; fi

# Every document and the directory, the harness's own negative cases, the fixtures.
if node "$HERE/check.mjs" "$WORK/site" "$CORPUS"; then ok; else fail "CSAF validation (check.mjs)"; fi

# --- The 1,000-advisory benchmark corpus (bench/gen_corpus.py) -----------------
# Generated content exercises product trees and ranges the example does not.
if /usr/bin/python3 "$ROOT/bench/gen_corpus.py" 1000 "$WORK/corpus1k" >/dev/null &&
   "$HERALD" build "$WORK/corpus1k" --out "$WORK/corpus1k-out" --quiet; then
  if node "$HERE/validate.mjs" --site "$WORK/corpus1k-out" | tail -2 | grep -q "0 errors, 0 optional-test warnings"; then ok
  else fail "CSAF validation of the 1,000-advisory corpus"; fi
else
  fail "generating or building the 1,000-advisory corpus"
fi

# --- Signatures: [csaf] signing_key with a throwaway key --------------------------
# By key id from the GnuPG home, and by key file (imported into a temporary home).
export GNUPGHOME="$WORK/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'herald test <csaf-test@example.com>' ed25519 sign never 2>/dev/null
fpr="$(gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }')"
gpg --batch --quiet --armor --export-secret-keys "$fpr" >"$WORK/signing-key.asc"
for key in "$fpr" "$WORK/signing-key.asc"; do
  site="$WORK/signed-src"
  rm -rf "$site" "$WORK/signed"
  mkdir "$site"
  cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$site/"
  sed -i "s|^\[csaf\]\$|[csaf]\nsigning_key = \"$key\"\npublic_key_url = \"/psirt-key.asc\"|" "$site/site.toml"
  if ! "$HERALD" build "$site" --out "$WORK/signed" --quiet; then fail "build signed with $key"; continue; fi
  docs=0
  sigs=0
  for doc in "$WORK"/signed/.well-known/csaf/white/*/*.json; do
    docs=$((docs + 1))
    gpg --batch --quiet --verify "$doc.asc" "$doc" 2>/dev/null && sigs=$((sigs + 1))
  done
  if [ "$docs" -gt 0 ] && [ "$sigs" -eq "$docs" ]; then ok; else fail "gpg --verify: $sigs of $docs signatures good ($key)"; fi
  links="$(grep -c '"rel": "signature"' "$WORK/signed/.well-known/csaf/white/csaf-feed-tlp-white.json")"
  [ "$links" -eq "$docs" ] && ok || fail "ROLIE feed has $links signature links for $docs documents"
  grep -q "\"fingerprint\": \"$fpr\"" "$WORK/signed/.well-known/csaf/provider-metadata.json" && ok ||
    fail "provider-metadata.json lacks the key fingerprint"
done
gpgconf --homedir "$GNUPGHOME" --kill gpg-agent 2>/dev/null

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
