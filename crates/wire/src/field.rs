//! One decoded header field: its Wireshark name, value, byte/bit position and meaning.
//!
//! Fields never own a copy of the packet: byte ranges point into the captured bytes, so the
//! hex view, the header diagram and the layer tree can all highlight the same bytes.

use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

use crate::registry::FieldDef;
use crate::write;

/// A decoded value, typed the way tshark types it in `-T json` output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// An unsigned integer (ports, lengths, type codes, sequence numbers).
    Uint(u64),
    /// A signed integer (only where tshark reports negatives, like a scale factor of -1).
    Int(i64),
    /// A single flag bit or a yes/no property.
    Bool(bool),
    /// An IEEE 802 MAC address.
    Mac([u8; 6]),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
    /// Free text (HTTP request line, cooked-header address, printable payload); borrowed
    /// when it is one of a fixed set of names (TCP states), which most packets carry.
    Text(Cow<'static, str>),
    /// Text that is the field's own bytes, all printable ASCII (a demo's "Hello, server!"):
    /// read from the frame rather than copied out of it for every packet.
    Ascii,
    /// Raw bytes: the field's own byte range holds them (options, payload).
    Bytes,
    /// Bytes that are not all in one byte source: a message joined from several segments
    /// (`tcp.reassembled.data`), shared with the reassembled byte source rather than copied.
    Blob(std::sync::Arc<[u8]>),
    /// A time span in nanoseconds (a round-trip time), shown in seconds with 9 decimals
    /// as tshark shows it; kept as an integer so that it is exact.
    Nanos(i64),
    /// A grouping node with no value of its own (e.g. "Options").
    None,
}

/// How an integer is shown: Wireshark displays some fields in hex (`eth.type`, `ip.id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Base {
    #[default]
    Dec,
    /// Hexadecimal, zero-padded to this many digits.
    Hex(u8),
}

/// A field of a layer: its definition in the [registry](crate::registry) (Wireshark's name,
/// label, type, base and explanation) plus what this packet holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub def: &'static FieldDef,
    /// The label shown: the definition's name, except where one name covers several kinds
    /// (IPv4 and ICMPv6 options are labelled "Record Route" …, as Wireshark draws them).
    /// Kept here rather than looked up: printers read it for every field, and it takes the
    /// space an optional override would.
    label: &'static str,
    pub value: Value,
    /// What the value means here ("IPv4", "Echo (ping) request"), if it is a code.
    pub meaning: Option<Cow<'static, str>>,
    /// Absolute byte range within the captured frame.
    pub bytes: Range<usize>,
    /// For sub-byte fields: (first bit, width), bit 0 being the most significant bit of the
    /// first byte of `bytes`, the way RFC header diagrams number them.
    pub bits: Option<(u8, u8)>,
    pub children: Vec<Field>,
}

impl Field {
    #[inline]
    pub fn new(def: &'static FieldDef, value: Value, bytes: Range<usize>) -> Self {
        Field {
            def,
            label: def.name,
            value,
            meaning: None,
            bytes,
            bits: None,
            children: Vec::new(),
        }
    }

