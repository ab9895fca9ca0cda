//! IPv6 header (RFC 8200) and its extension headers: hop-by-hop, routing, fragment,
//! destination options (and AH, whose length rule differs).

use crate::registry::{self as hf, FieldDef};
use std::ops::Range;

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;

pub mod field {
    use std::ops::Range;
    /// Version (4 bits), traffic class (8 bits), flow label (20 bits).
    pub const VER_TC_FLOW: Range<usize> = 0..4;
    pub const PAYLOAD_LEN: Range<usize> = 4..6;
    pub const NEXT_HEADER: Range<usize> = 6..7;
    pub const HOP_LIMIT: Range<usize> = 7..8;
    pub const SRC: Range<usize> = 8..24;
    pub const DST: Range<usize> = 24..40;
}
pub const HEADER_LEN: usize = field::DST.end;

/// The IPv6 layer. `h` holds the fixed header followed by the extension headers etherparse
/// found (`h.len()` = 40 + their length); `payload` is where the upper layer lies.
pub fn layer(h: Hdr, payload: Range<usize>) -> Layer {
    let mut l = Layer::new(Protocol::Ipv6, h.abs(0..h.len()), payload);
    l.fields = fields(&h);
    l
}

pub fn fields(h: &Hdr) -> Vec<Field> {
    use field::*;
    let mut fields = Vec::with_capacity(12);
    fields.push(h.bits(&hf::ipv6::VERSION, VER_TC_FLOW, 0, 4));
    // Wireshark also files the version under the generic `ip.version`.
    fields.push(h.bits(&hf::ip::VERSION, VER_TC_FLOW, 0, 4));
    fields.push(
        h.bits(&hf::ipv6::TCLASS, VER_TC_FLOW, 4, 8)
            .with_children(vec![
                h.bits(&hf::ipv6::TCLASS_DSCP, VER_TC_FLOW, 4, 6),
                h.bits(&hf::ipv6::TCLASS_ECN, VER_TC_FLOW, 10, 2),
            ]),
    );
    fields.push(h.bits(&hf::ipv6::FLOW, VER_TC_FLOW, 12, 20));
    fields.push(h.uint(&hf::ipv6::PLEN, PAYLOAD_LEN));
    fields.push(next_header(h, &hf::ipv6::NXT, NEXT_HEADER.start));
    fields.push(h.uint(&hf::ipv6::HLIM, HOP_LIMIT));
    fields.push(h.ipv6_field(&hf::ipv6::SRC, SRC.start));
    fields.push(h.ipv6_field(&hf::ipv6::DST, DST.start));
    let mut next = h.u8(NEXT_HEADER.start);
    let mut off = HEADER_LEN;
    while off < h.len() {
        let Some((ext, len)) = extension(h, next, off) else {
            break;
        };
        fields.push(ext);
        next = h.u8(off);
        off += len;
    }
    fields
}

fn next_header(h: &Hdr, def: &'static FieldDef, off: usize) -> Field {
    let f = h.uint(def, off..off + 1);
    match names::ip_protocol(h.u8(off)) {
        Some(n) => f.meaning(n),
        None => f,
    }
}

