#!/usr/bin/env bash
# Builds the Debian package from the release build (made if missing; the tests' build
# serves): the manual pages and completions first (`layerscope __generate`), then
# `cargo deb --no-build`. Prints the package's path on its last line.
#
#   scripts/build-deb.sh [OUT_DIR]      (default target/debian)
#
# Needs cargo-deb: cargo install cargo-deb --locked
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/debian}"
if ! cargo deb --version >/dev/null 2>&1; then
    echo "build-deb: cargo-deb is not installed (cargo install cargo-deb --locked)" >&2
    exit 1
fi
if [ ! -x target/release/layerscope ] || [ ! -x target/release/layerscope-capture ]; then
    cargo build --release --bins --quiet
fi
rm -rf target/generated
target/release/layerscope __generate target/generated
mkdir -p "$out"
cargo deb --no-build --strip --output "$out" 2>&1 | tail -n 1
