#!/usr/bin/env python3
"""JSON client: sends json.dumps({'name': '小飞机', 'message': '你好,服务器!'}) to
127.0.0.1:9999 and prints the server's answer, decoded with json.loads.

    python3 json_client.py [--port 9999]
"""
import argparse
import json
import socket

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=9999)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
    client.connect(("127.0.0.1", args.port))
    client.sendall(json.dumps({"name": "小飞机", "message": "你好,服务器!"}).encode("utf-8"))
    reply = b""
    while True:
        chunk = client.recv(1024)
        if not chunk:
            break
        reply += chunk
    print("received:", json.loads(reply.decode("utf-8")))
