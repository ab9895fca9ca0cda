//! One line per packet, as a packet list shows it: source, destination, protocol, info.

use std::fmt::Write;

use crate::analysis::Analysis;
use crate::field::Value;
use crate::layer::{Dissection, Layer, Protocol};
use crate::proto::tcp::flag_names;

/// The packet-list columns that depend on the packet's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub src: String,
    pub dst: String,
    /// The name of the innermost protocol (tshark's Protocol column).
    pub protocol: &'static str,
    pub info: String,
}

fn text(l: &Layer, abbrev: &str, frame: &[u8]) -> String {
    // Addresses are top-level fields: look there before walking the whole tree.
    let field = l.fields.iter().find(|f| f.abbrev == abbrev);
    // IPv4 addresses by hand: `Ipv4Addr`'s Display goes through four formatter calls.
    if let Some(Value::Ipv4(a)) = field.map(|f| &f.value) {
        let mut s = String::with_capacity(15);
        for (i, octet) in a.octets().into_iter().enumerate() {
            if i > 0 {
                s.push('.');
            }
            push_num(&mut s, octet as u64);
        }
        return s;
    }
    field
        .or_else(|| l.field(abbrev))
        .map(|f| {
            crate::field::DisplayValue {
                field: f,
                packet: frame,
            }
            .to_string()
        })
        .unwrap_or_default()
}

fn num(l: &Layer, abbrev: &str) -> u64 {
    l.field(abbrev).and_then(|f| f.as_u64()).unwrap_or(0)
}

