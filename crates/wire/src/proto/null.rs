//! BSD loopback encapsulation: a 4-byte address family before the IP packet.
//! DLT_NULL stores it in the capturing host's byte order, DLT_LOOP in network order.

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;
use crate::registry as hf;

pub const HEADER_LEN: usize = 4;

/// What the family says the payload is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Ipv4,
    Ipv6,
    Other(u32),
}

/// Decodes the family. For DLT_NULL the byte order is unknown: a family is a small
/// number, so whichever order gives a value below 2^16 is the right one.
pub fn family(h: &Hdr, network_order: bool) -> u32 {
    let be = h.u32(0);
    if network_order {
        return be;
    }
    let le = be.swap_bytes();
    if le & 0xffff_0000 == 0 {
        le
    } else {
        be
    }
}

pub fn classify(family: u32) -> Family {
    match family {
        2 => Family::Ipv4,
        24 | 28 | 30 => Family::Ipv6,
        f => Family::Other(f),
    }
}

pub fn layer(h: Hdr, frame_len: usize, network_order: bool) -> Layer {
    let fam = family(&h, network_order);
    let mut l = Layer::new(
        Protocol::Null,
        h.abs(0..HEADER_LEN),
        h.at + HEADER_LEN..frame_len,
    );
    let mut f = Field::new(
        &hf::null::FAMILY,
        Value::Uint(fam as u64),
        h.abs(0..HEADER_LEN),
    );
    if let Some(n) = names::bsd_family(fam) {
        f = f.meaning(n);
    }
    l.fields = vec![f];
    l
}
