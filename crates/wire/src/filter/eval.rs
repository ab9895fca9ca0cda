//! Matching a parsed filter against one dissected frame.
//!
//! A field may occur several times in a frame (two IP headers, quoted headers inside ICMP
//! errors, the `ip.addr` alias standing for both addresses). As in Wireshark, `==` and the
//! other comparisons are true when any occurrence satisfies them, and `a != b` means
//! `!(a == b)`.

use std::cmp::Ordering;

use super::parse::{Cmp, Expr, Literal, Name};
use crate::field::{Field, Value};
use crate::layer::Dissection;
use crate::registry::{self, self as hf, FieldDef};

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
pub(super) const ALIASES: [(&FieldDef, [&FieldDef; 2]); 5] = [
    (&hf::ip::ADDR, [&hf::ip::SRC, &hf::ip::DST]),
    (&hf::ipv6::ADDR, [&hf::ipv6::SRC, &hf::ipv6::DST]),
    (&hf::tcp::PORT, [&hf::tcp::SRCPORT, &hf::tcp::DSTPORT]),
    (&hf::udp::PORT, [&hf::udp::SRCPORT, &hf::udp::DSTPORT]),
    (&hf::eth::ADDR, [&hf::eth::SRC, &hf::eth::DST]),
];

/// The two fields an alias stands for.
pub(super) fn alias(def: &FieldDef) -> Option<&'static [&'static FieldDef; 2]> {
    ALIASES
        .iter()
        .find(|(a, _)| std::ptr::eq(*a, def))
        .map(|(_, both)| both)
}

/// The frame's own numbers, which both evaluations read from the capture record.
pub(super) fn frame_number(
    def: &FieldDef,
    number: u32,
    orig_len: u32,
    cap_len: usize,
    time_relative: f64,
) -> Option<f64> {
    let is = |d: &FieldDef| std::ptr::eq(def, d);
    if is(&hf::frame::NUMBER) {
        Some(number as f64)
    } else if is(&hf::frame::LEN) {
        Some(orig_len as f64)
    } else if is(&hf::frame::CAP_LEN) {
        Some(cap_len as f64)
    } else if is(&hf::frame::TIME_RELATIVE) {
        Some(time_relative)
    } else {
        None
    }
}

/// Protocol names a filter may test, beyond the fields.
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
    "dns",
    "tls",
    "json",
    "data",
];

/// What `name` stands for: a protocol, or a field of the registry.
pub(super) fn resolve(name: &str) -> Option<Name> {
    match PROTOCOLS.iter().find(|p| **p == name) {
        Some(p) => Some(Name::Protocol(p, registry::by_abbrev(p))),
        None => registry::by_abbrev(name).map(Name::Field),
    }
}

pub(super) fn eval(e: &Expr, f: &FrameFacts) -> bool {
    match e {
        Expr::And(terms) => terms.iter().all(|t| eval(t, f)),
        Expr::Or(terms) => terms.iter().any(|t| eval(t, f)),
        Expr::Not(a) => !eval(a, f),
        Expr::Present(name) => present(*name, f),
        Expr::Compare(name, Cmp::Ne, lit) => !any(*name, f, |o| o.compare(Cmp::Eq, lit)),
        Expr::Compare(name, op, lit) => any(*name, f, |o| o.compare(*op, lit)),
    }
}

/// One occurrence of a name in a frame, with the bytes its range points into (the frame,
/// or a message reassembled from several segments).
pub(super) enum Occurrence<'a> {
    Field(&'a Field, &'a [u8]),
    Number(f64),
    /// A protocol or the frame itself: only its bytes can be compared.
    Span(std::ops::Range<usize>, &'a [u8]),
}

fn present(name: Name, f: &FrameFacts) -> bool {
    any(name, f, |_| true)
}

/// Calls `test` on every occurrence of `name` until one passes.
fn any(name: Name, f: &FrameFacts, mut test: impl FnMut(&Occurrence) -> bool) -> bool {
    any_dyn(name, f, &mut test)
}

fn any_dyn(name: Name, f: &FrameFacts, test: &mut dyn FnMut(&Occurrence) -> bool) -> bool {
    let d = f.dissection;
    let def = match name {
        Name::Protocol("frame", _) => return test(&Occurrence::Span(0..f.frame.len(), f.frame)),
        Name::Protocol(p, quoted) => {
            let layers = d.layers.iter().filter(|l| l.protocol.abbrev() == p);
            if layers.clone().any(|l| {
                let end = l.payload.end.max(l.header.end);
                test(&Occurrence::Span(
                    l.header.start..end,
                    d.bytes_of(l, f.frame),
                ))
            }) {
                return true;
            }
            match quoted {
                Some(def) => def,
                None => return false,
            }
        }
        Name::Field(def) => def,
    };
    if let Some(n) = frame_number(def, f.number, f.orig_len, f.frame.len(), f.time_relative) {
        return test(&Occurrence::Number(n));
    }
    if let Some(both) = alias(def) {
        return both.iter().any(|d| any_dyn(Name::Field(d), f, test));
    }
    for layer in &d.layers {
        let bytes = d.bytes_of(layer, f.frame);
        for top in &layer.fields {
            for field in top.walk() {
                if field.is(def) && test(&Occurrence::Field(field, bytes)) {
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
    pub(super) fn compare(&self, op: Cmp, lit: &Literal) -> bool {
        let (field, frame) = match self {
            Occurrence::Number(n) => {
                let Ok(v) = lit.text.parse::<f64>() else {
                    return false;
                };
                return ordered(n.partial_cmp(&v), op);
            }
            Occurrence::Span(r, frame) => {
                let bytes = frame.get(r.clone()).unwrap_or(&[]);
                return op == Cmp::Contains
                    && lit.bytes.as_deref().is_some_and(|n| contains(bytes, n));
            }
            Occurrence::Field(field, frame) => (field, frame),
        };
        // A field's bytes: its range of its source, or the bytes it holds itself.
        let raw = match &field.value {
            Value::Blob(blob) => &blob[..],
            _ => frame.get(field.bytes.clone()).unwrap_or(&[]),
        };
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
            Value::Bytes | Value::Blob(_) => ordered(lit.bytes.as_deref().map(|b| raw.cmp(b)), op),
            Value::Nanos(ns) => {
                let secs = *ns as f64 * 1e-9;
                ordered(
                    lit.text
                        .parse::<f64>()
                        .ok()
                        .and_then(|v| secs.partial_cmp(&v)),
                    op,
                )
            }
            Value::None => false,
        }
    }
}
