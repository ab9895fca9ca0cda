#!/usr/bin/env bash
# Runs the real layerscope window under Xvfb on the bundled captures and writes a PNG of
# each main view into OUT_DIR (default target/screenshots). Fails if a window does not
# come up or a picture is blank.
#
#   scripts/screenshots.sh [OUT_DIR]
#
# Needs: xvfb, imagemagick (import, identify), and a release build (built if missing).
set -euo pipefail

cd "$(dirname "$0")/.."
out="${1:-target/screenshots}"
mkdir -p "$out"
bin="${LAYERSCOPE:-target/release/layerscope}"
[ -x "$bin" ] || cargo build --release --quiet

for tool in Xvfb import identify; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is not installed (apt-get install xvfb imagemagick)" >&2; exit 1; }
done

# A display number nobody uses.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
    display=$((display + 1))
done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home="$(mktemp -d)"
cleanup() {
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$home"
}
trap cleanup EXIT
export DISPLAY=":$display"
for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$display" ] && break
    sleep 0.1
done

# Damaged copy of the echo capture: cut in the middle of the last packet.
damaged="$home/damaged-echo.pcapng"
size=$(stat -c %s captures/tcp-echo-ipv4.pcapng)
head -c $((size - 40)) captures/tcp-echo-ipv4.pcapng >"$damaged"

shoot() {
    local name="$1"
    shift
    # A fresh home each time: no remembered window size, theme or recent files.
    rm -rf "$home/.local" "$home/.config"
    if [ -n "${LEFTOVER:-}" ]; then
        # What a crashed window leaves behind: its safety copy, offered at start.
        mkdir -p "$home/.local/share/layerscope/unsaved"
        cp "$LEFTOVER" "$home/.local/share/layerscope/unsaved/capture-1700000000-999999999-0.pcapng"
    fi
    # The window writes the marker once it shows what it was started for (file loaded,
    # demo over, replay at its end, animation step drawn): the shot is taken then.
    local ready="$home/ready"
    rm -f "$ready"
    # English unless the shot names a locale (SHOT_LANG=zh_CN.UTF-8).
    env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG="${SHOT_LANG:-C}" \
        HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
        LAYERSCOPE_READY_FILE="$ready" "$bin" "$@" >"$out/$name.log" 2>&1 &
    local app=$!
    local waited=0
    until [ -e "$ready" ]; do
        if ! kill -0 "$app" 2>/dev/null; then
            echo "screenshots: $name: the window did not stay open:" >&2
            cat "$out/$name.log" >&2
            exit 1
        fi
        if [ "$waited" -ge 600 ]; then
            echo "screenshots: $name: the window did not settle within 60 s" >&2
            exit 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    import -window root "$out/$name.png"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    local colours
    colours=$(identify -format "%k" "$out/$name.png")
    if [ "$colours" -lt 50 ]; then
        echo "screenshots: $name.png looks blank ($colours colours)" >&2
        exit 1
    fi
    echo "$out/$name.png ($colours colours)"
}

