#!/usr/bin/env python3
"""The course's "remote command" exercise, made safe: the client sends a command name,
the server answers with a 4-byte length (struct.pack('!I', n)) and then that command's
output. The length prefix is the framing that cures sticky packets: the client reads 4
bytes, then exactly n.

It never runs what it receives: the answers come from a fixed table of harmless,
made-up outputs, so nothing a client sends can execute on this machine.

    python3 command_server.py [--port 3234] [--once]
"""
import argparse
import socket
import struct

ANSWERS = {
    "date": "2026-12-03 14:00:00\n",
    "whoami": "student\n",
    "ls": "client.py\nserver.py\nnotes.txt\n",
    "ipconfig": "Windows IP 配置\n\n   IPv4 地址 . . . . . . . . . . . . : 127.0.0.1\n",
    "help": "commands: date, whoami, ls, ipconfig, help\n",
}

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=3234)
parser.add_argument("--once", action="store_true", help="serve one client, then exit")
args = parser.parse_args()


def reply(conn, text):
    body = text.encode("utf-8")
    conn.sendall(struct.pack("!I", len(body)) + body)


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen()
    print(f"listening on 127.0.0.1:{args.port}", flush=True)
    while True:
        conn, addr = server.accept()
        with conn:
            while True:
                name = conn.recv(1024).decode("utf-8", errors="replace").strip()
                if not name:
                    break
                reply(conn, ANSWERS.get(name, f"unknown command: {name}\n"))
        if args.once:
            break
