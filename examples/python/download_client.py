#!/usr/bin/env python3
"""Downloads the file download_server.py serves and saves it; prints its size and
SHA-256.

    python3 download_client.py OUTPUT [--port 3234]
"""
import argparse
import hashlib
import socket
import struct

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("output")
parser.add_argument("--port", type=int, default=3234)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
    client.connect(("127.0.0.1", args.port))
    data = b""
    while True:
        chunk = client.recv(65536)
        if not chunk:
            break
        data += chunk
(length,) = struct.unpack("!I", data[:4])
content = data[4 : 4 + length]
with open(args.output, "wb") as f:
    f.write(content)
print(f"{args.output}: {len(content)} bytes, SHA-256 {hashlib.sha256(content).hexdigest()}")
