#!/usr/bin/env bash
# End-to-end tests of `herald serve`: start it on a copy of the example site
# with --port 0, talk to it with curl, edit files the way a writer does, and
# after each edit compare what it serves byte for byte with a fresh
# `herald build --out` of the same files. Usage: run.sh PATH/TO/herald
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d)"
# One binary for the server and the fresh builds it is compared with, even if
# the build folder is rebuilt while the test runs.
cp "$(realpath "$1")" "$WORK/herald"
HERALD="$WORK/herald"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # check DESCRIPTION -- COMMAND...
  local what=$1
  shift 2
  if "$@"; then ok; else fail "$what"; fi
}

# start_server SITE LOG: runs herald serve in the background, sets URL.
start_server() {
  "$HERALD" serve "$1" --port 0 >"$2" 2>"$2.err" &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 300); do
    URL=$(grep -o -m1 -E "http://127\.0\.0\.1:[0-9]+/" "$2" 2>/dev/null)
    [ -n "$URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server printed no URL:"; cat "$2" "$2.err"
  return 1
}
stop_server() {  # stop_server SIGNAL: expects a clean exit 0 within 10 s
  kill "-$1" "$SERVER_PID"
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    fail "serve did not stop on SIG$1"; kill -9 "$SERVER_PID"
  fi
  wait "$SERVER_PID"; local status=$?
  [ "$status" -eq 0 ] && ok || fail "serve exited $status on SIG$1"
  SERVER_PID=""
}

# fetch PATH FILE: body to FILE, prints the status.
fetch() { curl -s --path-as-is -o "$2" -w "%{http_code}" "${URL%/}$1"; }
# The injected live-reload tag, which is all that may differ from the build.
strip_script() { sed 's#<script src="/__herald/livereload.js" data-served="[^"]*" data-requested="[^"]*"></script>##' "$1"; }
url_of() { local p="/$1"; [ "${p%index.html}" != "$p" ] && p="${p%index.html}"; echo "$p"; }

# same_as_build SITE: every file of a fresh build is served with these bytes.
same_as_build() {
  rm -rf "$WORK/fresh"
  "$HERALD" build "$1" --quiet --out "$WORK/fresh" >/dev/null 2>&1 || { echo "fresh build failed"; return 1; }
  local differ=0 path
  while IFS= read -r path; do
    local status
    status=$(fetch "$(url_of "$path")" "$WORK/got")
    if [ "$status" != 200 ]; then echo "  $path: status $status"; differ=1; continue; fi
    if [ "${path%.html}" != "$path" ]; then
      strip_script "$WORK/got" > "$WORK/got.stripped"
      if ! cmp -s "$WORK/got.stripped" "$WORK/fresh/$path"; then
        echo "  $path differs:"
        [ "$differ" = 0 ] && diff "$WORK/got.stripped" "$WORK/fresh/$path" | head -6 | sed 's/^/    /'
        differ=1
      fi
    else
      cmp -s "$WORK/got" "$WORK/fresh/$path" || { echo "  $path differs"; differ=1; }
    fi
  done < <(cd "$WORK/fresh" && find . -type f | sed 's#^\./##' | sort)
  return $differ
}

# wait_for_build LOG N: waits until the log shows N builds (lines), then a quiet moment.
builds() { grep -c -E "^(Built|Rebuilt) in|build failed" "$1" "$1.err" 2>/dev/null | awk -F: '{s+=$2} END {print s}'; }
wait_for_build() {
  for _ in $(seq 1 200); do [ "$(builds "$1")" -ge "$2" ] && break; sleep 0.05; done
  sleep 0.3
  [ "$(builds "$1")" -ge "$2" ]
}

# A Git repository holding the example site, committed at a fixed time; a
# file outside the site, reachable only through a symlink in static/.
SITE="$WORK/site"
mkdir -p "$SITE/static"
cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$SITE/"
SECRET="herald-secret-$$-$RANDOM"
echo "$SECRET" > "$WORK/secret.txt"
ln -s "$WORK/secret.txt" "$SITE/static/leak.txt"
ln -s "$WORK" "$SITE/static/outside"
echo "plain text" > "$SITE/static/note.txt"
git -C "$SITE" init -q -b main
git -C "$SITE" add -A
commit() {
  GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git -C "$SITE" -c user.name=Test \
    -c user.email=t@example.com commit -q -a -m "$2"
}
commit "2026-11-01T10:00:00Z" "Example site"

LOG="$WORK/serve.log"
start_server "$SITE" "$LOG" || exit 1
wait_for_build "$LOG" 1
check "the initial site equals a fresh build" -- same_as_build "$SITE"

