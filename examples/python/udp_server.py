#!/usr/bin/env python3
"""UDP echo server with sendto/recvfrom on 127.0.0.1:9999: each datagram comes back to
its sender. There is no connection: no handshake, no teardown, one packet each way.

    python3 udp_server.py [--port 9999] [--count N]
"""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=9999)
parser.add_argument("--count", type=int, default=0, help="exit after N datagrams (0: never)")
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
    server.bind(("127.0.0.1", args.port))
    print(f"listening on 127.0.0.1:{args.port} (UDP)", flush=True)
    served = 0
    while args.count == 0 or served < args.count:
        data, addr = server.recvfrom(65535)
        print("received from", addr, ":", data.decode("utf-8", errors="replace"), flush=True)
        server.sendto(data, addr)
        served += 1
