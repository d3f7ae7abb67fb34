#!/usr/bin/env bash
# Runs every test: unit and fixture tests (doctest), the command-line tests
# and the CSAF conformance tests, through CTest. Installs what the tests need
# that herald does not (Node.js and the pinned CSAF validator library).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
install_missing git libxml2-utils python3-feedparser python3-icalendar nodejs
command -v npm >/dev/null || install_missing nodejs npm
npm ci --prefix tests/csaf --no-audit --no-fund --loglevel=error

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j2
