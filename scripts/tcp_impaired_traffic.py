#!/usr/bin/env python3
"""Real TCP traffic through a path that loses, reorders and duplicates chosen segments,
recorded where the server sees it: what tshark's retransmission, fast retransmission,
spurious retransmission, out-of-order, lost segment and duplicate ACK notes name, made by
the kernel's own TCP (needs root; Linux).

    scripts/tcp_impaired_traffic.py LAYERSCOPE CLIENT.pcapng SERVER.pcapng

The kernel here has no netem, so the impairment is a relay in user space. Three network
namespaces, two veth pairs; the middle namespace has no addresses, so its kernel forwards
nothing and the relay (AF_PACKET sockets on both of its interfaces) copies every frame
across itself, except that, for the client's data to port 7003 (counted by first
appearance of its sequence number):

    segment 3   dropped once: the server sees the gap (previous segment not captured)
                and answers the next segments with duplicate ACKs; after the third the
                client resends it (a fast retransmission)
    segment 8   held back until segment 9 has passed (out of order)
    segment 12  sent again 5 ms later (spurious: already acknowledged)

and the server's ACK of the client's last data is dropped once, while the server waits
before it answers, so the client resends that data when its retransmission timer fires.
The client has SACK off, so a loss is repaired the classic way (three duplicate ACKs,
then the resend) rather than at the first SACK. Offloads are off on the endpoints'
interfaces, so every segment is a frame of its own with a real checksum.

Layerscope captures on both endpoints' interfaces, each inside its namespace: the client
sees its resends (retransmission, fast retransmission) and the duplicate ACKs; the server
sees the gap, the segments out of order and the copies it had acknowledged already.
Everything is torn down at the end, also on failure.
"""

import errno
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import time

PORT = 7003
CLIENT, SERVER = "10.199.0.1", "10.199.0.2"
MESSAGES, SIZE = 24, 1000
PACKET_OUTGOING = 4


def sh(*args, check=True):
    return subprocess.run(args, check=check, capture_output=True, text=True)


def in_ns(ns, *args, check=True):
    return sh("ip", "netns", "exec", ns, *args, check=check)


