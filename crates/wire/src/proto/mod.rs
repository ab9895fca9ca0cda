//! One module per protocol: each turns the bytes of its header into [`Field`]s with absolute
//! byte ranges. Field offsets are named constants inside each module, so the header diagram
//! and the hex view use the same positions the decoder does.

pub mod app;
pub mod arp;
pub mod dns;
pub mod ethernet;
pub mod http;
pub mod icmp;
pub mod icmpv6;
pub mod igmp;
pub mod ipv4;
pub mod ipv6;
pub mod json;
pub mod link;
pub mod null;
pub mod sll;
pub mod tcp;
pub mod tls;
pub mod udp;
pub mod vlan;

use std::ops::Range;

use crate::field::{Field, Value};
use crate::registry::FieldDef;

/// A header's bytes plus where they start in the frame. Readers return 0 past the end, so
/// callers must check lengths first (every module does, before building fields); the zero
/// default only keeps a bug from becoming a panic.
#[derive(Clone, Copy)]
pub struct Hdr<'a> {
    pub bytes: &'a [u8],
    /// Offset of `bytes[0]` in the frame.
    pub at: usize,
}

impl<'a> Hdr<'a> {
    #[inline]
    pub fn new(bytes: &'a [u8], at: usize) -> Self {
        Hdr { bytes, at }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    #[inline]
    pub fn u8(&self, off: usize) -> u8 {
        self.bytes.get(off).copied().unwrap_or(0)
    }

    #[inline]
    pub fn u16(&self, off: usize) -> u16 {
        u16::from_be_bytes([self.u8(off), self.u8(off + 1)])
    }

    #[inline]
    pub fn u32(&self, off: usize) -> u32 {
        u32::from_be_bytes([
            self.u8(off),
            self.u8(off + 1),
            self.u8(off + 2),
            self.u8(off + 3),
        ])
    }

    /// Big-endian unsigned integer over a byte range of up to 8 bytes.
    #[inline]
    pub fn uint_at(&self, r: Range<usize>) -> u64 {
        r.fold(0u64, |acc, i| (acc << 8) | self.u8(i) as u64)
    }

    #[inline]
    pub fn slice(&self, r: Range<usize>) -> &'a [u8] {
        let end = r.end.min(self.bytes.len());
        self.bytes.get(r.start.min(end)..end).unwrap_or(&[])
    }

    pub fn mac(&self, off: usize) -> [u8; 6] {
        let mut m = [0u8; 6];
        for (i, b) in m.iter_mut().enumerate() {
            *b = self.u8(off + i);
        }
        m
    }

    pub fn ipv4(&self, off: usize) -> std::net::Ipv4Addr {
        std::net::Ipv4Addr::from(self.u32(off))
    }

    pub fn ipv6(&self, off: usize) -> std::net::Ipv6Addr {
        let mut a = [0u8; 16];
        for (i, b) in a.iter_mut().enumerate() {
            *b = self.u8(off + i);
        }
        std::net::Ipv6Addr::from(a)
    }

    /// Absolute frame range of a header-relative range.
    #[inline]
    pub fn abs(&self, r: Range<usize>) -> Range<usize> {
        self.at + r.start..self.at + r.end
    }

    /// A whole-bytes unsigned field.
    #[inline]
    pub fn uint(&self, def: &'static FieldDef, r: Range<usize>) -> Field {
        Field::new(def, Value::Uint(self.uint_at(r.clone())), self.abs(r))
    }

    /// A sub-byte unsigned field: `width` bits starting `first` bits into range `r`
    /// (bit 0 = most significant bit of the range's first byte).
    #[inline]
    pub fn bits(&self, def: &'static FieldDef, r: Range<usize>, first: u8, width: u8) -> Field {
        let total = (r.len() * 8) as u32;
        let raw = self.uint_at(r.clone());
        let shift = total - first as u32 - width as u32;
        let mask = if width >= 64 {
            u64::MAX
        } else {
            (1u64 << width) - 1
        };
        Field::new(def, Value::Uint((raw >> shift) & mask), self.abs(r)).bits(first, width)
    }

    /// A single flag bit of range `r`.
    #[inline]
    pub fn flag(&self, def: &'static FieldDef, r: Range<usize>, bit: u8) -> Field {
        let mut f = self.bits(def, r, bit, 1);
        f.value = Value::Bool(f.as_u64() == Some(1));
        f
    }

    #[inline]
    pub fn mac_field(&self, def: &'static FieldDef, off: usize) -> Field {
        Field::new(def, Value::Mac(self.mac(off)), self.abs(off..off + 6))
    }

    #[inline]
    pub fn ipv4_field(&self, def: &'static FieldDef, off: usize) -> Field {
        Field::new(def, Value::Ipv4(self.ipv4(off)), self.abs(off..off + 4))
    }

    #[inline]
    pub fn ipv6_field(&self, def: &'static FieldDef, off: usize) -> Field {
        Field::new(def, Value::Ipv6(self.ipv6(off)), self.abs(off..off + 16))
    }

    #[inline]
    pub fn bytes_field(&self, def: &'static FieldDef, r: Range<usize>) -> Field {
        Field::new(def, Value::Bytes, self.abs(r))
    }
}

/// The Internet checksum (RFC 1071) over `bytes`; 0 means the stored checksum is correct
/// when the checksum field is included.
pub(crate) fn internet_checksum(bytes: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    let mut chunks = bytes.chunks_exact(2);
    for c in &mut chunks {
        sum += u16::from_be_bytes([c[0], c[1]]) as u32;
    }
    if let [last] = chunks.remainder() {
        sum += (*last as u32) << 8;
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}