# --- Content types, folders, 404, HEAD, ETag ---------------------------------
ctype() { curl -s -o /dev/null -w "%{content_type}" "${URL%/}$1"; }
while IFS= read -r path; do
  case "$path" in
    *.html) want="text/html; charset=utf-8" ;;
    *.css) want="text/css; charset=utf-8" ;;
    *.js) want="text/javascript; charset=utf-8" ;;
    feeds/*.json|devices/*/feed.json) want="application/feed+json" ;;
    *.json) want="application/json" ;;
    *.xml) want="application/xml" ;;
    *.rss) want="application/rss+xml" ;;
    *.atom) want="application/atom+xml" ;;
    *.ics) want="text/calendar; charset=utf-8" ;;
    *.txt|*.sha256|*.sha512) want="text/plain; charset=utf-8" ;;
    *.csv) want="text/csv; charset=utf-8" ;;
    *.asc) want="application/pgp-signature" ;;
    *.svg) want="image/svg+xml" ;;
    *.png) want="image/png" ;;
    *.woff2) want="font/woff2" ;;
    *) want="" ;;
  esac
  [ -z "$want" ] && { fail "no expected content type for $path"; continue; }
  got=$(ctype "$(url_of "$path")")
  [ "$got" = "$want" ] && ok || fail "$path: Content-Type '$got', expected '$want'"
done < <(cd "$WORK/fresh" && find . -type f | sed 's#^\./##' | sort)

check "folder URL without slash redirects" -- \
  test "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "${URL}advisories")" = "301 ${URL}advisories/"
status=$(fetch /advisories/NO-SUCH-ID/ "$WORK/404.html")
check "a missing page is a 404" -- test "$status" = 404
strip_script "$WORK/404.html" > "$WORK/404.stripped"
check "the 404 response is the site's 404.html" -- cmp -s "$WORK/404.stripped" "$WORK/fresh/404.html"
check "HEAD has no body" -- test "$(curl -s -I "$URL" -o /dev/null -w '%{size_download}')" = 0
len_get=$(curl -s "$URL" | wc -c)
len_head=$(curl -s -I "$URL" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-length" {print $2}')
check "HEAD Content-Length is the GET length" -- test "$len_head" = "$len_get"
etag=$(curl -s -I "${URL}feeds/advisories.rss" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
check "an ETag is sent" -- test -n "$etag"
check "If-None-Match gives 304" -- \
  test "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "${URL}feeds/advisories.rss")" = 304
check "a static file is served" -- test "$(fetch /note.txt "$WORK/note")" = 200

# --- Nothing outside the site ------------------------------------------------
for target in "/../secret.txt" "/../../../../../../etc/passwd" "/static/../../secret.txt" \
    "/%2e%2e/secret.txt" "/%2E%2E/%2e%2e/etc/passwd" "/.%2e/secret.txt" "/..%2fsecret.txt" \
    "/%2f..%2f..%2fsecret.txt" "/..%5csecret.txt" '/..\secret.txt' "//etc/passwd" \
    "$WORK/secret.txt" "/%00" "/index.html%00.txt" "/%c0%ae%c0%ae/secret.txt" \
    "/%c0%ae%c0%ae%c0%afsecret.txt" "/%e0%80%ae%e0%80%ae/secret.txt" \
    "/leak.txt" "/outside/secret.txt" "/static/leak.txt"; do
  status=$(fetch "$target" "$WORK/refused")
  case "$status" in 400|404) ok ;; *) fail "$target: status $status, expected 400 or 404" ;; esac
  grep -q "$SECRET" "$WORK/refused" && fail "$target returned the outside file" || ok
  grep -q "root:" "$WORK/refused" && fail "$target returned /etc/passwd" || ok
done

# DNS rebinding: a foreign Host name gets nothing.
check "a foreign Host header is refused (403)" -- \
  test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: attacker.example' "$URL")" = 403

# --- Events, edits, errors ---------------------------------------------------
curl -s -N "${URL}__herald/events" > "$WORK/events.txt" &
EVENTS_PID=$!
sleep 0.5
check "the event stream says hello" -- grep -q "^event: hello" "$WORK/events.txt"

ADV="advisories/2025/ACME-SA-2025-0003.md"
n=$(builds "$LOG")
printf '\nAn added paragraph.\n' >> "$SITE/$ADV"
wait_for_build "$LOG" $((n + 1))
check "content edit: served equals a fresh build" -- same_as_build "$SITE"
check "a reload event names the edited page" -- \
  grep -q '"advisories/ACME-SA-2025-0003/index.html"' "$WORK/events.txt"
check "the edited advisory alone was parsed, and what it touches rendered" -- \
  grep -q -E "Rebuilt in [0-9]+ ms \(what the edit touches; .*\): 1 source files parsed, [0-9] of" "$LOG"

# Broken front matter: the last good site stays, the overlay shows file:line:col.
cp "$SITE/$ADV" "$WORK/adv.bak"
sed -i 's/^published = .*/published = 2025-13-45/' "$SITE/$ADV"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "the error is printed as path:line:col" -- grep -q -E "^$ADV:[0-9]+:[0-9]+: error:" "$LOG.err"
status=$(fetch /advisories/ "$WORK/overlay.html")
check "pages still answer 200 during an error" -- test "$status" = 200
check "HTML pages carry the error overlay" -- grep -q 'id="herald-error-overlay"' "$WORK/overlay.html"
check "the overlay names path:line:col" -- grep -q -E "$ADV:[0-9]+:[0-9]+: error:" "$WORK/overlay.html"
check "a build-error event was sent" -- grep -q "^event: build-error" "$WORK/events.txt"
cp "$WORK/adv.bak" "$SITE/$ADV"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
fetch /advisories/ "$WORK/overlay.html" >/dev/null
check "fixing the file clears the overlay" -- bash -c "! grep -q herald-error-overlay '$WORK/overlay.html'"
check "after the fix: served equals a fresh build" -- same_as_build "$SITE"

