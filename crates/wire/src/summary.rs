//! One line per packet, as a packet list shows it: source, destination, protocol, info.

use crate::proto::tcp::OptionValue;
use crate::registry::{self as hf, FieldDef};
use std::fmt::Write;

use crate::analysis::Analysis;
use crate::field::Value;
use crate::layer::{Dissection, Layer, Protocol};
use crate::proto::tcp::push_flag_names;
use crate::proto::Hdr;

/// The packet-list columns that depend on the packet's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub src: String,
    pub dst: String,
    /// The name of the innermost protocol (tshark's Protocol column).
    pub protocol: &'static str,
    pub info: String,
}

/// Appends a field's value as the packet list shows it (nothing when it is absent).
fn push_text(s: &mut String, l: &Layer, def: &FieldDef, frame: &[u8]) {
    // Addresses are top-level fields: look there before walking the whole tree.
    let field = l.fields.iter().find(|f| f.is(def));
    // IPv4 addresses by hand: `Ipv4Addr`'s Display goes through four formatter calls.
    if let Some(Value::Ipv4(a)) = field.map(|f| &f.value) {
        for (i, octet) in a.octets().into_iter().enumerate() {
            if i > 0 {
                s.push('.');
            }
            s.extend(
                crate::write::decimal_octet(octet)
                    .iter()
                    .map(|&d| d as char),
            );
        }
        return;
    }
    if let Some(f) = field.or_else(|| l.field(def)) {
        f.push_value(s, frame);
    }
}

fn text(l: &Layer, def: &FieldDef, frame: &[u8]) -> String {
    let mut s = String::new();
    push_text(&mut s, l, def, frame);
    s
}

fn num(l: &Layer, def: &FieldDef) -> u64 {
    l.field(def).and_then(|f| f.as_u64()).unwrap_or(0)
}

/// Builds the summary of a dissected frame; `analysis` adds relative numbers to TCP lines.
pub fn summarize(d: &Dissection, frame: &[u8], analysis: &Analysis) -> Summary {
    let mut s = Summary {
        // Room for the usual TCP line, so it is not regrown push by push.
        info: String::with_capacity(128),
        ..Summary::default()
    };
    s.fill(d, frame, analysis);
    s
}

impl Summary {
    /// Replaces this summary with the one of another frame, reusing its strings: a printer
    /// that writes a line for each of millions of packets keeps one `Summary`.
    pub fn fill(&mut self, d: &Dissection, frame: &[u8], analysis: &Analysis) {
        self.src.clear();
        self.dst.clear();
        self.info.clear();
        self.protocol = "";
        fill(self, d, frame, analysis);
    }
}

