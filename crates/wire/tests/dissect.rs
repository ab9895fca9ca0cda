#![allow(clippy::unwrap_used)] // tests fail loudly by design
//! The dissector on real and built frames: field values, byte/bit ranges, truncation stops,
//! explanations, and the TCP tracker's view of a whole connection.

use etherparse::PacketBuilder;
use layerscope_wire::registry as hf;

mod frames;
use frames::{built_frames, hex, SYN};
use layerscope_wire::analysis::{Analysis, SegmentRole, TcpState};
use layerscope_wire::{dissect, Analyzer, Dissection, LinkType, Protocol, StopKind, Value};

fn u(d: &Dissection, abbrev: &str) -> u64 {
    let def = hf::by_abbrev(abbrev).unwrap_or_else(|| panic!("{abbrev} is not a field"));
    d.field(def)
        .and_then(|f| f.as_u64())
        .unwrap_or_else(|| panic!("{abbrev} missing"))
}

#[test]
fn syn_frame_fields_values_and_positions() {
    let f = hex(SYN);
    let d = dissect(LinkType::ETHERNET, &f);
    let protos: Vec<Protocol> = d.layers.iter().map(|l| l.protocol).collect();
    assert_eq!(protos, [Protocol::Ethernet, Protocol::Ipv4, Protocol::Tcp]);
    assert!(d.stop.is_none());
    assert_eq!(u(&d, "eth.type"), 0x0800);
    assert_eq!(u(&d, "ip.ttl"), 64);
    assert_eq!(u(&d, "ip.hdr_len"), 20);
    assert_eq!(u(&d, "tcp.dstport"), 8888);
    assert_eq!(u(&d, "tcp.options.mss_val"), 65495);
    assert_eq!(u(&d, "tcp.options.wscale.shift"), 10);
    assert_eq!(u(&d, "tcp.hdr_len"), 40);
    let syn = d.field(&hf::tcp::FLAGS_SYN).unwrap();
    assert_eq!(syn.value, Value::Bool(true));
    assert_eq!(syn.bytes, 46..48);
    assert_eq!(syn.bits, Some((14, 1)));
    let df = d.field(&hf::ip::FLAGS_DF).unwrap();
    assert_eq!(
        (df.value.clone(), df.bytes.clone(), df.bits),
        (Value::Bool(true), 20..22, Some((1, 1)))
    );
    assert_eq!(d.field(&hf::tcp::SRCPORT).unwrap().bytes, 34..36);
    let tcp = d.layer(Protocol::Tcp).unwrap();
    assert_eq!(
        (tcp.osi, tcp.pdu.name(), tcp.header.clone()),
        (4, "segment", 34..74)
    );
    // Clicking a byte finds its field: byte 47 holds the flags, the most specific field wins.
    assert_eq!(d.field_at(35).unwrap().abbrev(), "tcp.srcport");
}

#[test]
fn truncated_tcp_header_keeps_what_was_captured_and_says_why() {
    let f = hex(SYN);
    let d = dissect(LinkType::ETHERNET, &f[..40]);
    assert_eq!(d.layers.len(), 3, "Ethernet, IPv4 and the cut TCP header");
    // Six bytes of TCP: the ports, as tshark shows them (it needs 16 for anything more).
    let tcp = d.layer(Protocol::Tcp).unwrap();
    let names: Vec<_> = tcp.all_fields().map(|f| f.abbrev()).collect();
    assert_eq!(names, ["tcp.srcport", "tcp.dstport"]);
    // The data offset was not captured: the 20 fixed bytes are what is known to be missing.
    assert_eq!((tcp.header.clone(), tcp.missing.clone()), (34..40, 40..54));
    assert!(tcp.is_cut());
    let stop = d.stop.unwrap();
    assert_eq!(stop.kind, StopKind::Truncated);
    assert_eq!(stop.protocol, "TCP");
    assert_eq!(stop.offset, 34);
    assert_eq!(stop.reason, "needs 20 bytes, 6 captured");
}

