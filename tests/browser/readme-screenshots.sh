#!/usr/bin/env bash
# Refreshes the README's two screenshots (docs/screenshots/advisory.png and
# device.png) from the browser suite's readme-*.png, optimised so each stays
# small (pngquant and optipng from Debian, when installed).
# Usage: readme-screenshots.sh [PATH/TO/herald]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HERALD="$(realpath "${1:-$ROOT/build/herald}")"
SHOTS="$(mktemp -d)"
trap 'rm -rf "$SHOTS"' EXIT
HERALD_SCREENSHOTS="$SHOTS" BROWSER_TESTS=test/screenshots.test.mjs bash "$HERE/run.sh" "$HERALD" >/dev/null
mkdir -p "$ROOT/docs/screenshots"
for name in advisory device; do
  out="$ROOT/docs/screenshots/$name.png"
  cp "$SHOTS/readme-$name.png" "$out"
  if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --quality 70-95 --strip --output "$out" "$out" || true; fi
  if command -v optipng >/dev/null; then optipng -quiet -o2 -strip all "$out"; fi
  echo "$out: $(($(stat -c %s "$out") / 1024)) KiB"
done
