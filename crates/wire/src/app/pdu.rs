//! Where one application message ends in a TCP byte stream, for the protocols whose
//! messages say their own length: what reassembly needs to know to join the segments of a
//! message that TCP cut, as Wireshark's dissectors tell its TCP layer ("desegment").
//!
//! Only the protocols the dissector itself recognises are measured, by the same tests, so
//! a joined message is always dissected as what it was joined for: DNS over TCP (its
//! two-byte length), TLS records (their five-byte header), HTTP/1.x (headers to the empty
//! line, then Content-Length or chunks) and JSON values (to the bracket that closes them).
//! Plain text and unknown bytes have no message boundary on the wire and are never joined
//! here (the messages view splits them by the receiver's framing instead).

use crate::proto;

/// The kinds of message whose length can be read from their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    DnsTcp,
    Tls,
    Http,
    Json,
}

/// What the bytes so far say about the message at their start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// The message is this many bytes long (never zero), and all of them are here.
    Whole(usize),
    /// The message goes on in bytes not seen yet.
    More,
    /// Not (or no longer) a message of this kind: dissect what is there as it is.
    No,
}

/// The longest HTTP header block waited for; Wireshark's HTTP dissector has no limit, but
/// a block this long is not a course's program talking.
const MAX_HTTP_HEAD: usize = 64 * 1024;

/// The kind of message `bytes` (a segment's payload from a message boundary) start with,
/// tried in the dissector's order: DNS by its port, then TLS, HTTP and JSON by their bytes.
pub fn kind(bytes: &[u8], ports: (u16, u16)) -> Option<Kind> {
    if ports.0 == proto::dns::PORT || ports.1 == proto::dns::PORT {
        return Some(Kind::DnsTcp);
    }
    // A record header, or the start of one that a segment of fewer than five bytes cut.
    if proto::tls::looks_like_tls(bytes) || (bytes.len() < 5 && tls_record(bytes) == Need::More) {
        return Some(Kind::Tls);
    }
    if proto::http::first_line(bytes).is_some() {
        return Some(Kind::Http);
    }
    json_start(bytes).then_some(Kind::Json)
}

/// Whether `bytes` start like a JSON object or array a program wrote: its opening bracket,
/// then what may follow it (a key's quote or `}` in an object; a value or `]` in an
/// array), in a payload that is text. Binary data that happens to start with `{` is not
/// held back waiting for a closing bracket.
fn json_start(bytes: &[u8]) -> bool {
    let mut rest = bytes.iter().skip_while(|b| b.is_ascii_whitespace());
    let next = match rest.next() {
        Some(b'{') => |b: u8| matches!(b, b'"' | b'}'),
        Some(b'[') => |b: u8| {
            matches!(
                b,
                b'"' | b'{' | b'[' | b']' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
            )
        },
        _ => return false,
    };
    match rest.find(|b| !b.is_ascii_whitespace()) {
        Some(&b) if !next(b) => return false,
        _ => {}
    }
    proto::app::is_mostly_text(bytes)
}

/// How long the message of `kind` at the start of `bytes` is, as far as they tell.
pub fn need(kind: Kind, bytes: &[u8]) -> Need {
    match kind {
        Kind::DnsTcp => match bytes {
            [hi, lo, ..] => whole_or_more(2 + u16::from_be_bytes([*hi, *lo]) as usize, bytes),
            _ => Need::More,
        },
        Kind::Tls => tls_record(bytes),
        Kind::Http => proto::http::message_len(bytes, MAX_HTTP_HEAD),
        Kind::Json => json_value(bytes),
    }
}

fn whole_or_more(len: usize, bytes: &[u8]) -> Need {
    if bytes.len() >= len {
        Need::Whole(len)
    } else {
        Need::More
    }
}

/// One TLS record: its header says its length. A header not yet whole waits for the rest
/// when what is there fits one.
fn tls_record(bytes: &[u8]) -> Need {
    if bytes.len() < 5 {
        let fits = matches!(
            bytes,
            [] | [20..=23] | [20..=23, 3] | [20..=23, 3, 0..=4, ..]
        );
        return if fits { Need::More } else { Need::No };
    }
    if !proto::tls::looks_like_tls(bytes) {
        return Need::No;
    }
    whole_or_more(5 + u16::from_be_bytes([bytes[3], bytes[4]]) as usize, bytes)
}

