//! IPv4 header (RFC 791), including the options routers and hosts still use.

use crate::registry as hf;
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
    fields.push(h.bits(&hf::ip::VERSION, VER_IHL, 0, 4));
    let mut ihl = h.bits(&hf::ip::HDR_LEN, VER_IHL, 4, 4);
    ihl.value = Value::Uint(ihl.as_u64().unwrap_or(0) * 4);
    fields.push(ihl.meaning(crate::names::words_of_4_bytes(h.u8(0) & 0x0f)));
    fields.push(h.uint(&hf::ip::DSFIELD, DSFIELD).with_children(vec![
        h.bits(&hf::ip::DSFIELD_DSCP, DSFIELD, 0, 6),
        h.bits(&hf::ip::DSFIELD_ECN, DSFIELD, 6, 2),
    ]));
    fields.push(h.uint(&hf::ip::LEN, TOTAL_LEN));
    fields.push(h.uint(&hf::ip::ID, IDENT));
    fields.push(h.bits(&hf::ip::FLAGS, FLG_OFF, 0, 3).with_children(vec![
        h.flag(&hf::ip::FLAGS_RB, FLG_OFF, 0),
        h.flag(&hf::ip::FLAGS_DF, FLG_OFF, 1),
        h.flag(&hf::ip::FLAGS_MF, FLG_OFF, 2),
    ]));
    // In units of 8 bytes, as stored (and as tshark reports it).
    let frag = h.bits(&hf::ip::FRAG_OFFSET, FLG_OFF, 3, 13);
    let bytes = frag.as_u64().unwrap_or(0) * 8;
    fields.push(frag.meaning(match bytes {
        0 => "0 bytes".into(),
        _ => std::borrow::Cow::Owned(format!("{bytes} bytes")),
    }));
    fields.push(h.uint(&hf::ip::TTL, TTL));
    let p = h.uint(&hf::ip::PROTO, PROTOCOL);
    fields.push(match names::ip_protocol(proto) {
        Some(n) => p.meaning(n),
        None => p,
    });
    let checksum = h.uint(&hf::ip::CHECKSUM, CHECKSUM);
    // A header the capture cut cannot be checked.
    fields.push(if h.len() < hdr_len {
        checksum.meaning("unverified: header not captured whole")
    } else if internet_checksum(h.slice(0..hdr_len)) == 0 {
        checksum.meaning("correct")
    } else {
        checksum.meaning("incorrect")
    });
    fields.push(h.ipv4_field(&hf::ip::SRC, SRC.start));
    fields.push(h.ipv4_field(&hf::ip::DST, DST.start));
    if hdr_len > OPTIONS {
        fields.push(
            h.bytes_field(&hf::ip::OPTIONS, OPTIONS..hdr_len)
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
            h.uint(&hf::ip::OPT_TYPE, off..off + 1)
                .meaning(option_name(kind))
                .with_children(vec![
                    h.flag(&hf::ip::OPT_TYPE_COPY, off..off + 1, 0),
                    h.bits(&hf::ip::OPT_TYPE_CLASS, off..off + 1, 1, 2),
                    h.bits(&hf::ip::OPT_TYPE_NUMBER, off..off + 1, 3, 5),
                ])
        };
        if kind == 0 || kind == 1 {
            // End of Option List and No-Operation are a single byte.
            let def = if kind == 0 {
                &hf::ip::OPTIONS_EOL
            } else {
                &hf::ip::OPTIONS_NOP
            };
            out.push(
                Field::new(def, Value::None, h.abs(off..off + 1)).with_children(vec![type_field()]),
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
                h.bytes_field(&hf::ip::OPT_MALFORMED, off..end)
                    .meaning(format!("option length {len} does not fit")),
            );
            break;
        }
        let mut children = vec![type_field(), h.uint(&hf::ip::OPT_LEN, off + 1..off + 2)];
        match kind {
            7 | 131 | 137 => {
                // Record Route, Loose and Strict Source Route: a pointer then addresses.
                children.push(h.uint(&hf::ip::OPT_PTR, off + 2..off + 3));
                let def = if kind == 7 {
                    &hf::ip::REC_RT
                } else {
                    &hf::ip::SRC_RT
                };
                let mut a = off + 3;
                while a + 4 <= off + len {
                    children.push(h.ipv4_field(def, a));
                    a += 4;
                }
            }
            68 => {
                // Timestamp: pointer, overflow (4 bits) and flag (4 bits), then stamps.
                children.push(h.uint(&hf::ip::OPT_PTR, off + 2..off + 3));
                children.push(h.bits(&hf::ip::OPT_OVERFLOW, off + 3..off + 4, 0, 4));
                children.push(h.bits(&hf::ip::OPT_FLAG, off + 3..off + 4, 4, 4));
                let mut a = off + 4;
                while a + 4 <= off + len {
                    children.push(h.uint(&hf::ip::OPT_TIME_STAMP, a..a + 4));
                    a += 4;
                }
            }
            148 if len == 4 => {
                children.push(h.uint(&hf::ip::OPT_RA, off + 2..off + 4));
            }
            _ if len > 2 => children.push(h.bytes_field(&hf::ip::OPT_DATA, off + 2..off + len)),
            _ => {}
        }
        out.push(
            Field::new(&hf::ip::OPT, Value::Bytes, h.abs(off..off + len))
                .label(option_name(kind))
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
