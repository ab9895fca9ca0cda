#!/usr/bin/env python3
"""UDP client: sends "你好, UDP!" to 127.0.0.1:9999 with sendto and waits for the answer
with recvfrom (for two seconds: UDP may lose it, and nothing would say so).

    python3 udp_client.py [--port 9999]
"""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=9999)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
    client.settimeout(2)
    client.sendto("你好, UDP!".encode("utf-8"), ("127.0.0.1", args.port))
    data, addr = client.recvfrom(65535)
    print("received from", addr, ":", data.decode("utf-8"))
