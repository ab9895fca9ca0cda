//! `dissect --json`: one object per packet, keyed by Wireshark field names, with tshark's
//! value conventions (integers as numbers, flags as booleans, lower-case MACs, bytes as
//! colon-separated hex), nested per layer with the layer's OSI and TCP/IP placement.

use std::io::{self, Write};

use layerscope_wire::field::write_mac;
use layerscope_wire::{Field, Value};

use crate::packets::Decoded;

/// tshark's `frame.protocols`: the protocol chain, with `ethertype` after link headers that
/// carry an EtherType.
pub fn protocol_chain(p: &Decoded) -> String {
    let mut s = String::new();
    for l in &p.dissection.layers {
        if !s.is_empty() {
            s.push(':');
        }
        s.push_str(l.protocol.abbrev());
        match l.protocol {
            Ethernet if p.dissection.field("eth.len").is_some() => s.push_str(":llc"),
            Ethernet | Vlan | Ieee8021ad | Sll | Sll2 => s.push_str(":ethertype"),
            Ipv6 => {
                for f in &l.fields {
                    if let "ipv6.hopopts" | "ipv6.routing" | "ipv6.fragment_hdr" | "ipv6.dstopts" =
                        f.abbrev
                    {
                        s.push(':');
                        s.push_str(if f.abbrev == "ipv6.fragment_hdr" {
                            "ipv6.fraghdr"
                        } else {
                            f.abbrev
                        });
                    }
                }
            }
            Icmp | Icmpv6 => {
                for f in &l.fields {
                    if matches!(f.abbrev, "ip" | "ipv6" | "tcp" | "udp") {
                        s.push(':');
                        s.push_str(f.abbrev);
                    }
                    // The quoted datagram's own payload, when the error quotes some.
                    if f.abbrev == "udp" && f.bytes.end < l.header.end {
                        s.push_str(":data");
                    }
                }
            }
            _ => {}
        }
    }
    // Name what we did not decode, as tshark's chain would (ESP, OSPF, LLDP …).
    if let Some(last) = p.dissection.layers.last() {
        let next = match last.protocol {
            Ipv4 => last
                .field("ip.proto")
                .and_then(|f| f.as_u64())
                .and_then(|v| ip_protocol_abbrev(v as u8)),
            Ipv6 => ipv6_last_next(last).and_then(ip_protocol_abbrev),
            Ethernet | Vlan | Ieee8021ad | Sll | Sll2 => last
                .fields
                .iter()
                .rev()
                .find(|f| f.abbrev.ends_with("type") && f.abbrev != "sll.hatype")
                .and_then(|f| f.as_u64())
                .and_then(|t| ethertype_abbrev(t as u16)),
            _ => None,
        };
        if let Some(n) = next {
            s.push(':');
            s.push_str(n);
        }
    }
    s
}

use layerscope_wire::Protocol::*;

fn ipv6_last_next(l: &layerscope_wire::Layer) -> Option<u8> {
    let mut next = l.field("ipv6.nxt")?.as_u64()? as u8;
    for f in l.all_fields() {
        if f.abbrev.ends_with(".nxt") || f.abbrev == "ah.next_header" {
            next = f.as_u64()? as u8;
        }
    }
    Some(next)
}

/// Wireshark's protocol names for IP protocols we recognise but do not decode.
fn ip_protocol_abbrev(p: u8) -> Option<&'static str> {
    Some(match p {
        47 => "gre",
        50 => "esp",
        51 => "ah",
        88 => "eigrp",
        89 => "ospf",
        103 => "pim",
        112 => "vrrp",
        132 => "sctp",
        _ => return None,
    })
}

fn ethertype_abbrev(t: u16) -> Option<&'static str> {
    Some(match t {
        0x6003 => "dec_dna",
        0x8035 => "arp",
        0x8809 => "slow",
        0x8847 | 0x8848 => "mpls",
        0x8863 | 0x8864 => "pppoed",
        0x888e => "eapol",
        0x88a2 => "aoe",
        0x88cc => "lldp",
        0x88f7 => "ptp",
        _ => return None,
    })
}

fn write_str(out: &mut impl Write, s: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, s).map_err(io::Error::other)
}

