#!/usr/bin/env bash
# Re-records the bundled captures in captures/ with layerscope's own capture and echo
# commands (needs CAP_NET_RAW or root), then regenerates tshark's expected values for them.
#   scripts/record-captures.sh [NAME ...]     (all of them when no name is given)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
cargo build --release --quiet
bin=$here/target/release/layerscope
out=$here/captures

# until SECONDS COMMAND...: runs COMMAND every tenth of a second until it succeeds, for at
# most SECONDS; fails if it never does.
until_true() {
  local tries=$(($1 * 10)); shift
  for _ in $(seq "$tries"); do "$@" && return 0; sleep 0.1; done
  return 1
}
packets() { [ "$(capinfos -c -M "$1" 2>/dev/null | awk 'END { print $NF }')" -ge "$2" ] 2>/dev/null; }

# record NAME PACKETS FILTER COMMAND...: capture on lo while COMMAND runs (keeping
# $snaplen bytes of each packet when it is set), until the file holds the exchange's
# PACKETS packets (the capture writes each as it comes).
snaplen=262144
record() {
  local name=$1 count=$2 filter=$3; shift 3
  "$bin" capture -i lo -s "$snaplen" -f "$filter" -w "$out/$name.pcapng" 2> "$out/.capture.log" &
  local cap=$!
  until_true 5 grep -q Capturing "$out/.capture.log"
  "$@"
  until_true 5 packets "$out/$name.pcapng" "$count" ||
    echo "warning: $name: fewer than $count packets reached the capture" >&2
  kill -INT $cap; wait $cap || true
  rm -f "$out/.capture.log" "$out/.server.log"
  echo "recorded $name: $(tshark -r "$out/$name.pcapng" 2>/dev/null | wc -l) packets"
}

# server ARGS...: starts the echo server and waits until it listens.
server() {
  "$bin" echo server "$@" 2> "$out/.server.log" & server_pid=$!
  until_true 5 grep -q "listening on" "$out/.server.log"
}

