//! Linux "cooked" capture headers (DLT_LINUX_SLL 113 and DLT_LINUX_SLL2 276), written by
//! libpcap for the `any` pseudo-interface. etherparse rejects loopback SLL and has no SLL2,
//! so both are decoded here.

use super::{ethernet::ethertype_field, Hdr};
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;
use crate::registry as hf;

pub mod v1 {
    use std::ops::Range;
    pub const PKTTYPE: Range<usize> = 0..2;
    pub const HATYPE: Range<usize> = 2..4;
    pub const HALEN: Range<usize> = 4..6;
    pub const ADDRESS: Range<usize> = 6..14;
    pub const PROTOCOL: Range<usize> = 14..16;
    pub const HEADER_LEN: usize = PROTOCOL.end;
}

pub mod v2 {
    use std::ops::Range;
    pub const PROTOCOL: Range<usize> = 0..2;
    pub const RESERVED: Range<usize> = 2..4;
    pub const IFINDEX: Range<usize> = 4..8;
    pub const HATYPE: Range<usize> = 8..10;
    pub const PKTTYPE: Range<usize> = 10..11;
    pub const HALEN: Range<usize> = 11..12;
    pub const ADDRESS: Range<usize> = 12..20;
    pub const HEADER_LEN: usize = ADDRESS.end;
}

/// ARPHRD values for which the address is an Ethernet MAC.
const ARPHRD_ETHER: u16 = 1;
const ARPHRD_LOOPBACK: u16 = 772;

/// Protocol numbers below this are Linux-internal (`ETH_P_802_2` …), not EtherTypes.
pub const MIN_ETHERTYPE: u16 = 0x0600;

fn address(h: &Hdr, range: std::ops::Range<usize>, hatype: u16, halen: u16) -> Field {
    let len = (halen as usize).min(range.len());
    if (hatype == ARPHRD_ETHER || hatype == ARPHRD_LOOPBACK) && halen == 6 {
        h.mac_field(&hf::sll::SRC_ETH, range.start)
    } else {
        h.bytes_field(&hf::sll::SRC_OTHER, range.start..range.start + len)
    }
}

fn protocol_field(h: &Hdr, off: usize) -> Field {
    let p = h.u16(off);
    if p >= MIN_ETHERTYPE {
        ethertype_field(h, &hf::sll::ETYPE, off)
    } else {
        let meaning = match p {
            0x0001 => "Novell 802.3 frames without 802.2 LLC header",
            0x0004 => "802.2 LLC frames",
            0x000c => "CAN frames",
            0x000d => "CAN FD frames",
            _ => "Linux protocol",
        };
        Field::new(&hf::sll::LTYPE, Value::Uint(p as u64), h.abs(off..off + 2)).meaning(meaning)
    }
}

fn pkttype(f: Field) -> Field {
    let v = f.as_u64().unwrap_or(0) as u16;
    match names::sll_pkttype(v) {
        Some(n) => f.meaning(n),
        None => f,
    }
}

/// SLL v1 layer; `h` holds at least 16 bytes.
pub fn layer_v1(h: Hdr, frame_len: usize) -> Layer {
    let hatype = h.u16(v1::HATYPE.start);
    let halen = h.u16(v1::HALEN.start);
    let mut l = Layer::new(
        Protocol::Sll,
        h.abs(0..v1::HEADER_LEN),
        h.at + v1::HEADER_LEN..frame_len,
    );
    l.fields = vec![
        pkttype(h.uint(&hf::sll::PKTTYPE, v1::PKTTYPE)),
        h.uint(&hf::sll::HATYPE, v1::HATYPE),
        h.uint(&hf::sll::HALEN, v1::HALEN),
        address(&h, v1::ADDRESS, hatype, halen),
        protocol_field(&h, v1::PROTOCOL.start),
    ];
    l
}

/// SLL v2 layer; `h` holds at least 20 bytes.
pub fn layer_v2(h: Hdr, frame_len: usize) -> Layer {
    let hatype = h.u16(v2::HATYPE.start);
    let halen = h.u8(v2::HALEN.start) as u16;
    let mut l = Layer::new(
        Protocol::Sll2,
        h.abs(0..v2::HEADER_LEN),
        h.at + v2::HEADER_LEN..frame_len,
    );
    l.fields = vec![
        protocol_field(&h, v2::PROTOCOL.start),
        h.uint(&hf::sll::RESERVED, v2::RESERVED),
        h.uint(&hf::sll::IFINDEX, v2::IFINDEX),
        h.uint(&hf::sll::HATYPE, v2::HATYPE),
        pkttype(h.uint(&hf::sll::PKTTYPE, v2::PKTTYPE)),
        h.uint(&hf::sll::HALEN, v2::HALEN),
        address(&h, v2::ADDRESS, hatype, halen),
    ];
    l
}