class Path:
    """client ns --veth-- relay ns --veth-- server ns."""

    def __init__(self):
        tag = str(os.getpid())
        self.cli, self.mid, self.srv = (f"lsc{tag}", f"lsr{tag}", f"lss{tag}")

    def __enter__(self):
        for ns in (self.cli, self.mid, self.srv):
            sh("ip", "netns", "add", ns)
            in_ns(ns, "ip", "link", "set", "lo", "up")
            # No IPv6: its router and multicast chatter would only add frames.
            in_ns(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1")
            in_ns(ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1")
        in_ns(self.cli, "sysctl", "-qw", "net.ipv4.tcp_sack=0")
        sh("ip", "link", "add", "c0", "netns", self.cli, "type", "veth",
           "peer", "name", "rc", "netns", self.mid)
        sh("ip", "link", "add", "s0", "netns", self.srv, "type", "veth",
           "peer", "name", "rs", "netns", self.mid)
        for ns, dev, addr in ((self.cli, "c0", CLIENT), (self.srv, "s0", SERVER)):
            in_ns(ns, "ip", "addr", "add", f"{addr}/24", "dev", dev)
            # One frame per segment, checksummed by the stack: what the relay can copy.
            in_ns(ns, "ethtool", "-K", dev, "tso", "off", "gso", "off", "gro", "off",
                  "tx", "off", "rx", "off", check=False)
            in_ns(ns, "ip", "link", "set", dev, "up")
        for dev in ("rc", "rs"):
            in_ns(self.mid, "ethtool", "-K", dev, "gro", "off", "tso", "off",
                  "gso", "off", check=False)
            in_ns(self.mid, "ip", "link", "set", dev, "up")
        return self

    def __exit__(self, *exc):
        for ns in (self.cli, self.mid, self.srv):
            sh("ip", "netns", "del", ns, check=False)


def tcp_of(frame):
    """(src port, dst port, seq, flags, payload length) of an IPv4 TCP frame, or None."""
    if len(frame) < 14 + 20 or frame[12:14] != b"\x08\x00" or frame[14 + 9] != 6:
        return None
    ihl = (frame[14] & 0x0F) * 4
    total = struct.unpack("!H", frame[16:18])[0]
    t = 14 + ihl
    if len(frame) < t + 20:
        return None
    sport, dport, seq, ack = struct.unpack("!HHII", frame[t:t + 12])
    off = (frame[t + 12] >> 4) * 4
    flags = frame[t + 13]
    return sport, dport, seq, ack, flags, total - ihl - off


def relay():
    """Runs in the middle namespace until SIGTERM: copies frames rc <-> rs, impaired."""
    socks = {}
    for dev in ("rc", "rs"):
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
        s.bind((dev, 0))
        socks[dev] = s
    other = {"rc": socks["rs"], "rs": socks["rc"]}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    seen = {}  # client data: sequence number -> its order of first appearance
    dropped = set()  # what was dropped once already
    held = None  # a frame held back, with the segment number it waits for
    later = []  # (when, device, frame) to send again
    last_data_end = None  # the end of the client's last data (its final message)
    print("relay ready", flush=True)
    while not stop:
        timeout = 0.01
        ready, _, _ = select.select(list(socks.values()), [], [], timeout)
        now = time.monotonic()
        for when, out, frame in [x for x in later if x[0] <= now]:
            out.send(frame)
        later = [x for x in later if x[0] > now]
        for dev, s in socks.items():
            if s not in ready:
                continue
            try:
                frame, addr = s.recvfrom(65535)
            except OSError as e:
                # A link that went down and up while the relay started reports it once.
                if e.errno == errno.ENETDOWN:
                    continue
                raise
            if addr[2] == PACKET_OUTGOING:
                continue
            out = other[dev]
            t = tcp_of(frame)
            if t and dev == "rc" and t[1] == PORT and t[5] > 0:
                seq, n = t[2], seen.setdefault(t[2], len(seen) + 1)
                if n == 3 and seq not in dropped:
                    dropped.add(seq)
                    continue
                if n == 8 and held is None and seq not in dropped:
                    dropped.add(seq)
                    held = (frame, 9)
                    continue
                if n == 12 and seq not in dropped:
                    dropped.add(seq)
                    later.append((now + 0.005, out, frame))
                if n == MESSAGES:
                    last_data_end = (seq + t[5]) & 0xFFFFFFFF
                out.send(frame)
                if held and n == held[1]:
                    out.send(held[0])
                    held = None
                continue
            if (t and dev == "rs" and t[0] == PORT and last_data_end is not None
                    and t[3] == last_data_end and "ack" not in dropped):
                dropped.add("ack")
                continue
            out.send(frame)


def server(ready_fd):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((SERVER, PORT))
    srv.listen(1)
    os.write(ready_fd, b"x")
    conn, _ = srv.accept()
    got = 0
    while got < MESSAGES * SIZE:
        data = conn.recv(65536)
        if not data:
            break
        got += len(data)
    # Long enough for the client's retransmission timer to fire for the ACK the relay drops.
    time.sleep(0.6)
    conn.sendall(b"got %d bytes\n" % got)
    conn.recv(100)  # until the client closes
    conn.close()


def client():
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.settimeout(10)
    c.connect((SERVER, PORT))
    for i in range(MESSAGES):
        c.sendall(bytes([0x41 + i % 26]) * SIZE)
        time.sleep(0.001)
    reply = c.recv(100)
    assert reply.startswith(b"got"), reply
    time.sleep(0.3)
    c.close()


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "relay":
        return relay()
    if len(sys.argv) == 2 and sys.argv[1] == "server":
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            server(w)
            os._exit(0)
        os.close(w)
        os.read(r, 1)
        print("server ready", flush=True)
        os.waitpid(pid, 0)
        return
    if len(sys.argv) == 2 and sys.argv[1] == "client":
        return client()
    layerscope = sys.argv[1]
    outs = [os.path.abspath(f) for f in sys.argv[2:4]]
    me = os.path.abspath(__file__)
    with Path() as p:
        started = []  # every process started here, stopped whatever happens
        try:
            relay_p = subprocess.Popen(
                ["ip", "netns", "exec", p.mid, sys.executable, me, "relay"],
                stdout=subprocess.PIPE, text=True)
            started.append(relay_p)
            assert relay_p.stdout.readline().strip() == "relay ready"
            caps = []
            for ns, dev, out in ((p.cli, "c0", outs[0]), (p.srv, "s0", outs[1])):
                cap = subprocess.Popen(["ip", "netns", "exec", ns, layerscope, "capture",
                                        "-i", dev, "-f", f"tcp port {PORT}", "-w", out],
                                       stderr=subprocess.PIPE, text=True)
                started.append(cap)
                line = cap.stderr.readline()
                assert "Capturing" in line, line
                caps.append(cap)
            srv = subprocess.Popen(["ip", "netns", "exec", p.srv, sys.executable, me, "server"],
                                   stdout=subprocess.PIPE, text=True)
            started.append(srv)
            assert srv.stdout.readline().strip() == "server ready"
            in_ns(p.cli, sys.executable, me, "client")
            srv.wait(timeout=15)
            time.sleep(0.5)
            for cap in caps:
                cap.send_signal(signal.SIGINT)
                cap.wait(timeout=10)
        finally:
            for proc in started:
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(timeout=10)

if __name__ == "__main__":
    main()
