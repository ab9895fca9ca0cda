//! HTTP/1.x messages: the first line, every header with Wireshark's field for it, and the
//! body as the headers frame it (Content-Length, chunked, or up to the end), with a JSON
//! body dissected as JSON. Headers are parsed by `httparse`; what it cannot parse (too
//! many headers, a header block the segment cut) keeps the first line only.
//!
//! One segment is dissected at a time: a message whose body continues in later segments
//! shows its headers and the part of the body this segment holds.

use std::ops::Range;

use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::registry::http as hf;

const METHODS: [&str; 9] = [
    "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE",
];

/// Most headers parsed; a message with more keeps its first line only.
const MAX_HEADERS: usize = 64;

/// Most chunks of a chunked body listed.
const MAX_CHUNKS: usize = 256;

/// The first line, if the payload starts like an HTTP/1.x request or response.
pub fn first_line(bytes: &[u8]) -> Option<&str> {
    // Every method and "HTTP/1." start with an upper-case letter; most payloads don't, and
    // need no search for a line end.
    if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let end = memchr::memmem::find(&bytes[..bytes.len().min(8192)], b"\r\n")?;
    let line = std::str::from_utf8(&bytes[..end]).ok()?;
    let is_request = METHODS
        .iter()
        .any(|m| line.starts_with(m) && line.as_bytes().get(m.len()) == Some(&b' '))
        && line.contains(" HTTP/1.");
    let is_response = line.starts_with("HTTP/1.");
    (is_request || is_response).then_some(line)
}

/// How long the HTTP message at the start of `bytes` is: its header block, then the body
/// its headers announce (Content-Length, or chunks to the last one). A response with
/// neither runs to the connection's close, so it is whole with what is there; a request
/// with neither has no body. A header block longer than `max_head` is not waited for.
pub fn message_len(bytes: &[u8], max_head: usize) -> crate::app::pdu::Need {
    use crate::app::pdu::Need;
    let response = bytes.starts_with(b"HTTP/1.");
    let mut storage = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let parsed = if response {
        let mut r = httparse::Response::new(&mut storage);
        r.parse(bytes).map(|s| (s, r.code))
    } else {
        let mut r = httparse::Request::new(&mut storage);
        r.parse(bytes).map(|s| (s, None))
    };
    let (head_len, code) = match parsed {
        Ok((httparse::Status::Complete(n), code)) => (n, code),
        Ok((httparse::Status::Partial, _)) if bytes.len() < max_head => return Need::More,
        _ => return Need::No,
    };
    let mut content_length = None;
    let mut chunked = false;
    for h in storage.iter().take_while(|h| !h.name.is_empty()) {
        if h.name.eq_ignore_ascii_case("content-length") {
            let text = String::from_utf8_lossy(h.value);
            match text.trim().parse::<usize>() {
                Ok(n) => content_length = Some(n),
                Err(_) => return Need::No,
            }
        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
            chunked |= String::from_utf8_lossy(h.value)
                .to_ascii_lowercase()
                .contains("chunked");
        }
    }
    // 1xx, 204 and 304 responses never have a body (RFC 9112 §6.3).
    if code.is_some_and(|c| c < 200 || c == 204 || c == 304) {
        return Need::Whole(head_len);
    }
    if chunked {
        return chunked_len(bytes, head_len);
    }
    let end = match content_length {
        Some(n) => head_len.saturating_add(n),
        None if response => bytes.len(),
        None => head_len,
    };
    if bytes.len() >= end {
        Need::Whole(end)
    } else {
        Need::More
    }
}

/// Where a chunked body that starts at `at` ends: after the last (empty) chunk and the
/// trailer's empty line.
fn chunked_len(bytes: &[u8], mut at: usize) -> crate::app::pdu::Need {
    use crate::app::pdu::Need;
    loop {
        let Some(rest) = bytes.get(at..) else {
            return Need::More;
        };
        let (size_len, size) = match httparse::parse_chunk_size(rest) {
            Ok(httparse::Status::Complete(c)) => c,
            Ok(httparse::Status::Partial) => return Need::More,
            Err(_) => return Need::No,
        };
        at += size_len;
        if size == 0 {
            // Trailer lines, then the empty line that ends the message.
            loop {
                let Some(rest) = bytes.get(at..) else {
                    return Need::More;
                };
                let Some(i) = memchr::memmem::find(rest, b"\r\n") else {
                    return Need::More;
                };
                at += i + 2;
                if i == 0 {
                    return Need::Whole(at);
                }
            }
        }
        let Some(next) = usize::try_from(size)
            .ok()
            .and_then(|s| at.checked_add(s))
            .and_then(|e| e.checked_add(2))
        else {
            return Need::No;
        };
        at = next;
    }
}

