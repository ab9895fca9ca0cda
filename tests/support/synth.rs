//! Synthesised loopback captures for the benchmarks and the large-file tests: TCP echo
//! sessions on 127.0.0.1 (handshake, request, echo, ACKs, teardown) with 520-byte
//! messages, each followed by a UDP query and answer on 9999; about 320 bytes per frame on
//! average. Built with pnet's packet builders, checksums included.

use std::path::Path;

use layerscope::capture::{Format, PacketWriter, RawPacket};
use layerscope_wire::LinkType;
use pnet_packet::ethernet::{EtherTypes, MutableEthernetPacket};
use pnet_packet::ip::IpNextHeaderProtocols;
use pnet_packet::ipv4::{self, MutableIpv4Packet};
use pnet_packet::tcp::{self, MutableTcpPacket, TcpFlags};
use pnet_packet::udp::{self, MutableUdpPacket};

const MESSAGE: usize = 520;

/// One loopback TCP frame built with pnet, checksums filled in.
fn frame(src_port: u16, dst_port: u16, seq: u32, ack: u32, flags: u8, payload: &[u8]) -> Vec<u8> {
    let tcp_len = 20 + payload.len();
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
        t.set_sequence(seq);
        t.set_acknowledgement(ack);
        t.set_data_offset(5);
        t.set_flags(flags);
        t.set_window(65535);
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

/// Writes `packets` frames of echo sessions to `path` (pcap, nanosecond timestamps).
pub fn synthesise(path: &Path, packets: usize) -> anyhow::Result<()> {
    let tmp = path.with_extension("part");
    let mut w = PacketWriter::create(&tmp, Format::Pcap, LinkType::ETHERNET, 262_144)?;
    let (mut written, mut session, mut ts_ns) = (0usize, 0u32, 1_700_000_000_000_000_000i64);
    let message = vec![b'x'; MESSAGE];
    'outer: loop {
        let client = 10_000 + (session % 50_000) as u16;
        let (c_isn, s_isn) = (session.wrapping_mul(7919), session.wrapping_mul(104_729));
        let (mut cs, mut ss) = (c_isn + 1, s_isn + 1);
        let mut script: Vec<Vec<u8>> = vec![
            frame(client, 8888, c_isn, 0, TcpFlags::SYN, &[]),
            frame(8888, client, s_isn, cs, TcpFlags::SYN | TcpFlags::ACK, &[]),
            frame(client, 8888, cs, ss, TcpFlags::ACK, &[]),
        ];
        for _ in 0..8 {
            script.push(frame(
                client,
                8888,
                cs,
                ss,
                TcpFlags::PSH | TcpFlags::ACK,
                &message,
            ));
            cs += MESSAGE as u32;
            script.push(frame(
                8888,
                client,
                ss,
                cs,
                TcpFlags::PSH | TcpFlags::ACK,
                &message,
            ));
            ss += MESSAGE as u32;
            script.push(frame(client, 8888, cs, ss, TcpFlags::ACK, &[]));
        }
        script.push(frame(
            client,
            8888,
            cs,
            ss,
            TcpFlags::FIN | TcpFlags::ACK,
            &[],
        ));
        script.push(frame(
            8888,
            client,
            ss,
            cs + 1,
            TcpFlags::FIN | TcpFlags::ACK,
            &[],
        ));
        script.push(frame(client, 8888, cs + 1, ss + 1, TcpFlags::ACK, &[]));
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
