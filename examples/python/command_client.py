#!/usr/bin/env python3
"""Client of the safe "remote command" exercise: sends each command name, reads the
4-byte length, then exactly that many bytes, and prints the output.

    python3 command_client.py [--port 3234] [COMMAND ...]   (default: date ls ipconfig)
"""
import argparse
import socket
import struct

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=3234)
parser.add_argument("commands", nargs="*", default=["date", "ls", "ipconfig"])
args = parser.parse_args()


def read_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("the server closed the connection early")
        data += chunk
    return data


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
    client.connect(("127.0.0.1", args.port))
    for command in args.commands:
        client.sendall(command.encode("utf-8"))
        (length,) = struct.unpack("!I", read_exactly(client, 4))
        print(f"$ {command}  ({length} bytes)")
        print(read_exactly(client, length).decode("utf-8"), end="")
