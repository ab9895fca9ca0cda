//! Tokenizer and recursive-descent parser for display filters.

use crate::registry::FieldDef;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::FilterError;

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
}

/// The right-hand side of a comparison, with every reading of it that makes sense; the
/// field's type decides which one is used.
#[derive(Clone, Debug, PartialEq)]
pub struct Literal {
    /// The text as written (without quotes for strings).
    pub text: String,
    pub quoted: bool,
    pub int: Option<i128>,
    /// An IPv4 address with its prefix length (32 without a `/n`).
    pub ipv4: Option<(Ipv4Addr, u8)>,
    pub ipv6: Option<(Ipv6Addr, u8)>,
    /// Bytes written as `aa:bb:cc` (also MAC addresses), or the UTF-8 of a quoted string.
    pub bytes: Option<Vec<u8>>,
}

/// A filter expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// Every term holds. A chain `a && b && c` is one node with three terms, not a tree
    /// as deep as the chain, so a long chain costs no stack to evaluate or to drop.
    And(Vec<Expr>),
    /// Some term holds (one node per chain, as [`Expr::And`]).
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// A protocol or field name on its own: true when present.
    Present(Name),
    Compare(Name, Cmp, Literal),
}

/// What a name in a filter stands for, resolved when the filter is parsed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Name {
    /// A protocol (`tcp`, `frame`): its bytes, or that it is present; with the field that
    /// holds a copy of its header quoted in an ICMP error, where there is one.
    Protocol(&'static str, Option<&'static FieldDef>),
    /// A field (including `frame.len` and the two-way aliases like `tcp.port`).
    Field(&'static FieldDef),
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Op(Cmp),
    And,
    Or,
    Not,
    Open,
    Close,
}

struct Token {
    tok: Tok,
    pos: usize,
    len: usize,
}

fn err(position: usize, len: usize, message: impl Into<String>) -> FilterError {
    FilterError {
        position,
        len: len.max(1),
        message: message.into(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '/' | '-')
}

fn tokenize(text: &str) -> Result<Vec<Token>, FilterError> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(pos, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let two = text.get(pos..pos + 2).unwrap_or("");
        let (tok, len) = match two {
            "==" => (Tok::Op(Cmp::Eq), 2),
            "!=" => (Tok::Op(Cmp::Ne), 2),
            "<=" => (Tok::Op(Cmp::Le), 2),
            ">=" => (Tok::Op(Cmp::Ge), 2),
            "&&" => (Tok::And, 2),
            "||" => (Tok::Or, 2),
            _ => match c {
                '<' => (Tok::Op(Cmp::Lt), 1),
                '>' => (Tok::Op(Cmp::Gt), 1),
                '!' => (Tok::Not, 1),
                '(' => (Tok::Open, 1),
                ')' => (Tok::Close, 1),
                '=' => return Err(err(pos, 1, "\"=\" is not an operator; use \"==\"")),
                '&' => {
                    return Err(err(
                        pos,
                        1,
                        "\"&\" is not an operator; use \"&&\" or \"and\"",
                    ))
                }
                '|' => {
                    return Err(err(
                        pos,
                        1,
                        "\"|\" is not an operator; use \"||\" or \"or\"",
                    ))
                }
                '"' => {
                    let (s, len) = string(text, pos)?;
                    for _ in 0..text[pos..pos + len].chars().count() {
                        chars.next();
                    }
                    out.push(Token {
                        tok: Tok::Str(s),
                        pos,
                        len,
                    });
                    continue;
                }
                c if is_word_char(c) => {
                    let mut end = pos;
                    while let Some(&(i, c)) = chars.peek() {
                        if !is_word_char(c) {
                            break;
                        }
                        end = i + c.len_utf8();
                        chars.next();
                    }
                    let word = &text[pos..end];
                    let tok = match word {
                        "and" => Tok::And,
                        "or" => Tok::Or,
                        "not" => Tok::Not,
                        "eq" => Tok::Op(Cmp::Eq),
                        "ne" => Tok::Op(Cmp::Ne),
                        "lt" => Tok::Op(Cmp::Lt),
                        "le" => Tok::Op(Cmp::Le),
                        "gt" => Tok::Op(Cmp::Gt),
                        "ge" => Tok::Op(Cmp::Ge),
                        "contains" => Tok::Op(Cmp::Contains),
                        w => Tok::Word(w.to_string()),
                    };
                    out.push(Token {
                        tok,
                        pos,
                        len: end - pos,
                    });
                    continue;
                }
                other => {
                    return Err(err(
                        pos,
                        other.len_utf8(),
                        format!("unexpected character {other:?}"),
                    ))
                }
            },
        };
        for _ in 0..len {
            chars.next();
        }
        out.push(Token { tok, pos, len });
    }
    Ok(out)
}

