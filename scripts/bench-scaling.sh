#!/usr/bin/env bash
# How time and memory grow with the size of a capture: for each size (default 10k, 100k,
# 1M and 10M packets of the synthetic loopback capture) the three `dissect` outputs (wall
# time and peak memory) and the window (first rows, fully loaded, filter, memory added).
#   scripts/bench-scaling.sh [PACKETS...]
# The 10M capture is 3.4 GB in target/bench/ and the window holds ~4.2 GB for it.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000 10000000)
profile=${PROFILE:-dist}
cargo build --profile "$profile" --quiet --bin layerscope
cargo build --release --quiet --example synth
bin=target/$profile/layerscope
mkdir -p target/bench
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf "%10s %8s | %-16s %-16s %-16s | %s\n" packets MB "json s / MB" "text s / MB" "summary s / MB" \
  "window: first rows, fully loaded, filter, memory added"
for n in "${sizes[@]}"; do
  file=target/bench/synth-$n.pcap
  [ -f "$file" ] || target/release/examples/synth "$n" "$file" > /dev/null
  row=$(printf "%10d %8d |" "$n" $(( $(stat -c %s "$file") / 1000000 )))
  for args in "--json" "" "--summary"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$tmp" "$bin" dissect $args "$file" > /dev/null 2>&1
    t=$(tail -1 "$tmp")
    row+=$(printf " %7.2f / %5d  " "${t% *}" $(( ${t#* } / 1024 )))
  done
  window=$(cargo bench --quiet --bench open_large -- "$n" --no-tshark 2>/dev/null)
  pick() { grep "$1" <<< "$window" | grep -oE "[0-9]+\.[0-9]+ (ms|s|MB)" | head -1; }
  row+="| $(pick "first rows"), $(pick "fully loaded"), $(pick "filter"), $(pick "memory added")"
  echo "$row"
done