# A device and a guide: patched in through the dependency table, so every
# page that names them must follow (build/dependencies.h).
sed -i 's/^name = "Acme Hub 200"/name = "Acme Hub 200 Plus"/' "$SITE/content/devices/hub-200/index.md"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "device edit: served equals a fresh build" -- same_as_build "$SITE"
sed -i 's/^title = "Set up your Hub 200 securely"/title = "Set up the Hub 200 securely"/' \
  "$SITE/content/devices/hub-200/guides/secure-setup.md"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "guide edit: served equals a fresh build" -- same_as_build "$SITE"
check "device and guide edits were patched in, not rebuilt" -- \
  test "$(grep -c "what the edit touches" "$LOG")" -ge 4

# Template (the site's theme overrides the built-in one file by file).
mkdir -p "$SITE/themes/default/templates"
{ cat "$ROOT/themes/default/templates/advisory.mustache"; echo "<!-- edited template -->"; } \
  > "$SITE/themes/default/templates/advisory.mustache"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "template edit: served equals a fresh build" -- same_as_build "$SITE"
check "the template edit reached the advisory pages" -- \
  grep -q "edited template" <(curl -s "${URL}advisories/ACME-SA-2025-0003/")

# site.toml
sed -i 's/^title = "Acme PSIRT"/title = "Acme Product Security"/' "$SITE/site.toml"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "site.toml edit: served equals a fresh build" -- same_as_build "$SITE"

# Add, rename, delete an advisory.
NEW="$SITE/advisories/2026/ACME-SA-2026-0099.md"
sed 's/ACME-SA-2026-0001/ACME-SA-2026-0099/g' "$SITE/advisories/2026/ACME-SA-2026-0001.md" > "$NEW"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "add: served equals a fresh build" -- same_as_build "$SITE"
check "the new advisory is served" -- test "$(fetch /advisories/ACME-SA-2026-0099/ "$WORK/x")" = 200
sed 's/ACME-SA-2026-0099/ACME-SA-2026-0098/g' "$NEW" > "$WORK/renamed.md" && rm "$NEW" &&
  mv "$WORK/renamed.md" "$SITE/advisories/2026/ACME-SA-2026-0098.md"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "rename: served equals a fresh build" -- same_as_build "$SITE"
check "the old id is gone" -- test "$(fetch /advisories/ACME-SA-2026-0099/ "$WORK/x")" = 404
rm "$SITE/advisories/2026/ACME-SA-2026-0098.md"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "delete: served equals a fresh build" -- same_as_build "$SITE"

# A commit moves the build time and the dates taken from Git.
commit "2026-11-20T08:30:00Z" "Edits"
n=$(builds "$LOG")
wait_for_build "$LOG" $((n + 1))
check "commit: served equals a fresh build" -- same_as_build "$SITE"

kill "$EVENTS_PID" 2>/dev/null
wait "$EVENTS_PID" 2>/dev/null

# --- The port is taken; SIGTERM ------------------------------------------------
PORT=${URL##*:}; PORT=${PORT%/}
timeout 60 "$HERALD" serve "$SITE" --port "$PORT" >"$WORK/second.log" 2>&1
check "a taken port is an error (exit 1)" -- test $? -eq 1
check "the error names the port" -- grep -q "$PORT" "$WORK/second.log"
stop_server TERM

# --- Outside Git: the build time is the newest file time, so every page
# follows an edit; still byte-identical, and SIGINT stops it -------------------
PLAIN="$WORK/plain"
mkdir -p "$PLAIN"
cp -r "$ROOT/site.toml" "$ROOT/content" "$ROOT/advisories" "$PLAIN/"
start_server "$PLAIN" "$WORK/plain.log" || exit 1
wait_for_build "$WORK/plain.log" 1
sleep 1.1  # a later second for the file time
printf '\nAnother paragraph.\n' >> "$PLAIN/$ADV"
wait_for_build "$WORK/plain.log" 2
check "outside Git: served equals a fresh build" -- same_as_build "$PLAIN"
stop_server INT

# --- Usage errors ----------------------------------------------------------------
"$HERALD" serve --port 70000 >/dev/null 2>&1; check "--port 70000 is a usage error" -- test $? -eq 2
"$HERALD" serve --bogus >/dev/null 2>&1; check "an unknown option is a usage error" -- test $? -eq 2
"$HERALD" serve "$WORK/nowhere" --port 0 >/dev/null 2>&1; check "no site.toml: exit 1" -- test $? -eq 1

echo "--- herald serve log (Git working tree)"
cat "$LOG"
echo "serve: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
