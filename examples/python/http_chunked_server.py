#!/usr/bin/env python3
"""A tiny HTTP/1.1 server whose answer uses chunked transfer encoding (the body in
pieces, each after its size in hex) — what a server does when it does not know the
length in advance. For plain files, `python3 -m http.server` sends Content-Length.

    python3 http_chunked_server.py [--port 8000] [--once]
    curl -v http://127.0.0.1:8000/
"""
import argparse
import http.server

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=8000)
parser.add_argument("--once", action="store_true", help="answer one request, then exit")
args = parser.parse_args()


class Chunked(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        for piece in ["你好, ", "chunked ", "world!\n"]:
            data = piece.encode("utf-8")
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.write(b"0\r\n\r\n")


server = http.server.HTTPServer(("127.0.0.1", args.port), Chunked)
print(f"listening on 127.0.0.1:{args.port}", flush=True)
if args.once:
    server.handle_request()
else:
    server.serve_forever()
