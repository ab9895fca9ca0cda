#!/usr/bin/env python3
"""JSON over TCP on 127.0.0.1:9999: reads one JSON message, answers
json.dumps({'status': 'success', 'message': '消息已收到'}). json.dumps writes Chinese as
\\uXXXX escapes (ensure_ascii), so the wire holds ASCII only; layerscope shows both.

    python3 json_server.py [--port 9999] [--once]
"""
import argparse
import json
import socket

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=9999)
parser.add_argument("--once", action="store_true", help="serve one client, then exit")
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen()
    print(f"listening on 127.0.0.1:{args.port}", flush=True)
    while True:
        conn, addr = server.accept()
        with conn:
            # Read until one whole JSON value has arrived: TCP may cut it anywhere.
            buffer = b""
            decoder = json.JSONDecoder()
            while True:
                chunk = conn.recv(1024)
                if not chunk:
                    break
                buffer += chunk
                try:
                    message, _ = decoder.raw_decode(buffer.decode("utf-8"))
                    break
                except ValueError:
                    continue
            print("received:", message, flush=True)
            reply = json.dumps({"status": "success", "message": "消息已收到"})
            conn.sendall(reply.encode("utf-8"))
        if args.once:
            break
