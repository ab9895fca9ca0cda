#!/usr/bin/env python3
"""The "sticky packets" lesson, client side: three send() calls, "hello", "world" and
"中文", one after another, to 127.0.0.1:3234.

    python3 sticky_client.py [--port 3234]
"""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=3234)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
    client.connect(("127.0.0.1", args.port))
    for part in ["hello", "world", "中文"]:
        client.send(part.encode("utf-8"))
    print("the server read:", client.recv(1024).decode("utf-8"))
