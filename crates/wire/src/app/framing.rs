//! Where messages begin and end in a byte stream (the cure for "sticky packets", 粘包).
//!
//! TCP delivers bytes, not messages: three `send()` calls may arrive in one `recv()`,
//! and one `send()` may need several. A program that wants messages frames them, and the
//! course teaches three ways, recognised here on one direction's reassembled bytes:
//! a line per message (`sendall(msg + b'\n')`), a length prefix (`struct.pack('!I', n)`
//! big-endian, or `'i'`, the machine's order — little-endian on a PC), and JSON values one
//! after another. Without any of them the boundaries are unknowable from the bytes.

use std::ops::Range;

use super::json;

/// How a direction's bytes are framed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Framing {
    /// Each message ends with `\n`.
    Newline,
    /// Each message starts with its length in four bytes.
    LengthPrefix { big_endian: bool },
    /// JSON objects or arrays one after another.
    JsonValues,
    /// No framing recognised: the bytes are one stream.
    #[default]
    None,
}

impl Framing {
    /// A short English name, for the CLI's JSON and for tests; the window translates.
    pub fn name(self) -> &'static str {
        match self {
            Framing::Newline => "newline",
            Framing::LengthPrefix { big_endian: true } => "length-prefix-be",
            Framing::LengthPrefix { big_endian: false } => "length-prefix-le",
            Framing::JsonValues => "json",
            Framing::None => "none",
        }
    }
}

/// One message in a direction's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The whole message: its length prefix, body and line end.
    pub range: Range<usize>,
    /// The application's own bytes, without the framing.
    pub body: Range<usize>,
    /// The stream ended before the message did.
    pub incomplete: bool,
}

/// Longest message a length prefix is believed for.
const MAX_PREFIXED: u32 = 64 << 20;

/// The framing `bytes` use and the messages it makes of them.
pub fn split(bytes: &[u8]) -> (Framing, Vec<Message>) {
    if bytes.is_empty() {
        return (Framing::None, Vec::new());
    }
    for big_endian in [true, false] {
        if let Some(m) = length_prefixed(bytes, big_endian) {
            return (Framing::LengthPrefix { big_endian }, m);
        }
    }
    if let Some(m) = json_values(bytes) {
        return (Framing::JsonValues, m);
    }
    if let Some(m) = lines(bytes) {
        return (Framing::Newline, m);
    }
    let whole = Message {
        range: 0..bytes.len(),
        body: 0..bytes.len(),
        incomplete: false,
    };
    (Framing::None, vec![whole])
}

fn length_prefixed(bytes: &[u8], big_endian: bool) -> Option<Vec<Message>> {
    let mut at = 0;
    let mut out = Vec::new();
    while at < bytes.len() {
        let prefix: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        let n = if big_endian {
            u32::from_be_bytes(prefix)
        } else {
            u32::from_le_bytes(prefix)
        };
        if n == 0 || n > MAX_PREFIXED {
            return None;
        }
        let end = at + 4 + n as usize;
        let incomplete = end > bytes.len();
        out.push(Message {
            range: at..end.min(bytes.len()),
            body: at + 4..end.min(bytes.len()),
            incomplete,
        });
        at = end;
    }
    // One message whose prefix happens to equal the rest is weak evidence unless the
    // prefix cannot be text (its high byte is zero in the prefix's order).
    let high = |m: &Message| {
        bytes[if big_endian {
            m.range.start
        } else {
            m.range.start + 3
        }]
    };
    let complete = out.iter().filter(|m| !m.incomplete).count();
    let believable = complete >= 2 || (complete == 1 && out.iter().all(|m| high(m) == 0));
    believable.then_some(out)
}

fn json_values(bytes: &[u8]) -> Option<Vec<Message>> {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if !matches!(bytes[first], b'{' | b'[') {
        return None;
    }
    let values = json::parse_values(bytes)?;
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        // Each message takes the whitespace after it (a newline after each dumps).
        let end = values.get(i + 1).map_or(bytes.len(), |n| n.range.start);
        let start = if i == 0 { 0 } else { v.range.start };
        out.push(Message {
            range: start..end,
            body: v.range.clone(),
            incomplete: false,
        });
    }
    Some(out)
}

fn lines(bytes: &[u8]) -> Option<Vec<Message>> {
    let mut out = Vec::new();
    let mut at = 0;
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let body_end = if nl > at && bytes[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        out.push(Message {
            range: at..nl + 1,
            body: at..body_end,
            incomplete: false,
        });
        at = nl + 1;
    }
    if out.is_empty() {
        return None;
    }
    if at < bytes.len() {
        out.push(Message {
            range: at..bytes.len(),
            body: at..bytes.len(),
            incomplete: true,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies<'a>(bytes: &'a [u8], m: &[Message]) -> Vec<&'a [u8]> {
        m.iter().map(|m| &bytes[m.body.clone()]).collect()
    }

    #[test]
    fn a_length_prefix_in_either_order() {
        let mut be = Vec::new();
        for body in [&b"ls"[..], b"total 0\n"] {
            be.extend_from_slice(&(body.len() as u32).to_be_bytes());
            be.extend_from_slice(body);
        }
        let (f, m) = split(&be);
        assert_eq!(f, Framing::LengthPrefix { big_endian: true });
        assert_eq!(bodies(&be, &m), [&b"ls"[..], b"total 0\n"]);
        let mut le = 5u32.to_le_bytes().to_vec();
        le.extend_from_slice(b"hello");
        let (f, m) = split(&le);
        assert_eq!(f, Framing::LengthPrefix { big_endian: false });
        assert_eq!(bodies(&le, &m), [b"hello"]);
        // Cut short: the last message says so.
        let (_, m) = split(&be[..be.len() - 3]);
        assert!(m[1].incomplete);
    }

    #[test]
    fn lines_and_json_values() {
        let (f, m) = split(b"one\r\ntwo\nthr");
        assert_eq!(f, Framing::Newline);
        assert_eq!(
            bodies(b"one\r\ntwo\nthr", &m),
            [&b"one"[..], b"two", b"thr"]
        );
        assert!(m[2].incomplete);
        let j = b"{\"a\": 1}{\"b\": [2]}\n";
        let (f, m) = split(j);
        assert_eq!(f, Framing::JsonValues);
        assert_eq!(bodies(j, &m), [&b"{\"a\": 1}"[..], b"{\"b\": [2]}"]);
    }

    #[test]
    fn sticky_text_has_no_boundaries() {
        let sticky = "helloworld中文".as_bytes();
        let (f, m) = split(sticky);
        assert_eq!(f, Framing::None);
        assert_eq!(m.len(), 1);
        // Text that happens to start with four printable bytes is no length prefix.
        assert_eq!(split(b"abcdefgh").0, Framing::None);
    }
}
