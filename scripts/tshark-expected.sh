#!/usr/bin/env bash
# Writes tshark's values for every capture in captures/ to captures/expected/NAME.json
# (one object per packet, keyed by Wireshark field names), the oracle the tests compare with.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$here/captures/expected"
for f in "$here"/captures/*.pcapng "$here"/captures/*.pcap; do
  [ -e "$f" ] || continue
  name=$(basename "$f"); name=${name%.*}
  # The echo port carries plain data: on a payload cut to two bytes by the snapshot length,
  # tshark's heuristic dissectors (spice, openwire) otherwise claim it. The JSON demo's port
  # carries JSON, which we recognise by its shape and tshark must be told; so does the TLS
  # recording's port 8443.
  tshark -n -o tcp.relative_sequence_numbers:TRUE -o tcp.analyze_sequence_numbers:TRUE \
    -d tcp.port==8888,data -d tcp.port==9999,json -d tcp.port==8443,tls -r "$f" -T json 2>/dev/null | python3 "$here/scripts/tshark_flatten.py" > "$here/captures/expected/$name.json"
  echo "expected values for $name: $(grep -c frame.number "$here/captures/expected/$name.json") packets"
done