/// A double-quoted string starting at `start`; returns its value and its length in the
/// text, quotes included.
fn string(text: &str, start: usize) -> Result<(String, usize), FilterError> {
    let mut out = String::new();
    let mut it = text[start + 1..].char_indices();
    while let Some((i, c)) = it.next() {
        match c {
            '"' => return Ok((out, i + 2)),
            '\\' => match it.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, 't')) => out.push('\t'),
                Some((_, c)) => out.push(c),
                None => break,
            },
            c => out.push(c),
        }
    }
    Err(err(
        start,
        text.len() - start,
        "string is not closed with '\"'",
    ))
}

fn literal(text: &str, quoted: bool) -> Literal {
    let int = if quoted {
        None
    } else if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        i128::from_str_radix(hex, 16).ok()
    } else {
        match text {
            "true" | "True" | "TRUE" => Some(1),
            "false" | "False" | "FALSE" => Some(0),
            _ => text.parse::<i128>().ok(),
        }
    };
    let (addr, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, p.parse::<u8>().ok()),
        None => (text, None),
    };
    let ipv4 = (!quoted)
        .then(|| addr.parse::<Ipv4Addr>().ok())
        .flatten()
        .and_then(|a| match prefix {
            None => Some((a, 32)),
            Some(p) if p <= 32 => Some((a, p)),
            Some(_) => None,
        });
    let ipv6 = (!quoted)
        .then(|| addr.parse::<Ipv6Addr>().ok())
        .flatten()
        .and_then(|a| match prefix {
            None => Some((a, 128)),
            Some(p) if p <= 128 => Some((a, p)),
            Some(_) => None,
        });
    let bytes = if quoted {
        Some(text.as_bytes().to_vec())
    } else {
        byte_string(text)
    };
    Literal {
        text: text.to_string(),
        quoted,
        int,
        ipv4,
        ipv6,
        bytes,
    }
}

/// `aa:bb:cc`, `aa-bb-cc` or `aabb.ccdd.eeff` as bytes; a single byte `aa` too.
fn byte_string(text: &str) -> Option<Vec<u8>> {
    let sep = [':', '-', '.'].into_iter().find(|&s| text.contains(s));
    let parts: Vec<&str> = match sep {
        Some(s) => text.split(s).collect(),
        None => vec![text],
    };
    let mut out = Vec::new();
    for p in parts {
        if p.is_empty() || p.len() % 2 != 0 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        for i in (0..p.len()).step_by(2) {
            out.push(u8::from_str_radix(&p[i..i + 2], 16).ok()?);
        }
    }
    Some(out)
}

/// How deeply parentheses and `!` may nest. The parser, the evaluators and the drop of an
/// expression recurse once per level, so without a limit a pasted filter of a few thousand
/// `(` overflows the stack and aborts the program; no filter a person writes comes near.
pub const MAX_DEPTH: usize = 256;

