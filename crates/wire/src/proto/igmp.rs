//! IGMP (RFC 2236 / 3376) header: enough to name the message and its group.

use super::Hdr;
use crate::layer::{Layer, Protocol};
use crate::registry as hf;

pub fn layer(h: Hdr) -> Layer {
    let n = h.len();
    let mut l = Layer::new(Protocol::Igmp, h.abs(0..n), h.abs(n..n));
    let t = h.u8(0);
    let name = match t {
        0x11 => "Membership Query",
        0x12 => "Membership Report v1",
        0x16 => "Membership Report v2",
        0x17 => "Leave Group",
        0x22 => "Membership Report v3",
        _ => "Unknown",
    };
    l.fields = vec![
        h.uint(&hf::igmp::TYPE, 0..1).meaning(name),
        h.uint(&hf::igmp::MAX_RESP, 1..2),
        h.uint(&hf::igmp::CHECKSUM, 2..4),
    ];
    if n >= 8 && t != 0x22 {
        l.fields.push(h.ipv4_field(&hf::igmp::MADDR, 4));
    }
    l
}