fn fill(s: &mut Summary, d: &Dissection, frame: &[u8], analysis: &Analysis) {
    // The innermost layer with addresses names the endpoints; a header the capture cut
    // names only those it holds, and the layer below it the other (tshark's columns).
    let addresses = |l: &Layer| match l.protocol {
        Protocol::Ethernet => Some((&hf::eth::SRC, &hf::eth::DST)),
        Protocol::Ipv4 => Some((&hf::ip::SRC, &hf::ip::DST)),
        Protocol::Ipv6 => Some((&hf::ipv6::SRC, &hf::ipv6::DST)),
        _ => None,
    };
    let has = |l: &Layer, def: &FieldDef| !l.is_cut() || l.fields.iter().any(|f| f.is(def));
    let innermost = |pick: fn((&'static FieldDef, &'static FieldDef)) -> &'static FieldDef| {
        d.layers.iter().rev().find_map(|l| {
            let name = pick(addresses(l)?);
            has(l, name).then_some((l, name))
        })
    };
    if let Some((l, src)) = innermost(|a| a.0) {
        push_text(&mut s.src, l, src, frame);
    }
    if let Some((l, dst)) = innermost(|a| a.1) {
        push_text(&mut s.dst, l, dst, frame);
    }
    let Some(top) = d.layers.last() else {
        s.protocol = "Frame";
        if let Some(stop) = &d.stop {
            let _ = write!(s.info, "{stop}");
        }
        return;
    };
    // Application data over TCP/UDP is described by the transport line, as tshark does; a
    // transport header cut before its ports (so without a field), by the layer below it.
    let described = match top.protocol {
        Protocol::Data | Protocol::Json => d.layers.iter().rev().nth(1).unwrap_or(top),
        Protocol::Tcp | Protocol::Udp if top.is_cut() && top.fields.is_empty() => {
            d.layers.iter().rev().nth(1).unwrap_or(top)
        }
        _ => top,
    };
    s.protocol = match described.protocol {
        Protocol::Ethernet if described.is_cut() => "Ethernet",
        Protocol::Ipv4 => "IPv4",
        Protocol::Ipv6 => "IPv6",
        Protocol::Http if top.protocol == Protocol::Json => "HTTP/JSON",
        Protocol::Dns => "DNS",
        Protocol::Tls => "TLS",
        _ if top.protocol == Protocol::Json => "JSON",
        p => p.name(),
    };
    let info = &mut s.info;
    if top.is_cut() && described.tcpip != crate::layer::TcpIpLayer::Transport {
        // A header cut short below the transport's ports: tshark's line says only that.
        push_stop(info, d);
        return;
    }
    match described.protocol {
        Protocol::Tcp => {
            // Built with pushes rather than `write!`: this line is made for every packet
            // of a listing.
            let t = TcpFacts::of(described, frame);
            let flags = t.flags as u16;
            push_num(info, t.srcport);
            info.push_str(" → ");
            push_num(info, t.dstport);
            if described.header.len() < crate::proto::tcp::field::WINDOW.end {
                // Cut before its flags and window: tshark says no more than the ports.
                push_stop(info, d);
                return;
            }
            info.push_str(" [");
            push_flag_names(info, flags);
            info.push(']');
            let (seq, ack, win, len) = match analysis {
                Analysis::Tcp(a) => (a.seq as u64, a.ack as u64, a.window as u64, a.len as u64),
                _ => (t.seq_raw, 0, t.window, t.len),
            };
            info.push_str(" Seq=");
            push_num(info, seq);
            if flags & crate::proto::tcp::ACK != 0 && matches!(analysis, Analysis::Tcp(_)) {
                info.push_str(" Ack=");
                push_num(info, ack);
            }
            info.push_str(" Win=");
            push_num(info, win);
            info.push_str(" Len=");
            push_num(info, len);
            if let Analysis::Tcp(a) = analysis {
                // tshark prefixes the first expert note; a RST is already in the flags.
                if let Some(f) = a
                    .notes
                    .list()
                    .iter()
                    .find(|n| !std::ptr::eq(n.0, &hf::tcp::CONNECTION_RST))
                {
                    info.insert_str(0, "] ");
                    info.insert_str(0, short_note(f.0));
                    info.insert(0, '[');
                }
            }
            if let Some(mss) = t.mss {
                info.push_str(" MSS=");
                push_num(info, mss);
            }
            if t.sack_perm {
                info.push_str(" SACK_PERM");
            }
            if let Some(ws) = t.wscale {
                info.push_str(" WS=");
                push_num(info, ws);
            }
            if let Some(Layer {
                protocol: Protocol::Data,
                ..
            }) = d.layers.last()
            {
                if let Some(last) = d.layers.last() {
                    if let Some(txt) = last
                        .field(&hf::data::TEXT)
                        .and_then(|t| t.text(d.bytes_of(last, frame)))
                    {
                        push_quoted(info, txt, 40);
                    }
                }
            }
            push_json(info, d);
            if let Analysis::Tcp(t) = analysis {
                if t.pdu.carried > 0 && top.protocol == Protocol::Tcp {
                    info.push_str(" [TCP segment of a reassembled PDU]");
                }
            }
        }
        Protocol::Udp => {
            let _ = write!(
                info,
                "{} → {} Len={}",
                num(described, &hf::udp::SRCPORT),
                num(described, &hf::udp::DSTPORT),
                num(described, &hf::udp::LENGTH).saturating_sub(8)
            );
            if let Some(t) = d.layers.last().and_then(|l| l.field(&hf::data::TEXT)) {
                if let Some(txt) = t.text(frame) {
                    push_quoted(info, txt, 40);
                }
            }
            push_json(info, d);
        }
        Protocol::Icmp | Protocol::Icmpv6 => {
            let ty = described.fields.first();
            let name = ty
                .and_then(|f| f.meaning.as_deref())
                .unwrap_or("Unknown type");
            info.push_str(name);
            // An error's code says which (tshark: "Destination unreachable (Port unreachable)").
            if described.protocol == Protocol::Icmp {
                if let Some(code) = described.fields.get(1).and_then(|f| f.meaning.as_deref()) {
                    info.push_str(" (");
                    info.push_str(code);
                    info.push(')');
                }
            }
            let (id, seq) = if described.protocol == Protocol::Icmp {
                (&hf::icmp::IDENT, &hf::icmp::SEQ)
            } else {
                (
                    &hf::icmpv6::ECHO_IDENTIFIER,
                    &hf::icmpv6::ECHO_SEQUENCE_NUMBER,
                )
            };
            if let (Some(i), Some(q)) = (described.field(id), described.field(seq)) {
                let _ = write!(
                    info,
                    "  id=0x{:04x}, seq={}",
                    i.as_u64().unwrap_or(0),
                    q.as_u64().unwrap_or(0)
                );
            }
            if let Some(t) = described
                .field(&hf::icmpv6::ND_NS_TARGET_ADDRESS)
                .or(described.field(&hf::icmpv6::ND_NA_TARGET_ADDRESS))
            {
                let _ = write!(info, " for {}", text(described, t.def, frame));
            }
            if quotes_cut_datagram(described, frame) {
                // tshark reads the quoted datagram to its end and runs out of bytes.
                info.push_str("[Packet size limited during capture]");
            }
        }
        Protocol::Arp => {
            let op = num(described, &hf::arp::OPCODE);
            let tpa = text(described, &hf::arp::DST_PROTO_IPV4, frame);
            let spa = text(described, &hf::arp::SRC_PROTO_IPV4, frame);
            match op {
                1 => {
                    let _ = write!(info, "Who has {tpa}? Tell {spa}");
                }
                2 => {
                    let _ = write!(
                        info,
                        "{spa} is at {}",
                        text(described, &hf::arp::SRC_HW_MAC, frame)
                    );
                }
                _ => {
                    let _ = write!(info, "ARP opcode {op}");
                }
            }
        }
        Protocol::Dns => info.push_str(&crate::proto::dns::info(
            described,
            d.bytes_of(described, frame),
        )),
        Protocol::Tls => info.push_str(&crate::proto::tls::info(described)),
        Protocol::Http => {
            if let Some(line) = described.fields.first() {
                line.push_value(info, d.bytes_of(described, frame));
            }
            push_json(info, d);
        }
        p => {
            info.push_str(p.name());
        }
    }
    push_stop(info, d);
}

