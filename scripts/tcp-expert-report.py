#!/usr/bin/env python3
"""Compares layerscope's TCP expert notes (tcp.analysis.* flags) with tshark's, frame by
frame, over capture files; prints, per flag, the frames both mark, those only tshark marks
and those only we mark, and the files where they differ.

    scripts/tcp-expert-report.py [--bin target/release/layerscope] [--details] FILE|DIR ...

A directory stands for every capture below it. Files without TCP (by our reading) are not
sent to tshark; files tshark cannot read are counted and left out.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

FLAGS = [
    "retransmission",
    "fast_retransmission",
    "spurious_retransmission",
    "out_of_order",
    "duplicate_ack",
    "zero_window",
    "zero_window_probe",
    "zero_window_probe_ack",
    "window_update",
    "window_full",
    "keep_alive",
    "keep_alive_ack",
    "lost_segment",
    "ack_lost_segment",
    "reused_ports",
]
# Values compared as well as flags: which frame an ACK acknowledges, and its RTT.
VALUES = ["acks_frame", "ack_rtt"]


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith((".pcap", ".pcapng", ".cap")):
                        yield os.path.join(root, n)
        else:
            yield p


class Pairs(list):
    """A JSON object as its list of pairs: tshark repeats keys (one `_ws.expert` object per
    expert note of a frame), which a dict would keep only the last of."""


def walk(node, found):
    """Every tcp.analysis.* key below node, with its value."""
    if isinstance(node, Pairs):
        for k, v in node:
            if k.startswith("tcp.analysis."):
                found.append((k[len("tcp.analysis."):], v))
            walk(v, found)
    elif isinstance(node, dict):
        walk(Pairs(node.items()), found)
    elif isinstance(node, list):
        for v in node:
            walk(v, found)


def ours(binary, path):
    out = subprocess.run(
        [binary, "dissect", "--json", path], capture_output=True, timeout=120
    )
    if out.returncode != 0 and not out.stdout:
        return None
    try:
        packets = json.loads(out.stdout)
    except json.JSONDecodeError:
        return None
    frames = {}
    any_tcp = False
    for p in packets:
        found = []
        for layer in p.get("layers", []):
            if layer.get("protocol") == "tcp":
                any_tcp = True
            walk(layer.get("fields", {}), found)
        frames[p["frame.number"]] = dict(found)
    return frames if any_tcp else {}


def theirs(path):
    out = subprocess.run(
        ["tshark", "-n", "-r", path, "-T", "json"],
        capture_output=True,
        timeout=300,
    )
    try:
        packets = json.loads(out.stdout, object_pairs_hook=Pairs)
    except json.JSONDecodeError:
        return None
    frames = {}
    for p in packets:
        layers = dict(dict(p)["_source"])["layers"]
        number = int(dict(dict(layers)["frame"])["frame.number"])
        found = []
        walk([v for k, v in layers if k == "tcp"], found)
        frames[number] = dict(found)
    return frames


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/layerscope")
    ap.add_argument("--details", action="store_true", help="list every differing frame")
    ap.add_argument(
        "--known",
        help="a file of differences understood and accepted (lines as --details prints them, "
        "after the corpus folder; '#' comments): exit 1 on any other, or on one that is gone",
    )
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    both = defaultdict(int)
    only_tshark = defaultdict(int)
    only_ours = defaultdict(int)
    value_same = defaultdict(int)
    value_diff = defaultdict(int)
    value_missing = defaultdict(int)
    files_differing = defaultdict(set)
    details = []
    compared = unreadable = 0
    for path in files_of(args.paths):
        mine = ours(args.bin, path)
        if not mine:
            continue
        tshark = theirs(path)
        if tshark is None:
            unreadable += 1
            continue
        compared += 1
        for number, t in tshark.items():
            o = mine.get(number, {})
            for flag in FLAGS:
                a, b = flag in t, flag in o
                if a and b:
                    both[flag] += 1
                elif a:
                    only_tshark[flag] += 1
                    files_differing[flag].add(path)
                    details.append(f"{path} #{number}: {flag} tshark only")
                elif b:
                    only_ours[flag] += 1
                    files_differing[flag].add(path)
                    details.append(f"{path} #{number}: {flag} ours only")
            for name in VALUES:
                if name not in t:
                    continue
                if name not in o:
                    value_missing[name] += 1
                elif abs(float(t[name]) - float(o[name])) < 1e-6:
                    value_same[name] += 1
                else:
                    value_diff[name] += 1
                    files_differing[name].add(path)
                    details.append(f"{path} #{number}: {name} tshark {t[name]} ours {o[name]}")

    print(f"{compared} files with TCP compared, {unreadable} tshark could not read")
    print(f"{'flag':26} {'both':>6} {'tshark only':>12} {'ours only':>10} {'files differing':>16}")
    for flag in FLAGS:
        print(
            f"{flag:26} {both[flag]:6} {only_tshark[flag]:12} {only_ours[flag]:10} "
            f"{len(files_differing[flag]):16}"
        )
    print(f"{'value':26} {'same':>6} {'different':>12} {'not ours':>10}")
    for name in VALUES:
        print(f"{name:26} {value_same[name]:6} {value_diff[name]:12} {value_missing[name]:10}")
    if args.details:
        print("\n".join(details))
    if args.known:
        with open(args.known, encoding="utf-8") as f:
            known = {
                line.split("#", 1)[0].strip() + " #" + line.split("#", 1)[1].strip()
                for line in f
                if line.strip() and not line.startswith("#")
            }
        seen = set()
        unexplained = []
        for d in details:
            short = next((d[len(k):] for k in args.paths if d.startswith(k)), d).lstrip("/")
            if short in known:
                seen.add(short)
            else:
                unexplained.append(d)
        for d in unexplained:
            print(f"not known: {d}")
        for k in sorted(known - seen):
            print(f"known but gone (take it off the list): {k}")
        if unexplained or known - seen:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
