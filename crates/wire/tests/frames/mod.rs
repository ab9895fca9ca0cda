//! Frames shared by the dissector tests: one real capture frame and frames built with
//! etherparse's packet builder for every link type.
#![allow(dead_code)]

use etherparse::PacketBuilder;
use layerscope_wire::LinkType;

/// Frame 1 of captures/tcp-echo-ipv4.pcapng: the client's SYN to 127.0.0.1:8888.
pub const SYN: &str = "00000000000000000000000008004500003c401c40004006fc9d7f0000017f0000019e8022b85097afaf00000000a002ffd7fe3000000204ffd70402080a37b1f58c000000000103030a";

pub fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

pub fn built_frames() -> Vec<(LinkType, Vec<u8>)> {
    let mut out = Vec::new();
    let mut push = |link, f: Vec<u8>| out.push((link, f));
    let mut v = Vec::new();
    PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
        .ipv4([127, 0, 0, 1], [127, 0, 0, 1], 64)
        .udp(40000, 9999)
        .write(&mut v, b"Hello, server!")
        .unwrap();
    push(LinkType::ETHERNET, v);
    let mut v = Vec::new();
    PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
        .ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
        .icmpv4_echo_request(0x1234, 7)
        .write(&mut v, b"ping data")
        .unwrap();
    push(LinkType::ETHERNET, v);
    let mut v = Vec::new();
    PacketBuilder::ipv6(
        [0; 16],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        64,
    )
    .tcp(5555, 8888, 1000, 65535)
    .syn()
    .write(&mut v, &[])
    .unwrap();
    push(LinkType::RAW, v.clone());
    // The same IPv6 packet behind a BSD loopback header (family 30, host order).
    let mut null = vec![30, 0, 0, 0];
    null.extend_from_slice(&v);
    push(LinkType::NULL, null);
    // Linux cooked v1 (loopback, sent by us) and v2 around an IPv4/UDP packet.
    let mut ip = Vec::new();
    PacketBuilder::ipv4([127, 0, 0, 1], [127, 0, 0, 1], 64)
        .udp(1, 2)
        .write(&mut ip, b"x")
        .unwrap();
    let mut sll = vec![0, 4, 3, 4, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0];
    sll.extend_from_slice(&ip);
    push(LinkType::LINUX_SLL, sll);
    let mut sll2 = vec![8, 0, 0, 0, 0, 0, 0, 1, 3, 4, 4, 6, 0, 0, 0, 0, 0, 0, 0, 0];
    sll2.extend_from_slice(&ip);
    push(LinkType::LINUX_SLL2, sll2);
    // ARP request behind a VLAN tag.
    let mut arp = hex("ffffffffffff02000000000181000064080600010800060400010200000000010a0000010000000000000a000002");
    arp.resize(60, 0);
    push(LinkType::ETHERNET, arp);
    push(LinkType::ETHERNET, hex(SYN));
    out
}