    /// Wireshark's display-filter name (`tcp.srcport`).
    pub fn abbrev(&self) -> &'static str {
        self.def.abbrev
    }

    /// The label shown in the packet details ("Source Port").
    pub fn name(&self) -> &'static str {
        self.label
    }

    /// How an integer value is shown.
    pub fn base(&self) -> Base {
        self.def.base
    }

    /// True when this is an occurrence of `def`.
    pub fn is(&self, def: &FieldDef) -> bool {
        std::ptr::eq(self.def, def)
    }

    pub fn label(mut self, label: &'static str) -> Self {
        self.label = label;
        self
    }

    pub fn bits(mut self, first: u8, width: u8) -> Self {
        self.bits = Some((first, width));
        self
    }

    pub fn meaning(mut self, meaning: impl Into<Cow<'static, str>>) -> Self {
        self.meaning = Some(meaning.into());
        self
    }

    pub fn with_children(mut self, children: Vec<Field>) -> Self {
        self.children = children;
        self
    }

    /// The integer value, if this field holds one (booleans count as 0/1).
    pub fn as_u64(&self) -> Option<u64> {
        match self.value {
            Value::Uint(v) => Some(v),
            Value::Bool(b) => Some(b as u64),
            _ => None,
        }
    }

    /// The text of a `Text` or `Ascii` value.
    pub fn text<'a>(&'a self, frame: &'a [u8]) -> Option<&'a str> {
        match &self.value {
            Value::Text(t) => Some(t),
            Value::Ascii => frame
                .get(self.bytes.clone())
                .and_then(|b| std::str::from_utf8(b).ok()),
            _ => None,
        }
    }

    /// The plain-language explanation of this field, for tooltips and teaching views.
    pub fn explanation(&self) -> &'static str {
        self.def.explanation
    }

    /// This field and all its descendants, depth first.
    pub fn walk(&self) -> FieldWalk<'_> {
        FieldWalk {
            root: Some(self),
            inline: Default::default(),
            depth: 0,
            deeper: Vec::new(),
        }
    }

    /// Appends the bare value as the packet details show it (`0x0800`, `64`, `Set`);
    /// `Bytes` values are read from the frame, `packet`. Text made from packet bytes is
    /// written as it is for a window, or escaped for a terminal (see [`TextOut`]).
    #[inline]
    pub fn write_value(&self, out: &mut Vec<u8>, packet: &[u8], text: TextOut) {
        match &self.value {
            Value::Uint(v) => match self.base() {
                Base::Dec => write::uint(out, *v),
                Base::Hex(w) => write::hex_uint(out, *v, w as usize),
            },
            Value::Int(v) => write::int(out, *v),
            Value::Bool(b) => out.extend_from_slice(if *b { b"Set" } else { b"Not set" }),
            Value::Mac(m) => write::mac(out, m),
            Value::Ipv4(a) => write::ipv4(out, *a),
            Value::Ipv6(a) => {
                let _ = std::io::Write::write_fmt(out, format_args!("{a}"));
            }
            Value::Text(t) => match text {
                TextOut::Raw => out.extend_from_slice(t.as_bytes()),
                TextOut::Escaped => crate::escape::write_field(out, t),
            },
            Value::Ascii => out.extend_from_slice(packet.get(self.bytes.clone()).unwrap_or(&[])),
            Value::Bytes => {
                write::hex_bytes(out, packet.get(self.bytes.clone()).unwrap_or(&[]), 32)
            }
            Value::Blob(b) => write::hex_bytes(out, b, 32),
            Value::Nanos(ns) => {
                write::seconds(out, i128::from(*ns), 9);
                out.extend_from_slice(b" seconds");
            }
            Value::None => {}
        }
    }

    /// Appends the value with its meaning when there is one (`0x0800 (IPv4)`).
    #[inline]
    pub fn write_display(&self, out: &mut Vec<u8>, packet: &[u8], text: TextOut) {
        let start = out.len();
        self.write_value(out, packet, text);
        if let Some(m) = &self.meaning {
            if out.len() > start {
                out.extend_from_slice(b" (");
                out.extend_from_slice(m.as_bytes());
                out.push(b')');
            } else {
                out.extend_from_slice(m.as_bytes());
            }
        }
    }

    /// The bare value as text, for a window.
    pub fn value_text(&self, packet: &[u8]) -> String {
        let mut out = String::new();
        self.push_value(&mut out, packet);
        out
    }

    /// Appends the bare value to a line of text, for a window.
    pub fn push_value(&self, s: &mut String, packet: &[u8]) {
        let mut out = std::mem::take(s).into_bytes();
        self.write_value(&mut out, packet, TextOut::Raw);
        *s = into_string(out);
    }

    /// The value with its meaning, for a window (`0x0800 (IPv4)`, `64`, `Set`).
    pub fn display(&self, packet: &[u8]) -> String {
        let mut out = Vec::new();
        self.write_display(&mut out, packet, TextOut::Raw);
        into_string(out)
    }
}

/// How text made from packet bytes is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOut {
    /// As it is, for a window that draws every character.
    Raw,
    /// With control characters escaped, so that packet text cannot act on a terminal.
    Escaped,
}

/// The writers produce UTF-8 (text values are `str`, the rest ASCII).
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Depth-first iterator over a field tree.
///
/// Lookups by name walk every field of a layer for every packet a printer or filter looks
/// at, so the walk keeps its stack inline: header trees are a few levels deep, and only a
/// deeper one (never seen in practice) spills to the heap.
pub struct FieldWalk<'a> {
    root: Option<&'a Field>,
    inline: [std::slice::Iter<'a, Field>; INLINE_DEPTH],
    depth: usize,
    deeper: Vec<std::slice::Iter<'a, Field>>,
}

const INLINE_DEPTH: usize = 6;

impl<'a> FieldWalk<'a> {
    fn push(&mut self, children: &'a [Field]) {
        if children.is_empty() {
            return;
        }
        if self.depth < INLINE_DEPTH {
            self.inline[self.depth] = children.iter();
        } else {
            self.deeper.push(children.iter());
        }
        self.depth += 1;
    }
}

impl<'a> Iterator for FieldWalk<'a> {
    type Item = &'a Field;
    fn next(&mut self) -> Option<&'a Field> {
        if let Some(root) = self.root.take() {
            self.push(&root.children);
            return Some(root);
        }
        while self.depth > 0 {
            let top = match self.depth {
                d if d <= INLINE_DEPTH => &mut self.inline[d - 1],
                _ => self.deeper.last_mut()?,
            };
            match top.next() {
                Some(f) => {
                    self.push(&f.children);
                    return Some(f);
                }
                None => {
                    if self.depth > INLINE_DEPTH {
                        self.deeper.pop();
                    }
                    self.depth -= 1;
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chain `depth` levels deep under a root, each level with two leaves around it.
    fn tree(depth: usize) -> Field {
        let leaf = || Field::new(&crate::registry::tcp::OPTIONS, Value::None, 0..0);
        let mut f = leaf();
        for _ in 0..depth {
            f = leaf().with_children(vec![leaf(), f, leaf()]);
        }
        f
    }

    /// Pre-order the obvious recursive way.
    fn preorder<'a>(f: &'a Field, into: &mut Vec<&'a Field>) {
        into.push(f);
        for c in &f.children {
            preorder(c, into);
        }
    }

    #[test]
    fn walk_is_preorder_at_any_depth() {
        for depth in [0, 1, 5, 6, 7, 20] {
            let root = tree(depth);
            let mut want = Vec::new();
            preorder(&root, &mut want);
            let got: Vec<_> = root.walk().collect();
            assert_eq!(got.len(), 1 + 3 * depth, "depth {depth}");
            assert!(
                got.iter().zip(&want).all(|(a, b)| std::ptr::eq(*a, *b)),
                "depth {depth}"
            );
        }
    }
}
