//! ICMPv6 (RFC 4443) with neighbour discovery (RFC 4861): echo, errors, RS/RA/NS/NA.

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;
use crate::registry as hf;

pub mod field {
    use std::ops::Range;
    pub const TYPE: Range<usize> = 0..1;
    pub const CODE: Range<usize> = 1..2;
    pub const CHECKSUM: Range<usize> = 2..4;
    pub const IDENT: Range<usize> = 4..6;
    pub const SEQ: Range<usize> = 6..8;
}
pub const HEADER_LEN: usize = 8;

pub fn quotes_datagram(t: u8) -> bool {
    matches!(t, 1..=4)
}

/// The ICMPv6 layer over the whole message in `h` (at least 4 bytes).
pub fn layer(h: Hdr, quoted: Vec<Field>) -> Layer {
    use field::*;
    let t = h.u8(0);
    let c = h.u8(1);
    let n = h.len();
    let mut l = Layer::new(Protocol::Icmpv6, h.abs(0..n), h.abs(n..n));
    let mut f = Vec::with_capacity(10);
    let ty = h.uint(&hf::icmpv6::TYPE, TYPE);
    f.push(match names::icmpv6_type(t) {
        Some(m) => ty.meaning(m),
        None => ty,
    });
    let code = h.uint(&hf::icmpv6::CODE, CODE);
    f.push(match names::icmpv6_code(t, c) {
        Some(m) => code.meaning(m),
        None => code,
    });
    f.push(h.uint(&hf::icmpv6::CHECKSUM, CHECKSUM));
    let has = |len: usize| n >= len;
    match t {
        1 | 3 if has(8) => f.push(h.bytes_field(&hf::icmpv6::RESERVED, 4..8)),
        2 if has(8) => f.push(h.uint(&hf::icmpv6::MTU, 4..8)),
        4 if has(8) => f.push(h.uint(&hf::icmpv6::POINTER, 4..8)),
        128 | 129 if has(8) => {
            f.push(h.uint(&hf::icmpv6::ECHO_IDENTIFIER, IDENT));
            f.push(h.uint(&hf::icmpv6::ECHO_SEQUENCE_NUMBER, SEQ));
            if n > HEADER_LEN {
                f.push(h.bytes_field(&hf::data::DATA, HEADER_LEN..n));
                f.push(Field::new(
                    &hf::data::LEN,
                    Value::Uint((n - 8) as u64),
                    h.abs(8..n),
                ));
            }
        }
        133 if has(8) => {
            f.push(h.bytes_field(&hf::icmpv6::RESERVED, 4..8));
            f.extend(nd_options(&h, 8));
        }
        134 if has(16) => {
            f.push(h.uint(&hf::icmpv6::ND_RA_CUR_HOP_LIMIT, 4..5));
            f.push(h.uint(&hf::icmpv6::ND_RA_FLAG, 5..6).with_children(vec![
                h.flag(&hf::icmpv6::ND_RA_FLAG_M, 5..6, 0),
                h.flag(&hf::icmpv6::ND_RA_FLAG_O, 5..6, 1),
            ]));
            f.push(h.uint(&hf::icmpv6::ND_RA_ROUTER_LIFETIME, 6..8));
            f.push(h.uint(&hf::icmpv6::ND_RA_REACHABLE_TIME, 8..12));
            f.push(h.uint(&hf::icmpv6::ND_RA_RETRANS_TIMER, 12..16));
            f.extend(nd_options(&h, 16));
        }
        135 if has(24) => {
            f.push(h.bytes_field(&hf::icmpv6::RESERVED, 4..8));
            f.push(h.ipv6_field(&hf::icmpv6::ND_NS_TARGET_ADDRESS, 8));
            f.extend(nd_options(&h, 24));
        }
        136 if has(24) => {
            f.push(h.uint(&hf::icmpv6::ND_NA_FLAG, 4..8).with_children(vec![
                h.flag(&hf::icmpv6::ND_NA_FLAG_R, 4..8, 0),
                h.flag(&hf::icmpv6::ND_NA_FLAG_S, 4..8, 1),
                h.flag(&hf::icmpv6::ND_NA_FLAG_O, 4..8, 2),
            ]));
            f.push(h.ipv6_field(&hf::icmpv6::ND_NA_TARGET_ADDRESS, 8));
            f.extend(nd_options(&h, 24));
        }
        137 if has(40) => {
            f.push(h.bytes_field(&hf::icmpv6::RESERVED, 4..8));
            f.push(h.ipv6_field(&hf::icmpv6::ND_RD_TARGET_ADDRESS, 8));
            f.push(h.ipv6_field(&hf::icmpv6::RD_NA_DESTINATION_ADDRESS, 24));
            f.extend(nd_options(&h, 40));
        }
        _ => {}
    }
    f.extend(quoted);
    l.fields = f;
    l
}

/// Neighbour-discovery options: type, length in 8-byte units, value.
fn nd_options(h: &Hdr, start: usize) -> Vec<Field> {
    let mut out = Vec::new();
    let mut off = start;
    while off + 2 <= h.len() {
        let kind = h.u8(off);
        let units = h.u8(off + 1) as usize;
        if units == 0 {
            out.push(
                h.bytes_field(&hf::icmpv6::OPT, off..h.len())
                    .label("Invalid option")
                    .meaning("option length 0 is invalid"),
            );
            break;
        }
        let end = (off + units * 8).min(h.len());
        let name = match kind {
            1 => "Source link-layer address",
            2 => "Target link-layer address",
            3 => "Prefix information",
            4 => "Redirected header",
            5 => "MTU",
            25 => "Recursive DNS Server",
            _ => "Unknown option",
        };
        let mut children = vec![
            h.uint(&hf::icmpv6::OPT_TYPE, off..off + 1).meaning(name),
            h.uint(&hf::icmpv6::OPT_LENGTH, off + 1..off + 2)
                .meaning(format!("{} bytes", units * 8)),
        ];
        match kind {
            1 | 2 if end - off == 8 => {
                children.push(h.mac_field(&hf::icmpv6::OPT_LINKADDR, off + 2))
            }
            3 if end - off == 32 => {
                children.push(h.uint(&hf::icmpv6::OPT_PREFIX_LENGTH, off + 2..off + 3));
                children.push(h.uint(&hf::icmpv6::OPT_PREFIX_VALID_LIFETIME, off + 4..off + 8));
                children.push(h.uint(
                    &hf::icmpv6::OPT_PREFIX_PREFERRED_LIFETIME,
                    off + 8..off + 12,
                ));
                children.push(h.ipv6_field(&hf::icmpv6::OPT_PREFIX, off + 16));
            }
            5 if end - off == 8 => children.push(h.uint(&hf::icmpv6::OPT_MTU, off + 4..off + 8)),
            _ => {}
        }
        out.push(
            Field::new(&hf::icmpv6::OPT, Value::Bytes, h.abs(off..end))
                .label(name)
                .with_children(children),
        );
        off = end;
    }
    out
}
