#!/usr/bin/env python3
"""The odd cases of real TCP traces, made by the kernel's own TCP on the loopback of a
network namespace of their own (needs root; Linux), with iptables holding back chosen
segments for a moment and two segments written by hand on a raw socket:

    scripts/tcp_odd_traffic.py LAYERSCOPE OUT.pcapng

    port 7005  the first SYN is dropped: the client sends it again a second later
    7010/7011  two sockets that connect to each other at once (their first SYNs held
               back until both are sent): a simultaneous open, SYN against SYN
    7006       an exchange, then a RST with an unrelated sequence number and a segment
               whose acknowledgment field is set without the ACK flag (both written by
               hand; the kernel ignores them); then both sides close at once (their
               first FINs held back): a simultaneous close with retransmitted FINs
    7007       a receiver that stops reading until its window is zero, and a one-byte
               zero-window probe written by hand at the sender's next sequence number
               (Linux probes with an empty segment, which tshark calls a keep-alive;
               other stacks send the byte): the receiver's kernel answers it, a
               zero-window probe ACK

iptables drops in INPUT, after the capture on lo has seen the segment, so a segment held
back is in the capture twice: first sent, then resent.
"""

import os
import random
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

from tcp_expert_traffic import drain_and_close

LO = "127.0.0.1"


def ipt(*rule, add=True):
    subprocess.run(["iptables", "-A" if add else "-D", "INPUT", *rule], check=True)


def syn_rule(ports):
    return ["-p", "tcp", "--tcp-flags", "SYN,ACK", "SYN", "-m", "multiport",
            "--dports", ports, "-j", "DROP"]


def fin_rule(port):
    return ["-p", "tcp", "--tcp-flags", "FIN", "FIN", "-m", "multiport", "--ports",
            str(port), "-j", "DROP"]


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def inject(sport, dport, seq, ack, flags, payload=b""):
    """Writes one TCP segment 127.0.0.1:sport -> 127.0.0.1:dport by hand."""
    header = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0)
    pseudo = socket.inet_aton(LO) * 2 + struct.pack("!BBH", 0, 6, len(header) + len(payload))
    c = checksum(pseudo + header + payload)
    header = header[:16] + struct.pack("!H", c) + header[18:]
    raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
    raw.sendto(header + payload, (LO, dport))
    raw.close()


def syn_retransmission():
    srv = socket.socket()
    srv.bind((LO, 7005))
    srv.listen(1)
    ipt(*syn_rule("7005"))
    c = socket.socket()
    t = threading.Thread(target=c.connect, args=((LO, 7005),))
    t.start()
    time.sleep(0.3)
    ipt(*syn_rule("7005"), add=False)
    t.join(5)
    conn, _ = srv.accept()
    c.sendall(b"after a lost SYN\n")
    conn.recv(100)
    c.close()
    conn.close()
    srv.close()


def simultaneous_open():
    a, b = socket.socket(), socket.socket()
    for s, port in ((a, 7010), (b, 7011)):
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((LO, port))
    ipt(*syn_rule("7010,7011"))
    ta = threading.Thread(target=a.connect, args=((LO, 7011),))
    tb = threading.Thread(target=b.connect, args=((LO, 7010),))
    ta.start()
    tb.start()
    time.sleep(0.3)
    ipt(*syn_rule("7010,7011"), add=False)
    ta.join(5)
    tb.join(5)
    a.sendall(b"hello from 7010\n")
    b.recv(100)
    a.close()
    b.recv(100)
    b.close()


def injected_and_simultaneous_close():
    srv = socket.socket()
    srv.bind((LO, 7006))
    srv.listen(1)
    c = socket.socket()
    c.connect((LO, 7006))
    conn, _ = srv.accept()
    cport = c.getsockname()[1]
    c.sendall(b"before the odd segments\n")
    conn.recv(100)
    time.sleep(0.05)
    # A RST far outside the window: what an attacker guessing blindly sends.
    inject(cport, 7006, random.Random(7).getrandbits(32), 0, 0x04)
    # An acknowledgment number without the ACK flag (PSH only), with a byte of data.
    inject(cport, 7006, random.Random(8).getrandbits(32), 0x12345678, 0x08, b"?")
    time.sleep(0.05)
    conn.sendall(b"still here\n")
    c.recv(100)
    # Both close at once: each FIN is held back until the other side has sent its own.
    ipt(*fin_rule(7006))
    c.shutdown(socket.SHUT_WR)
    conn.shutdown(socket.SHUT_WR)
    time.sleep(0.1)
    ipt(*fin_rule(7006), add=False)
    c.recv(100)
    conn.recv(100)
    c.close()
    conn.close()
    srv.close()


def last_zero_window(sniffer, port):
    """(seq, ack) of the last zero-window segment from `port` the sniffer has seen."""
    found = None
    sniffer.setblocking(False)
    while True:
        try:
            frame = sniffer.recv(65535)
        except BlockingIOError:
            return found
        # Loopback frames: 14 bytes of (empty) Ethernet header, then IPv4.
        ip = frame[14:]
        if len(ip) < 40 or ip[9] != 6:
            continue
        tcp = ip[(ip[0] & 0x0F) * 4:]
        sport, _, seq, ack = struct.unpack("!HHII", tcp[:12])
        window = struct.unpack("!H", tcp[14:16])[0]
        if sport == port and window == 0:
            found = (seq, ack)


def zero_window_probe():
    sniffer = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
    sniffer.bind(("lo", 0))
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    srv.bind((LO, 7007))
    srv.listen(1)
    c = socket.socket()
    c.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16384)
    c.connect((LO, 7007))
    conn, _ = srv.accept()
    cport = c.getsockname()[1]
    sender = threading.Thread(target=c.sendall, args=(b"z" * 60000,))
    sender.start()
    # The receiver does not read: its window closes.
    time.sleep(0.5)
    seen = last_zero_window(sniffer, 7007)
    assert seen, "the receiver's window never closed"
    server_seq, client_next = seen
    # The byte the window has no room for, as a Windows or BSD sender probes.
    inject(cport, 7007, client_next, server_seq, 0x18, b"z")
    time.sleep(0.3)
    drain_and_close(srv, conn, c, sender, 60000)
    sniffer.close()


def inner():
    syn_retransmission()
    simultaneous_open()
    injected_and_simultaneous_close()
    zero_window_probe()
    time.sleep(0.5)


def main():
    if sys.argv[1:] == ["inner"]:
        return inner()
    layerscope, out = sys.argv[1], os.path.abspath(sys.argv[2])
    ns = f"lsodd{os.getpid()}"
    subprocess.run(["ip", "netns", "add", ns], check=True)
    try:
        subprocess.run(["ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"], check=True)
        cap = subprocess.Popen(["ip", "netns", "exec", ns, layerscope, "capture", "-i", "lo",
                                "-f", "tcp", "-w", out], stderr=subprocess.PIPE, text=True)
        line = cap.stderr.readline()
        assert "Capturing" in line, line
        try:
            subprocess.run(["ip", "netns", "exec", ns, sys.executable,
                            os.path.abspath(__file__), "inner"], check=True, timeout=30)
        finally:
            cap.send_signal(signal.SIGINT)
            cap.wait(timeout=10)
    finally:
        subprocess.run(["ip", "netns", "del", ns], check=False)


if __name__ == "__main__":
    main()
