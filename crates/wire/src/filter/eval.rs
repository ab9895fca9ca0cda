//! Matching a parsed filter against one dissected frame.
//!
//! A field may occur several times in a frame (two IP headers, quoted headers inside ICMP
//! errors, the `ip.addr` alias standing for both addresses). As in Wireshark, `==` and the
//! other comparisons are true when any occurrence satisfies them, and `a != b` means
//! `!(a == b)`.

use std::cmp::Ordering;

use super::parse::{Cmp, Expr, Literal};
use crate::field::{Field, Value};
use crate::layer::Dissection;

/// Everything a filter may look at for one frame.
pub struct FrameFacts<'a> {
    /// The dissection, annotated with the conversation analysis (so `tcp.stream` works).
    pub dissection: &'a Dissection,
    pub frame: &'a [u8],
    /// 1-based frame number.
    pub number: u32,
    /// Length on the wire.
    pub orig_len: u32,
    /// Seconds since the first frame.
    pub time_relative: f64,
}

/// Names that stand for two fields, as Wireshark defines them.
pub(super) const ALIASES: &[(&str, [&str; 2])] = &[
    ("ip.addr", ["ip.src", "ip.dst"]),
    ("ipv6.addr", ["ipv6.src", "ipv6.dst"]),
    ("tcp.port", ["tcp.srcport", "tcp.dstport"]),
    ("udp.port", ["udp.srcport", "udp.dstport"]),
    ("eth.addr", ["eth.src", "eth.dst"]),
];

const FRAME_FIELDS: &[&str] = &[
    "frame.number",
    "frame.len",
    "frame.cap_len",
    "frame.time_relative",
];

const PROTOCOLS: &[&str] = &[
    "frame",
    "eth",
    "vlan",
    "ieee8021ad",
    "sll",
    "null",
    "raw",
    "arp",
    "ip",
    "ipv6",
    "icmp",
    "icmpv6",
    "igmp",
    "tcp",
    "udp",
    "http",
    "data",
];

pub(super) fn is_frame_field(name: &str) -> bool {
    FRAME_FIELDS.contains(&name)
}

pub(super) fn is_known_name(name: &str) -> bool {
    PROTOCOLS.contains(&name)
        || FRAME_FIELDS.contains(&name)
        || ALIASES.iter().any(|(a, _)| *a == name)
        || !crate::explain::explain(name).is_empty()
}

pub(super) fn eval(e: &Expr, f: &FrameFacts) -> bool {
    match e {
        Expr::And(terms) => terms.iter().all(|t| eval(t, f)),
        Expr::Or(terms) => terms.iter().any(|t| eval(t, f)),
        Expr::Not(a) => !eval(a, f),
        Expr::Present(name) => present(name, f),
        Expr::Compare(name, Cmp::Ne, lit) => !any(name, f, |o| o.compare(Cmp::Eq, lit, f.frame)),
        Expr::Compare(name, op, lit) => any(name, f, |o| o.compare(*op, lit, f.frame)),
    }
}

/// One occurrence of a name in a frame.
pub(super) enum Occurrence<'a> {
    Field(&'a Field),
    Number(f64),
    /// A protocol or the frame itself: only its bytes can be compared.
    Span(std::ops::Range<usize>),
}

fn present(name: &str, f: &FrameFacts) -> bool {
    any(name, f, |_| true)
}

/// Calls `test` on every occurrence of `name` until one passes.
fn any(name: &str, f: &FrameFacts, mut test: impl FnMut(&Occurrence) -> bool) -> bool {
    any_dyn(name, f, &mut test)
}

