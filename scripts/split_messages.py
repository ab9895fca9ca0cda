#!/usr/bin/env python3
"""Messages that TCP carries in several segments, for the reassembly capture
(captures/tcp-split.pcapng, recorded by scripts/record-captures.sh):

- DNS over TCP on 127.0.0.1:53: the query's two-byte length alone, then the message in
  two pieces; the answer cut inside its name;
- TLS on 127.0.0.1:8443: a real Client Hello (Python's ssl module, SNI course.lab, ALPN
  h2 and http/1.1) sent in three pieces, the first cut inside the record header;
- JSON on 127.0.0.1:9999: json.dumps({'name': '小飞机', ...}) in two pieces, then two
  values in one send followed by the start of a third finished by the next send.

Each piece is its own send() with TCP_NODELAY and a pause, so each is its own segment.
"""
import json
import socket
import ssl
import struct
import threading
import time

PAUSE = 0.05


def pieces(sock, data, cuts):
    """Sends `data` cut at the offsets `cuts`, one segment per piece."""
    at = 0
    for cut in list(cuts) + [len(data)]:
        sock.sendall(data[at:cut])
        at = cut
        time.sleep(PAUSE)


def listener(port):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(1)
    return srv


def connect(port):
    c = socket.create_connection(("127.0.0.1", port))
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return c


def read_exactly(sock, n):
    data = b""
    while len(data) < n:
        more = sock.recv(n - len(data))
        if not more:
            break
        data += more
    return data


def dns_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"


def dns():
    srv = listener(53)
    question = dns_name("server.course.lab") + struct.pack("!HH", 1, 1)
    query = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + question

    def serve():
        conn, _ = srv.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        n = struct.unpack("!H", read_exactly(conn, 2))[0]
        read_exactly(conn, n)
        answer = (struct.pack("!HHHHHH", 0x1234, 0x8180, 1, 1, 0, 0) + question
                  + b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + bytes([127, 0, 0, 1]))
        msg = struct.pack("!H", len(answer)) + answer
        pieces(conn, msg, [20])
        conn.close()

    t = threading.Thread(target=serve)
    t.start()
    c = connect(53)
    msg = struct.pack("!H", len(query)) + query
    pieces(c, msg, [2, 12])
    read_exactly(c, 2)
    c.recv(4096)
    time.sleep(PAUSE)
    c.close()
    t.join()
    srv.close()


def client_hello():
    ctx = ssl.create_default_context()
    ctx.set_alpn_protocols(["h2", "http/1.1"])
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = ctx.wrap_bio(incoming, outgoing, server_hostname="course.lab")
    try:
        tls.do_handshake()
    except ssl.SSLWantReadError:
        pass
    return outgoing.read()


def tls():
    srv = listener(8443)
    hello = client_hello()

    def serve():
        conn, _ = srv.accept()
        read_exactly(conn, len(hello))
        conn.close()

    t = threading.Thread(target=serve)
    t.start()
    c = connect(8443)
    pieces(c, hello, [3, len(hello) // 2])
    t.join()
    c.close()
    srv.close()


def json_values():
    srv = listener(9999)
    first = json.dumps({"name": "小飞机", "message": "你好,服务器!"}).encode()
    more = b"".join(json.dumps({"seq": i, "text": "粘包"}).encode() for i in range(3))
    cut = len(more) * 5 // 6

    def serve():
        conn, _ = srv.accept()
        read_exactly(conn, len(first) + len(more))
        conn.close()

    t = threading.Thread(target=serve)
    t.start()
    c = connect(9999)
    pieces(c, first, [len(first) // 2])
    pieces(c, more, [cut])
    t.join()
    c.close()
    srv.close()


if __name__ == "__main__":
    dns()
    tls()
    json_values()