#[test]
fn a_short_ethernet_frame_stops_in_ethernet() {
    let d = dissect(LinkType::ETHERNET, &[0u8; 6]);
    // The layer is there, cut, without fields: tshark reads all 14 bytes before its first.
    assert_eq!(d.layers.len(), 1);
    let eth = &d.layers[0];
    assert_eq!(
        (eth.protocol, eth.header.clone(), eth.missing.clone()),
        (Protocol::Ethernet, 0..6, 6..14)
    );
    assert!(eth.fields.is_empty());
    assert_eq!(
        d.stop.unwrap().to_string(),
        "stopped in Ethernet at byte 0: needs 14 bytes, 6 captured"
    );
}

#[test]
fn unknown_link_type_is_named() {
    let d = dissect(LinkType(147), &[1, 2, 3]);
    assert_eq!(
        d.stop.unwrap().reason,
        "link type 147 is not a link type layerscope decodes"
    );
}

#[test]
fn every_link_type_reaches_the_transport_layer() {
    for (link, f) in built_frames() {
        let d = dissect(link, &f);
        assert!(d.stop.is_none(), "{link}: {:?}", d.stop);
        let top = d
            .layers
            .iter()
            .map(|l| l.protocol.abbrev())
            .collect::<Vec<_>>()
            .join(":");
        assert!(
            ["udp", "icmp", "tcp", "arp", "data"]
                .iter()
                .any(|p| top.ends_with(p)),
            "{link}: {top}"
        );
    }
}

#[test]
fn cooked_and_vlan_headers_are_decoded() {
    let frames = built_frames();
    let sll = dissect(LinkType::LINUX_SLL, &frames[4].1);
    assert_eq!(u(&sll, "sll.pkttype"), 4);
    assert_eq!(u(&sll, "sll.etype"), 0x0800);
    let sll2 = dissect(LinkType::LINUX_SLL2, &frames[5].1);
    assert_eq!(u(&sll2, "sll.ifindex"), 1);
    let arp = dissect(LinkType::ETHERNET, &frames[6].1);
    assert_eq!(u(&arp, "vlan.id"), 100);
    assert_eq!(u(&arp, "arp.opcode"), 1);
    assert_eq!(
        arp.field(&hf::eth::PADDING).map(|f| f.bytes.clone()),
        Some(46..60)
    );
    let null = dissect(LinkType::NULL, &frames[3].1);
    assert_eq!(u(&null, "null.family"), 30);
    assert_eq!(u(&null, "tcp.flags.syn"), 1);
}

#[test]
fn every_emitted_field_has_an_explanation_and_stays_inside_the_frame() {
    for (link, f) in built_frames() {
        let mut d = dissect(link, &f);
        let mut a = Analyzer::new();
        let an = a.observe(1, 0, &f, &d);
        Analyzer::annotate(&mut d, &f, &an);
        for l in &d.layers {
            for field in l.all_fields() {
                assert!(
                    !field.explanation().is_empty(),
                    "{} has no explanation",
                    field.abbrev()
                );
                assert!(
                    field.bytes.end <= f.len(),
                    "{} points past the frame",
                    field.abbrev()
                );
            }
        }
    }
}

/// Builds one loopback TCP segment.
fn seg(from_client: bool, seq: u32, ack: Option<u32>, flags: &str, data: &[u8]) -> Vec<u8> {
    let (sp, dp) = if from_client {
        (40000, 8888)
    } else {
        (8888, 40000)
    };
    let b = PacketBuilder::ethernet2([0; 6], [0; 6]).ipv4([127, 0, 0, 1], [127, 0, 0, 1], 64);
    let mut t = b.tcp(sp, dp, seq, 65000);
    if let Some(a) = ack {
        t = t.ack(a);
    }
    if flags.contains('S') {
        t = t.syn();
    }
    if flags.contains('F') {
        t = t.fin();
    }
    if flags.contains('R') {
        t = t.rst();
    }
    if flags.contains('P') {
        t = t.psh();
    }
    let mut v = Vec::new();
    t.write(&mut v, data).unwrap();
    v
}

