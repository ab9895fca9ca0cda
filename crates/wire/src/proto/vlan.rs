//! IEEE 802.1Q / 802.1ad VLAN tag: priority, drop eligibility, VLAN id, inner EtherType.

use super::{ethernet::ethertype_field, Hdr};
use crate::layer::{Layer, Protocol};
use crate::registry as hf;

pub mod field {
    use std::ops::Range;
    /// Priority (3 bits), DEI (1 bit), VLAN id (12 bits).
    pub const TCI: Range<usize> = 0..2;
    pub const ETHERTYPE: Range<usize> = 2..4;
}
pub const HEADER_LEN: usize = field::ETHERTYPE.end;

/// A tag layer. `service_tag` is true for an 802.1ad S-tag (EtherType 0x88a8 before it),
/// which Wireshark names `ieee8021ad` rather than `vlan`.
pub fn layer(h: Hdr, frame_len: usize, service_tag: bool) -> Layer {
    let (protocol, names) = if service_tag {
        (
            Protocol::Ieee8021ad,
            [
                &hf::vlan::IEEE8021AD_PRIORITY,
                &hf::vlan::IEEE8021AD_DEI,
                &hf::vlan::IEEE8021AD_ID,
                &hf::vlan::IEEE8021AH_ETYPE,
            ],
        )
    } else {
        (
            Protocol::Vlan,
            [
                &hf::vlan::PRIORITY,
                &hf::vlan::DEI,
                &hf::vlan::ID,
                &hf::vlan::ETYPE,
            ],
        )
    };
    let mut l = Layer::new(protocol, h.abs(0..HEADER_LEN), h.at + HEADER_LEN..frame_len);
    l.fields = vec![
        h.bits(names[0], field::TCI, 0, 3),
        h.bits(names[1], field::TCI, 3, 1),
        h.bits(names[2], field::TCI, 4, 12),
        ethertype_field(&h, names[3], field::ETHERTYPE.start),
    ];
    l
}
