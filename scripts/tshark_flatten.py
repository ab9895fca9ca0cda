#!/usr/bin/env python3
"""Reads `tshark -T json` on stdin; writes one flat object per packet with the fields the
tests compare, typed as tshark types them (integers, booleans, strings)."""
import json
import re
import sys

FIELDS = """frame.number frame.len frame.cap_len frame.protocols
eth.src eth.dst eth.type sll.pkttype sll.etype sll.ifindex sll.src.eth
vlan.id vlan.priority vlan.etype ieee8021ad.id
ip.version ip.hdr_len ip.len ip.id ip.flags.df ip.flags.mf ip.frag_offset ip.ttl ip.proto ip.src ip.dst
ipv6.src ipv6.dst ipv6.nxt ipv6.hlim ipv6.plen
tcp.srcport tcp.dstport tcp.stream tcp.len tcp.seq tcp.seq_raw tcp.nxtseq tcp.ack tcp.ack_raw tcp.hdr_len
tcp.flags.syn tcp.flags.ack tcp.flags.fin tcp.flags.reset tcp.flags.push tcp.flags.urg
tcp.window_size_value tcp.window_size tcp.options.mss_val tcp.options.wscale.shift
udp.srcport udp.dstport udp.length udp.stream
icmp.type icmp.code icmp.ident icmp.seq icmpv6.type icmpv6.code
arp.opcode arp.src.hw_mac arp.src.proto_ipv4 arp.dst.hw_mac arp.dst.proto_ipv4""".split()
BOOL = {f for f in FIELDS if ".flags." in f}
STRING = {"frame.protocols"}
ADDR = re.compile(r"^(eth|sll|arp|ip|ipv6)\.(src|dst)")


def typed(name, v):
    if name in BOOL:
        return v in ("1", "True", "true")
    if name in STRING or ADDR.match(name) or name.endswith("_mac") or name.endswith("_ipv4") or name == "sll.src.eth":
        return v
    return int(v, 16) if v.startswith("0x") else int(v)


def collect(obj, out):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in FIELDS and isinstance(v, str):
                out.setdefault(k, []).append(typed(k, v))
            elif isinstance(v, (dict, list)):
                collect(v, out)
    elif isinstance(obj, list):
        for x in obj:
            collect(x, out)


packets = []
for p in json.load(sys.stdin):
    found = {}
    collect(p["_source"]["layers"], found)
    packets.append({k: (v[0] if len(v) == 1 else v) for k, v in found.items()})
print("[")
print(",\n".join(json.dumps(p) for p in packets))
print("]")
