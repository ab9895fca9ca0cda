//! ARP (RFC 826): who has this IPv4 address? Tell me your MAC.

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;

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
    let hwt = h.uint("arp.hw.type", "Hardware type", field::HW_TYPE);
    let hwt = match names::arp_hw_type(h.u16(0)) {
        Some(n) => hwt.meaning(n),
        None => hwt,
    };
    fields.push(hwt);
    let pt = h
        .uint("arp.proto.type", "Protocol type", field::PROTO_TYPE)
        .hex(4);
    fields.push(match names::ethertype(h.u16(2)) {
        Some(n) => pt.meaning(n),
        None => pt,
    });
    fields.push(h.uint("arp.hw.size", "Hardware size", field::HW_SIZE));
    fields.push(h.uint("arp.proto.size", "Protocol size", field::PROTO_SIZE));
    let op = h.uint("arp.opcode", "Opcode", field::OPCODE);
    fields.push(match names::arp_opcode(h.u16(6)) {
        Some(n) => op.meaning(n),
        None => op,
    });
    let mut off = field::ADDRESSES;
    for (hw_name, proto_name) in [
        (
            ("arp.src.hw_mac", "arp.src.hw", "Sender MAC address"),
            ("arp.src.proto_ipv4", "arp.src.proto", "Sender IP address"),
        ),
        (
            ("arp.dst.hw_mac", "arp.dst.hw", "Target MAC address"),
            ("arp.dst.proto_ipv4", "arp.dst.proto", "Target IP address"),
        ),
    ] {
        fields.push(if hw == 6 {
            h.mac_field(hw_name.0, hw_name.2, off)
        } else {
            Field::new(hw_name.1, hw_name.2, Value::Bytes, h.abs(off..off + hw))
        });
        off += hw;
        fields.push(if proto == 4 {
            h.ipv4_field(proto_name.0, proto_name.2, off)
        } else {
            Field::new(
                proto_name.1,
                proto_name.2,
                Value::Bytes,
                h.abs(off..off + proto),
            )
        });
        off += proto;
    }
    l.fields = fields;
    l
}
