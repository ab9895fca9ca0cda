#!/usr/bin/env python3
"""Real TCP traffic on 127.0.0.1 that makes the kernel itself send what tshark's expert
notes name, for the recordings in captures/ (scripts/record-captures.sh runs it while it
captures):

    keepalive    port 7001: an idle connection with SO_KEEPALIVE after 1 s, probes every
                 second: keep-alive segments and their ACKs, then a normal close.
    zero-window  port 7002: a receiver with a small buffer that stops reading while the
                 sender writes: window full, zero window, the sender's zero-window probes
                 and their ACKs; then the receiver reads everything (window update).
    reused-ports port 7004: a client that binds its own port (47004) connects, talks and
                 is closed by the server; then connects again from the same port, which
                 the server's TIME-WAIT accepts for a SYN with a later timestamp: a new
                 connection on an earlier one's ports.
"""

import socket
import sys
import threading
import time


def listener(port, rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if rcvbuf:
        # Set before listen, so the accepted socket inherits it (and its window scale).
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.bind(("127.0.0.1", port))
    s.listen(1)
    return s


def keepalive():
    srv = listener(7001)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 5)
    c.connect(("127.0.0.1", 7001))
    conn, _ = srv.accept()
    c.sendall(b"are you there?\n")
    conn.recv(100)
    # Idle: the kernel probes after 1 s, then every second.
    time.sleep(3.5)
    c.close()
    conn.recv(100)
    conn.close()
    srv.close()


def zero_window():
    srv = listener(7002, rcvbuf=4096)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16384)
    c.connect(("127.0.0.1", 7002))
    conn, _ = srv.accept()
    data = b"x" * 60000
    sender = threading.Thread(target=c.sendall, args=(data,))
    sender.start()
    # The receiver does not read: its window closes; the sender probes it.
    time.sleep(2.0)
    drain_and_close(srv, conn, c, sender, len(data))


def drain_and_close(srv, conn, c, sender, total):
    """The receiver reads the `total` bytes it held back (its window opens again), the
    sending thread ends, and both sides close."""
    got = 0
    while got < total:
        chunk = conn.recv(65536)
        if not chunk:
            break
        got += len(chunk)
    sender.join(5)
    c.close()
    conn.recv(100)
    conn.close()
    srv.close()


def reused_ports():
    srv = listener(7004)
    for message in (b"first\n", b"second, same ports\n"):
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        c.bind(("127.0.0.1", 47004))
        c.connect(("127.0.0.1", 7004))
        conn, _ = srv.accept()
        c.sendall(message)
        conn.sendall(conn.recv(100))
        # The server closes first: the TIME-WAIT is its own, the client's port is free.
        conn.close()
        c.recv(100)
        c.recv(100)
        c.close()
        time.sleep(0.2)
    srv.close()


if __name__ == "__main__":
    {"keepalive": keepalive, "zero-window": zero_window, "reused-ports": reused_ports}[
        sys.argv[1]
    ]()
