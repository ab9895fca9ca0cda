//! One decoded header field: its Wireshark name, value, byte/bit position and meaning.
//!
//! Fields never own a copy of the packet: byte ranges point into the captured bytes, so the
//! hex view, the header diagram and the layer tree can all highlight the same bytes.

use std::borrow::Cow;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

use crate::registry::FieldDef;

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
    /// The label when it is not the definition's: IPv4 and ICMPv6 options are labelled by
    /// their kind ("Record Route") under one name, as Wireshark draws them.
    pub label: Option<&'static str>,
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
    pub fn new(def: &'static FieldDef, value: Value, bytes: Range<usize>) -> Self {
        Field {
            def,
            label: None,
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
        self.label.unwrap_or(self.def.name)
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
        self.label = Some(label);
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

    /// The value formatted for display, with its meaning when there is one
    /// (`0x0800 (IPv4)`, `64`, `Set`).
    pub fn display(&self, packet: &[u8]) -> String {
        let value = DisplayValue {
            field: self,
            packet,
        }
        .to_string();
        match &self.meaning {
            Some(m) if !value.is_empty() => format!("{value} ({m})"),
            Some(m) => m.to_string(),
            None => value,
        }
    }
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

/// Formats a field's bare value; `Bytes` values are read from the packet.
pub struct DisplayValue<'a> {
    pub field: &'a Field,
    pub packet: &'a [u8],
}

impl fmt::Display for DisplayValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field.value {
            Value::Uint(v) => match self.field.base() {
                Base::Dec => write!(f, "{v}"),
                Base::Hex(w) => write!(f, "0x{v:0w$x}", w = w as usize),
            },
            Value::Int(v) => write!(f, "{v}"),
            Value::Bool(b) => f.write_str(if *b { "Set" } else { "Not set" }),
            Value::Mac(m) => write_mac(f, m),
            Value::Ipv4(a) => write!(f, "{a}"),
            Value::Ipv6(a) => write!(f, "{a}"),
            Value::Text(_) | Value::Ascii => {
                f.write_str(self.field.text(self.packet).unwrap_or_default())
            }
            Value::Bytes => {
                let bytes = self.packet.get(self.field.bytes.clone()).unwrap_or(&[]);
                write_hex_bytes(f, bytes, 32)
            }
            Value::None => Ok(()),
        }
    }
}

/// The decimal digits of every byte value, so an IPv4 address prints as four short copies
/// instead of four integer conversions: packet lists and printers write two per packet.
const OCTET_DIGITS: [([u8; 3], u8); 256] = {
    let mut t = [([0u8; 3], 0u8); 256];
    let mut b = 0;
    while b < 256 {
        let (h, d, u) = ((b / 100) as u8, (b / 10 % 10) as u8, (b % 10) as u8);
        t[b] = if b >= 100 {
            ([b'0' + h, b'0' + d, b'0' + u], 3)
        } else if b >= 10 {
            ([b'0' + d, b'0' + u, 0], 2)
        } else {
            ([b'0' + u, 0, 0], 1)
        };
        b += 1;
    }
    t
};

/// `b` in decimal, as ASCII digits.
pub fn decimal_octet(b: u8) -> &'static [u8] {
    let (digits, len) = &OCTET_DIGITS[b as usize];
    &digits[..*len as usize]
}

/// `aa:bb:cc:dd:ee:ff`, lower case, as tshark prints MAC addresses.
pub fn write_mac(f: &mut impl fmt::Write, m: &[u8; 6]) -> fmt::Result {
    write!(
        f,
        "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        m[0], m[1], m[2], m[3], m[4], m[5]
    )
}

/// Colon-separated hex bytes, cut after `limit` bytes with an ellipsis.
pub fn write_hex_bytes(f: &mut impl fmt::Write, bytes: &[u8], limit: usize) -> fmt::Result {
    for (i, b) in bytes.iter().take(limit).enumerate() {
        if i > 0 {
            f.write_char(':')?;
        }
        write!(f, "{b:02x}")?;
    }
    if bytes.len() > limit {
        f.write_str("…")?;
    }
    Ok(())
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
    fn octets_read_as_their_decimal_value() {
        for b in 0..=255u8 {
            assert_eq!(decimal_octet(b), b.to_string().as_bytes());
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
