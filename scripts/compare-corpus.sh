#!/usr/bin/env bash
# Dissects every capture of a corpus folder with `layerscope dissect --json` and scores the
# result against tshark's values with compare.py.
#   scripts/compare-corpus.sh [CORPUS_DIR] [EXPECTED_DIR] [compare.py options...]
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpus/tcpdump/core}
expected=${2:-$here/../shared/corpus/tcpdump-expected/core}
shift 2 2>/dev/null || true
bin=${LAYERSCOPE:-$here/target/release/layerscope}
out=$(mktemp -d)
for f in "$corpus"/*.pcap "$corpus"/*.pcapng; do
  [ -e "$f" ] || continue
  name=$(basename "$f"); name=${name%.*}
  timeout 10 "$bin" dissect --json "$f" > "$out/$name.json" 2>/dev/null || echo "[]" > "$out/$name.json"
done
python3 "$here/../shared/tools/compare.py" "$out" "$expected" "$@"
status=$?
rm -rf "$out"
exit $status