tcp_echo_v4() {
  server --listen 127.0.0.1:8888 --max-sessions 1
  "$bin" echo client --connect 127.0.0.1:8888 --message "Hello, server!"
  wait "$server_pid"
}
tcp_echo_chinese() {
  # What the course's students send first: Chinese text, three bytes a character in UTF-8.
  server --listen 127.0.0.1:8888 --max-sessions 1
  "$bin" echo client --connect 127.0.0.1:8888 --message "你好，服务器！"
  wait "$server_pid"
}
tcp_echo_v6() {
  server --listen '[::1]:8888' --max-sessions 1
  "$bin" echo client --connect '[::1]:8888' --message "Hello, server!"
  wait "$server_pid"
}
upper_two_clients() {
  server --listen 127.0.0.1:3234 --mode upper --max-sessions 2
  "$bin" echo client --connect 127.0.0.1:3234 --message "hello from client one"
  "$bin" echo client --connect 127.0.0.1:3234 --message "hello from client two"
  wait "$server_pid"
}
udp_echo_v6() {
  server --proto udp --listen '[::1]:9999' --max-sessions 2
  "$bin" echo client --proto udp --connect '[::1]:9999' --message "Hello, server!" --count 2
  wait "$server_pid"
}
udp_echo_long() {
  server --proto udp --listen 127.0.0.1:9999 --max-sessions 1
  "$bin" echo client --proto udp --connect 127.0.0.1:9999 \
    --message "Hello, server! This line is longer than a 60-byte snapshot."
  wait "$server_pid"
}
udp_echo() {
  server --proto udp --listen 127.0.0.1:9999 --max-sessions 2
  "$bin" echo client --proto udp --connect 127.0.0.1:9999 --message "Hello, server!" --count 2
  wait "$server_pid"
}
refused() {
  # Nothing listens on 8889: the kernel answers the SYN with RST.
  "$bin" echo client --connect 127.0.0.1:8889 || true
}
udp_unreachable() {
  # Nothing listens on UDP 9998: the kernel answers with ICMP port unreachable.
  "$bin" echo client --proto udp --connect 127.0.0.1:9998 --timeout 1 || true
}
http_exchange() {
  # HTTP on 8000: a file from `python3 -m http.server` (Content-Length), then the example
  # server's chunked GET and JSON POST, each fetched with curl.
  local dir; dir=$(mktemp -d)
  printf 'hello 你好\n' > "$dir/index.txt"
  (cd "$dir" && exec python3 -u -m http.server 8000 --bind 127.0.0.1 > "$out/.server.log" 2>&1) &
  local static=$!
  until_true 5 grep -q "Serving HTTP" "$out/.server.log"
  curl -s http://127.0.0.1:8000/index.txt > /dev/null
  kill $static; wait $static 2>/dev/null || true
  python3 "$here/examples/python/http_server.py" --requests 2 > "$out/.server.log" &
  local server=$!
  until_true 5 grep -q listening "$out/.server.log"
  curl -s http://127.0.0.1:8000/ > /dev/null
  curl -s -H 'Content-Type: application/json' -d '{"name": "小飞机"}' http://127.0.0.1:8000/api > /dev/null
  wait $server
  rm -rf "$dir"
}
dns_exchange() {
  # A local DNS server (dnsmasq, no upstream) asked with dig: an A record, a CNAME whose
  # answer points back at the question's name (compression), AAAA, TXT, the same over TCP,
  # and a name it refuses.
  dnsmasq --no-daemon --port=53 --listen-address=127.0.0.1 --bind-interfaces --no-resolv \
    --no-hosts --host-record=server.course.lab,127.0.0.1,::1 \
    --cname=www.course.lab,server.course.lab --txt-record=course.lab,"hello DNS" \
    --log-facility=/dev/null &
  local server=$!
  until_true 5 dig +short +time=1 +tries=1 @127.0.0.1 server.course.lab > /dev/null
  sleep 0.3
  dig +short @127.0.0.1 www.course.lab A > /dev/null
  dig +short @127.0.0.1 server.course.lab AAAA > /dev/null
  dig +short @127.0.0.1 course.lab TXT > /dev/null
  dig +short +tcp @127.0.0.1 www.course.lab A > /dev/null
  dig @127.0.0.1 missing.course.lab A > /dev/null || true
  kill $server; wait $server 2>/dev/null || true
}
tls_exchange() {
  # openssl s_server with a fresh self-signed certificate, and s_client asking for
  # course.lab (SNI) with ALPN h2 and http/1.1: the two hellos in the clear, then records
  # of encrypted data.
  local dir; dir=$(mktemp -d)
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" -subj "/CN=course.lab" 2> /dev/null
  openssl s_server -accept 8443 -cert "$dir/cert.pem" -key "$dir/key.pem" -alpn http/1.1 \
    -naccept 1 -quiet > /dev/null 2>&1 &
  local server=$!
  until_true 5 sh -c 'ss -ltn | grep -q ":8443 "'
  echo "hello over TLS" | timeout 5 openssl s_client -connect 127.0.0.1:8443 \
    -servername course.lab -alpn h2,http/1.1 -quiet > /dev/null 2>&1 || true
  wait $server 2>/dev/null || true
  rm -rf "$dir"
}
split_messages() {
  # DNS over TCP, a TLS Client Hello and JSON values, each cut into several segments.
  python3 "$here/scripts/split_messages.py"
}

names=("$@")
# TCP's own housekeeping, made by the kernel on real sockets (scripts/tcp_expert_traffic.py):
# keep-alive probes and their ACKs; a receiver that stops reading (window full, zero
# window, the sender's probes, the window update).
keepalive() { python3 "$here/scripts/tcp_expert_traffic.py" keepalive; }
zero_window() { python3 "$here/scripts/tcp_expert_traffic.py" zero-window; }
reused_ports() { python3 "$here/scripts/tcp_expert_traffic.py" reused-ports; }

