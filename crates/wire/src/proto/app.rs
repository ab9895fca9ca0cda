//! The application layer: what the program wrote into its socket. Shown as bytes and text;
//! HTTP/1.x request and status lines are recognised.

use crate::app::text::Encoding;
use crate::registry as hf;
use std::ops::Range;

use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};

/// How much of a payload `data.text` shows.
const TEXT_LIMIT: usize = 4096;

/// True when at least 90% of the payload is text: printable ASCII, common whitespace, or
/// printable characters of valid UTF-8 (Chinese, say, three bytes a character), counted
/// by their bytes.
pub fn is_mostly_text(bytes: &[u8]) -> bool {
    if bytes.is_empty() {
        return false;
    }
    // Counted the other way round, so binary data stops the scan early: at most a tenth
    // of the bytes may be controls or not UTF-8. A character cut at either end (the
    // segment before or after holds the rest) counts as text: the guess must not flip
    // because of where TCP cut the stream.
    let limit = bytes.len() / 10;
    let mut bad = 0;
    for chunk in crate::app::text::uncut_utf8(bytes).utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                bad += c.len_utf8();
            }
        }
        bad += chunk.invalid().len();
        if bad > limit {
            return false;
        }
    }
    true
}

/// True when every byte is printable ASCII (space to tilde). Checked 32 bytes at a time
/// without an early exit inside a block, which the compiler turns into vector compares:
/// this runs over every payload of a capture.
fn is_plain_ascii(bytes: &[u8]) -> bool {
    let printable = |b: &u8| b.wrapping_sub(0x20) < 0x5f;
    let blocks = bytes.chunks_exact(32);
    let rest = blocks.remainder();
    blocks
        .into_iter()
        .all(|block| block.iter().fold(true, |all, b| all & printable(b)))
        && rest.iter().all(printable)
}

/// The payload as text, at most `limit` bytes of it: UTF-8 characters as they are (the
/// course's students write Chinese), newlines, returns and tabs escaped, other control
/// characters and bytes that are not UTF-8 as dots, an ellipsis when cut.
pub fn printable(bytes: &[u8], limit: usize) -> String {
    // Cut at a character boundary: step back over the continuation bytes (10xxxxxx) of
    // a character the limit would split, to its first byte.
    let mut end = bytes.len().min(limit);
    while end > 0 && end < bytes.len() && bytes[end] & 0xc0 == 0x80 && limit - end < 3 {
        end -= 1;
    }
    let shown = &bytes[..end];
    let mut s = String::with_capacity(shown.len() + 3);
    if is_plain_ascii(shown) {
        // Only printable ASCII: the bytes are the text.
        s.push_str(std::str::from_utf8(shown).unwrap_or_default());
    } else {
        for chunk in shown.utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '\n' => s.push_str("\\n"),
                    '\r' => s.push_str("\\r"),
                    '\t' => s.push_str("\\t"),
                    c if c.is_control() => s.push('.'),
                    c => s.push(c),
                }
            }
            s.extend(std::iter::repeat_n('.', chunk.invalid().len()));
        }
    }
    if bytes.len() > limit {
        s.push('…');
    }
    s
}

/// The application layers over `range` of `frame`, pushed onto `out`: HTTP (and its JSON
/// body), JSON, or data with its text.
pub fn push_layers(frame: &[u8], range: Range<usize>, out: &mut Vec<Layer>) {
    let bytes = frame.get(range.clone()).unwrap_or(&[]);
    if let Some(line) = super::http::first_line(bytes) {
        out.extend(super::http::layers(frame, range, line));
        return;
    }
    out.push(layer(frame, range));
}

