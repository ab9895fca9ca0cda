//! Ethernet II (DIX) header: destination MAC, source MAC, EtherType.

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;

pub mod field {
    use std::ops::Range;
    pub const DST: Range<usize> = 0..6;
    pub const SRC: Range<usize> = 6..12;
    pub const ETHERTYPE: Range<usize> = 12..14;
}
pub const HEADER_LEN: usize = field::ETHERTYPE.end;

fn address(
    h: &Hdr,
    abbrev: &'static str,
    name: &'static str,
    off: usize,
    lg: &'static str,
    ig: &'static str,
) -> Field {
    let r = off..off + 1;
    h.mac_field(abbrev, name, off).with_children(vec![
        h.flag(lg, "LG bit (locally administered)", r.clone(), 6),
        h.flag(ig, "IG bit (group address)", r, 7),
    ])
}

/// Values up to 1500 in the type position are an IEEE 802.3 length: an LLC header follows.
pub fn is_length(type_or_len: u16) -> bool {
    type_or_len <= 1500
}

/// EtherType field with its protocol name; shared by Ethernet, VLAN tags and cooked headers.
pub fn ethertype_field(h: &Hdr, abbrev: &'static str, off: usize) -> Field {
    let t = h.u16(off);
    let f = Field::new(abbrev, "Type", Value::Uint(t as u64), h.abs(off..off + 2)).hex(4);
    match names::ethertype(t) {
        Some(n) => f.meaning(n),
        None => f,
    }
}

/// The Ethernet layer; `h` must hold at least [`HEADER_LEN`] bytes.
pub fn layer(h: Hdr, frame_len: usize) -> Layer {
    let mut l = Layer::new(
        Protocol::Ethernet,
        h.abs(0..HEADER_LEN),
        h.at + HEADER_LEN..frame_len,
    );
    l.fields = vec![
        address(
            &h,
            "eth.dst",
            "Destination",
            field::DST.start,
            "eth.dst.lg",
            "eth.dst.ig",
        ),
        address(
            &h,
            "eth.src",
            "Source",
            field::SRC.start,
            "eth.src.lg",
            "eth.src.ig",
        ),
        if is_length(h.u16(field::ETHERTYPE.start)) {
            h.uint("eth.len", "Length", field::ETHERTYPE)
        } else {
            ethertype_field(&h, "eth.type", field::ETHERTYPE.start)
        },
    ];
    l
}
