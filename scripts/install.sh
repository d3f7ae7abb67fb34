#!/usr/bin/env bash
# Installs the Debian 12 packages herald needs (only those missing), builds
# herald in Release and builds this repository's example site into public/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config git ca-certificates
  libcmark-gfm-dev libcmark-gfm-extensions-dev libkainjow-mustache-dev libtomlplusplus-dev
  libgit2-dev libcpp-httplib-dev doctest-dev nlohmann-json3-dev libpugixml-dev libssl-dev libgpgme-dev libjemalloc-dev)
source scripts/lib.sh
install_missing "${packages[@]}"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/herald build --out public
echo "The example site is in $(pwd)/public/ (open public/index.html, or serve the folder)."