/// Whether `icmp`, an ICMP or ICMPv6 error, quotes a datagram that the snapshot length cut
/// inside its IP header or the 8 bytes of transport header after it (what RFC 792 has an
/// error quote, and what tshark reads before running out of bytes); data cut after them
/// goes unremarked, as in tshark.
fn quotes_cut_datagram(icmp: &Layer, frame: &[u8]) -> bool {
    let Some(&icmp_type) = frame.get(icmp.header.start) else {
        return false;
    };
    let quotes = match icmp.protocol {
        Protocol::Icmp => crate::proto::icmp::quotes_datagram(icmp_type),
        _ => crate::proto::icmpv6::quotes_datagram(icmp_type),
    };
    let quote = icmp.header.start + 8;
    let ip_header = match frame.get(quote).map(|b| b >> 4) {
        Some(4) => (frame[quote] & 0x0f) as usize * 4,
        Some(6) => 40,
        // Not an IP header: nothing tshark would read on.
        Some(_) => return false,
        // Not one byte of the quote was captured.
        None => 0,
    };
    quotes && !icmp.is_cut() && frame.len() < quote + ip_header + 8
}

/// Why the dissection stopped, after the rest of the line: tshark's own words when the
/// snapshot length cut a header that is shown as far as it goes.
fn push_stop(info: &mut String, d: &Dissection) {
    if d.layers.iter().any(Layer::is_cut) {
        info.push_str("[Packet size limited during capture]");
    } else if let Some(stop) = &d.stop {
        let _ = write!(info, " [{}]", stop);
    }
}

/// The TCP fields a summary line shows. Read from the header's bytes, which the layer's
/// range points at: one look at fixed offsets instead of a walk matching ~40 field names.
#[derive(Default)]
struct TcpFacts {
    flags: u64,
    srcport: u64,
    dstport: u64,
    seq_raw: u64,
    window: u64,
    len: u64,
    mss: Option<u64>,
    sack_perm: bool,
    wscale: Option<u64>,
}

