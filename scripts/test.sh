#!/usr/bin/env bash
# Runs every test: unit and fixture tests (doctest) and the command-line
# tests, through CTest. Installs what the tests need that herald does not.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
install_missing git libxml2-utils

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j2
