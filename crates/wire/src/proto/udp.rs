//! UDP header (RFC 768): ports, length, checksum. Nothing else: no connection, no order.

use crate::registry as hf;
use std::ops::Range;

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};

pub mod field {
    use std::ops::Range;
    pub const SRC_PORT: Range<usize> = 0..2;
    pub const DST_PORT: Range<usize> = 2..4;
    pub const LENGTH: Range<usize> = 4..6;
    pub const CHECKSUM: Range<usize> = 6..8;
}
pub const HEADER_LEN: usize = field::CHECKSUM.end;

pub fn layer(h: Hdr, payload: Range<usize>) -> Layer {
    use field::*;
    let mut l = Layer::new(Protocol::Udp, h.abs(0..HEADER_LEN), payload.clone());
    // Room for the payload field too: growing the vector would copy it.
    let mut f = Vec::with_capacity(5);
    f.extend([
        h.uint(&hf::udp::SRCPORT, SRC_PORT),
        h.uint(&hf::udp::DSTPORT, DST_PORT),
        h.uint(&hf::udp::LENGTH, LENGTH),
        h.uint(&hf::udp::CHECKSUM, CHECKSUM),
    ]);
    if !payload.is_empty() {
        f.push(Field::new(&hf::udp::PAYLOAD, Value::Bytes, payload));
    }
    l.fields = f;
    l
}