shoot main-light --theme light --select 4 captures/tcp-echo-ipv4.pcapng
shoot main-dark --theme dark --select 1 captures/tcp-echo-ipv4.pcapng
shoot display-filter --theme light -Y "tcp.flags.syn == 1 || tcp.flags.fin == 1" --select 2 captures/tcp-echo-ipv4.pcapng
shoot ipv6 --theme light --select 4 captures/tcp-echo-ipv6.pcapng
# Chinese in the payload, drawn with the bundled CJK font.
shoot chinese-payload --theme light --select 4 captures/tcp-echo-chinese.pcapng
shoot chinese-encapsulation --theme dark --view encapsulation --select 4 captures/tcp-echo-chinese.pcapng
shoot udp --theme dark --select 1 captures/udp-echo.pcapng
shoot refused --theme light --select 2 captures/tcp-refused.pcapng
# Nobody listens: the server's lane says so, from before the SYN to the RST.
shoot refused-ladder --theme light --view ladder --select 2 captures/tcp-refused.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-refused-ladder --theme dark --view ladder --select 2 captures/tcp-refused.pcapng
# An injected RST ignored, then both sides closing at once (CLOSING); loss and resends.
shoot odd-ladder --theme light --view ladder --select 28 captures/tcp-odd.pcapng
SHOT_LANG=zh_TW.UTF-8 shoot zh-tw-impaired-ladder --theme light --view ladder --select 15 captures/tcp-impaired-client.pcapng
shoot damaged-file --theme light "$damaged"
shoot ladder-light --theme light --view ladder --select 4 captures/tcp-echo-ipv4.pcapng
shoot ladder-dark --theme dark --view ladder --select 9 captures/tcp-upper-two-clients.pcapng
shoot encapsulation-light --theme light --view encapsulation --select 4 captures/tcp-echo-ipv4.pcapng
shoot encapsulation-dark --theme dark --view encapsulation --select 2 captures/udp-unreachable.pcapng
shoot headers-light --theme light --view headers --select 1 captures/tcp-echo-ipv4.pcapng
shoot headers-dark --theme dark --view headers --select 4 captures/tcp-echo-ipv6.pcapng
shoot replay-ladder --theme light --view ladder --replay captures/tcp-echo-ipv4.pcapng
shoot large-transfer --theme dark --view ladder --select 11 captures/tcp-large.pcapng
# Follow a stream: the JSON demo's conversation, the Chinese echo, and the sticky-packets
# demo's messages against its segments.
shoot follow-json --theme light --view follow --select 4 captures/tcp-json.pcapng
shoot follow-chinese --theme dark --view follow --select 4 captures/tcp-echo-chinese.pcapng
shoot messages-sticky --theme light --view messages --select 4 captures/tcp-sticky.pcapng
shoot messages-command --theme dark --view messages --select 4 captures/tcp-command.pcapng
# Application protocols: an HTTP POST with its JSON body, a DNS answer, a TLS Client Hello.
shoot http-json --theme light --select 34 captures/http.pcapng
shoot dns-answer --theme dark --select 4 captures/dns.pcapng
shoot tls-hello --theme light --select 4 captures/tls.pcapng
# Messages joined from several segments: an HTTP answer (headers, then body) and a TLS
# Client Hello in three segments, with the hex pane's Reassembled TCP tab.
shoot reassembled-http --theme light --select 8 captures/http.pcapng
# Headers cut by a 60-byte snapshot length: captured fields shown, the rest greyed.
shoot cut-header --theme light --select 1 captures/tcp-echo-ipv4-s60.pcapng
shoot cut-header-diagram --theme dark --view headers --select 4 captures/tcp-echo-ipv4-s60.pcapng
LEFTOVER=captures/tcp-echo-ipv4.pcapng shoot recovery-offer --theme dark captures/udp-echo.pcapng
# A demo run from the window (needs capture permission: root in CI, or the helper's setcap).
shoot demo-upper --theme light --view ladder --demo upper
# The window's private lab (no privilege needed) with the echo demo run in it.
shoot lab-demo --theme light --view ladder --lab --demo tcp-echo

# The window in Chinese, from the locale (zh-CN) and from --lang (zh-TW), on a machine
# without CJK fonts: every main view, and a Chinese payload in the hex and layers panes.
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-main --theme light --select 4 captures/tcp-echo-chinese.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-ladder --theme dark --view ladder --select 4 captures/tcp-echo-chinese.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-encapsulation --theme light --view encapsulation --select 4 captures/tcp-echo-chinese.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-headers --theme dark --view headers --select 4 captures/tcp-echo-chinese.pcapng
shoot zh-tw-main --lang zh-TW --theme dark --select 4 captures/tcp-echo-chinese.pcapng
SHOT_LANG=zh_TW.UTF-8 shoot zh-tw-ladder --theme light --view ladder --select 1 captures/tcp-upper-two-clients.pcapng
SHOT_LANG=zh_TW.UTF-8 shoot zh-tw-encapsulation --theme dark --view encapsulation --select 4 captures/tcp-echo-chinese.pcapng
SHOT_LANG=zh_TW.UTF-8 shoot zh-tw-headers --theme light --view headers --select 1 captures/tcp-echo-ipv4.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-follow --theme light --view follow --select 4 captures/tcp-json.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-messages --theme dark --view messages --select 4 captures/tcp-sticky.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-lab --theme dark --lab --demo upper
SHOT_LANG=zh_TW.UTF-8 shoot zh-tw-lab --theme light --view ladder --lab --demo json
SHOT_LANG=zh_TW.UTF-8 shoot zh-tw-messages --theme light --view messages --select 4 captures/tcp-sticky.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-dns --theme light --select 4 captures/dns.pcapng
SHOT_LANG=zh_CN.UTF-8 shoot zh-cn-reassembled --theme dark --select 22 captures/tcp-split.pcapng

# The exports a teacher puts on slides.
"$bin" flow captures/tcp-echo-ipv4.pcapng --png "$out/export-ladder.png" --svg "$out/export-ladder.svg" >/dev/null
"$bin" draw captures/tcp-echo-ipv4.pcapng --frame 4 --view encapsulation -o "$out/export-encapsulation.png"
"$bin" draw captures/tcp-echo-ipv4.pcapng --frame 1 --view header --theme dark -o "$out/export-header-dark.png"
"$bin" draw captures/tcp-echo-ipv4-s60.pcapng --frame 1 --view header -o "$out/export-header-cut.png"
"$bin" draw captures/tcp-echo-chinese.pcapng --frame 4 --view encapsulation --lang zh-CN -o "$out/export-encapsulation-zh-cn.png"
"$bin" flow captures/tcp-echo-chinese.pcapng --lang zh-TW --png "$out/export-ladder-zh-tw.png" >/dev/null
