//! Appending values to a byte buffer: the primitives of the `dissect` printers.
//!
//! The printers produce hundreds of values per packet; going through `core::fmt` for each
//! (and `{:02x}` for every payload byte) cost ten times the dissection itself. These write
//! straight into a `Vec<u8>` that a worker thread owns, with the exact text `format!` gives.

use layerscope_wire::write::HEX;
pub use layerscope_wire::write::{hex_bytes, int, ipv4, mac, uint};

/// What each byte becomes inside a JSON string: 0 for itself, `u` for `\u00XX`, else the
/// letter after a backslash. serde_json's table: quote, backslash and control characters.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// A JSON string literal, escaped exactly as serde_json escapes it.
pub fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(i) = next_escape(bytes, start) {
        out.extend_from_slice(&bytes[start..i]);
        let b = bytes[i];
        match ESCAPE[b as usize] {
            b'u' => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 0xf) as usize]);
            }
            letter => out.extend_from_slice(&[b'\\', letter]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The index of the first byte at or after `from` that JSON must escape (the controls, `"`
/// and `\\`). Payload texts run to hundreds of bytes with nothing to escape: they are checked
/// 32 bytes at a time, without a branch per byte, which the compiler turns into vector
/// compares.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let escaped = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let mut at = from;
    while let Some(block) = bytes.get(at..at + 32) {
        if block.iter().fold(false, |any, &b| any | escaped(b)) {
            break;
        }
        at += 32;
    }
    bytes[at..].iter().position(|&b| escaped(b)).map(|o| at + o)
}

/// Seconds with a chosen number of decimals: the one writer of times, shared with the
/// field values (round trips) of the dissector.
pub use layerscope_wire::write::seconds;

/// Runs `write` and pads what it wrote to `width` characters, on the left (right-aligned)
/// or on the right.
pub fn padded(
    out: &mut Vec<u8>,
    width: usize,
    right_align: bool,
    write: impl FnOnce(&mut Vec<u8>),
) {
    let start = out.len();
    write(out);
    let written = &out[start..];
    let chars = match std::str::from_utf8(written) {
        Ok(s) if !s.is_ascii() => s.chars().count(),
        _ => written.len(),
    };
    if chars >= width {
        return;
    }
    let pad = width - chars;
    if right_align {
        out.splice(start..start, std::iter::repeat_n(b' ', pad));
    } else {
        out.extend(std::iter::repeat_n(b' ', pad));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut v = Vec::new();
        f(&mut v);
        String::from_utf8(v).expect("UTF-8")
    }

    #[test]
    fn strings_escape_like_serde_json() {
        for s in [
            "plain",
            "quo\"te",
            "back\\slash",
            "nl\n tab\t cr\r",
            "\u{1}\u{1f}\u{7f}",
            "é→·",
            "",
        ] {
            assert_eq!(
                with(|o| json_str(o, s)),
                serde_json::to_string(s).expect("JSON")
            );
        }
        // Long texts are scanned in blocks: an escape in any block or in the rest is found.
        for len in [31, 32, 33, 64, 70, 100] {
            for at in [0, 15, 31, 32, 63, len - 1] {
                for c in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                    let mut s: Vec<char> = "x".repeat(len).chars().collect();
                    if let Some(slot) = s.get_mut(at) {
                        *slot = c;
                    }
                    let s: String = s.into_iter().collect();
                    assert_eq!(
                        with(|o| json_str(o, &s)),
                        serde_json::to_string(&s).expect("JSON"),
                        "{len} {at} {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn seconds_round_like_float_formatting_of_exact_values() {
        let cases = [
            (0i128, 9, "0.000000000"),
            (20_981, 9, "0.000020981"),
            (1_500, 6, "0.000002"),
            (1_499, 6, "0.000001"),
            (-7_000, 6, "-0.000007"),
            (-400, 6, "0.000000"),
            (12_000_000_021, 9, "12.000000021"),
            (3_999_999_999_600, 6, "4000.000000"),
            // The year 2500, past what i64 nanoseconds hold.
            (16_725_225_600_000_000_001, 9, "16725225600.000000001"),
            // Past 64 bits, and rounding across the 64-bit boundary.
            (20_000_000_000_000_000_000, 9, "20000000000.000000000"),
            (-20_000_000_000_000_000_000, 6, "-20000000000.000000"),
            (u64::MAX as i128, 6, "18446744073.709552"),
            (u64::MAX as i128 - 600, 6, "18446744073.709551"),
        ];
        for (ns, d, want) in cases {
            assert_eq!(with(|o| seconds(o, ns, d)), want, "{ns} ns, {d} decimals");
        }
    }

    #[test]
    fn padding_counts_characters() {
        assert_eq!(with(|o| padded(o, 5, true, |o| o.extend(b"ab"))), "   ab");
        assert_eq!(with(|o| padded(o, 5, false, |o| o.extend(b"ab"))), "ab   ");
        assert_eq!(
            with(|o| padded(o, 3, true, |o| o.extend("→a".as_bytes()))),
            " →a"
        );
        assert_eq!(with(|o| padded(o, 1, true, |o| o.extend(b"long"))), "long");
    }
}
