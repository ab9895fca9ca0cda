//! `dissect --json`: one object per packet, keyed by Wireshark field names, with tshark's
//! value conventions (integers as numbers, flags as booleans, lower-case MACs, bytes as
//! colon-separated hex), nested per layer with the layer's OSI and TCP/IP placement.

use layerscope_wire::registry as hf;
use std::io::Write;

use layerscope_wire::layer::Source;
use layerscope_wire::{Field, Layer, Value};

use super::out;
use crate::packets::Decoded;

/// tshark's `frame.protocols`: the protocol chain, with `ethertype` after link headers that
/// carry an EtherType.
pub fn protocol_chain(s: &mut Vec<u8>, p: &Decoded) {
    let start = s.len();
    for l in &p.dissection.layers {
        if s.len() > start {
            s.push(b':');
        }
        s.extend_from_slice(l.protocol.abbrev().as_bytes());
        match l.protocol {
            Ethernet if l.fields.iter().any(|f| f.is(&hf::eth::LEN)) => {
                s.extend_from_slice(b":llc")
            }
            // A header the capture cut never reached its EtherType.
            Ethernet | Vlan | Ieee8021ad | Sll | Sll2 if !l.is_cut() => {
                s.extend_from_slice(b":ethertype")
            }
            Ipv6 => {
                for f in &l.fields {
                    let extension = [
                        &hf::ipv6::HOPOPTS,
                        &hf::ipv6::ROUTING,
                        &hf::ipv6::FRAGHDR,
                        &hf::ipv6::DSTOPTS,
                    ];
                    if extension.iter().any(|d| f.is(d)) {
                        s.push(b':');
                        s.extend_from_slice(f.abbrev().as_bytes());
                    }
                }
            }
            Icmp | Icmpv6 => {
                for f in &l.fields {
                    if matches!(f.abbrev(), "ip" | "ipv6" | "tcp" | "udp") {
                        s.push(b':');
                        s.extend_from_slice(f.abbrev().as_bytes());
                    }
                    // The quoted datagram's own payload, when the error quotes some.
                    if f.is(&hf::udp::QUOTED) && f.bytes.end < l.header.end {
                        s.extend_from_slice(b":data");
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
                .field(&hf::ip::PROTO)
                .and_then(|f| f.as_u64())
                .and_then(|v| ip_protocol_abbrev(v as u8)),
            Ipv6 => ipv6_last_next(last).and_then(ip_protocol_abbrev),
            Ethernet | Vlan | Ieee8021ad | Sll | Sll2 => last
                .fields
                .iter()
                .rev()
                .find(|f| {
                    [
                        &hf::eth::TYPE,
                        &hf::vlan::ETYPE,
                        &hf::vlan::IEEE8021AH_ETYPE,
                        &hf::sll::ETYPE,
                    ]
                    .iter()
                    .any(|d| f.is(d))
                })
                .and_then(|f| f.as_u64())
                .and_then(|t| ethertype_abbrev(t as u16)),
            _ => None,
        };
        if let Some(n) = next {
            s.push(b':');
            s.extend_from_slice(n.as_bytes());
        }
    }
}

use layerscope_wire::Protocol::*;

fn ipv6_last_next(l: &layerscope_wire::Layer) -> Option<u8> {
    let mut next = l.field(&hf::ipv6::NXT)?.as_u64()? as u8;
    for f in l.all_fields() {
        let next_header = [
            &hf::ipv6::NXT,
            &hf::ipv6::HOPOPTS_NXT,
            &hf::ipv6::ROUTING_NXT,
            &hf::ipv6::FRAGHDR_NXT,
            &hf::ipv6::DSTOPTS_NXT,
            &hf::ipv6::AH_NEXT_HEADER,
        ];
        if next_header.iter().any(|d| f.is(d)) {
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

/// Where the hex of the last byte field went in the output: `tcp.payload` and `data.data`
/// (or `udp.payload`) cover the same bytes, and the second is a copy of the first.
#[derive(Default)]
struct LastHex {
    bytes: std::ops::Range<usize>,
    at: std::ops::Range<usize>,
}

fn write_value(out: &mut Vec<u8>, f: &Field, frame: &[u8], last: &mut LastHex) {
    match &f.value {
        Value::Uint(v) => out::uint(out, *v),
        Value::Int(v) => out::int(out, *v),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Mac(m) => {
            out.push(b'"');
            out::mac(out, m);
            out.push(b'"');
        }
        Value::Ipv4(a) => {
            out.push(b'"');
            out::ipv4(out, *a);
            out.push(b'"');
        }
        Value::Ipv6(a) => {
            let _ = write!(out, "\"{a}\"");
        }
        Value::Text(_) | Value::Ascii => out::json_str(out, f.text(frame).unwrap_or_default()),
        Value::Bytes => {
            out.push(b'"');
            let start = out.len();
            if f.bytes == last.bytes && last.at.len() > 64 {
                out.extend_from_within(last.at.clone());
            } else {
                let bytes = frame.get(f.bytes.clone()).unwrap_or(&[]);
                out::hex_bytes(out, bytes, usize::MAX);
                *last = LastHex {
                    bytes: f.bytes.clone(),
                    at: start..out.len(),
                };
            }
            out.push(b'"');
        }
        Value::Blob(b) => {
            out.push(b'"');
            out::hex_bytes(out, b, usize::MAX);
            out.push(b'"');
        }
        Value::Nanos(ns) => out::seconds(out, i128::from(*ns), 9),
        Value::None => out.extend_from_slice(b"null"),
    }
}

/// Every field of a layer with a value, children included, in tree order (what
/// `Layer::all_fields` gives, filtered; the plain recursion costs 9% fewer instructions
/// over a whole `dissect --json`).
fn valued<'a>(fields: &'a [Field], into: &mut Vec<&'a Field>) {
    for f in fields {
        if f.value != Value::None {
            into.push(f);
        }
        if !f.children.is_empty() {
            valued(&f.children, into);
        }
    }
}

/// An 8-bit signature of a field name from its length and three of its bytes: names with
/// different signatures differ, so most comparisons of names are one byte. (Hashing every
/// byte of every name cost 7% of a `dissect --json`; the names of one layer that share a
/// signature this way are few, and only cost a string comparison.)
fn signature(abbrev: &str) -> u8 {
    let b = abbrev.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0) as u32;
    let n = b.len();
    let h = (n as u32).wrapping_mul(37)
        ^ at(n.wrapping_sub(1)).wrapping_mul(11)
        ^ at(n.wrapping_sub(2)).wrapping_mul(3)
        ^ at(n / 2);
    (h ^ h >> 8) as u8
}

/// Finds the repeated names among a layer's fields in linear time: each field is chained to
/// the previous and the next field with the same signature, and only those chains (a field
/// or two long) are walked and compared by name. Used when a printer meets a layer shape it
/// has no memory of; kept by the printer so its tables are not allocated each time.
#[derive(Default)]
struct Repeats {
    /// Per signature: the generation it was last seen in and that field's index + 1.
    last: Vec<(u32, u32)>,
    generation: u32,
    /// Index + 1 of the previous and the next field with the same signature; 0 for none.
    prev: Vec<u32>,
    next: Vec<u32>,
}

impl Repeats {
    fn chain(&mut self, fields: &[&Field]) {
        if self.last.is_empty() || self.generation == u32::MAX {
            self.last = vec![(0, 0); 256];
            self.generation = 0;
        }
        self.generation += 1;
        self.prev.clear();
        self.next.clear();
        self.next.resize(fields.len(), 0);
        for (i, f) in fields.iter().enumerate() {
            let last = &mut self.last[signature(f.abbrev()) as usize];
            let prev = if last.0 == self.generation { last.1 } else { 0 };
            self.prev.push(prev);
            if prev > 0 {
                self.next[prev as usize - 1] = i as u32 + 1;
            }
            *last = (self.generation, i as u32 + 1);
        }
    }
}

fn same_name(a: &Field, b: &Field) -> bool {
    std::ptr::eq(a.def, b.def)
}

/// Writes a layer's fields as the members of an object: a name seen more than once becomes
/// one list member at its first place, as tshark prints repeated fields (TCP's NOP
/// options, say).
fn write_fields(
    out: &mut Vec<u8>,
    fields: &[&Field],
    frame: &[u8],
    last: &mut LastHex,
    repeats: &mut Repeats,
) {
    repeats.chain(fields);
    let (prev, next) = (&repeats.prev, &repeats.next);
    let mut members = 0;
    for (i, f) in fields.iter().enumerate() {
        // Printed already, at the first field of its name.
        let mut j = prev[i];
        let mut seen = false;
        while j > 0 && !seen {
            seen = same_name(fields[j as usize - 1], f);
            j = prev[j as usize - 1];
        }
        if seen {
            continue;
        }
        if members > 0 {
            out.push(b',');
        }
        members += 1;
        // The registry quotes the name once; Wireshark identifiers need no escaping.
        out.extend_from_slice(f.def.json_key.as_bytes());
        out.push(b':');
        let mut j = next[i];
        while j > 0 && !same_name(fields[j as usize - 1], f) {
            j = next[j as usize - 1];
        }
        if j == 0 {
            write_value(out, f, frame, last);
            continue;
        }
        out.push(b'[');
        write_value(out, f, frame, last);
        while j > 0 {
            let other = fields[j as usize - 1];
            if same_name(other, f) {
                out.push(b',');
                write_value(out, other, frame, last);
            }
            j = next[j as usize - 1];
        }
        out.push(b']');
    }
}

/// A layer's description up to its fields object.
fn write_heading(out: &mut Vec<u8>, l: &Layer) {
    out.extend_from_slice(b"{\"protocol\":\"");
    out.extend_from_slice(l.protocol.abbrev().as_bytes());
    out.extend_from_slice(b"\",\"name\":\"");
    out.extend_from_slice(l.protocol.name().as_bytes());
    out.extend_from_slice(b"\",\"osi\":");
    out::uint(out, l.osi as u64);
    out.extend_from_slice(b",\"tcpip\":\"");
    out.extend(l.tcpip.name().bytes().map(|b| b.to_ascii_lowercase()));
    out.extend_from_slice(b"\",\"pdu\":\"");
    out.extend_from_slice(l.pdu.name().as_bytes());
    out.extend_from_slice(b"\",\"header\":[");
    out::uint(out, l.header.start as u64);
    out.push(b',');
    out::uint(out, l.header.end as u64);
    out.extend_from_slice(b"],\"payload\":[");
    out::uint(out, l.payload.start as u64);
    out.push(b',');
    out::uint(out, l.payload.end as u64);
    out.push(b']');
    // Ranges into the message reassembly joined, not into the frame.
    if l.source == Source::Reassembled {
        out.extend_from_slice(b",\"source\":\"reassembled\"");
    }
    out.extend_from_slice(b",\"fields\":{");
}

/// The times of one packet, in nanoseconds since the epoch: its own, the first packet's and
/// the previous packet's (its own for the first).
#[derive(Clone, Copy, Debug)]
pub struct Times {
    pub first: i128,
    pub previous: i128,
}

/// Writes packets as JSON; one per worker thread, since it keeps what it printed at each
/// position of the packets before and its tables for repeated names.
#[derive(Default)]
pub struct JsonPrinter {
    repeats: Repeats,
}

impl JsonPrinter {
    /// Appends one packet object.
    pub fn packet(&mut self, out: &mut Vec<u8>, p: &Decoded, times: Times) {
        write_packet(out, p, times, self);
    }
}

fn write_packet(out: &mut Vec<u8>, p: &Decoded, times: Times, printer: &mut JsonPrinter) {
    let ts = p.raw.timestamp_ns();
    out.extend_from_slice(b"{\"frame.number\":");
    out::uint(out, p.number as u64);
    out.extend_from_slice(b",\"frame.time_epoch\":");
    out::seconds(out, ts, 9);
    out.extend_from_slice(b",\"frame.time_relative\":");
    out::seconds(out, ts - times.first, 9);
    out.extend_from_slice(b",\"frame.time_delta\":");
    out::seconds(out, ts - times.previous, 9);
    out.extend_from_slice(b",\"frame.len\":");
    out::uint(out, p.raw.orig_len as u64);
    out.extend_from_slice(b",\"frame.cap_len\":");
    out::uint(out, p.raw.data.len() as u64);
    out.extend_from_slice(b",\"frame.protocols\":\"");
    protocol_chain(out, p);
    out.extend_from_slice(b"\",\"layers\":[");
    let mut fields = Vec::with_capacity(64);
    let mut last = LastHex::default();
    for (i, l) in p.dissection.layers.iter().enumerate() {
        if i > 0 {
            out.push(b',');
            // A range of another byte source is other bytes.
            if l.source != p.dissection.layers[i - 1].source {
                last = LastHex::default();
            }
        }
        fields.clear();
        valued(&l.fields, &mut fields);
        write_heading(out, l);
        let bytes = p.dissection.bytes_of(l, &p.raw.data);
        write_fields(out, &fields, bytes, &mut last, &mut printer.repeats);
        out.extend_from_slice(b"}}");
    }
    out.push(b']');
    if let Some(stop) = &p.dissection.stop {
        let _ = write!(
            out,
            ",\"stop\":{{\"kind\":\"{:?}\",\"protocol\":",
            stop.kind
        );
        out::json_str(out, stop.protocol);
        out.extend_from_slice(b",\"offset\":");
        out::uint(out, stop.offset as u64);
        out.extend_from_slice(b",\"reason\":");
        out::json_str(out, &stop.reason);
        out.push(b'}');
    }
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use layerscope_wire::registry as hf;

    /// A name seen more than once is one member, a list at its first place, as tshark
    /// prints repeated fields; the others keep their order.
    #[test]
    fn repeated_names_become_one_list_at_their_first_place() {
        let uint = |def, v| Field::new(def, Value::Uint(v), 0..0);
        let fields = [
            uint(&hf::tcp::OPTION_KIND, 1),
            uint(&hf::tcp::OPTION_LEN, 4),
            uint(&hf::tcp::OPTION_KIND, 1),
            uint(&hf::tcp::OPTIONS_MSS_VAL, 1460),
            uint(&hf::tcp::OPTION_KIND, 2),
        ];
        let refs: Vec<&Field> = fields.iter().collect();
        let (mut out, mut repeats) = (Vec::new(), Repeats::default());
        for _ in 0..2 {
            out.clear();
            write_fields(&mut out, &refs, &[], &mut LastHex::default(), &mut repeats);
            assert_eq!(
                String::from_utf8_lossy(&out),
                r#""tcp.option_kind":[1,1,2],"tcp.option_len":4,"tcp.options.mss_val":1460"#
            );
        }
    }

    /// Every layer's fields form one JSON object with a member per distinct name: a list
    /// of as many values as the name has fields, or the one value.
    #[test]
    fn every_bundled_packet_prints_as_json_with_a_member_per_name() {
        let mut printer = JsonPrinter::default();
        let mut packets = 0;
        for (path, p) in crate::packets::bundled_packets() {
            let times = Times {
                first: 0,
                previous: 0,
            };
            let mut out = Vec::new();
            printer.packet(&mut out, &p, times);
            let v: serde_json::Value = serde_json::from_slice(&out)
                .unwrap_or_else(|e| panic!("frame {} of {}: {e}", p.number, path.display()));
            for (layer, json) in p
                .dissection
                .layers
                .iter()
                .zip(v["layers"].as_array().expect("a layers list"))
            {
                let mut counts: Vec<(&str, usize)> = Vec::new();
                let mut fields = Vec::new();
                valued(&layer.fields, &mut fields);
                for f in fields {
                    match counts.iter_mut().find(|(n, _)| *n == f.abbrev()) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((f.abbrev(), 1)),
                    }
                }
                let members = json["fields"].as_object().expect("a fields object");
                assert_eq!(members.len(), counts.len(), "frame {}", p.number);
                for (name, count) in counts {
                    let printed = match &members[name] {
                        serde_json::Value::Array(list) => list.len(),
                        _ => 1,
                    };
                    // A single field may hold a list of its own only if never repeated.
                    assert!(
                        printed == count || count == 1,
                        "{name} in frame {}",
                        p.number
                    );
                }
            }
            packets += 1;
        }
        assert!(packets > 50, "{packets} packets");
    }
}