/// Builds the summary of a dissected frame; `analysis` adds relative numbers to TCP lines.
pub fn summarize(d: &Dissection, frame: &[u8], analysis: &Analysis) -> Summary {
    let mut s = Summary {
        // Room for the usual TCP line, so it is not regrown push by push.
        info: String::with_capacity(128),
        ..Summary::default()
    };
    // The innermost layer with addresses names the endpoints.
    let addressed = d.layers.iter().rev().find_map(|l| match l.protocol {
        Protocol::Ethernet => Some((l, "eth.src", "eth.dst")),
        Protocol::Ipv4 => Some((l, "ip.src", "ip.dst")),
        Protocol::Ipv6 => Some((l, "ipv6.src", "ipv6.dst")),
        _ => None,
    });
    if let Some((l, src, dst)) = addressed {
        s.src = text(l, src, frame);
        s.dst = text(l, dst, frame);
    }
    let Some(top) = d.layers.last() else {
        s.protocol = "Frame";
        s.info = d.stop.as_ref().map(|st| st.to_string()).unwrap_or_default();
        return s;
    };
    // Application data over TCP/UDP is described by the transport line, as tshark does.
    let described = match top.protocol {
        Protocol::Data => d.layers.iter().rev().nth(1).unwrap_or(top),
        _ => top,
    };
    s.protocol = match described.protocol {
        Protocol::Ipv4 => "IPv4",
        Protocol::Ipv6 => "IPv6",
        p => p.name(),
    };
    let info = &mut s.info;
    match described.protocol {
        Protocol::Tcp => {
            // Built with pushes rather than `write!`: this line is made for every packet
            // of a listing.
            let t = TcpFacts::of(described);
            let flags = t.flags as u16;
            push_num(info, t.srcport);
            info.push_str(" → ");
            push_num(info, t.dstport);
            info.push_str(" [");
            info.push_str(&flag_names(flags));
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
                if let Some(f) = a.notes.list().iter().find(|n| n.0 != "tcp.connection.rst") {
                    info.insert_str(0, &format!("[{}] ", short_note(f.0)));
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
                if let Some(t) = d.layers.last().and_then(|l| l.field("data.text")) {
                    if let Value::Text(txt) = &t.value {
                        let _ = write!(info, " \"{}\"", truncate(txt, 40));
                    }
                }
            }
        }
        Protocol::Udp => {
            let _ = write!(
                info,
                "{} → {} Len={}",
                num(described, "udp.srcport"),
                num(described, "udp.dstport"),
                num(described, "udp.length").saturating_sub(8)
            );
            if let Some(t) = d.layers.last().and_then(|l| l.field("data.text")) {
                if let Value::Text(txt) = &t.value {
                    let _ = write!(info, " \"{}\"", truncate(txt, 40));
                }
            }
        }
        Protocol::Icmp | Protocol::Icmpv6 => {
            let ty = described.fields.first();
            let name = ty
                .and_then(|f| f.meaning.as_deref())
                .unwrap_or("Unknown type");
            info.push_str(name);
            let (id, seq) = if described.protocol == Protocol::Icmp {
                ("icmp.ident", "icmp.seq")
            } else {
                ("icmpv6.echo.identifier", "icmpv6.echo.sequence_number")
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
                .field("icmpv6.nd.ns.target_address")
                .or(described.field("icmpv6.nd.na.target_address"))
            {
                let _ = write!(info, " for {}", text(described, t.abbrev, frame));
            }
        }
        Protocol::Arp => {
            let op = num(described, "arp.opcode");
            let tpa = text(described, "arp.dst.proto_ipv4", frame);
            let spa = text(described, "arp.src.proto_ipv4", frame);
            match op {
                1 => {
                    let _ = write!(info, "Who has {tpa}? Tell {spa}");
                }
                2 => {
                    let _ = write!(
                        info,
                        "{spa} is at {}",
                        text(described, "arp.src.hw_mac", frame)
                    );
                }
                _ => {
                    let _ = write!(info, "ARP opcode {op}");
                }
            }
        }
        Protocol::Http => {
            let line = described.fields.first().map(|f| {
                crate::field::DisplayValue {
                    field: f,
                    packet: frame,
                }
                .to_string()
            });
            info.push_str(&line.unwrap_or_default());
        }
        p => {
            info.push_str(p.name());
        }
    }
    if let Some(stop) = &d.stop {
        let _ = write!(info, " [{}]", stop);
    }
    s
}

/// The TCP fields a summary line shows, read in one walk over the layer instead of one
/// walk per name (most of them are looked up and absent, which walks everything).
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
    fn of(l: &Layer) -> Self {
        let mut t = TcpFacts::default();
        t.visit(&l.fields);
        t
    }

    fn visit(&mut self, fields: &[crate::Field]) {
        let t = self;
        for f in fields {
            let v = || f.as_u64().unwrap_or(0);
            match f.abbrev {
                "tcp.flags" => t.flags = v(),
                "tcp.srcport" => t.srcport = v(),
                "tcp.dstport" => t.dstport = v(),
                "tcp.seq_raw" => t.seq_raw = v(),
                "tcp.window_size_value" => t.window = v(),
                "tcp.len" => t.len = v(),
                "tcp.options.mss_val" if t.mss.is_none() => t.mss = Some(v()),
                "tcp.options.sack_perm" => t.sack_perm = true,
                "tcp.options.wscale.multiplier" if t.wscale.is_none() => t.wscale = Some(v()),
                _ => {}
            }
            t.visit(&f.children);
        }
    }
}

fn push_num(s: &mut String, v: u64) {
    s.push_str(itoa::Buffer::new().format(v));
}

fn short_note(abbrev: &str) -> &'static str {
    match abbrev {
        "tcp.analysis.retransmission" => "TCP Retransmission",
        "tcp.analysis.fast_retransmission" => "TCP Fast Retransmission",
        "tcp.analysis.spurious_retransmission" => "TCP Spurious Retransmission",
        "tcp.analysis.lost_segment" => "TCP Previous segment not captured",
        "tcp.analysis.ack_lost_segment" => "TCP ACKed unseen segment",
        "tcp.analysis.keep_alive" => "TCP Keep-Alive",
        "tcp.analysis.zero_window" => "TCP ZeroWindow",
        "tcp.analysis.zero_window_probe" => "TCP ZeroWindowProbe",
        "tcp.analysis.window_update" => "TCP Window Update",
        "tcp.analysis.window_full" => "TCP Window Full",
        "tcp.analysis.duplicate_ack" => "TCP Dup ACK",
        _ => "TCP",
    }
}

fn truncate(s: &str, n: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(n) {
        None => s.into(),
        Some((cut, _)) => format!("{}…", &s[..cut]).into(),
    }
}
