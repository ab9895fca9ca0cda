//! Making untrusted text safe to print on a terminal.
//!
//! A packet's text (an HTTP request line, a payload), a capture file's name or a libpcap
//! error quoting one can hold ESC, OSC 52 (write the clipboard), BEL, C1 controls such as
//! CSI (0x9B) or a right-to-left override that reorders what follows. Printed raw, one
//! segment on loopback can clear the reader's screen, retitle the window or write the
//! clipboard. Every human-text printer and every message that quotes such text goes
//! through here: controls, DEL, bidirectional controls and bytes that are not UTF-8 become
//! visible escapes (`\x1b`, `\u202e`, as tshark writes them); printable Unicode — Chinese
//! text, emoji — stays as it is.

use std::borrow::Cow;

/// How line breaks are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lines {
    /// A value on one line: `\n`, `\r` and `\t` are escaped too, so a value cannot forge
    /// the lines after it.
    Escape,
    /// A message of several lines: `\n` and `\t` stay, everything else is escaped.
    Keep,
}

/// A field value or summary text for one line of terminal output.
pub fn field(s: &str) -> Cow<'_, str> {
    escape(s, Lines::Escape)
}

/// A message (errors, warnings) whose own line breaks stay.
pub fn message(s: &str) -> Cow<'_, str> {
    escape(s, Lines::Keep)
}

/// Bytes that may not be UTF-8, for one line: invalid bytes become `\xNN`.
pub fn bytes(b: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) => field(s),
        Err(_) => {
            let mut out = Vec::with_capacity(b.len() + 8);
            write_bytes(&mut out, b);
            // Only valid UTF-8 and ASCII escapes were written.
            Cow::Owned(String::from_utf8_lossy(&out).into_owned())
        }
    }
}

/// Appends `s` to `out` escaped as [`field`], without allocating: the printers' path.
/// Inlined into them: most values are printable and cost one scan.
#[inline]
pub fn write_field(out: &mut Vec<u8>, s: &str) {
    if is_safe_line(s) {
        out.extend_from_slice(s.as_bytes());
    } else {
        push_escaped(out, s, Lines::Escape);
    }
}

/// Appends bytes that may not be UTF-8, escaped as [`bytes`].
pub fn write_bytes(out: &mut Vec<u8>, mut b: &[u8]) {
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => return write_field(out, s),
            Err(e) => {
                let (good, rest) = b.split_at(e.valid_up_to());
                // Valid by construction.
                write_field(out, std::str::from_utf8(good).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len());
                for &byte in &rest[..bad] {
                    push_hex(out, byte);
                }
                b = &rest[bad..];
            }
        }
    }
}

/// True when `s` holds nothing to escape on one line, decided on its bytes: a C0 control
/// or DEL is one byte, and every other character [`needs_escape`] names is encoded with a
/// lead byte of 0xC2 (C1 controls), 0xD8 (U+061C) or 0xE2 (the U+2xxx marks), rare
/// outside them: only those are looked at closely. Arrows and Chinese text pass at the
/// speed of the byte scan.
#[inline]
fn is_safe_line(s: &str) -> bool {
    let b = s.as_bytes();
    let suspicious = |c: u8| c < 0x20 || c == 0x7f || c == 0xc2 || c == 0xd8 || c == 0xe2;
    // No early exit inside a block of 32, which the compiler vectorises.
    let blocks = b.chunks_exact(32);
    let clean = blocks.remainder().iter().all(|&c| !suspicious(c))
        && blocks
            .into_iter()
            .all(|block| block.iter().fold(true, |all, &c| all & !suspicious(c)));
    clean || !has_escape_sequence(b)
}