/// One extension header at `off` whose type is `kind`; returns the field and its length.
fn extension(h: &Hdr, kind: u8, off: usize) -> Option<(Field, usize)> {
    let group = match kind {
        0 => &hf::ipv6::HOPOPTS,
        43 => &hf::ipv6::ROUTING,
        44 => &hf::ipv6::FRAGHDR,
        51 => &hf::ipv6::AH,
        60 => &hf::ipv6::DSTOPTS,
        _ => return None,
    };
    let len = match kind {
        44 => 8,
        51 => (h.u8(off + 1) as usize + 2) * 4,
        _ => (h.u8(off + 1) as usize + 1) * 8,
    };
    if off + len > h.len() {
        return None;
    }
    let r = |a: usize, b: usize| off + a..off + b;
    let mut children = Vec::new();
    match kind {
        0 | 60 => {
            let (nxt, l, l_oct) = if kind == 0 {
                (
                    &hf::ipv6::HOPOPTS_NXT,
                    &hf::ipv6::HOPOPTS_LEN,
                    &hf::ipv6::HOPOPTS_LEN_OCT,
                )
            } else {
                (
                    &hf::ipv6::DSTOPTS_NXT,
                    &hf::ipv6::DSTOPTS_LEN,
                    &hf::ipv6::DSTOPTS_LEN_OCT,
                )
            };
            children.push(next_header(h, nxt, off));
            children.push(h.uint(l, r(1, 2)));
            children.push(Field::new(l_oct, Value::Uint(len as u64), h.abs(r(1, 2))));
            children.extend(tlv_options(h, off + 2, off + len));
        }
        43 => {
            children.push(next_header(h, &hf::ipv6::ROUTING_NXT, off));
            children.push(h.uint(&hf::ipv6::ROUTING_LEN, r(1, 2)));
            children.push(h.uint(&hf::ipv6::ROUTING_TYPE, r(2, 3)));
            children.push(h.uint(&hf::ipv6::ROUTING_SEGLEFT, r(3, 4)));
            if h.u8(off + 2) == 0 {
                let mut a = off + 8;
                while a + 16 <= off + len {
                    children.push(h.ipv6_field(&hf::ipv6::ROUTING_SRC_ADDR, a));
                    a += 16;
                }
            }
        }
        44 => {
            children.push(next_header(h, &hf::ipv6::FRAGHDR_NXT, off));
            children.push(h.uint(&hf::ipv6::FRAGHDR_RESERVED_OCTET, r(1, 2)));
            // In units of 8 bytes, as stored and as tshark reports it.
            let frag = h.bits(&hf::ipv6::FRAGHDR_OFFSET, r(2, 4), 0, 13);
            let bytes = frag.as_u64().unwrap_or(0) * 8;
            children.push(frag.meaning(format!("{bytes} bytes")));
            children.push(h.bits(&hf::ipv6::FRAGHDR_RESERVED_BITS, r(2, 4), 13, 2));
            children.push(h.flag(&hf::ipv6::FRAGHDR_MORE, r(2, 4), 15));
            children.push(h.uint(&hf::ipv6::FRAGHDR_IDENT, r(4, 8)));
        }
        _ => {
            children.push(next_header(h, &hf::ipv6::AH_NEXT_HEADER, off));
            children.push(h.uint(&hf::ipv6::AH_LENGTH, r(1, 2)));
            children.push(h.uint(&hf::ipv6::AH_SPI, r(4, 8)));
            children.push(h.uint(&hf::ipv6::AH_SEQUENCE, r(8, 12)));
        }
    }
    Some((
        Field::new(group, Value::None, h.abs(off..off + len)).with_children(children),
        len,
    ))
}

/// Type-length-value options of hop-by-hop and destination option headers.
fn tlv_options(h: &Hdr, start: usize, end: usize) -> Vec<Field> {
    let mut out = Vec::new();
    let mut off = start;
    while off < end {
        let kind = h.u8(off);
        let name = match kind {
            0 => "Pad1",
            1 => "PadN",
            4 => "Tunnel Encapsulation Limit",
            5 => "Router Alert",
            194 => "Jumbo Payload",
            201 => "Home Address",
            _ => "Unknown option",
        };
        if kind == 0 {
            out.push(h.uint(&hf::ipv6::OPT_TYPE, off..off + 1).meaning(name));
            off += 1;
            continue;
        }
        if off + 2 > end {
            // The header ends between an option's type and its length.
            out.push(h.uint(&hf::ipv6::OPT_TYPE, off..off + 1).meaning(name));
            break;
        }
        let len = h.u8(off + 1) as usize;
        let stop = (off + 2 + len).min(end);
        let mut children = vec![
            h.uint(&hf::ipv6::OPT_TYPE, off..off + 1).meaning(name),
            h.uint(&hf::ipv6::OPT_LENGTH, off + 1..off + 2),
        ];
        // Fixed-size options are decoded only when the header holds all of them.
        let whole = off + 2 + len <= end;
        match (kind, len) {
            (5, 2) if whole => children.push(h.uint(&hf::ipv6::OPT_ROUTER_ALERT, off + 2..off + 4)),
            (194, 4) if whole => children.push(h.uint(&hf::ipv6::OPT_JUMBO, off + 2..off + 6)),
            (1, _) => children.push(h.bytes_field(&hf::ipv6::OPT_PADN, off + 2..stop)),
            _ if len > 0 => children.push(h.bytes_field(&hf::ipv6::OPT_UNKNOWN, off + 2..stop)),
            _ => {}
        }
        out.push(
            Field::new(&hf::ipv6::OPT, Value::Bytes, h.abs(off..stop))
                .label(name)
                .with_children(children),
        );
        off = stop;
    }
    out
}
