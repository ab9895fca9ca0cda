#!/usr/bin/env python3
"""TCP echo server, as the course writes it: listens on 127.0.0.1:8888 and sends back
what each client sends, until the client closes. Watch it with
`layerscope -i lo -f "tcp port 8888"`.

    python3 echo_server.py [--port 8888] [--once]
"""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=8888)
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
            print("connected by", addr, flush=True)
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                print("received:", data.decode("utf-8", errors="replace"), flush=True)
                conn.sendall(data)
        if args.once:
            break
