#!/usr/bin/env bash
# Runs layerscope and tshark on the same synthetic loopback capture, in one run, and prints
# wall time, peak memory and the ratios.
#   scripts/bench-vs-tshark.sh [PACKETS]        (default 1000000; tshark -T json needs minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
mkdir -p target/bench
file=target/bench/synth-$n.pcap
cargo build --release --quiet
[ -f "$file" ] || cargo run --release --quiet --example synth -- "$n" "$file"
bin=target/release/layerscope
echo "capture: $n packets, $(du -h "$file" | cut -f1) ($file)"

# run NAME COMMAND...: prints seconds and peak MB, remembers them.
declare -A secs mem
run() {
  local name=$1; shift
  local out tmp
  tmp=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$tmp" "$@" > /dev/null 2>/dev/null || true
  out=$(tail -1 "$tmp")
  rm -f "$tmp"
  secs[$name]=${out% *}
  mem[$name]=$(( ${out#* } / 1024 ))
  printf "  %-34s %8.2f s %7d MB\n" "$name" "${secs[$name]}" "${mem[$name]}"
}
ratio() { awk -v a="${secs[$2]}" -v b="${secs[$1]}" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 0.001) }'; }

run "layerscope dissect --json" "$bin" dissect --json "$file"
run "tshark -T json" tshark -r "$file" -T json
run "layerscope dissect (text)" "$bin" dissect "$file"
run "tshark -V" tshark -r "$file" -V
run "layerscope dissect --summary" "$bin" dissect --summary "$file"
run "tshark -r (summary lines)" tshark -r "$file"
echo "ratios (tshark time / layerscope time):"
echo "  JSON    $(ratio "layerscope dissect --json" "tshark -T json")x"
echo "  text    $(ratio "layerscope dissect (text)" "tshark -V")x"
echo "  summary $(ratio "layerscope dissect --summary" "tshark -r (summary lines)")x"
