#!/usr/bin/env python3
"""The "file download" lesson: serves one file over TCP on 127.0.0.1:3234 — its size as
a 4-byte length, then its bytes — and prints its SHA-256. Save the server's side from
layerscope's follow view (or `layerscope follow --save`) and compare the hashes.

    python3 download_server.py FILE [--port 3234]
"""
import argparse
import hashlib
import socket
import struct

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("file")
parser.add_argument("--port", type=int, default=3234)
args = parser.parse_args()

with open(args.file, "rb") as f:
    content = f.read()
print(f"{args.file}: {len(content)} bytes, SHA-256 {hashlib.sha256(content).hexdigest()}", flush=True)

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen()
    print(f"listening on 127.0.0.1:{args.port}", flush=True)
    conn, addr = server.accept()
    with conn:
        conn.sendall(struct.pack("!I", len(content)) + content)
