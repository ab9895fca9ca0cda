#!/usr/bin/env bash
# Runs the fuzz targets (cargo-fuzz; the stable toolchain is unlocked with RUSTC_BOOTSTRAP)
# for SECONDS each, seeded from captures/ and the shared tcpdump corpus.
#   scripts/fuzz.sh [SECONDS] [TARGET ...]      (default: 600 s, all targets:
#   dissect tracker capture_file filter escape)
# Findings land in fuzz/artifacts/TARGET/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dissect tracker capture_file filter escape application)
corpus=../shared/corpus/tcpdump
for t in "${targets[@]}"; do
  seeds=fuzz/corpus/$t
  mkdir -p "$seeds"
  case $t in
    capture_file)
      cp captures/*.pcapng "$seeds"/ 2>/dev/null || true
      [ -d "$corpus" ] && find "$corpus" -type f -size -64k -exec cp {} "$seeds"/ \; 2>/dev/null || true
      ;;
    dissect)
      # One frame per seed (link-type selector byte + frame), taken from the bundled captures.
      python3 - "$seeds" <<'PY'
import glob, os, struct, sys
out = sys.argv[1]
for path in glob.glob("captures/*.pcapng"):
    data = open(path, "rb").read()
    i, n = 0, 0
    while i + 12 <= len(data):
        btype, blen = struct.unpack_from("<II", data, i)
        if blen < 12 or i + blen > len(data):
            break
        if btype == 6:  # enhanced packet block
            caplen = struct.unpack_from("<I", data, i + 20)[0]
            frame = data[i + 28:i + 28 + caplen]
            open(os.path.join(out, f"{os.path.basename(path)}-{n}"), "wb").write(b"\x00" + frame)
            n += 1
        i += blen
PY
      ;;
    filter)
      i=0
      for f in 'tcp.port == 8888 && tcp.flags.syn == 1' 'ip.addr == 127.0.0.0/8' 'udp or arp' \
               '!(tcp.len == 0)' 'frame contains "Hello"' '((tcp) || !udp) && ip.ttl > 3'; do
        printf '%s' "$f" > "$seeds/seed-$i"; i=$((i + 1))
      done
      ;;
    escape)
      printf 'GET /\033[2J\033]0;t\007 HTTP/1.1' > "$seeds/osc"
      printf '\xe4\xbd\xa0\xe5\xa5\xbd \xe2\x80\xae \xc2\x9b \xff' > "$seeds/mixed"
      ;;
  esac
  echo "fuzzing $t for ${secs}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" --release -- -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
    > "fuzz/$t.log" 2>&1 || { grep -E "panicked|ERROR|SUMMARY" -A3 "fuzz/$t.log" | head -20; exit 1; }
  grep -E "^(#[0-9]+|Done)" "fuzz/$t.log" | tail -2
done