impl TcpFacts {
    fn of(l: &Layer, frame: &[u8]) -> Self {
        let h = Hdr::new(frame.get(l.header.clone()).unwrap_or(&[]), l.header.start);
        let tcp = crate::proto::tcp::Header(h);
        let mut t = TcpFacts {
            flags: tcp.flags() as u64,
            srcport: tcp.src_port() as u64,
            dstport: tcp.dst_port() as u64,
            seq_raw: tcp.seq() as u64,
            window: tcp.window() as u64,
            // The length the IP header declares, which the capture may not hold in full.
            len: l.field(&hf::tcp::LEN).and_then(|f| f.as_u64()).unwrap_or(0),
            ..TcpFacts::default()
        };
        // tshark's Info column shows the first MSS and window scale.
        for option in tcp.captured_options() {
            match option.value(&h) {
                Some(OptionValue::Mss(mss)) if t.mss.is_none() => t.mss = Some(mss as u64),
                Some(OptionValue::WindowScale(shift)) if t.wscale.is_none() => {
                    t.wscale = Some(1u64 << shift.min(30))
                }
                Some(OptionValue::SackPermitted) => t.sack_perm = true,
                _ => {}
            }
        }
        t
    }
}

fn push_num(s: &mut String, v: u64) {
    s.push_str(itoa::Buffer::new().format(v));
}

fn short_note(def: &FieldDef) -> &'static str {
    let shorts: [(&FieldDef, &str); 15] = [
        (&hf::tcp::ANALYSIS_RETRANSMISSION, "TCP Retransmission"),
        (&hf::tcp::ANALYSIS_OUT_OF_ORDER, "TCP Out-Of-Order"),
        (
            &hf::tcp::ANALYSIS_FAST_RETRANSMISSION,
            "TCP Fast Retransmission",
        ),
        (
            &hf::tcp::ANALYSIS_SPURIOUS_RETRANSMISSION,
            "TCP Spurious Retransmission",
        ),
        (
            &hf::tcp::ANALYSIS_LOST_SEGMENT,
            "TCP Previous segment not captured",
        ),
        (
            &hf::tcp::ANALYSIS_ACK_LOST_SEGMENT,
            "TCP ACKed unseen segment",
        ),
        (&hf::tcp::ANALYSIS_REUSED_PORTS, "TCP Port numbers reused"),
        (&hf::tcp::ANALYSIS_KEEP_ALIVE, "TCP Keep-Alive"),
        (&hf::tcp::ANALYSIS_KEEP_ALIVE_ACK, "TCP Keep-Alive ACK"),
        (
            &hf::tcp::ANALYSIS_ZERO_WINDOW_PROBE_ACK,
            "TCP ZeroWindowProbeAck",
        ),
        (&hf::tcp::ANALYSIS_ZERO_WINDOW, "TCP ZeroWindow"),
        (&hf::tcp::ANALYSIS_ZERO_WINDOW_PROBE, "TCP ZeroWindowProbe"),
        (&hf::tcp::ANALYSIS_WINDOW_UPDATE, "TCP Window Update"),
        (&hf::tcp::ANALYSIS_WINDOW_FULL, "TCP Window Full"),
        (&hf::tcp::ANALYSIS_DUPLICATE_ACK, "TCP Dup ACK"),
    ];
    shorts
        .iter()
        .find(|(d, _)| std::ptr::eq(*d, def))
        .map_or("TCP", |(_, short)| short)
}

/// A JSON payload in the Info column: its values written compactly with the strings as
/// the program meant them (小飞机, not \u5c0f\u98de\u673a).
fn push_json(info: &mut String, d: &Dissection) {
    if let Some(l) = d.layers.last().filter(|l| l.protocol == Protocol::Json) {
        let text = crate::proto::json::compact(l, 80);
        info.push(' ');
        info.push_str(&text);
    }
}

/// ` "text"`, cut after `n` characters with an ellipsis.
fn push_quoted(info: &mut String, text: &str, n: usize) {
    info.push_str(" \"");
    match text.char_indices().nth(n) {
        None => info.push_str(text),
        Some((cut, _)) => {
            info.push_str(&text[..cut]);
            info.push('…');
        }
    }
    info.push('"');
}
