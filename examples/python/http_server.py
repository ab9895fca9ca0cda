#!/usr/bin/env python3
"""A small HTTP/1.1 server for the HTTP lesson, on 127.0.0.1:8000:

- GET answers with chunked transfer encoding (the body in pieces, each after its size in
  hex) — what a server does when it does not know the length in advance;
- POST takes a JSON body (Content-Length says how long it is) and answers JSON, headers
  and body in one send.

For plain files, `python3 -m http.server 8000` answers with Content-Length.

    python3 http_server.py [--port 8000] [--requests N]
    curl http://127.0.0.1:8000/
    curl -d '{"name": "小飞机"}' -H 'Content-Type: application/json' http://127.0.0.1:8000/api
"""
import argparse
import http.server
import json

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=8000)
parser.add_argument("--requests", type=int, default=0, help="exit after N requests (0: never)")
args = parser.parse_args()


class Handler(http.server.BaseHTTPRequestHandler):
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

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        request = json.loads(self.rfile.read(length) or b"{}")
        body = json.dumps({"status": "success", "name": request.get("name")}).encode("utf-8")
        head = (
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Connection: close\r\n"
            "\r\n"
        ).encode("ascii")
        # Headers and body in one send: one segment on loopback.
        self.wfile.write(head + body)
        self.close_connection = True


server = http.server.HTTPServer(("127.0.0.1", args.port), Handler)
print(f"listening on 127.0.0.1:{args.port}", flush=True)
if args.requests:
    for _ in range(args.requests):
        server.handle_request()
else:
    server.serve_forever()
