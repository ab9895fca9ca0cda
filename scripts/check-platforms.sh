#!/usr/bin/env bash
# Type-checks and lints layerscope (library and binaries) for Windows and macOS from this
# Linux machine, so code that builds only on Linux is caught before anyone ships it.
#   scripts/check-platforms.sh [TARGET ...]
# A failed check fails the script. A target that cannot be installed (no rustup, no
# network) is reported loudly and skipped: the checks that can run still do.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(x86_64-pc-windows-gnu aarch64-apple-darwin)
unchecked=()
for t in "${targets[@]}"; do
  if ! rustup target list --installed 2>/dev/null | grep -qx "$t"; then
    if ! rustup target add "$t"; then
      echo "!!!!!!!! check-platforms: the $t target cannot be installed: $t is NOT checked !!!!!!!!" >&2
      unchecked+=("$t")
      continue
    fi
  fi
  echo "check-platforms: cargo check --target $t"
  cargo check --locked --quiet --target "$t" --workspace --lib --bins
  echo "check-platforms: cargo clippy --target $t"
  cargo clippy --locked --quiet --target "$t" --workspace --lib --bins -- -D warnings
done
if [ ${#unchecked[@]} -gt 0 ]; then
  echo "!!!!!!!! check-platforms: NOT checked: ${unchecked[*]} !!!!!!!!" >&2
else
  echo "check-platforms: ${targets[*]} type-check and lint clean"
fi
