#!/usr/bin/env python3
"""TCP echo client: connects to 127.0.0.1:8888, sends "Hello, server!", then "你好"
(six bytes in UTF-8), and prints each answer.

    python3 echo_client.py [--port 8888]
"""
import argparse
import socket

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--port", type=int, default=8888)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
    client.connect(("127.0.0.1", args.port))
    for message in ["Hello, server!", "你好"]:
        client.sendall(message.encode("utf-8"))
        # One recv per send is enough here: the server answers before we send again.
        print("received:", client.recv(1024).decode("utf-8"))
