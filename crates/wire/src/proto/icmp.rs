//! ICMP for IPv4 (RFC 792): echo, unreachable, redirect, time exceeded, timestamps.

use super::{internet_checksum, Hdr};
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::names;
use crate::registry as hf;

pub mod field {
    use std::ops::Range;
    pub const TYPE: Range<usize> = 0..1;
    pub const CODE: Range<usize> = 1..2;
    pub const CHECKSUM: Range<usize> = 2..4;
    /// Meaning depends on the type: identifier + sequence, unused, gateway, MTU, pointer.
    pub const REST: Range<usize> = 4..8;
    pub const IDENT: Range<usize> = 4..6;
    pub const SEQ: Range<usize> = 6..8;
}
pub const HEADER_LEN: usize = 8;

/// Types whose body quotes the IP header and first bytes of the datagram that caused them.
pub fn quotes_datagram(icmp_type: u8) -> bool {
    matches!(icmp_type, 3 | 4 | 5 | 11 | 12)
}

/// The ICMP layer over the whole message in `h` (at least 8 bytes). `quoted` holds the
/// fields of the original datagram for error messages.
pub fn layer(h: Hdr, quoted: Vec<Field>) -> Layer {
    use field::*;
    let t = h.u8(0);
    let c = h.u8(1);
    let mut l = Layer::new(Protocol::Icmp, h.abs(0..h.len()), h.abs(h.len()..h.len()));
    let mut f = Vec::with_capacity(8);
    let ty = h.uint(&hf::icmp::TYPE, TYPE);
    f.push(match names::icmp_type(t) {
        Some(n) => ty.meaning(n),
        None => ty,
    });
    let code = h.uint(&hf::icmp::CODE, CODE);
    f.push(match names::icmp_code(t, c) {
        Some(n) => code.meaning(n),
        None => code,
    });
    let ok = internet_checksum(h.bytes) == 0;
    f.push(
        h.uint(&hf::icmp::CHECKSUM, CHECKSUM)
            .meaning(if ok { "correct" } else { "incorrect" }),
    );
    match t {
        0 | 8 | 13 | 14 | 15 | 16 | 17 | 18 => {
            f.push(h.uint(&hf::icmp::IDENT, IDENT));
            f.push(h.uint(&hf::icmp::SEQ, SEQ));
            match t {
                13 | 14 if h.len() >= 20 => {
                    f.push(h.uint(&hf::icmp::ORIGINATE_TIMESTAMP, 8..12));
                    f.push(h.uint(&hf::icmp::RECEIVE_TIMESTAMP, 12..16));
                    f.push(h.uint(&hf::icmp::TRANSMIT_TIMESTAMP, 16..20));
                }
                17 | 18 if h.len() >= 12 => {
                    f.push(h.ipv4_field(&hf::icmp::ADDRESS_MASK, 8));
                }
                0 | 8 if h.len() > HEADER_LEN => {
                    f.push(h.bytes_field(&hf::data::DATA, HEADER_LEN..h.len()));
                    f.push(Field::new(
                        &hf::data::LEN,
                        Value::Uint((h.len() - HEADER_LEN) as u64),
                        h.abs(HEADER_LEN..h.len()),
                    ));
                }
                _ => {}
            }
        }
        3 if c == 4 => {
            f.push(h.bytes_field(&hf::icmp::UNUSED, 4..6));
            f.push(h.uint(&hf::icmp::MTU, 6..8));
        }
        5 => f.push(h.ipv4_field(&hf::icmp::REDIR_GW, REST.start)),
        12 => {
            f.push(h.uint(&hf::icmp::POINTER, 4..5));
            f.push(h.bytes_field(&hf::icmp::UNUSED, 5..8));
        }
        _ if quotes_datagram(t) => f.push(h.bytes_field(&hf::icmp::UNUSED, REST)),
        _ => {}
    }
    f.extend(quoted);
    l.fields = f;
    l
}
