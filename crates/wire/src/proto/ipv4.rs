//! IPv4 header (RFC 791), including the options routers and hosts still use.

use std::ops::Range;

use super::{internet_checksum, Hdr};
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;

pub mod field {
    use std::ops::Range;
    /// Version (4 bits) and header length in 32-bit words (4 bits).
    pub const VER_IHL: Range<usize> = 0..1;
    /// DSCP (6 bits) and ECN (2 bits).
    pub const DSFIELD: Range<usize> = 1..2;
    pub const TOTAL_LEN: Range<usize> = 2..4;
    pub const IDENT: Range<usize> = 4..6;
    /// Flags (3 bits) and fragment offset (13 bits).
    pub const FLG_OFF: Range<usize> = 6..8;
    pub const TTL: Range<usize> = 8..9;
    pub const PROTOCOL: Range<usize> = 9..10;
    pub const CHECKSUM: Range<usize> = 10..12;
    pub const SRC: Range<usize> = 12..16;
    pub const DST: Range<usize> = 16..20;
    pub const OPTIONS: usize = DST.end;
}
pub const MIN_HEADER_LEN: usize = field::OPTIONS;

/// The IPv4 layer. `h` holds the header's captured bytes and `hdr_len` the length its IHL
/// gives (etherparse checked it; more than `h.len()` when the snapshot length cut the
/// header: see [`crate::partial`]); `payload` is where the carried data lies in the frame.
pub fn layer(h: Hdr, hdr_len: usize, payload: Range<usize>) -> Layer {
    let mut l = Layer::new(Protocol::Ipv4, h.abs(0..hdr_len), payload);
    l.fields = fields(&h, hdr_len);
    l
}

/// The header's fields; also used for the original datagram quoted inside ICMP errors.
pub fn fields(h: &Hdr, hdr_len: usize) -> Vec<Field> {
    use field::*;
    let proto = h.u8(PROTOCOL.start);
    let mut fields = Vec::with_capacity(16);
    fields.push(h.bits("ip.version", "Version", VER_IHL, 0, 4));
    let mut ihl = h.bits("ip.hdr_len", "Header Length", VER_IHL, 4, 4);
    ihl.value = Value::Uint(ihl.as_u64().unwrap_or(0) * 4);
    fields.push(ihl.meaning(crate::names::words_of_4_bytes(h.u8(0) & 0x0f)));
    fields.push(
        h.uint("ip.dsfield", "Differentiated Services Field", DSFIELD)
            .hex(2)
            .with_children(vec![
                h.bits(
                    "ip.dsfield.dscp",
                    "Differentiated Services Codepoint",
                    DSFIELD,
                    0,
                    6,
                ),
                h.bits(
                    "ip.dsfield.ecn",
                    "Explicit Congestion Notification",
                    DSFIELD,
                    6,
                    2,
                ),
            ]),
    );
    fields.push(h.uint("ip.len", "Total Length", TOTAL_LEN));
    fields.push(h.uint("ip.id", "Identification", IDENT).hex(4));
    fields.push(
        h.bits("ip.flags", "Flags", FLG_OFF, 0, 3)
            .hex(2)
            .with_children(vec![
                h.flag("ip.flags.rb", "Reserved bit", FLG_OFF, 0),
                h.flag("ip.flags.df", "Don't fragment", FLG_OFF, 1),
                h.flag("ip.flags.mf", "More fragments", FLG_OFF, 2),
            ]),
    );
    // In units of 8 bytes, as stored (and as tshark reports it).
    let frag = h.bits("ip.frag_offset", "Fragment Offset", FLG_OFF, 3, 13);
    let bytes = frag.as_u64().unwrap_or(0) * 8;
    fields.push(frag.meaning(match bytes {
        0 => "0 bytes".into(),
        _ => std::borrow::Cow::Owned(format!("{bytes} bytes")),
    }));
    fields.push(h.uint("ip.ttl", "Time to Live", TTL));
    let p = h.uint("ip.proto", "Protocol", PROTOCOL);
    fields.push(match names::ip_protocol(proto) {
        Some(n) => p.meaning(n),
        None => p,
    });
    let checksum = h.uint("ip.checksum", "Header Checksum", CHECKSUM).hex(4);
    // A header the capture cut cannot be checked.
    fields.push(if h.len() < hdr_len {
        checksum.meaning("unverified: header not captured whole")
    } else if internet_checksum(h.slice(0..hdr_len)) == 0 {
        checksum.meaning("correct")
    } else {
        checksum.meaning("incorrect")
    });
    fields.push(h.ipv4_field("ip.src", "Source Address", SRC.start));
    fields.push(h.ipv4_field("ip.dst", "Destination Address", DST.start));
    if hdr_len > OPTIONS {
        fields.push(
            h.bytes_field("ip.options", "Options", OPTIONS..hdr_len)
                .with_children(options(h, OPTIONS, hdr_len)),
        );
    }
    fields
}