struct Parser<'t> {
    toks: Vec<Token>,
    at: usize,
    text: &'t str,
    /// Parentheses and `!` open around the token at `at`.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.at)
    }

    fn end_err(&self, message: &str) -> FilterError {
        err(self.text.len(), 1, message)
    }

    fn or(&mut self) -> Result<Expr, FilterError> {
        let first = self.and()?;
        if !matches!(self.peek(), Some(Token { tok: Tok::Or, .. })) {
            return Ok(first);
        }
        let mut terms = vec![first];
        while matches!(self.peek(), Some(Token { tok: Tok::Or, .. })) {
            self.at += 1;
            terms.push(self.and()?);
        }
        Ok(Expr::Or(terms))
    }

    fn and(&mut self) -> Result<Expr, FilterError> {
        let first = self.not()?;
        if !matches!(self.peek(), Some(Token { tok: Tok::And, .. })) {
            return Ok(first);
        }
        let mut terms = vec![first];
        while matches!(self.peek(), Some(Token { tok: Tok::And, .. })) {
            self.at += 1;
            terms.push(self.not()?);
        }
        Ok(Expr::And(terms))
    }

    /// One more level of nesting at the current token, refused past [`MAX_DEPTH`].
    fn descend(&mut self) -> Result<(), FilterError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let (pos, len) = self.toks.get(self.at).map_or((0, 1), |t| (t.pos, t.len));
            return Err(err(
                pos,
                len,
                format!("nested more than {MAX_DEPTH} levels deep"),
            ));
        }
        Ok(())
    }

    fn not(&mut self) -> Result<Expr, FilterError> {
        if matches!(self.peek(), Some(Token { tok: Tok::Not, .. })) {
            self.descend()?;
            self.at += 1;
            let e = Expr::Not(Box::new(self.not()?));
            self.depth -= 1;
            return Ok(e);
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, FilterError> {
        let Some(t) = self.toks.get(self.at) else {
            return Err(self.end_err("expected a field, a protocol or \"(\""));
        };
        let (pos, len) = (t.pos, t.len);
        match t.tok.clone() {
            Tok::Open => {
                self.descend()?;
                self.at += 1;
                let e = self.or()?;
                self.depth -= 1;
                match self.peek() {
                    Some(Token {
                        tok: Tok::Close, ..
                    }) => {
                        self.at += 1;
                        Ok(e)
                    }
                    Some(t) => Err(err(t.pos, t.len, "expected \")\"")),
                    None => Err(err(pos, len, "this \"(\" is never closed")),
                }
            }
            Tok::Word(name) => {
                self.at += 1;
                let Some(name) = super::eval::resolve(&name) else {
                    return Err(err(
                        pos,
                        len,
                        format!("\"{name}\" is neither a field nor a protocol name"),
                    ));
                };
                let Some(Token {
                    tok: Tok::Op(op), ..
                }) = self.peek()
                else {
                    return Ok(Expr::Present(name));
                };
                let op = *op;
                self.at += 1;
                let Some(v) = self.toks.get(self.at) else {
                    return Err(self.end_err("expected a value after the operator"));
                };
                let lit = match &v.tok {
                    Tok::Word(w) => literal(w, false),
                    Tok::Str(s) => literal(s, true),
                    _ => return Err(err(v.pos, v.len, "expected a value")),
                };
                self.at += 1;
                Ok(Expr::Compare(name, op, lit))
            }
            Tok::Str(_) => Err(err(
                pos,
                len,
                "a string must follow a field and an operator",
            )),
            Tok::Op(_) => Err(err(pos, len, "an operator needs a field on its left")),
            Tok::Close => Err(err(pos, len, "unexpected \")\"")),
            Tok::And | Tok::Or => Err(err(pos, len, "expected a field or protocol before this")),
            Tok::Not => Err(err(pos, len, "unexpected \"not\"")),
        }
    }
}

pub(super) fn parse(text: &str) -> Result<Expr, FilterError> {
    let toks = tokenize(text)?;
    if toks.is_empty() {
        return Err(err(0, 1, "the filter is empty"));
    }
    let mut p = Parser {
        toks,
        at: 0,
        text,
        depth: 0,
    };
    let e = p.or()?;
    if let Some(t) = p.peek() {
        let msg = match t.tok {
            Tok::Close => "unexpected \")\"",
            Tok::Op(_) => "this operator needs a field on its left",
            _ => "expected \"&&\", \"||\" or the end of the filter",
        };
        return Err(err(t.pos, t.len, msg));
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_protocol_the_dissector_names_is_a_filter_name() {
        use crate::layer::Protocol::*;
        for p in [
            Ethernet, Vlan, Ieee8021ad, Sll, Sll2, Null, Raw, Arp, Ipv4, Ipv6, Icmp, Icmpv6, Igmp,
            Tcp, Udp, Http, Dns, Tls, Json, Data,
        ] {
            assert!(parse(p.abbrev()).is_ok(), "{}", p.abbrev());
        }
    }

    #[test]
    fn precedence_and_binds_tighter_than_or() {
        let e = parse("udp or tcp and arp").expect("parses");
        assert!(matches!(&e, Expr::Or(t) if t.len() == 2 && matches!(t[1], Expr::And(_))));
    }

    #[test]
    fn chains_are_flat_and_nesting_is_bounded() {
        let chain = vec!["tcp"; 50_000].join(" && ");
        assert!(matches!(parse(&chain), Ok(Expr::And(t)) if t.len() == 50_000));
        let ok = format!("{}tcp{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let nots = format!("{}tcp", "!".repeat(MAX_DEPTH));
        assert!(parse(&nots).is_ok());
        for (deep, at) in [
            (
                format!("{}tcp{}", "(".repeat(6000), ")".repeat(6000)),
                MAX_DEPTH,
            ),
            (format!("{}tcp", "!".repeat(14_000)), MAX_DEPTH),
            (
                format!("udp || {}tcp", "! (".repeat(200)),
                7 + 3 * (MAX_DEPTH / 2),
            ),
        ] {
            let e = parse(&deep).expect_err("too deep");
            assert_eq!(e.position, at, "{}", e.message);
            assert!(e.message.contains("nested more than 256"), "{}", e.message);
        }
    }

    #[test]
    fn errors_point_at_the_offending_token() {
        let e = parse("tcp.port == 8888 &&").expect_err("dangling &&");
        assert_eq!(e.position, 19);
        let e = parse("tcp.prot == 1").expect_err("unknown field");
        assert_eq!((e.position, e.len), (0, 8));
        let e = parse("ip.src = 1.2.3.4").expect_err("single =");
        assert_eq!(e.position, 7);
        let e = parse("(tcp").expect_err("unclosed");
        assert_eq!(e.position, 0);
        let e = parse("tcp.payload contains \"abc").expect_err("open string");
        assert_eq!(e.position, 21);
    }

    #[test]
    fn literals_have_every_sensible_reading() {
        let l = literal("0x10", false);
        assert_eq!(l.int, Some(16));
        let l = literal("10.0.0.0/8", false);
        assert_eq!(l.ipv4, Some((Ipv4Addr::new(10, 0, 0, 0), 8)));
        let l = literal("::1", false);
        assert_eq!(l.ipv6, Some((Ipv6Addr::LOCALHOST, 128)));
        let l = literal("00:00:00:00:00:01", false);
        assert_eq!(l.bytes, Some(vec![0, 0, 0, 0, 0, 1]));
        assert_eq!(literal("12", false).bytes, Some(vec![0x12]));
        assert_eq!(literal("true", false).int, Some(1));
    }
}
