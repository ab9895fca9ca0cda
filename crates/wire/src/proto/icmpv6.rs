//! ICMPv6 (RFC 4443) with neighbour discovery (RFC 4861): echo, errors, RS/RA/NS/NA.

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;

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
    let ty = h.uint("icmpv6.type", "Type", TYPE);
    f.push(match names::icmpv6_type(t) {
        Some(m) => ty.meaning(m),
        None => ty,
    });
    let code = h.uint("icmpv6.code", "Code", CODE);
    f.push(match names::icmpv6_code(t, c) {
        Some(m) => code.meaning(m),
        None => code,
    });
    f.push(h.uint("icmpv6.checksum", "Checksum", CHECKSUM).hex(4));
    let has = |len: usize| n >= len;
    match t {
        1 | 3 if has(8) => f.push(h.uint("icmpv6.reserved", "Reserved", 4..8).hex(8)),
        2 if has(8) => f.push(h.uint("icmpv6.mtu", "MTU", 4..8)),
        4 if has(8) => f.push(h.uint("icmpv6.pointer", "Pointer", 4..8)),
        128 | 129 if has(8) => {
            f.push(h.uint("icmpv6.echo.identifier", "Identifier", IDENT).hex(4));
            f.push(h.uint("icmpv6.echo.sequence_number", "Sequence", SEQ));
            if n > HEADER_LEN {
                f.push(h.bytes_field("data.data", "Data", HEADER_LEN..n));
                f.push(Field::new(
                    "data.len",
                    "Length",
                    Value::Uint((n - 8) as u64),
                    h.abs(8..n),
                ));
            }
        }
        133 if has(8) => {
            f.push(h.uint("icmpv6.reserved", "Reserved", 4..8).hex(8));
            f.extend(nd_options(&h, 8));
        }
        134 if has(16) => {
            f.push(h.uint("icmpv6.nd.ra.cur_hop_limit", "Cur hop limit", 4..5));
            f.push(
                h.uint("icmpv6.nd.ra.flag", "Flags", 5..6)
                    .hex(2)
                    .with_children(vec![
                        h.flag(
                            "icmpv6.nd.ra.flag.m",
                            "Managed address configuration",
                            5..6,
                            0,
                        ),
                        h.flag("icmpv6.nd.ra.flag.o", "Other configuration", 5..6, 1),
                    ]),
            );
            f.push(h.uint("icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", 6..8));
            f.push(h.uint("icmpv6.nd.ra.reachable_time", "Reachable time (ms)", 8..12));
            f.push(h.uint("icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)", 12..16));
            f.extend(nd_options(&h, 16));
        }
        135 if has(24) => {
            f.push(h.uint("icmpv6.reserved", "Reserved", 4..8).hex(8));
            f.push(h.ipv6_field("icmpv6.nd.ns.target_address", "Target Address", 8));
            f.extend(nd_options(&h, 24));
        }
        136 if has(24) => {
            f.push(
                h.uint("icmpv6.nd.na.flag", "Flags", 4..8)
                    .hex(8)
                    .with_children(vec![
                        h.flag("icmpv6.nd.na.flag.r", "Router", 4..8, 0),
                        h.flag("icmpv6.nd.na.flag.s", "Solicited", 4..8, 1),
                        h.flag("icmpv6.nd.na.flag.o", "Override", 4..8, 2),
                    ]),
            );
            f.push(h.ipv6_field("icmpv6.nd.na.target_address", "Target Address", 8));
            f.extend(nd_options(&h, 24));
        }
        137 if has(40) => {
            f.push(h.uint("icmpv6.reserved", "Reserved", 4..8).hex(8));
            f.push(h.ipv6_field("icmpv6.nd.rd.target_address", "Target Address", 8));
            f.push(h.ipv6_field(
                "icmpv6.nd.rd.destination_address",
                "Destination Address",
                24,
            ));
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
                h.bytes_field("icmpv6.opt", "Invalid option", off..h.len())
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
            h.uint("icmpv6.opt.type", "Type", off..off + 1)
                .meaning(name),
            h.uint("icmpv6.opt.length", "Length", off + 1..off + 2)
                .meaning(format!("{} bytes", units * 8)),
        ];
        match kind {
            1 | 2 if end - off == 8 => {
                children.push(h.mac_field("icmpv6.opt.linkaddr", "Link-layer address", off + 2))
            }
            3 if end - off == 32 => {
                children.push(h.uint(
                    "icmpv6.opt.prefix.length",
                    "Prefix Length",
                    off + 2..off + 3,
                ));
                children.push(h.uint(
                    "icmpv6.opt.prefix.valid_lifetime",
                    "Valid Lifetime",
                    off + 4..off + 8,
                ));
                children.push(h.uint(
                    "icmpv6.opt.prefix.preferred_lifetime",
                    "Preferred Lifetime",
                    off + 8..off + 12,
                ));
                children.push(h.ipv6_field("icmpv6.opt.prefix", "Prefix", off + 16));
            }
            5 if end - off == 8 => children.push(h.uint("icmpv6.opt.mtu", "MTU", off + 4..off + 8)),
            _ => {}
        }
        out.push(
            Field::new("icmpv6.opt", name, Value::Bytes, h.abs(off..end)).with_children(children),
        );
        off = end;
    }
    out
}