maybe() {
  local name=$1
  if [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" $name "* ]]; then
    record "$@"
  fi
}

maybe tcp-echo-ipv4 10 "tcp port 8888" tcp_echo_v4
maybe tcp-echo-ipv6 10 "tcp port 8888" tcp_echo_v6
maybe tcp-echo-chinese 10 "tcp port 8888" tcp_echo_chinese
maybe tcp-upper-two-clients 20 "tcp port 3234" upper_two_clients
maybe udp-echo 4 "udp port 9999" udp_echo
maybe tcp-refused 2 "tcp port 8889" refused
maybe udp-unreachable 2 "udp port 9998 or icmp" udp_unreachable
maybe http 30 "tcp port 8000" http_exchange
maybe dns 20 "port 53" dns_exchange
maybe tls 12 "tcp port 8443" tls_exchange
maybe tcp-split 30 "tcp port 53 or tcp port 8443 or tcp port 9999" split_messages
maybe tcp-keepalive 14 "tcp port 7001" keepalive
maybe tcp-zero-window 40 "tcp port 7002" zero_window
maybe tcp-reused-ports 20 "tcp port 7004" reused_ports
# Loss, reordering and duplication through a relay between network namespaces, recorded
# at both ends (scripts/tcp_impaired_traffic.py; not on lo, so not through `record`).
if [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" tcp-impaired "* ]]; then
  python3 "$here/scripts/tcp_impaired_traffic.py" "$bin" \
    "$out/tcp-impaired-client.pcapng" "$out/tcp-impaired-server.pcapng"
  echo "recorded tcp-impaired-client, tcp-impaired-server"
fi
# A SYN sent again, a simultaneous open, an injected RST, an acknowledgment number without
# the ACK flag, a simultaneous close with resent FINs (scripts/tcp_odd_traffic.py, in a
# namespace of its own).
if [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" tcp-odd "* ]]; then
  python3 "$here/scripts/tcp_odd_traffic.py" "$bin" "$out/tcp-odd.pcapng"
  echo "recorded tcp-odd: $(tshark -r "$out/tcp-odd.pcapng" 2>/dev/null | wc -l) packets"
fi
# A capture started in the middle of a connection: the echo recording from its first data
# segment on (frames 4 and after), as a capture started late sees it.
if [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" tcp-midstream "* ]]; then
  editcap -r "$out/tcp-echo-ipv4.pcapng" "$out/tcp-midstream.pcapng" 4-1000000
  echo "recorded tcp-midstream: $(tshark -r "$out/tcp-midstream.pcapng" 2>/dev/null | wc -l) packets"
fi
# Short snapshot lengths (tcpdump -s 60/68/96, old defaults still common in course
# material) cut headers: the dissector shows each cut header as far as it goes.
for snaplen in 60 68 96; do
  maybe "tcp-echo-ipv4-s$snaplen" 10 "tcp port 8888" tcp_echo_v4
  maybe "tcp-echo-ipv6-s$snaplen" 10 "tcp port 8888" tcp_echo_v6
  maybe "udp-echo-ipv6-s$snaplen" 4 "udp port 9999" udp_echo_v6
done
snaplen=60 maybe udp-echo-long-s60 2 "udp port 9999" udp_echo_long
snaplen=262144
# The JSON, large-transfer, sticky-packets, remote-command, download and HTTP demos record
# themselves (through the capture helper).
for demo in json:tcp-json large:tcp-large sticky:tcp-sticky command:tcp-command download:tcp-download http:http-demo; do
  if [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" ${demo#*:} "* ]]; then
    "$bin" demo "${demo%%:*}" -w "$out/${demo#*:}.pcapng" > /dev/null
    echo "recorded ${demo#*:}: $(tshark -r "$out/${demo#*:}.pcapng" 2>/dev/null | wc -l) packets"
  fi
done

"$here/scripts/tshark-expected.sh"