/// The three space-separated parts of an HTTP first line with their offsets in it; a
/// missing part is empty, at the end of the line.
fn split3(line: &str) -> [(usize, &str); 3] {
    let mut out = [(line.len(), ""); 3];
    let mut off = 0;
    for (i, slot) in out.iter_mut().enumerate() {
        if off > line.len() {
            break;
        }
        let rest = &line[off..];
        let part = if i < 2 {
            rest.split(' ').next().unwrap_or("")
        } else {
            rest
        };
        *slot = (off, part);
        // The separator is one ASCII space, so `off` stays on a character boundary.
        off += part.len() + 1;
    }
    out
}

/// The HTTP layer over `range` of `frame`, whose payload starts with `line`, and the JSON
/// layer of its body when the body is JSON.
pub fn layers(frame: &[u8], range: Range<usize>, line: &str) -> Vec<Layer> {
    let bytes = frame.get(range.clone()).unwrap_or_default();
    let response = line.starts_with("HTTP/1.");
    let start = range.start;
    let mut fields = vec![first_line_field(line, start, response)];
    let Some(head) = parse_head(bytes, response) else {
        // Headers this segment does not hold whole: the first line, and the rest as bytes.
        let mut l = Layer::new(Protocol::Http, range.clone(), range.end..range.end);
        fields.push(Field::new(&hf::FILE_DATA, Value::Bytes, range));
        l.fields = fields;
        return vec![l];
    };
    let line_def = if response {
        &hf::RESPONSE_LINE
    } else {
        &hf::REQUEST_LINE
    };
    let mut host = None;
    let mut content_length = None;
    let mut chunked = false;
    let mut json_body = false;
    for h in &head.headers {
        let line_range = start + h.line.start..start + h.line.end;
        let value_range = start + h.value.start..start + h.value.end;
        let line_text = String::from_utf8_lossy(&bytes[h.line.clone()]).into_owned();
        let line_field = Field::new(line_def, Value::Text(line_text.into()), line_range);
        let name = &bytes[h.name.clone()];
        let value_bytes = &bytes[h.value.clone()];
        let Some(def) = known(name) else {
            fields.push(line_field);
            continue;
        };
        let mut children = vec![line_field];
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        let value_text = || String::from_utf8_lossy(value_bytes);
        if is("host") {
            host = Some(value_text().into_owned());
        } else if is("content-length") {
            if let Ok(n) = value_text().trim().parse::<u64>() {
                content_length = Some(n);
                children.push(Field::new(
                    &hf::CONTENT_LENGTH,
                    Value::Uint(n),
                    value_range.clone(),
                ));
            }
        } else if is("transfer-encoding") {
            chunked |= value_text().to_ascii_lowercase().contains("chunked");
        } else if is("content-type") {
            json_body |= value_text().to_ascii_lowercase().contains("json");
        }
        // Most values are plain ASCII: read from the frame, not copied out of it.
        let value = if value_bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
            Value::Ascii
        } else {
            Value::Text(value_text().into_owned().into())
        };
        fields.push(Field::new(def, value, value_range).with_children(children));
    }
    if let (false, Some(host)) = (response, host) {
        let [_, uri, _] = split3(line);
        if uri.1.starts_with('/') {
            fields.push(Field::new(
                &hf::REQUEST_FULL_URI,
                Value::Text(format!("http://{host}{}", uri.1).into()),
                start..start + line.len(),
            ));
        }
    }
    // The body, as the headers frame it.
    let rest = head.len..bytes.len();
    let body = if chunked {
        let (end, chunks) = chunks(bytes, head.len, start);
        fields.extend(chunks);
        head.len..end
    } else {
        match content_length {
            Some(n) => head.len..head.len + (n as usize).min(rest.len()),
            // A request without a length has no body; a response reads to the close.
            None if !response => head.len..head.len,
            None => rest,
        }
    };
    let body_range = start + body.start..start + body.end;
    if !body.is_empty() {
        fields.push(Field::new(&hf::FILE_DATA, Value::Bytes, body_range.clone()));
    }
    let mut l = Layer::new(Protocol::Http, start..start + head.len, body_range.clone());
    l.fields = fields;
    let mut out = vec![l];
    if json_body && !chunked && !body.is_empty() {
        if let Some(values) = crate::app::json::parse_values(&bytes[body]) {
            out.push(super::json::layer(&values, body_range));
        }
    }
    out
}

