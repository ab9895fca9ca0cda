#!/usr/bin/env python3
"""The "sticky packets" (粘包) lesson, server side: on 127.0.0.1:3234, waits a moment so
the client's three sends have all arrived, then reads once. It gets them together,
helloworld中文: TCP is a byte stream, and nothing on the wire marks where one send()
ended. In layerscope: Follow stream ▸ Messages vs segments.

    python3 sticky_server.py [--port 3234]
"""
import argparse
import socket
import time

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=3234)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen()
    print(f"listening on 127.0.0.1:{args.port}", flush=True)
    conn, addr = server.accept()
    with conn:
        time.sleep(0.3)
        data = conn.recv(1024)
        print("one recv() got:", data.decode("utf-8"), flush=True)
        conn.sendall(data)
