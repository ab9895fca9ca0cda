//! Ethernet II (DIX) header: destination MAC, source MAC, EtherType.

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;
use crate::registry::{self as hf, FieldDef};

pub mod field {
    use std::ops::Range;
    pub const DST: Range<usize> = 0..6;
    pub const SRC: Range<usize> = 6..12;
    pub const ETHERTYPE: Range<usize> = 12..14;
}
pub const HEADER_LEN: usize = field::ETHERTYPE.end;

/// A MAC address with its two meaning bits: `[address, lg bit, ig bit]`.
fn address(h: &Hdr, defs: [&'static FieldDef; 3], off: usize) -> Field {
    let r = off..off + 1;
    h.mac_field(defs[0], off)
        .with_children(vec![h.flag(defs[1], r.clone(), 6), h.flag(defs[2], r, 7)])
}

/// Values up to 1500 in the type position are an IEEE 802.3 length: an LLC header follows.
pub fn is_length(type_or_len: u16) -> bool {
    type_or_len <= 1500
}

/// EtherType field with its protocol name; shared by Ethernet, VLAN tags and cooked headers.
pub fn ethertype_field(h: &Hdr, def: &'static FieldDef, off: usize) -> Field {
    let t = h.u16(off);
    let f = Field::new(def, Value::Uint(t as u64), h.abs(off..off + 2));
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
            [&hf::eth::DST, &hf::eth::DST_LG, &hf::eth::DST_IG],
            field::DST.start,
        ),
        address(
            &h,
            [&hf::eth::SRC, &hf::eth::SRC_LG, &hf::eth::SRC_IG],
            field::SRC.start,
        ),
        if is_length(h.u16(field::ETHERTYPE.start)) {
            h.uint(&hf::eth::LEN, field::ETHERTYPE)
        } else {
            ethertype_field(&h, &hf::eth::TYPE, field::ETHERTYPE.start)
        },
    ];
    l
}