fn first_line_field(line: &str, start: usize, response: bool) -> Field {
    let [a, b, c] = split3(line);
    let pos = |(off, s): (usize, &str)| start + off..start + off + s.len();
    let text = |def, part: (usize, &str)| {
        Field::new(def, Value::Text(part.1.to_string().into()), pos(part))
    };
    let (def, children) = if response {
        let code = b.1.parse::<u64>().unwrap_or(0);
        (
            &hf::RESPONSE_FIRST_LINE,
            vec![
                text(&hf::RESPONSE_VERSION, a),
                Field::new(&hf::RESPONSE_CODE, Value::Uint(code), pos(b)),
                text(&hf::RESPONSE_PHRASE, c),
            ],
        )
    } else {
        (
            &hf::REQUEST_FIRST_LINE,
            vec![
                text(&hf::REQUEST_METHOD, a),
                text(&hf::REQUEST_URI, b),
                text(&hf::REQUEST_VERSION, c),
            ],
        )
    };
    Field::new(
        def,
        Value::Text(line.to_string().into()),
        start..start + line.len(),
    )
    .with_children(children)
}

/// The headers Wireshark has a field of its own for.
const KNOWN: [(&str, &crate::registry::FieldDef); 16] = [
    ("host", &hf::HOST),
    ("user-agent", &hf::USER_AGENT),
    ("accept", &hf::ACCEPT),
    ("accept-encoding", &hf::ACCEPT_ENCODING),
    ("accept-language", &hf::ACCEPT_LANGUAGE),
    ("connection", &hf::CONNECTION),
    ("content-type", &hf::CONTENT_TYPE),
    ("content-length", &hf::CONTENT_LENGTH_HEADER),
    ("transfer-encoding", &hf::TRANSFER_ENCODING),
    ("server", &hf::SERVER),
    ("date", &hf::DATE),
    ("last-modified", &hf::LAST_MODIFIED),
    ("location", &hf::LOCATION),
    ("referer", &hf::REFERER),
    ("cookie", &hf::COOKIE),
    ("cache-control", &hf::CACHE_CONTROL),
];

/// Wireshark's field for a header it names (names are not case-sensitive).
fn known(name: &[u8]) -> Option<&'static crate::registry::FieldDef> {
    KNOWN
        .iter()
        .find(|(n, _)| name.eq_ignore_ascii_case(n.as_bytes()))
        .map(|(_, def)| *def)
}

/// One header's byte ranges within the payload.
struct Header {
    name: Range<usize>,
    value: Range<usize>,
    /// The whole line with its CR LF.
    line: Range<usize>,
}

/// The header block: each header, and the block's length with its empty line.
struct Head {
    headers: Vec<Header>,
    len: usize,
}

/// Parses the header block with httparse; None when the segment does not hold it whole or
/// it is not valid.
fn parse_head(bytes: &[u8], response: bool) -> Option<Head> {
    let mut storage = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let (len, headers): (usize, &[httparse::Header]) = if response {
        let mut r = httparse::Response::new(&mut storage);
        let httparse::Status::Complete(n) = r.parse(bytes).ok()? else {
            return None;
        };
        (n, r.headers)
    } else {
        let mut r = httparse::Request::new(&mut storage);
        let httparse::Status::Complete(n) = r.parse(bytes).ok()? else {
            return None;
        };
        (n, r.headers)
    };
    let base = bytes.as_ptr() as usize;
    let offset = |s: &[u8]| (s.as_ptr() as usize).saturating_sub(base);
    let headers = headers
        .iter()
        .map(|h| {
            let name_at = offset(h.name.as_bytes());
            let value_at = if h.value.is_empty() {
                name_at + h.name.len() + 1
            } else {
                offset(h.value)
            };
            let value_end = (value_at + h.value.len()).min(len);
            let line_end = memchr::memmem::find(&bytes[value_end..len], b"\r\n")
                .map_or(len, |i| value_end + i + 2);
            Header {
                name: name_at..name_at + h.name.len(),
                value: value_at.min(value_end)..value_end,
                line: name_at..line_end,
            }
        })
        .collect();
    Some(Head { headers, len })
}