/// One top-level JSON object or array (after leading whitespace): where its closing
/// bracket is, found by counting brackets outside strings. Whether the value is valid JSON
/// is for the parser to say once it is whole.
fn json_value(bytes: &[u8]) -> Need {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' if depth > 0 => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Need::Whole(i + 1);
                }
            }
            b if b.is_ascii_whitespace() => {}
            // Anything else before the value opens, or a closing bracket with none open.
            _ if depth == 0 => return Need::No,
            _ => {}
        }
        if depth > crate::app::json::MAX_DEPTH {
            return Need::No;
        }
    }
    Need::More
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_of_each_kind() {
        assert_eq!(need(Kind::DnsTcp, &[0]), Need::More);
        assert_eq!(need(Kind::DnsTcp, &[0, 3, 1, 2]), Need::More);
        assert_eq!(need(Kind::DnsTcp, &[0, 3, 1, 2, 3, 9]), Need::Whole(5));
        assert_eq!(need(Kind::Tls, &[22, 3]), Need::More);
        assert_eq!(need(Kind::Tls, &[22, 3, 1, 0, 4, 1]), Need::More);
        assert_eq!(need(Kind::Tls, &[23, 3, 3, 0, 1, 7, 22]), Need::Whole(6));
        assert_eq!(need(Kind::Tls, &[99, 3, 3, 0, 1]), Need::No);
        assert_eq!(need(Kind::Json, b" {\"a\": [1, \"}\"]"), Need::More);
        assert_eq!(
            need(Kind::Json, b" {\"a\": [1, \"}\\\"\"]}{"),
            Need::Whole(18)
        );
        assert_eq!(need(Kind::Json, b"x{}"), Need::No);
        assert_eq!(need(Kind::Json, &[b'['; 100]), Need::No);
    }

    #[test]
    fn http_messages_end_where_their_headers_say() {
        let get = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET";
        assert_eq!(need(Kind::Http, get), Need::Whole(27));
        assert_eq!(need(Kind::Http, &get[..20]), Need::More);
        let ok = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel";
        assert_eq!(need(Kind::Http, ok), Need::More);
        assert_eq!(
            need(
                Kind::Http,
                b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhello"
            ),
            Need::Whole(40)
        );
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n";
        assert_eq!(need(Kind::Http, chunked), Need::More);
        let mut done = chunked.to_vec();
        done.extend_from_slice(b"0\r\n\r\n");
        assert_eq!(need(Kind::Http, &done), Need::Whole(done.len()));
        // No length and not chunked: a response runs to the close, so it is whole now.
        let close = b"HTTP/1.0 200 OK\r\n\r\nbody";
        assert_eq!(need(Kind::Http, close), Need::Whole(close.len()));
        assert_eq!(
            need(Kind::Http, b"HTTP/1.1 200 OK\r\nBad Header\r\n\r\n"),
            Need::No
        );
    }

    #[test]
    fn kinds_in_the_dissectors_order() {
        assert_eq!(kind(b"anything", (53, 4000)), Some(Kind::DnsTcp));
        assert_eq!(kind(&[22, 3, 1, 0, 5], (443, 4000)), Some(Kind::Tls));
        assert_eq!(kind(&[22, 3, 1], (443, 4000)), Some(Kind::Tls));
        assert_eq!(kind(&[22, 9, 1], (443, 4000)), None);
        assert_eq!(kind(b"GET / HTTP/1.1\r\n", (80, 4000)), Some(Kind::Http));
        assert_eq!(kind(b"\n {\"a\"", (9999, 4000)), Some(Kind::Json));
        assert_eq!(kind(b"hello", (8888, 4000)), None);
        assert_eq!(kind(b"[1, 2", (9999, 4000)), Some(Kind::Json));
        assert_eq!(kind(b"{", (9999, 4000)), Some(Kind::Json));
        // Binary data that starts with a bracket, or text that is no JSON.
        assert_eq!(kind(&[b'{', 0x84, 0xeb, 0x18, b'}'], (9999, 4000)), None);
        assert_eq!(kind(b"[INFO] started", (9999, 4000)), None);
        assert_eq!(kind(b"{x", (9999, 4000)), None);
    }
}
