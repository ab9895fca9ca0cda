//! Synthesised loopback captures for the benchmarks and the large-file tests: TCP echo
//! sessions on 127.0.0.1 (handshake, request, echo, ACKs, teardown) with 520-byte
//! messages, each followed by a UDP query and answer on 9999; about 330 bytes per frame on
//! average. Built with pnet's packet builders, checksums included, shaped like Linux
//! loopback traffic: MSS, SACK permitted, timestamps and window scale on SYNs, timestamps on
//! every other segment, scaled windows, incrementing IP identification with DF.

use std::path::Path;

use layerscope::capture::{Format, PacketWriter, RawPacket};
use layerscope_wire::LinkType;
use pnet_packet::ethernet::{EtherTypes, MutableEthernetPacket};
use pnet_packet::ip::IpNextHeaderProtocols;
use pnet_packet::ipv4::{self, MutableIpv4Packet};
use pnet_packet::tcp::{self, MutableTcpPacket, TcpFlags, TcpOption};
use pnet_packet::udp::{self, MutableUdpPacket};

const MESSAGE: usize = 520;

/// Handshake (3), eight requests with echo and ACK (24), teardown (3), UDP query and
/// answer (2).
#[allow(dead_code)]
pub const PACKETS_PER_SESSION: usize = 32;

/// Sequence, acknowledgment, flags and timestamps of one segment.
struct Segment {
    seq: u32,
    ack: u32,
    flags: u8,
    /// TCP timestamp option: this side's clock and the echoed one.
    ts: (u32, u32),
    ip_id: u16,
}

/// One loopback TCP frame built with pnet, checksums filled in.
fn frame(src_port: u16, dst_port: u16, seg: Segment, payload: &[u8]) -> Vec<u8> {
    let syn = seg.flags & TcpFlags::SYN != 0;
    let options: Vec<TcpOption> = if syn {
        vec![
            TcpOption::mss(65495),
            TcpOption::sack_perm(),
            TcpOption::timestamp(seg.ts.0, seg.ts.1),
            TcpOption::nop(),
            TcpOption::wscale(7),
        ]
    } else {
        vec![
            TcpOption::nop(),
            TcpOption::nop(),
            TcpOption::timestamp(seg.ts.0, seg.ts.1),
        ]
    };
    let options_len = if syn { 20 } else { 12 };
    let tcp_len = 20 + options_len + payload.len();
    let ip_len = 20 + tcp_len;
    let mut buf = vec![0u8; 14 + ip_len];
    {
        let mut eth = MutableEthernetPacket::new(&mut buf).expect("ethernet buffer");
        eth.set_ethertype(EtherTypes::Ipv4);
    }
    let lo = std::net::Ipv4Addr::LOCALHOST;
    {
        let mut ip = MutableIpv4Packet::new(&mut buf[14..]).expect("ip buffer");
        ip.set_version(4);
        ip.set_header_length(5);
        ip.set_total_length(ip_len as u16);
        ip.set_ttl(64);
        ip.set_flags(2);
        ip.set_identification(seg.ip_id);
        ip.set_next_level_protocol(IpNextHeaderProtocols::Tcp);
        ip.set_source(lo);
        ip.set_destination(lo);
        let c = ipv4::checksum(&ip.to_immutable());
        ip.set_checksum(c);
    }
    {
        let mut t = MutableTcpPacket::new(&mut buf[34..]).expect("tcp buffer");
        t.set_source(src_port);
        t.set_destination(dst_port);
        t.set_sequence(seg.seq);
        t.set_acknowledgement(seg.ack);
        t.set_data_offset(5 + options_len as u8 / 4);
        t.set_flags(seg.flags);
        // 65495 before scaling is agreed, then 512 << 7 = 65536.
        t.set_window(if syn { 65495 } else { 512 });
        t.set_options(&options);
        t.set_payload(payload);
        let c = tcp::ipv4_checksum(&t.to_immutable(), &lo, &lo);
        t.set_checksum(c);
    }
    buf
}

/// One loopback UDP frame built with pnet, checksums filled in.
fn udp_frame(src_port: u16, dst_port: u16, payload: &[u8]) -> Vec<u8> {
    let udp_len = 8 + payload.len();
    let ip_len = 20 + udp_len;
    let mut buf = vec![0u8; 14 + ip_len];
    if let Some(mut eth) = MutableEthernetPacket::new(&mut buf) {
        eth.set_ethertype(EtherTypes::Ipv4);
    }
    let lo = std::net::Ipv4Addr::LOCALHOST;
    if let Some(mut ip) = MutableIpv4Packet::new(&mut buf[14..]) {
        ip.set_version(4);
        ip.set_header_length(5);
        ip.set_total_length(ip_len as u16);
        ip.set_ttl(64);
        ip.set_flags(2);
        ip.set_next_level_protocol(IpNextHeaderProtocols::Udp);
        ip.set_source(lo);
        ip.set_destination(lo);
        let c = ipv4::checksum(&ip.to_immutable());
        ip.set_checksum(c);
    }
    if let Some(mut u) = MutableUdpPacket::new(&mut buf[34..]) {
        u.set_source(src_port);
        u.set_destination(dst_port);
        u.set_length(udp_len as u16);
        u.set_payload(payload);
        let c = udp::ipv4_checksum(&u.to_immutable(), &lo, &lo);
        u.set_checksum(c);
    }
    buf
}

