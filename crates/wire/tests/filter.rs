#![allow(clippy::unwrap_used)] // tests fail loudly by design
//! Display filters against real frames, and the quick transport path against the full one.

use etherparse::PacketBuilder;

mod frames;
use frames::{built_frames, hex, SYN};
use layerscope_wire::analysis::Transport;
use layerscope_wire::{dissect, Analyzer, Filter, FrameFacts, LinkType};

fn matches(filter: &str, link: LinkType, frame: &[u8]) -> bool {
    let mut d = dissect(link, frame);
    let mut a = Analyzer::new();
    let analysis = a.observe(1, 0, frame, &d);
    Analyzer::annotate(&mut d, frame, &analysis);
    let facts = FrameFacts {
        dissection: &d,
        frame,
        number: 1,
        orig_len: frame.len() as u32,
        time_relative: 0.0,
    };
    Filter::parse(filter).unwrap().matches(&facts)
}

fn hello_udp() -> Vec<u8> {
    let b = PacketBuilder::ethernet2([0; 6], [0; 6])
        .ipv4([127, 0, 0, 1], [127, 0, 0, 1], 64)
        .udp(40000, 8888);
    let mut out = Vec::new();
    b.write(&mut out, b"Hello, server!").unwrap();
    out
}

#[test]
fn syn_matches_the_filters_a_student_types() {
    let syn = hex(SYN);
    let e = LinkType::ETHERNET;
    for yes in [
        "tcp",
        "ip",
        "eth",
        "tcp.port == 8888",
        "tcp.port == 8888 && tcp.flags.syn == 1",
        "tcp.flags.syn == 1 and tcp.flags.ack == 0",
        "tcp.flags.syn",
        "ip.addr == 127.0.0.1",
        "ip.src == 127.0.0.0/8",
        "ip.dst eq 127.0.0.1",
        "tcp.dstport >= 8000 && tcp.dstport < 9000",
        "tcp.srcport != 8888",
        "!udp",
        "not (udp or arp)",
        "tcp.stream == 0",
        "tcp.seq == 0",
        "tcp.flags == 0x002",
        "ip.ttl > 63",
        "eth.src == 00:00:00:00:00:00",
        "frame.len == 74",
        "frame.number == 1",
        "tcp.options.mss_val == 65495",
    ] {
        assert!(matches(yes, e, &syn), "{yes} should match the SYN");
    }
    for no in [
        "udp",
        "ipv6",
        "tcp.port == 9999",
        "tcp.flags.ack == 1",
        "ip.addr == 10.0.0.0/8",
        "tcp.srcport == 8888",
        "tcp.port != 8888",
        "frame.len < 60",
        "tcp.payload contains \"Hello\"",
    ] {
        assert!(!matches(no, e, &syn), "{no} should not match the SYN");
    }
}

#[test]
fn contains_looks_at_payload_bytes_and_protocol_spans() {
    let f = hello_udp();
    let e = LinkType::ETHERNET;
    assert!(matches("udp contains \"Hello\"", e, &f));
    assert!(matches("frame contains \"server\"", e, &f));
    assert!(matches("udp.port == 8888 && data", e, &f));
    assert!(matches("data.data contains 48:65:6c:6c:6f", e, &f));
    assert!(!matches("frame contains \"bye\"", e, &f));
    assert!(!matches("tcp contains \"Hello\"", e, &f));
}

#[test]
fn quick_transport_agrees_with_the_full_dissection() {
    let mut frames = built_frames();
    frames.push((LinkType::ETHERNET, hex(SYN)));
    frames.push((LinkType::ETHERNET, hello_udp()));
    let mut checked = 0;
    for (link, frame) in &frames {
        for cut in [frame.len(), frame.len().saturating_sub(3), 40, 20, 14, 0] {
            let f = &frame[..cut.min(frame.len())];
            let full = Transport::of(f, &dissect(*link, f));
            assert_eq!(
                Transport::quick(*link, f),
                full,
                "{link} frame cut at {cut}"
            );
            checked += 1;
        }
    }
    assert!(checked > 20);
}
