#!/usr/bin/env bash
# Runs layerscope and tshark on the same synthetic loopback capture, in one run, and prints
# wall time (min / median / max of RUNS runs), peak memory and the ratios of the medians.
#   scripts/bench-vs-tshark.sh [PACKETS]   (default 1000000; tshark -T json needs minutes)
#   RUNS=1 scripts/bench-vs-tshark.sh 200000
# measures the `dist` build (PROFILE=release for the plain one), or the binary in
# LAYERSCOPE_BIN when given; then opens the same file in the window RUNS times
# (`cargo bench --bench open_large`, which also times `tshark -r`; WINDOW=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${RUNS:-3}
profile=${PROFILE:-dist}
mkdir -p target/bench
file=target/bench/synth-$n.pcap
[ -f "$file" ] || cargo run --release --quiet --example synth -- "$n" "$file"
bin=${LAYERSCOPE_BIN:-}
if [ -z "$bin" ]; then
  cargo build --profile "$profile" --quiet --bin layerscope
  bin=target/$profile/layerscope
fi
echo "binary: $bin"
echo "capture: $n packets, $(du -h "$file" | cut -f1) ($file); $runs runs each, $(nproc) cores"

# run NAME COMMAND...: prints min/median/max seconds and the largest peak MB, remembers
# the median.
declare -A median
run() {
  local name=$1; shift
  local tmp times=() peak=0 out
  tmp=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$tmp" "$@" > /dev/null 2>/dev/null || true
    out=$(tail -1 "$tmp")
    times+=("${out% *}")
    (( ${out#* } > peak )) && peak=${out#* }
  done
  rm -f "$tmp"
  read -r min med max < <(printf "%s\n" "${times[@]}" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%s %s %s\n", v[1], v[int((NR + 1) / 2)], v[NR] }')
  median[$name]=$med
  printf "  %-30s %7.2f / %7.2f / %7.2f s %7d MB\n" "$name" "$min" "$med" "$max" $((peak / 1024))
}
ratio() { awk -v a="${median[$2]}" -v b="${median[$1]}" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 0.001) }'; }

echo "                                   min /  median /     max       peak"
run "layerscope dissect --json" "$bin" dissect --json "$file"
run "tshark -T json" tshark -r "$file" -T json
run "layerscope dissect (text)" "$bin" dissect "$file"
run "tshark -V" tshark -r "$file" -V
run "layerscope dissect --summary" "$bin" dissect --summary "$file"
run "tshark -r (summary lines)" tshark -r "$file"
echo "ratios of the medians (tshark time / layerscope time):"
echo "  JSON    $(ratio "layerscope dissect --json" "tshark -T json")x"
echo "  text    $(ratio "layerscope dissect (text)" "tshark -V")x"
echo "  summary $(ratio "layerscope dissect --summary" "tshark -r (summary lines)")x"

if [ "${WINDOW:-1}" = 1 ]; then
  echo "window, $runs runs (release build, cargo bench --bench open_large -- $n):"
  for i in $(seq "$runs"); do
    echo " run $i"
    cargo bench --quiet --bench open_large -- "$n" 2>/dev/null | grep -v "^capture:" | sed 's/^/  /'
  done
fi