/// The chunks of a chunked body from `at`: their size and data fields, and where the body
/// ends (the segment's end when it is cut).
fn chunks(bytes: &[u8], mut at: usize, start: usize) -> (usize, Vec<Field>) {
    let mut fields = Vec::new();
    while at < bytes.len() && fields.len() < MAX_CHUNKS * 2 {
        let Ok(httparse::Status::Complete((size_len, size))) =
            httparse::parse_chunk_size(&bytes[at..])
        else {
            return (bytes.len(), fields);
        };
        fields.push(Field::new(
            &hf::CHUNK_SIZE,
            Value::Uint(size),
            start + at..start + at + size_len,
        ));
        at += size_len;
        if size == 0 {
            // The last chunk, then the trailer's empty line.
            let end =
                memchr::memmem::find(&bytes[at..], b"\r\n").map_or(bytes.len(), |i| at + i + 2);
            return (end, fields);
        }
        let data_end = at.saturating_add(size as usize).min(bytes.len());
        fields.push(Field::new(
            &hf::CHUNK_DATA,
            Value::Bytes,
            start + at..start + data_end,
        ));
        at = (data_end + 2).min(bytes.len());
    }
    (at, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(layer: &Layer, def: &crate::registry::FieldDef, frame: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack: Vec<&Field> = layer.fields.iter().collect();
        while let Some(f) = stack.pop() {
            if std::ptr::eq(f.def, def) {
                out.push(f.display(frame));
            }
            stack.extend(f.children.iter());
        }
        out.sort();
        out
    }

    #[test]
    fn first_line_parts_keep_their_offsets_even_when_missing() {
        assert_eq!(
            split3("HTTP/1.1 200 OK"),
            [(0, "HTTP/1.1"), (9, "200"), (13, "OK")]
        );
        assert_eq!(
            split3("GET / HTTP/1.1"),
            [(0, "GET"), (4, "/"), (6, "HTTP/1.1")]
        );
        assert_eq!(split3("HTTP/1."), [(0, "HTTP/1."), (7, ""), (7, "")]);
        assert_eq!(split3("HTTP/1.1 "), [(0, "HTTP/1.1"), (9, ""), (9, "")]);
    }

    #[test]
    fn a_request_with_a_json_body_has_its_headers_and_a_json_layer() {
        let msg = b"POST /api HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nX-Mine: 1\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"a\": 1}\ntrailing";
        let line = first_line(msg).unwrap();
        let ls = layers(msg, 0..msg.len(), line);
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[1].protocol, Protocol::Json);
        let http = &ls[0];
        assert_eq!(values(http, &hf::HOST, msg), ["127.0.0.1:8000"]);
        assert_eq!(values(http, &hf::CONTENT_LENGTH, msg), ["9"]);
        assert_eq!(
            values(http, &hf::REQUEST_LINE, msg).len(),
            4,
            "one per header line"
        );
        assert_eq!(
            values(http, &hf::REQUEST_FULL_URI, msg),
            ["http://127.0.0.1:8000/api"]
        );
        // The body is what Content-Length says, not the rest of the segment.
        assert_eq!(http.payload.len(), 9);
    }

    #[test]
    fn a_chunked_body_lists_its_chunks() {
        let msg = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n";
        let ls = layers(msg, 0..msg.len(), first_line(msg).unwrap());
        assert_eq!(values(&ls[0], &hf::CHUNK_SIZE, msg), ["0", "3", "5"]);
        assert_eq!(ls[0].payload.end, msg.len());
    }

    #[test]
    fn hostile_messages_are_bounded() {
        // More headers than parsed: the first line only.
        let mut many = b"GET / HTTP/1.1\r\n".to_vec();
        for i in 0..100 {
            many.extend_from_slice(format!("X-{i}: v\r\n").as_bytes());
        }
        many.extend_from_slice(b"\r\n");
        let ls = layers(&many, 0..many.len(), first_line(&many).unwrap());
        assert_eq!(ls.len(), 1);
        // A huge Content-Length takes only what is there.
        let big = b"HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551615\r\n\r\nabc";
        let ls = layers(big, 0..big.len(), first_line(big).unwrap());
        assert_eq!(ls[0].payload.len(), 3);
        // Endless chunks of size 1 stop at the limit.
        let mut chunky = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for _ in 0..10_000 {
            chunky.extend_from_slice(b"1\r\nx\r\n");
        }
        let ls = layers(&chunky, 0..chunky.len(), first_line(&chunky).unwrap());
        assert!(ls[0].fields.len() < 2 * MAX_CHUNKS + 10);
        // A header block the segment cut: the first line.
        let cut = b"GET / HTTP/1.1\r\nHost: a";
        assert_eq!(layers(cut, 0..cut.len(), first_line(cut).unwrap()).len(), 1);
    }
}