/// The byte sequences of the characters [`needs_escape`] names on one line (valid UTF-8
/// assumed): one byte for C0 and DEL, `C2 80..9F` (C1), `D8 9C` (U+061C),
/// `E2 80 8E/8F/A8..AE` (U+200E/F, U+2028..202E) and `E2 81 A6..A9` (U+2066..2069).
fn has_escape_sequence(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &c)| match c {
        0..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xd8 => b.get(i + 1) == Some(&0x9c),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8e | 0x8f | 0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

fn escape(s: &str, lines: Lines) -> Cow<'_, str> {
    let clean = match lines {
        Lines::Escape => is_safe_line(s),
        Lines::Keep => !s.chars().any(|c| needs_escape(c, lines)),
    };
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = Vec::with_capacity(s.len() + 8);
    push_escaped(&mut out, s, lines);
    // Only whole characters of `s` and ASCII escapes were written.
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// Characters a terminal would act on rather than show.
fn needs_escape(c: char, lines: Lines) -> bool {
    match c {
        '\n' | '\t' => lines == Lines::Escape,
        '\0'..='\x1f' | '\x7f'..='\u{9f}' => true,
        // Bidirectional embeddings, overrides and isolates, and the marks that steer them.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => true,
        // Line and paragraph separators break lines in some terminals.
        '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

#[cold]
fn push_escaped(out: &mut Vec<u8>, s: &str, lines: Lines) {
    for c in s.chars() {
        if !needs_escape(c, lines) {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match c {
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\x07' => out.extend_from_slice(b"\\a"),
            '\x08' => out.extend_from_slice(b"\\b"),
            '\x0b' => out.extend_from_slice(b"\\v"),
            '\x0c' => out.extend_from_slice(b"\\f"),
            c if (c as u32) < 0x80 => push_hex(out, c as u8),
            c => {
                let code = c as u32;
                out.extend_from_slice(b"\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((code >> shift) & 0xf) as usize]);
                }
            }
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut Vec<u8>, b: u8) {
    out.extend_from_slice(&[b'\\', b'x', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_become_visible() {
        let cases: &[(&str, &str)] = &[
            ("GET / HTTP/1.1", "GET / HTTP/1.1"),
            ("\x1b[2J\x1b]0;pwned\x07", "\\x1b[2J\\x1b]0;pwned\\a"),
            ("\x1b]52;c;aGk=\x1b\\", "\\x1b]52;c;aGk=\\x1b\\"),
            ("a\u{9b}31mb", "a\\u009b31mb"),
            ("abc\u{202e}txt.exe", "abc\\u202etxt.exe"),
            ("\u{2066}x\u{2069}", "\\u2066x\\u2069"),
            ("del\x7f", "del\\x7f"),
            ("line\nnext\r\n\tz", "line\\nnext\\r\\n\\tz"),
            ("你好,服务器!", "你好,服务器!"),
            ("小飞机 ✈ 🛩", "小飞机 ✈ 🛩"),
        ];
        for (input, want) in cases {
            assert_eq!(field(input), *want, "{input:?}");
            let mut out = Vec::new();
            write_field(&mut out, input);
            assert_eq!(out, want.as_bytes(), "{input:?}");
        }
        // In and past the first block of 32 bytes, next to arrows (0xE2 lead bytes).
        let long = "53614 → 8888 [PSH, ACK] Seq=1 Ack=1 Win=65536 Len=14 ";
        for at in [0, 5, 31, 32, 40, long.len()] {
            for control in ["\x1b", "\u{202e}", "\u{9b}"] {
                let mut input = long.to_string();
                input.insert_str(at, control);
                let escaped = field(&input);
                assert!(escaped.len() > input.len(), "{input:?}");
                let mut out = Vec::new();
                write_field(&mut out, &input);
                assert_eq!(out, escaped.as_bytes());
            }
        }
        assert!(matches!(field(long), Cow::Borrowed(_)));
        assert!(matches!(field("plain"), Cow::Borrowed(_)));
        assert!(matches!(field("中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn messages_keep_their_lines() {
        assert_eq!(message("one\n\ttwo"), "one\n\ttwo");
        assert_eq!(message("a\rb\x1bc"), "a\\rb\\x1bc");
    }

    #[test]
    fn invalid_utf8_is_shown_byte_by_byte() {
        assert_eq!(bytes(b"ok\xff\xfe\x1b"), "ok\\xff\\xfe\\x1b");
        assert_eq!(bytes("中\u{202e}".as_bytes()), "中\\u202e");
        // A cut multi-byte character at the end.
        assert_eq!(bytes(&"中".as_bytes()[..2]), "\\xe4\\xb8");
        let mut out = Vec::new();
        write_bytes(&mut out, b"\xc0\x80a");
        assert_eq!(out, b"\\xc0\\x80a");
    }

    #[test]
    fn nothing_that_a_terminal_acts_on_survives() {
        // Every byte value, alone and in pairs, in both modes: the result never holds a
        // C0/C1 control (bar kept line breaks), DEL, or a bidirectional control.
        for a in 0..=255u8 {
            for b in [0u8, 0x1b, 0x80, 0x9b, 0xc2, 0xe2, b'a'] {
                let input = [a, b, 0x80, 0xae];
                let text = bytes(&input);
                assert!(is_safe(&text, false), "{input:?} -> {text:?}");
                if let Ok(s) = std::str::from_utf8(&input) {
                    assert!(is_safe(&message(s), true), "{input:?}");
                }
            }
        }
    }

    #[test]
    fn the_byte_test_agrees_with_the_character_test() {
        // Every character up to U+30000, alone and after an arrow.
        for code in (0..0x30000u32).filter_map(char::from_u32) {
            for s in [code.to_string(), format!("→{code}x")] {
                assert_eq!(
                    has_escape_sequence(s.as_bytes()),
                    s.chars().any(|c| needs_escape(c, Lines::Escape)),
                    "U+{:04X}",
                    code as u32
                );
            }
        }
    }

    fn is_safe(s: &str, keep_lines: bool) -> bool {
        s.chars().all(|c| {
            (keep_lines && (c == '\n' || c == '\t'))
                || !needs_escape(
                    c,
                    if keep_lines {
                        Lines::Keep
                    } else {
                        Lines::Escape
                    },
                )
        })
    }
}