/// Decodes the option list between `start` and `end`.
fn options(h: &Hdr, start: usize, end: usize) -> Vec<Field> {
    let mut out = Vec::new();
    let mut off = start;
    while off < end {
        let kind = h.u8(off);
        let type_field = || {
            h.uint("ip.opt.type", "Type", off..off + 1)
                .meaning(option_name(kind))
                .with_children(vec![
                    h.flag("ip.opt.type.copy", "Copy on fragmentation", off..off + 1, 0),
                    h.bits("ip.opt.type.class", "Class", off..off + 1, 1, 2),
                    h.bits("ip.opt.type.number", "Number", off..off + 1, 3, 5),
                ])
        };
        if kind == 0 || kind == 1 {
            // End of Option List and No-Operation are a single byte.
            let name = if kind == 0 {
                "ip.options.eol"
            } else {
                "ip.options.nop"
            };
            out.push(
                Field::new(name, option_name(kind), Value::None, h.abs(off..off + 1))
                    .with_children(vec![type_field()]),
            );
            off += 1;
            if kind == 0 {
                break;
            }
            continue;
        }
        let len = h.u8(off + 1) as usize;
        if len < 2 || off + len > end {
            out.push(
                h.bytes_field("ip.opt.malformed", "Malformed option", off..end)
                    .meaning(format!("option length {len} does not fit")),
            );
            break;
        }
        let mut children = vec![
            type_field(),
            h.uint("ip.opt.len", "Length", off + 1..off + 2),
        ];
        match kind {
            7 | 131 | 137 => {
                // Record Route, Loose and Strict Source Route: a pointer then addresses.
                children.push(h.uint("ip.opt.ptr", "Pointer", off + 2..off + 3));
                let abbrev = if kind == 7 { "ip.rec_rt" } else { "ip.src_rt" };
                let mut a = off + 3;
                while a + 4 <= off + len {
                    children.push(h.ipv4_field(abbrev, "Address", a));
                    a += 4;
                }
            }
            68 => {
                // Timestamp: pointer, overflow (4 bits) and flag (4 bits), then stamps.
                children.push(h.uint("ip.opt.ptr", "Pointer", off + 2..off + 3));
                children.push(h.bits("ip.opt.overflow", "Overflow", off + 3..off + 4, 0, 4));
                children.push(h.bits("ip.opt.flag", "Flag", off + 3..off + 4, 4, 4));
                let mut a = off + 4;
                while a + 4 <= off + len {
                    children.push(h.uint("ip.opt.time_stamp", "Time stamp", a..a + 4));
                    a += 4;
                }
            }
            148 if len == 4 => {
                children.push(h.uint("ip.opt.ra", "Router Alert", off + 2..off + 4));
            }
            _ if len > 2 => children.push(h.bytes_field("ip.opt.data", "Data", off + 2..off + len)),
            _ => {}
        }
        out.push(
            Field::new(
                "ip.opt",
                option_name(kind),
                Value::Bytes,
                h.abs(off..off + len),
            )
            .with_children(children),
        );
        off += len;
    }
    out
}

fn option_name(kind: u8) -> &'static str {
    match kind {
        0 => "End of Options List (EOL)",
        1 => "No Operation (NOP)",
        7 => "Record Route",
        68 => "Time Stamp",
        130 => "Security",
        131 => "Loose Source Route",
        133 => "Extended Security",
        136 => "Stream Identifier",
        137 => "Strict Source Route",
        148 => "Router Alert",
        _ => "Unknown option",
    }
}