fn any_dyn(name: &str, f: &FrameFacts, test: &mut dyn FnMut(&Occurrence) -> bool) -> bool {
    let d = f.dissection;
    match name {
        "frame" => return test(&Occurrence::Span(0..f.frame.len())),
        "frame.number" => return test(&Occurrence::Number(f.number as f64)),
        "frame.len" => return test(&Occurrence::Number(f.orig_len as f64)),
        "frame.cap_len" => return test(&Occurrence::Number(f.frame.len() as f64)),
        "frame.time_relative" => return test(&Occurrence::Number(f.time_relative)),
        _ => {}
    }
    if let Some((_, both)) = ALIASES.iter().find(|(a, _)| *a == name) {
        return both.iter().any(|n| any_dyn(n, f, test));
    }
    for layer in &d.layers {
        if layer.protocol.abbrev() == name {
            let end = layer.payload.end.max(layer.header.end);
            if test(&Occurrence::Span(layer.header.start..end)) {
                return true;
            }
        }
        for top in &layer.fields {
            for field in top.walk() {
                if field.abbrev == name && test(&Occurrence::Field(field)) {
                    return true;
                }
            }
        }
    }
    false
}

fn ordered(ord: Option<Ordering>, op: Cmp) -> bool {
    let Some(o) = ord else {
        return false;
    };
    match op {
        Cmp::Eq => o == Ordering::Equal,
        Cmp::Ne => o != Ordering::Equal,
        Cmp::Lt => o == Ordering::Less,
        Cmp::Le => o != Ordering::Greater,
        Cmp::Gt => o == Ordering::Greater,
        Cmp::Ge => o != Ordering::Less,
        Cmp::Contains => false,
    }
}

/// A substring search in time linear in the frame whatever the pattern: comparing the
/// pattern at every offset made a 60 KB pattern over large frames cost seconds a frame.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || memchr::memmem::find(hay, needle).is_some()
}

/// Compares an address against a literal network: equal means "inside the network",
/// as in Wireshark's `ip.addr == 10.0.0.0/8`.
fn compare_net(addr: u128, net: u128, prefix: u8, bits: u8, op: Cmp) -> bool {
    let shift = bits - prefix.min(bits);
    let mask = if shift >= 128 {
        0
    } else {
        (u128::MAX >> (128 - bits as u32)) >> shift << shift
    };
    if matches!(op, Cmp::Eq | Cmp::Ne) {
        let inside = addr & mask == net & mask;
        return (op == Cmp::Eq) == inside;
    }
    ordered(Some(addr.cmp(&net)), op)
}

impl Occurrence<'_> {
    pub(super) fn compare(&self, op: Cmp, lit: &Literal, frame: &[u8]) -> bool {
        let field = match self {
            Occurrence::Number(n) => {
                let Ok(v) = lit.text.parse::<f64>() else {
                    return false;
                };
                return ordered(n.partial_cmp(&v), op);
            }
            Occurrence::Span(r) => {
                let bytes = frame.get(r.clone()).unwrap_or(&[]);
                return op == Cmp::Contains
                    && lit.bytes.as_deref().is_some_and(|n| contains(bytes, n));
            }
            Occurrence::Field(field) => field,
        };
        let raw = frame.get(field.bytes.clone()).unwrap_or(&[]);
        if op == Cmp::Contains {
            return match field.text(frame) {
                Some(t) => t.contains(&lit.text),
                None => lit.bytes.as_deref().is_some_and(|n| contains(raw, n)),
            };
        }
        match &field.value {
            Value::Uint(v) => ordered(lit.int.map(|i| (*v as i128).cmp(&i)), op),
            Value::Int(v) => ordered(lit.int.map(|i| (*v as i128).cmp(&i)), op),
            Value::Bool(b) => ordered(lit.int.map(|i| (*b as i128).cmp(&i)), op),
            Value::Ipv4(a) => lit.ipv4.is_some_and(|(net, p)| {
                compare_net(u32::from(*a) as u128, u32::from(net) as u128, p, 32, op)
            }),
            Value::Ipv6(a) => lit
                .ipv6
                .is_some_and(|(net, p)| compare_net(u128::from(*a), u128::from(net), p, 128, op)),
            Value::Mac(m) => ordered(lit.bytes.as_deref().map(|b| m.as_slice().cmp(b)), op),
            Value::Text(_) | Value::Ascii => {
                ordered(field.text(frame).map(|t| t.cmp(lit.text.as_str())), op)
            }
            Value::Bytes => ordered(lit.bytes.as_deref().map(|b| raw.cmp(b)), op),
            Value::None => false,
        }
    }
}
