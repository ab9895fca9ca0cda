#!/usr/bin/env bash
# Builds the Debian package, installs it with dpkg, checks what it installed, and purges it
# again (in a trap, so a failed check leaves nothing behind): the installed binary runs and
# opens its bundled capture, the desktop entry, icon, manual page and completions are in
# place, and the capture helper is root:layerscope 0750 with cap_net_raw and nothing else.
#
# Needs root (dpkg), cargo-deb, and a machine where layerscope is not installed already.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-deb: $*" >&2; exit 1; }
if [ "$(id -u)" != 0 ]; then
    if [ -n "${LAYERSCOPE_REQUIRE_ALL:-}" ]; then
        fail "needs root to install the package (dpkg -i)"
    fi
    echo "test-deb: SKIPPED: needs root to install the package (dpkg -i)" >&2
    exit 0
fi
if dpkg-query -W -f='${Status}' layerscope 2>/dev/null | grep -q installed; then
    fail "layerscope is installed already: this test would remove it"
fi

if ! cargo deb --version >/dev/null 2>&1; then
    echo "test-deb: installing cargo-deb (cargo install cargo-deb --locked)" >&2
    cargo install cargo-deb --locked --version 3.8.0 --quiet
fi

out=$(mktemp -d)
purge() {
    dpkg --purge layerscope >/dev/null 2>&1 || true
    rm -rf "$out"
}
trap purge EXIT

deb=$(scripts/build-deb.sh "$out" | tail -n 1)
[ -f "$deb" ] || fail "no package was built ($deb)"
echo "test-deb: built $deb ($(stat -c %s "$deb") bytes)"
dpkg -i "$deb"

# The installed program runs, and finds its bundled captures where the package put them.
layerscope --version
version=$(layerscope --version)
[ "$version" = "layerscope $(awk -F'"' '/^version =/{print $2; exit}' Cargo.toml)" ] ||
    fail "unexpected version: $version"
summary=$(cd / && layerscope dissect --summary /usr/share/layerscope/captures/tcp-echo-ipv4.pcapng)
echo "$summary" | grep -q "Hello, server!" || fail "the bundled capture did not dissect: $summary"

# The helper: one group may run it, with cap_net_raw alone.
helper=/usr/bin/layerscope-capture
[ "$(stat -c '%U:%G %a' "$helper")" = "root:layerscope 750" ] ||
    fail "helper is $(stat -c '%U:%G %a' "$helper"), not root:layerscope 750"
caps=$(getcap "$helper")
echo "$caps" | grep -Eq 'cap_net_raw[=+]ep$' || fail "helper capabilities: '$caps'"
dpkg-statoverride --list "$helper" | grep -Eq "^root layerscope 0?750 " ||
    fail "no dpkg-statoverride for the helper"
getent group layerscope >/dev/null || fail "no layerscope group"

# A desktop app's files.
for f in /usr/share/applications/layerscope.desktop \
    /usr/share/icons/hicolor/scalable/apps/layerscope.svg \
    /usr/share/icons/hicolor/256x256/apps/layerscope.png \
    /usr/share/bash-completion/completions/layerscope \
    /usr/share/zsh/vendor-completions/_layerscope \
    /usr/share/fish/vendor_completions.d/layerscope.fish; do
    [ -s "$f" ] || fail "missing $f"
done
man=$(ls /usr/share/man/man1/layerscope.1* 2>/dev/null | head -n 1)
[ -n "$man" ] || fail "no manual page"
zcat -f "$man" | grep -q "layerscope" || fail "the manual page is empty"
ls /usr/share/man/man1/layerscope-dissect.1* >/dev/null || fail "no manual page for dissect"

# An upgrade (the same package again) keeps the group and the capability.
dpkg -i "$deb" >/dev/null
[ "$(stat -c '%G %a' "$helper")" = "layerscope 750" ] || fail "an upgrade lost the helper's group"
getcap "$helper" | grep -q cap_net_raw || fail "an upgrade lost the helper's capability"

# Purge: nothing is left, no capability anywhere.
dpkg --purge layerscope
[ ! -e "$helper" ] || fail "the helper is still there after purge"
! dpkg-statoverride --list "$helper" >/dev/null 2>&1 || fail "the override is still registered"
! getent group layerscope >/dev/null || fail "the layerscope group is still there"
echo "test-deb: installed, checked and purged"