/// The application layer over `range` of `frame` when it is not HTTP: JSON, or data.
fn layer(frame: &[u8], range: Range<usize>) -> Layer {
    let bytes = frame.get(range.clone()).unwrap_or(&[]);
    if looks_like_json(bytes) {
        if let Some(values) = crate::app::json::parse_values(bytes) {
            return super::json::layer(&values, range);
        }
    }
    let mut l = Layer::new(Protocol::Data, range.clone(), range.end..range.end);
    l.fields = Vec::with_capacity(3);
    l.fields.extend([
        Field::new(&hf::data::DATA, Value::Bytes, range.clone()),
        Field::new(
            &hf::data::LEN,
            Value::Uint(bytes.len() as u64),
            range.clone(),
        ),
    ]);
    // Most payloads of the demos are plain text: one scan says so, and the text is the
    // payload itself.
    let plain = !bytes.is_empty() && is_plain_ascii(bytes);
    if plain && bytes.len() <= TEXT_LIMIT {
        l.fields
            .push(Field::new(&hf::data::TEXT, Value::Ascii, range));
    } else if plain || is_mostly_text(bytes) {
        l.fields.push(Field::new(
            &hf::data::TEXT,
            Value::Text(printable(bytes, TEXT_LIMIT).into()),
            range.clone(),
        ));
        l.fields.push(Field::new(
            &hf::data::ENCODING,
            Value::Text(Encoding::Utf8.name().into()),
            range,
        ));
    } else if let Some(Encoding::Gb18030) = crate::app::text::guess(bytes) {
        // Not UTF-8 but GBK text, as a Chinese Windows console writes it.
        let text =
            crate::app::text::decode(&bytes[..bytes.len().min(TEXT_LIMIT)], Encoding::Gb18030);
        l.fields.push(Field::new(
            &hf::data::TEXT,
            Value::Text(printable(text.as_bytes(), TEXT_LIMIT * 2).into()),
            range.clone(),
        ));
        l.fields.push(Field::new(
            &hf::data::ENCODING,
            Value::Text(Encoding::Gb18030.name().into()),
            range,
        ));
    }
    l
}

/// True when the payload starts, after whitespace, like a JSON object or array: the only
/// payloads worth a full JSON parse.
fn looks_like_json(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{' || b == b'[')
}

#[cfg(test)]
mod tests {
    use super::{is_mostly_text, is_plain_ascii, printable};

    #[test]
    fn chinese_payloads_are_text_shown_as_written() {
        let hello = "你好，服务器！".as_bytes();
        assert!(is_mostly_text(hello));
        assert_eq!(printable(hello, 4096), "你好，服务器！");
        let json = r#"{"name": "小飞机", "age": 3}"#;
        assert_eq!(printable(json.as_bytes(), 4096), json);
        // Cut inside a character: the whole character goes, and the cut is said.
        assert_eq!(printable(hello, 4), "你…");
        assert_eq!(printable(hello, 6), "你好…");
        // Control characters escaped or dotted; bytes that are not UTF-8 dotted.
        assert_eq!(printable("你\n好\0".as_bytes(), 4096), "你\\n好.");
        assert_eq!(printable(b"ok \xff\xfe", 4096), "ok ..");
        assert!(!is_mostly_text(&[0x80; 20]));
        assert!(!is_mostly_text(&[0xe4, 0xbd, 0xa0, 0, 1, 2, 3, 4, 5, 6]));
    }

    #[test]
    fn plain_ascii_is_checked_in_every_block_and_the_rest() {
        for len in [1, 31, 32, 33, 64, 70] {
            let text = vec![b'a'; len];
            assert!(is_plain_ascii(&text), "{len}");
            for at in [0, len / 2, len - 1] {
                for bad in [0x1f, 0x7f, 0x80, 0xff, b'\n'] {
                    let mut t = text.clone();
                    t[at] = bad;
                    assert!(!is_plain_ascii(&t), "{len} {at} {bad}");
                }
            }
        }
        assert!(is_plain_ascii(b" ~"));
    }
}

/// What the program said in this application layer, as text a person reads, at most
/// `limit` characters: a JSON payload written back with its strings unescaped, text in
/// its encoding (UTF-8 or GBK), an HTTP message's first line; `None` for binary data.
/// Every view that quotes a payload (Info, ladder, encapsulation) reads it here.
pub fn message_text(layer: &Layer, frame: &[u8], limit: usize) -> Option<String> {
    let cut = |s: &str| match s.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    };
    match layer.protocol {
        Protocol::Json => Some(super::json::compact(layer, limit)),
        Protocol::Http => layer.fields.first().and_then(|f| f.text(frame)).map(cut),
        Protocol::Dns => Some(cut(&super::dns::info(layer, frame))),
        _ => layer
            .field(&hf::data::TEXT)
            .and_then(|f| f.text(frame))
            .map(cut),
    }
}
