#!/usr/bin/env bash
# CTest "browser": the example site in Debian's Chromium (README.md beside
# this file). Builds the site once for vnu and the link check, serves it with
# `herald serve --port 0` (or, while a herald has no serve command, a plain
# static server over the build output), runs `node --test`, stops the server.
# Usage: run.sh [PATH/TO/herald]   (default: build/herald)
# HERALD_SITE_DIR=DIR tests another site than this repository's example.
# Screenshots go to the directory beside herald: build/screenshots/.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HERALD="$(realpath "${1:-$ROOT/build/herald}")"
SITE="$(realpath "${HERALD_SITE_DIR:-$ROOT}")"

for tool in node java /usr/bin/chromium; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/test.sh installs it)"; exit 1; }
done
if [ ! -d "$HERE/node_modules/playwright-core" ] || [ ! -f "$HERE/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java; Debian's is used.
  npm ci --prefix "$HERE" --ignore-scripts --no-audit --no-fund --loglevel=error || { echo "FAIL: npm ci"; exit 1; }
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A fixed build date, so support status and screenshots do not drift.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1793491200}"  # 2026-11-01T00:00:00Z
if ! "$HERALD" build "$SITE" --out "$WORK/site" --quiet; then
  echo "FAIL: herald build of the example site"
  exit 1
fi

# HERALD_TEST_SERVER=static forces the static server.
if [ "${HERALD_TEST_SERVER:-serve}" = serve ] && "$HERALD" serve --help >/dev/null 2>&1; then
  KIND=serve
  (cd "$SITE" && exec "$HERALD" serve "$SITE" --port 0) >"$WORK/server.log" 2>&1 &
else
  KIND=static
  echo "note: serving the build output with python3 -m http.server (no herald serve, or HERALD_TEST_SERVER=static)"
  python3 -u -m http.server --bind 127.0.0.1 --directory "$WORK/site" 0 >"$WORK/server.log" 2>&1 &
fi
SERVER_PID=$!

URL=""
for _ in $(seq 1 300); do
  URL="$(grep -o -m1 -E 'https?://(127\.0\.0\.1|localhost|\[::1\]):[0-9]+/?' "$WORK/server.log" | head -n1)"
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "FAIL: the server ($KIND) printed no URL:"
  cat "$WORK/server.log"
  exit 1
fi
# Wait until it answers.
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$URL" 2>/dev/null && break
  sleep 0.1
done
echo "server: $KIND at $URL"

export HERALD_URL="$URL" HERALD_SERVER="$KIND" HERALD_OUT="$WORK/site" HERALD_SITE="$SITE" HERALD_BIN="$HERALD"
if [ -z "${HERALD_SCREENSHOTS:-}" ]; then
  HERALD_SCREENSHOTS="$(dirname "$HERALD")/screenshots"
  rm -rf "$HERALD_SCREENSHOTS"  # artifacts of this run only
fi
export HERALD_SCREENSHOTS
cd "$HERE"
node --test --test-concurrency="${BROWSER_TEST_CONCURRENCY:-2}" ${BROWSER_TESTS:-test/*.test.mjs}
status=$?
echo "screenshots: $HERALD_SCREENSHOTS"
if [ "$KIND" = serve ] && [ "$status" -ne 0 ]; then
  echo "--- herald serve log (last lines)"
  tail -n 20 "$WORK/server.log"
fi
exit "$status"
