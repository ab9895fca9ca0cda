//! JSON values with the byte range of every part, for the layers tree and the hex pane.
//!
//! Hand-written rather than serde_json because the views need where each member, key and
//! value lies in the payload (serde_json keeps no positions), and because a payload is
//! often several values one after another (a client that `send`s two `json.dumps` at
//! once). Strict RFC 8259: what this accepts, Python's `json.loads` accepts with the same
//! result (the test oracle). Bounded: nesting deeper than [`MAX_DEPTH`] or more than
//! [`MAX_NODES`] values make it give up, so hostile input costs linear time and memory.

use std::ops::Range;

/// Deepest nesting accepted (Python's default recursion limit allows about 1000; real
/// messages are a few levels deep).
pub const MAX_DEPTH: usize = 64;
/// Most values (of any kind, nested ones included) in one payload.
pub const MAX_NODES: usize = 100_000;

/// A JSON value and where its text lies.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub range: Range<usize>,
    pub kind: Kind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Object(Vec<Member>),
    Array(Vec<Node>),
    /// The string with its escapes resolved.
    String(String),
    /// The number as written.
    Number(String),
    Bool(bool),
    Null,
}

/// One `"key": value` of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// From the key's opening quote to the value's end.
    pub range: Range<usize>,
    pub key: String,
    pub key_range: Range<usize>,
    pub value: Node,
}

/// The top-level objects and arrays that make up all of `bytes` (whitespace between and
/// around them allowed); `None` when the bytes are anything else.
pub fn parse_values(bytes: &[u8]) -> Option<Vec<Node>> {
    let mut p = Parser {
        bytes,
        at: 0,
        nodes: 0,
    };
    let mut values = Vec::new();
    loop {
        p.skip_ws();
        match p.peek() {
            None => break,
            Some(b'{' | b'[') => values.push(p.value(0)?),
            Some(_) => return None,
        }
    }
    (!values.is_empty()).then_some(values)
}

/// The end of the first whole top-level value of `bytes` (after leading whitespace), if
/// the bytes start with one: where one message ends when JSON values follow one another.
pub fn first_value_end(bytes: &[u8]) -> Option<usize> {
    let mut p = Parser {
        bytes,
        at: 0,
        nodes: 0,
    };
    p.skip_ws();
    p.value(0)?;
    Some(p.at)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    nodes: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        self.nodes += 1;
        if depth > MAX_DEPTH || self.nodes > MAX_NODES {
            return None;
        }
        let start = self.at;
        let kind = match self.peek()? {
            b'{' => self.object(depth)?,
            b'[' => self.array(depth)?,
            b'"' => Kind::String(self.string()?),
            b't' => self.word(b"true", Kind::Bool(true))?,
            b'f' => self.word(b"false", Kind::Bool(false))?,
            b'n' => self.word(b"null", Kind::Null)?,
            b'-' | b'0'..=b'9' => Kind::Number(self.number()?),
            _ => return None,
        };
        Some(Node {
            range: start..self.at,
            kind,
        })
    }

    fn word(&mut self, word: &[u8], kind: Kind) -> Option<Kind> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| {
            self.at = end;
            kind
        })
    }

    fn object(&mut self, depth: usize) -> Option<Kind> {
        self.eat(b'{')?;
        let mut members = Vec::new();
        self.skip_ws();
        if self.eat(b'}').is_some() {
            return Some(Kind::Object(members));
        }
        loop {
            self.skip_ws();
            let key_start = self.at;
            let key = self.string()?;
            let key_range = key_start..self.at;
            self.skip_ws();
            self.eat(b':')?;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push(Member {
                range: key_start..value.range.end,
                key,
                key_range,
                value,
            });
            self.skip_ws();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(Kind::Object(members));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Kind> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat(b']').is_some() {
            return Some(Kind::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(Kind::Array(items));
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(text, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control byte at once.
            let run_start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.bytes[run_start..self.at]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = self.peek()?;
                    self.at += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return None,
                    }
                }
                // A raw control character inside a string is not JSON.
                _ => return None,
            }
        }
    }

    /// The character of a `\uXXXX` escape whose `\u` was read, with the low half of a
    /// surrogate pair when one follows. A lone surrogate (Python accepts it; no Rust
    /// string can hold one) becomes U+FFFD.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xd800..0xdc00).contains(&first) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u")
        {
            let back = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xdc00..0xe000).contains(&second) {
                let c = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                return char::from_u32(c);
            }
            self.at = back;
        }
        Some(char::from_u32(first).unwrap_or('\u{fffd}'))
    }

    fn number(&mut self) -> Option<String> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let s = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > s
        };
        let _ = self.eat(b'-');
        if self.eat(b'0').is_none() && !digits(self) {
            return None;
        }
        if self.eat(b'.').is_some() && !digits(self) {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        Some(String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node {
        let mut v = parse_values(text.as_bytes()).expect("parses");
        assert_eq!(v.len(), 1);
        v.remove(0)
    }

    #[test]
    fn python_json_dumps_of_chinese_is_unescaped() {
        let text =
            r#"{"name": "\u5c0f\u98de\u673a", "message": "\u4f60\u597d,\u670d\u52a1\u5668!"}"#;
        let Kind::Object(members) = one(text).kind else {
            panic!("an object")
        };
        assert_eq!(members[0].key, "name");
        assert_eq!(members[0].value.kind, Kind::String("小飞机".into()));
        assert_eq!(members[1].value.kind, Kind::String("你好,服务器!".into()));
        assert_eq!(&text[members[0].key_range.clone()], "\"name\"");
        assert_eq!(
            &text[members[0].value.range.clone()],
            r#""\u5c0f\u98de\u673a""#
        );
        let message = text.find("\"message\"").expect("key");
        assert_eq!(
            &text[members[1].range.clone()],
            &text[message..text.len() - 1]
        );
    }

    #[test]
    fn several_values_one_after_another() {
        let v = parse_values(b"{\"a\": 1}\n[true, null, -2.5e3]  {}").expect("parses");
        assert_eq!(v.len(), 3);
        assert_eq!(v[1].range, 9..29);
        assert_eq!(first_value_end(b" {\"a\": [1]}{\"b\": 2}"), Some(11));
    }

    #[test]
    fn what_is_not_json_is_refused() {
        for bad in [
            "",
            "hello",
            "\"a bare string\"",
            "{\"a\": 01}",
            "{\"a\": 1,}",
            "{\"a\" 1}",
            "[1, 2",
            "{\"a\": \"\u{1}\"}",
            "{\"a\": \"\\x\"}",
            "{\"a\": 1} trailing",
            "[-]",
            "[1.]",
            "[1e]",
        ] {
            assert!(parse_values(bad.as_bytes()).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn surrogates_pair_up_and_lone_ones_are_replaced() {
        let pair = one(r#"["\ud83d\ude00", "\ud800x"]"#);
        let Kind::Array(items) = pair.kind else {
            panic!("an array")
        };
        assert_eq!(items[0].kind, Kind::String("😀".into()));
        assert_eq!(items[1].kind, Kind::String("\u{fffd}x".into()));
    }

    #[test]
    fn deep_nesting_and_huge_counts_are_refused_not_overflowed() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(parse_values(deep.as_bytes()).is_none());
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse_values(ok.as_bytes()).is_some());
        let many = format!("[{}0]", "0,".repeat(MAX_NODES));
        assert!(parse_values(many.as_bytes()).is_none());
    }
}