/// One end of a connection: its port, its TCP timestamp clock (one tick a segment) and its
/// IP identification counter.
struct Side {
    port: u16,
    clock: u32,
    ip_id: u16,
}

impl Side {
    fn new(port: u16, clock: u32) -> Self {
        Side {
            port,
            clock,
            ip_id: 0,
        }
    }

    /// The next segment to `to`, echoing the peer's clock `echo`; returns it and this side's
    /// clock value in it.
    fn send(
        &mut self,
        to: u16,
        seq: u32,
        ack: u32,
        flags: u8,
        payload: &[u8],
        echo: u32,
    ) -> (Vec<u8>, u32) {
        self.clock = self.clock.wrapping_add(1);
        self.ip_id = self.ip_id.wrapping_add(1);
        let seg = Segment {
            seq,
            ack,
            flags,
            ts: (self.clock, echo),
            ip_id: self.ip_id,
        };
        (frame(self.port, to, seg, payload), self.clock)
    }
}

/// Writes `packets` frames of echo sessions to `path` (pcap, nanosecond timestamps).
pub fn synthesise(path: &Path, packets: usize) -> anyhow::Result<()> {
    let tmp = path.with_extension("part");
    let mut w = PacketWriter::create(&tmp, Format::Pcap, LinkType::ETHERNET, 262_144)?;
    let (mut written, mut session, mut ts_ns) = (0usize, 0u32, 1_700_000_000_000_000_000i64);
    let message = vec![b'x'; MESSAGE];
    'outer: loop {
        // Linux's ephemeral port range.
        let client = 32_768 + (session % 28_000) as u16;
        let (c_isn, s_isn) = (session.wrapping_mul(7919), session.wrapping_mul(104_729));
        let (mut cs, mut ss) = (c_isn + 1, s_isn + 1);
        let mut client_side = Side::new(client, session.wrapping_mul(31));
        let mut server_side = Side::new(8888, 1);
        let mut to_server = |seq, ack, flags, payload: &[u8], echo: u32| {
            client_side.send(8888, seq, ack, flags, payload, echo)
        };
        let mut to_client = |seq, ack, flags, payload: &[u8], echo: u32| {
            server_side.send(client, seq, ack, flags, payload, echo)
        };
        let mut script: Vec<Vec<u8>> = Vec::with_capacity(32);
        let (syn, c) = to_server(c_isn, 0, TcpFlags::SYN, &[], 0);
        script.push(syn);
        let (syn_ack, s) = to_client(s_isn, cs, TcpFlags::SYN | TcpFlags::ACK, &[], c);
        script.push(syn_ack);
        let (ack, mut c) = to_server(cs, ss, TcpFlags::ACK, &[], s);
        script.push(ack);
        let mut s = s;
        let push_ack = TcpFlags::PSH | TcpFlags::ACK;
        for _ in 0..8 {
            let (request, c1) = to_server(cs, ss, push_ack, &message, s);
            script.push(request);
            cs += MESSAGE as u32;
            let (echo, s1) = to_client(ss, cs, push_ack, &message, c1);
            script.push(echo);
            ss += MESSAGE as u32;
            let (ack, c2) = to_server(cs, ss, TcpFlags::ACK, &[], s1);
            script.push(ack);
            (c, s) = (c2, s1);
        }
        let fin_ack = TcpFlags::FIN | TcpFlags::ACK;
        let (fin, c1) = to_server(cs, ss, fin_ack, &[], s);
        script.push(fin);
        let (fin, s1) = to_client(ss, cs + 1, fin_ack, &[], c1);
        script.push(fin);
        script.push(to_server(cs + 1, ss + 1, TcpFlags::ACK, &[], s1).0);
        let _ = c;
        script.push(udp_frame(client, 9999, b"{\"query\": \"status\"}"));
        script.push(udp_frame(9999, client, b"{\"status\": \"ok\"}"));
        for data in script {
            ts_ns += 7_000;
            let len = data.len() as u32;
            w.write(&RawPacket {
                ts_sec: ts_ns / 1_000_000_000,
                ts_nsec: (ts_ns % 1_000_000_000) as u32,
                orig_len: len,
                data,
            })?;
            written += 1;
            if written == packets {
                break 'outer;
            }
        }
        session += 1;
    }
    w.finish()?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}

/// Writes one UDP datagram per payload, 127.0.0.1:40000 → 127.0.0.1:9999 (pcap): fixtures
/// for payload decoding (encodings, control bytes).
#[allow(dead_code)]
pub fn write_udp_payloads(path: &Path, payloads: &[&[u8]]) {
    let mut w = PacketWriter::create(path, Format::Pcap, LinkType::ETHERNET, 262_144)
        .expect("create capture");
    for (i, payload) in payloads.iter().enumerate() {
        let data = udp_frame(40_000, 9_999, payload);
        let len = data.len() as u32;
        w.write(&RawPacket {
            ts_sec: 1_700_000_000 + i as i64,
            ts_nsec: 0,
            orig_len: len,
            data,
        })
        .expect("write packet");
    }
    w.finish().expect("finish capture");
}