fn write_value(out: &mut impl Write, f: &Field, frame: &[u8]) -> io::Result<()> {
    match &f.value {
        Value::Uint(v) => write!(out, "{v}"),
        Value::Int(v) => write!(out, "{v}"),
        Value::Bool(b) => write!(out, "{b}"),
        Value::Mac(m) => {
            let mut s = String::with_capacity(17);
            let _ = write_mac(&mut s, m);
            write!(out, "\"{s}\"")
        }
        Value::Ipv4(a) => write!(out, "\"{a}\""),
        Value::Ipv6(a) => write!(out, "\"{a}\""),
        Value::Text(t) => write_str(out, t),
        Value::Bytes => {
            let bytes = frame.get(f.bytes.clone()).unwrap_or(&[]);
            out.write_all(b"\"")?;
            for (i, b) in bytes.iter().enumerate() {
                if i > 0 {
                    out.write_all(b":")?;
                }
                write!(out, "{b:02x}")?;
            }
            out.write_all(b"\"")
        }
        Value::None => out.write_all(b"null"),
    }
}

/// Collects a layer's fields (children included) by name, keeping first-seen order; a name
/// seen more than once becomes a list, as tshark does for repeated fields.
fn grouped(fields: &[Field]) -> Vec<(&'static str, Vec<&Field>)> {
    let mut out: Vec<(&'static str, Vec<&Field>)> = Vec::new();
    for f in fields.iter().flat_map(|f| f.walk()) {
        if f.value == Value::None {
            continue;
        }
        match out.iter_mut().find(|(k, _)| *k == f.abbrev) {
            Some((_, v)) => v.push(f),
            None => out.push((f.abbrev, vec![f])),
        }
    }
    out
}

/// Writes one packet object.
pub fn write_packet(
    out: &mut impl Write,
    p: &Decoded,
    first_ts: f64,
    prev_ts: f64,
) -> io::Result<()> {
    let ts = p.raw.timestamp();
    write!(
        out,
        "{{\"frame.number\":{},\"frame.time_epoch\":{}.{:09},\"frame.time_relative\":{:.9},\"frame.time_delta\":{:.9},\"frame.len\":{},\"frame.cap_len\":{},\"frame.protocols\":",
        p.number,
        p.raw.ts_sec,
        p.raw.ts_nsec,
        ts - first_ts,
        ts - prev_ts,
        p.raw.orig_len,
        p.raw.data.len()
    )?;
    write_str(out, &protocol_chain(p))?;
    out.write_all(b",\"layers\":[")?;
    for (i, l) in p.dissection.layers.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(
            out,
            "{{\"protocol\":\"{}\",\"name\":\"{}\",\"osi\":{},\"tcpip\":\"{}\",\"pdu\":\"{}\",\"header\":[{},{}],\"payload\":[{},{}],\"fields\":{{",
            l.protocol.abbrev(),
            l.protocol.name(),
            l.osi,
            l.tcpip.name().to_ascii_lowercase(),
            l.pdu.name(),
            l.header.start,
            l.header.end,
            l.payload.start,
            l.payload.end
        )?;
        for (j, (name, fields)) in grouped(&l.fields).iter().enumerate() {
            if j > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\"{name}\":")?;
            if fields.len() == 1 {
                write_value(out, fields[0], &p.raw.data)?;
            } else {
                out.write_all(b"[")?;
                for (k, f) in fields.iter().enumerate() {
                    if k > 0 {
                        out.write_all(b",")?;
                    }
                    write_value(out, f, &p.raw.data)?;
                }
                out.write_all(b"]")?;
            }
        }
        out.write_all(b"}}")?;
    }
    out.write_all(b"]")?;
    if let Some(stop) = &p.dissection.stop {
        write!(
            out,
            ",\"stop\":{{\"kind\":\"{:?}\",\"protocol\":",
            stop.kind
        )?;
        write_str(out, stop.protocol)?;
        write!(out, ",\"offset\":{},\"reason\":", stop.offset)?;
        write_str(out, &stop.reason)?;
        out.write_all(b"}")?;
    }
    out.write_all(b"}")
}
