#!/usr/bin/env bash
# What the application layer (JSON, HTTP, DNS, TLS dissection) costs: `dissect` of two
# builds — BEFORE (e.g. built from a commit without it) and AFTER — on the same files in
# the same run, with tshark beside them. Files: the synthetic capture of
# bench-vs-tshark.sh, real traffic merged from the tcpdump corpus, and the bundled
# recordings of the course's programs (HTTP, DNS, TLS, JSON, sticky, command, download)
# concatenated REPEAT times. Prints min / median / max of RUNS runs and after/before.
#   scripts/bench-app-layer.sh BEFORE_BIN AFTER_BIN [PACKETS]
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2 n=${3:-200000}
runs=${RUNS:-3}
repeat=${REPEAT:-300}
mkdir -p target/bench
synth=target/bench/synth-$n.pcap
[ -f "$synth" ] || cargo run --release --quiet --example synth -- "$n" "$synth"
# The corpus's Ethernet captures merged into one pcap, then 20 times over. (One link type
# and one snapshot length: libpcap refuses a pcapng whose interfaces differ in either.)
corpus=target/bench/corpus-eth-x20.pcap
if [ ! -f "$corpus" ]; then
  eth=()
  for f in ../shared/corpus/tcpdump/core/*; do
    capinfos -E -M "$f" 2>/dev/null | grep -q "encapsulation: *ether$" && eth+=("$f")
  done
  mergecap -F pcap -s 262144 -w target/bench/corpus-eth.pcap "${eth[@]}" 2>/dev/null
  mergecap -a -F pcap -w "$corpus" $(for _ in $(seq 20); do echo target/bench/corpus-eth.pcap; done)
fi
course=target/bench/course-x$repeat.pcapng
if [ ! -f "$course" ]; then
  files=()
  for _ in $(seq "$repeat"); do
    files+=(captures/http.pcapng captures/dns.pcapng captures/tls.pcapng captures/tcp-json.pcapng
      captures/tcp-sticky.pcapng captures/tcp-command.pcapng captures/tcp-download.pcapng
      captures/http-demo.pcapng)
  done
  mergecap -a -F pcapng -w "$course" "${files[@]}"
fi

# time_of COMMAND...: min, median and max wall seconds of RUNS runs.
time_of() {
  local times=() tmp
  tmp=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e" -o "$tmp" "$@" > /dev/null 2>/dev/null || true
    times+=("$(tail -1 "$tmp")")
  done
  rm -f "$tmp"
  printf "%s\n" "${times[@]}" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%s %s %s\n", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

echo "before: $before"
echo "after:  $after"
printf "%-34s %-8s %22s %22s %7s %10s\n" file mode "before min/med/max" "after min/med/max" "after/before" "tshark med"
for file in "$synth" "$corpus" "$course"; do
  packets=$(capinfos -c -M "$file" 2>/dev/null | awk 'END { print $NF }')
  for mode in json text summary; do
    case $mode in
      json) args=(dissect --json); targs=(-T json) ;;
      text) args=(dissect); targs=(-V) ;;
      summary) args=(dissect --summary); targs=() ;;
    esac
    read -r b1 b2 b3 < <(time_of "$before" "${args[@]}" "$file")
    read -r a1 a2 a3 < <(time_of "$after" "${args[@]}" "$file")
    # tshark once: it takes minutes on the larger files.
    t=$(runs=1 time_of tshark -n -r "$file" "${targs[@]}" | awk '{ print $2 }')
    printf "%-34s %-8s %22s %22s %7.2f %10s\n" "$(basename "$file") ($packets)" "$mode" \
      "$b1/$b2/$b3" "$a1/$a2/$a3" "$(awk -v a="$a2" -v b="$b2" 'BEGIN { print a / b }')" "$t"
  done
done
