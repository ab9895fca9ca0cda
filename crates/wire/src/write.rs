//! Appending values to a byte buffer: the one writer of numbers, addresses and hex bytes
//! for every printer and view.
//!
//! Printers produce hundreds of values per packet; going through `core::fmt` for each (and
//! `{:02x}` for every payload byte) cost ten times the dissection itself. These write
//! straight into a `Vec<u8>`, with the exact text `format!` gives.

use std::net::Ipv4Addr;

/// The lower-case hex digits.
pub const HEX: &[u8; 16] = b"0123456789abcdef";

/// Both hex digits of every byte value, so a payload byte is one two-byte copy.
const HEX_PAIRS: [[u8; 2]; 256] = {
    let mut t = [[0u8; 2]; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = [HEX[b >> 4], HEX[b & 0xf]];
        b += 1;
    }
    t
};

/// The decimal digits of every byte value, so an IPv4 address prints as four short copies
/// instead of four integer conversions: packet lists and printers write two per packet.
const OCTET_DIGITS: [([u8; 3], u8); 256] = {
    let mut t = [([0u8; 3], 0u8); 256];
    let mut b = 0;
    while b < 256 {
        let (h, d, u) = ((b / 100) as u8, (b / 10 % 10) as u8, (b % 10) as u8);
        t[b] = if b >= 100 {
            ([b'0' + h, b'0' + d, b'0' + u], 3)
        } else if b >= 10 {
            ([b'0' + d, b'0' + u, 0], 2)
        } else {
            ([b'0' + u, 0, 0], 1)
        };
        b += 1;
    }
    t
};

/// `b` in decimal, as ASCII digits.
#[inline]
pub fn decimal_octet(b: u8) -> &'static [u8] {
    let (digits, len) = &OCTET_DIGITS[b as usize];
    &digits[..*len as usize]
}

#[inline]
pub fn uint(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

#[inline]
pub fn int(out: &mut Vec<u8>, v: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

/// A duration in nanoseconds as seconds with `decimals` (1..=9) digits, rounded half away
/// from zero like `{:.N}` on the exact value: `-0.000007`, `12.000000021`.
///
/// Timestamps stay integers end to end: as an `f64`, an epoch time near 1.7e9 s keeps only
/// about 0.2 µs of precision, and differences of such values showed it.
pub fn seconds(out: &mut Vec<u8>, ns: i128, decimals: u32) {
    let unit = 10u128.pow(9 - decimals);
    let per_sec = 10u128.pow(decimals);
    let rounded = ns.unsigned_abs() + unit / 2;
    // 128-bit division is a library call of a few hundred instructions, and every packet
    // prints three times; any time within 584 years of the epoch fits in 64 bits.
    let (whole, frac) = match u64::try_from(rounded) {
        Ok(r) => {
            let scaled = r / unit as u64;
            ((scaled / per_sec as u64) as u128, scaled % per_sec as u64)
        }
        Err(_) => {
            let scaled = rounded / unit;
            (scaled / per_sec, (scaled % per_sec) as u64)
        }
    };
    if ns < 0 && (whole, frac) != (0, 0) {
        out.push(b'-');
    }
    // itoa's 128-bit path divides in 128 bits too: format in 64 when the seconds fit.
    let mut whole_digits = itoa::Buffer::new();
    out.extend_from_slice(
        match u64::try_from(whole) {
            Ok(w) => whole_digits.format(w),
            Err(_) => whole_digits.format(whole),
        }
        .as_bytes(),
    );
    out.push(b'.');
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(frac);
    for _ in digits.len()..decimals as usize {
        out.push(b'0');
    }
    out.extend_from_slice(digits.as_bytes());
}

/// `0x` and the value in lower-case hex, zero-padded to `digits`, as `{:#0w$x}` without the
/// width counting the prefix.
#[inline]
pub fn hex_uint(out: &mut Vec<u8>, v: u64, digits: usize) {
    out.extend_from_slice(b"0x");
    let needed = (16 - v.leading_zeros() as usize / 4).max(1);
    for _ in needed..digits {
        out.push(b'0');
    }
    for i in (0..needed).rev() {
        out.push(HEX[((v >> (i * 4)) & 0xf) as usize]);
    }
}

/// Colon-separated lower-case hex bytes (`de:ad:be:ef`), cut after `limit` bytes with an
/// ellipsis.
#[inline]
pub fn hex_bytes(out: &mut Vec<u8>, bytes: &[u8], limit: usize) {
    let shown = &bytes[..bytes.len().min(limit)];
    if let Some((first, rest)) = shown.split_first() {
        // Payloads are printed in full: fill `xx:` triples in place, not byte by byte.
        out.extend_from_slice(&HEX_PAIRS[*first as usize]);
        let start = out.len();
        out.resize(start + rest.len() * 3, b':');
        for (triple, b) in out[start..].chunks_exact_mut(3).zip(rest) {
            triple[1..].copy_from_slice(&HEX_PAIRS[*b as usize]);
        }
    }
    if bytes.len() > limit {
        out.extend_from_slice("…".as_bytes());
    }
}

#[inline]
pub fn mac(out: &mut Vec<u8>, m: &[u8; 6]) {
    hex_bytes(out, m, 6);
}

#[inline]
pub fn ipv4(out: &mut Vec<u8>, a: Ipv4Addr) {
    let [a, b, c, d] = a.octets();
    out.extend_from_slice(decimal_octet(a));
    for octet in [b, c, d] {
        out.push(b'.');
        out.extend_from_slice(decimal_octet(octet));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn octets_read_as_their_decimal_value() {
        for b in 0..=255u8 {
            assert_eq!(decimal_octet(b), b.to_string().as_bytes());
        }
    }

    fn with(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut v = Vec::new();
        f(&mut v);
        String::from_utf8(v).expect("UTF-8")
    }

    #[test]
    fn numbers_match_std_formatting() {
        for v in [0u64, 7, 10, 255, 4096, 65535, 0xdead_beef, u64::MAX] {
            assert_eq!(with(|o| uint(o, v)), v.to_string());
            for w in [0usize, 2, 4, 8] {
                assert_eq!(with(|o| hex_uint(o, v, w)), format!("0x{v:0w$x}"));
            }
        }
        assert_eq!(with(|o| int(o, -2)), "-2");
        assert_eq!(
            with(|o| ipv4(o, Ipv4Addr::new(192, 168, 0, 10))),
            "192.168.0.10"
        );
        assert_eq!(
            with(|o| mac(o, &[0, 0x1b, 0xaa, 0xff, 1, 2])),
            "00:1b:aa:ff:01:02"
        );
        assert_eq!(with(|o| hex_bytes(o, &[1, 2, 3], 2)), "01:02…");
        assert_eq!(with(|o| hex_bytes(o, &[], 2)), "");
    }
}
