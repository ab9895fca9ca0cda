//! ARP (RFC 826): who has this IPv4 address? Tell me your MAC.

use super::Hdr;
use crate::layer::{Layer, Protocol};
use crate::names;
use crate::registry as hf;

pub mod field {
    use std::ops::Range;
    pub const HW_TYPE: Range<usize> = 0..2;
    pub const PROTO_TYPE: Range<usize> = 2..4;
    pub const HW_SIZE: Range<usize> = 4..5;
    pub const PROTO_SIZE: Range<usize> = 5..6;
    pub const OPCODE: Range<usize> = 6..8;
    /// Addresses follow, their sizes given by HW_SIZE and PROTO_SIZE.
    pub const ADDRESSES: usize = 8;
}

/// `h` is the whole ARP packet as etherparse validated it.
pub fn layer(h: Hdr) -> Layer {
    let hw = h.u8(field::HW_SIZE.start) as usize;
    let proto = h.u8(field::PROTO_SIZE.start) as usize;
    let end = field::ADDRESSES + 2 * (hw + proto);
    let mut l = Layer::new(Protocol::Arp, h.abs(0..end), h.abs(end..end));
    let mut fields = Vec::with_capacity(9);
    let hwt = h.uint(&hf::arp::HW_TYPE, field::HW_TYPE);
    let hwt = match names::arp_hw_type(h.u16(0)) {
        Some(n) => hwt.meaning(n),
        None => hwt,
    };
    fields.push(hwt);
    let pt = h.uint(&hf::arp::PROTO_TYPE, field::PROTO_TYPE);
    fields.push(match names::ethertype(h.u16(2)) {
        Some(n) => pt.meaning(n),
        None => pt,
    });
    fields.push(h.uint(&hf::arp::HW_SIZE, field::HW_SIZE));
    fields.push(h.uint(&hf::arp::PROTO_SIZE, field::PROTO_SIZE));
    let op = h.uint(&hf::arp::OPCODE, field::OPCODE);
    fields.push(match names::arp_opcode(h.u16(6)) {
        Some(n) => op.meaning(n),
        None => op,
    });
    let mut off = field::ADDRESSES;
    // Each address has a typed name for its usual size and a bytes name for any other.
    for (hw_def, proto_def) in [
        (
            (&hf::arp::SRC_HW_MAC, &hf::arp::SRC_HW),
            (&hf::arp::SRC_PROTO_IPV4, &hf::arp::SRC_PROTO),
        ),
        (
            (&hf::arp::DST_HW_MAC, &hf::arp::DST_HW),
            (&hf::arp::DST_PROTO_IPV4, &hf::arp::DST_PROTO),
        ),
    ] {
        fields.push(if hw == 6 {
            h.mac_field(hw_def.0, off)
        } else {
            h.bytes_field(hw_def.1, off..off + hw)
        });
        off += hw;
        fields.push(if proto == 4 {
            h.ipv4_field(proto_def.0, off)
        } else {
            h.bytes_field(proto_def.1, off..off + proto)
        });
        off += proto;
    }
    l.fields = fields;
    l
}