#[test]
fn tracker_follows_handshake_data_and_teardown() {
    let (c, s) = (1000u32, 5000u32);
    let frames = [
        seg(true, c, None, "S", b""),
        seg(false, s, Some(c + 1), "S", b""),
        seg(true, c + 1, Some(s + 1), "", b""),
        seg(true, c + 1, Some(s + 1), "P", b"Hello, server!"),
        seg(false, s + 1, Some(c + 15), "P", b"Hello, server!"),
        seg(true, c + 15, Some(s + 15), "F", b""),
        seg(false, s + 15, Some(c + 16), "F", b""),
        seg(true, c + 16, Some(s + 16), "", b""),
    ];
    let mut a = Analyzer::new();
    let infos: Vec<_> = frames
        .iter()
        .enumerate()
        .map(
            |(i, f)| match a.observe(i as u32 + 1, 0, f, &dissect(LinkType::ETHERNET, f)) {
                Analysis::Tcp(t) => t,
                other => panic!("not TCP: {other:?}"),
            },
        )
        .collect();
    let roles: Vec<_> = infos.iter().map(|t| t.role).collect();
    use SegmentRole::*;
    assert_eq!(
        roles,
        [
            Some(Syn),
            Some(SynAck),
            Some(HandshakeAck),
            None,
            None,
            Some(Fin),
            Some(Fin),
            Some(FinalAck)
        ]
    );
    let nums: Vec<_> = infos.iter().map(|t| (t.seq, t.ack, t.nxtseq)).collect();
    assert_eq!(
        nums,
        [
            (0, 0, 1),
            (0, 1, 1),
            (1, 1, 1),
            (1, 1, 15),
            (1, 15, 15),
            (15, 15, 16),
            (15, 16, 16),
            (16, 16, 16)
        ]
    );
    use TcpState::*;
    let states: Vec<_> = infos
        .iter()
        .map(|t| (t.client_state, t.server_state))
        .collect();
    assert_eq!(
        states,
        [
            (SynSent, SynReceived),
            (Established, SynReceived),
            (Established, Established),
            (Established, Established),
            (Established, Established),
            (FinWait1, CloseWait),
            (TimeWait, LastAck),
            (TimeWait, Closed),
        ]
    );
    assert!(infos.iter().all(|t| t.stream == 0 && t.notes.is_empty()));
}

#[test]
fn tracker_flags_retransmission_and_new_stream_on_port_reuse() {
    let mut a = Analyzer::new();
    let mut obs = |n: u32, f: Vec<u8>| match a.observe(n, 0, &f, &dissect(LinkType::ETHERNET, &f)) {
        Analysis::Tcp(t) => t,
        _ => unreachable!(),
    };
    obs(1, seg(true, 100, None, "S", b""));
    obs(2, seg(false, 900, Some(101), "S", b""));
    obs(3, seg(true, 101, Some(901), "P", b"abc"));
    let again = obs(4, seg(true, 101, Some(901), "P", b"abc"));
    assert!(
        again.notes.retransmission,
        "same data again is a retransmission"
    );
    let reset = obs(5, seg(false, 901, Some(104), "R", b""));
    assert!(reset.notes.reset && reset.client_state == TcpState::Closed);
    let reused = obs(6, seg(true, 7777, None, "S", b""));
    assert_eq!(
        reused.stream, 1,
        "a SYN with a new ISN on the same ports starts stream 1"
    );
}

/// Every prefix of every built frame (a snapshot length of 0 up to the whole frame): no
/// panic, every field of a cut layer lies within the captured bytes, a cut layer's missing
/// part starts where the frame ends, and the quick transport path agrees with the full one.
#[test]
fn every_prefix_of_every_frame_is_shown_as_far_as_it_goes() {
    use layerscope_wire::analysis::Transport;
    for (link, frame) in frames::built_frames() {
        for len in 0..=frame.len() {
            let f = &frame[..len];
            let d = dissect(link, f);
            for l in &d.layers {
                if l.is_cut() {
                    assert_eq!(l.missing.start, len, "{link} cut at {len}");
                    assert!(
                        d.stop.is_some(),
                        "{link} cut at {len}: a cut layer says why"
                    );
                    for x in l.all_fields() {
                        assert!(
                            x.bytes.end <= len,
                            "{link} cut at {len}: {} past the end",
                            x.abbrev()
                        );
                    }
                }
            }
            assert_eq!(
                Transport::quick(link, f),
                Transport::of(f, &d),
                "{link} cut at {len}"
            );
        }
    }
}
