#!/usr/bin/env bash
# Runs every test: unit and fixture tests (doctest), the command-line tests,
# the CSAF conformance tests and the browser tests, through CTest. Installs
# what the tests need that herald does not (Node.js, the pinned CSAF validator
# library; Chromium, Java and the browser suite's npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
install_missing git libxml2-utils gpg gpg-agent python3-feedparser python3-icalendar nodejs \
  chromium chromium-driver curl
command -v npm >/dev/null || install_missing nodejs npm
command -v java >/dev/null || install_missing default-jre-headless
npm ci --prefix tests/conformance --no-audit --no-fund --loglevel=error
# --ignore-scripts: vnu-jar's postinstall would download a Java; Debian's is used.
npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j2
