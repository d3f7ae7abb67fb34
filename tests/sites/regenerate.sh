#!/usr/bin/env bash
# Rewrites the expected output of every fixture (tests/sites/*/expected/ and
# tests/errors/*/expected.txt) from the current build, so that a change to
# herald's output shows up as a reviewable diff: run it, then `git diff tests/`.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --build build -j"$(nproc)" --target fixture_tests >/dev/null
UPDATE_EXPECTED=1 ./build/tests/fixture_tests >/dev/null
git status --short tests/sites tests/errors
