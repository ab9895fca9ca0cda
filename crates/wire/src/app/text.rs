//! Application bytes as text, in the encoding the program wrote them in.
//!
//! The course's programs send `'你好'.encode('utf-8')`; on a Chinese Windows console the
//! same `'你好'.encode()` of an older Python, or a C program, writes GBK. So a payload is
//! read as UTF-8 when it is UTF-8, else as GB18030 (GBK's superset) when it decodes as
//! that, else as UTF-8 with the bytes that are not shown as `\xNN`. The guess is made on
//! as many bytes as the caller has — a whole direction of a stream when following it — and
//! forgives a character cut at either end, so a character split across two segments does
//! not flip it. GB18030 decoding is `encoding_rs`'s (the WHATWG tables browsers use).

use encoding_rs::GB18030;

/// The encoding text is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; plain ASCII is UTF-8 too.
    Utf8,
    /// GB18030, which contains GBK and GB2312.
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

/// How many bytes at the start of `bytes` continue a character that began before them
/// (at most three UTF-8 continuation bytes).
fn continued_at_start(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take(3)
        .take_while(|&&b| b & 0xc0 == 0x80)
        .count()
}

/// `bytes` without the pieces of UTF-8 characters cut at either end: the continuation
/// bytes of one that began before them, the first bytes of one that ends after them.
pub fn uncut_utf8(bytes: &[u8]) -> &[u8] {
    let bytes = &bytes[continued_at_start(bytes)..];
    // A cut character at the end: a lead byte and fewer continuation bytes than it
    // announces.
    let mut lead = bytes.len();
    while lead > 0 && bytes.len() - lead < 3 && bytes[lead - 1] & 0xc0 == 0x80 {
        lead -= 1;
    }
    let Some(lead) = lead.checked_sub(1) else {
        return bytes;
    };
    let announced = match bytes[lead] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    };
    if announced > bytes.len() - lead {
        &bytes[..lead]
    } else {
        bytes
    }
}

/// True when `bytes` are UTF-8 but for a character cut at the start or the end.
fn is_utf8_but_cut(bytes: &[u8]) -> bool {
    std::str::from_utf8(uncut_utf8(bytes)).is_ok()
}

/// True when `bytes` are GB18030 but for a character cut at the end, and most of what
/// they decode to is printable text (binary data often decodes as GB18030 by chance).
fn is_gb18030_text(bytes: &[u8]) -> bool {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let room = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 4 + 16);
    let mut out = String::with_capacity(room);
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut out, false);
    if !matches!(result, encoding_rs::DecoderResult::InputEmpty) {
        return false;
    }
    let chars = out.chars().count();
    let text = out
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .count();
    chars > 0 && text * 10 >= chars * 9
}

/// The encoding `bytes` are best read in; `None` when they are neither UTF-8 nor GB18030
/// text (binary data, shown as UTF-8 with escapes).
pub fn guess(bytes: &[u8]) -> Option<Encoding> {
    if is_utf8_but_cut(bytes) {
        Some(Encoding::Utf8)
    } else if is_gb18030_text(bytes) {
        Some(Encoding::Gb18030)
    } else {
        None
    }
}

/// Decodes a stream of byte runs in one encoding; a character cut between two runs comes
/// out whole with the run that completes it.
pub struct TextDecoder {
    state: State,
}

enum State {
    /// The bytes of a character not yet complete (UTF-8 is decoded by the standard
    /// library, which says exactly which bytes are invalid).
    Utf8 {
        carry: Vec<u8>,
    },
    Gb18030(Box<encoding_rs::Decoder>),
}

impl TextDecoder {
    pub fn new(encoding: Encoding) -> Self {
        TextDecoder {
            state: match encoding {
                Encoding::Utf8 => State::Utf8 { carry: Vec::new() },
                Encoding::Gb18030 => {
                    State::Gb18030(Box::new(GB18030.new_decoder_without_bom_handling()))
                }
            },
        }
    }

    /// The text of the next run; `last` flushes a character still cut at its end.
    /// Bytes that are not text in the encoding appear as `\xNN`.
    pub fn push(&mut self, bytes: &[u8], last: bool) -> String {
        match &mut self.state {
            State::Utf8 { carry } => {
                let mut joined;
                let input = if carry.is_empty() {
                    bytes
                } else {
                    joined = std::mem::take(carry);
                    joined.extend_from_slice(bytes);
                    &joined[..]
                };
                let mut out = String::with_capacity(input.len());
                let mut chunks = input.utf8_chunks().peekable();
                while let Some(chunk) = chunks.next() {
                    out.push_str(chunk.valid());
                    let bad = chunk.invalid();
                    let at_end = chunks.peek().is_none();
                    // An incomplete character at the very end waits for the next run.
                    let cut = at_end && !last && !bad.is_empty() && {
                        let tail = &input[input.len() - bad.len()..];
                        std::str::from_utf8(tail).is_err_and(|e| e.error_len().is_none())
                    };
                    if cut {
                        *carry = bad.to_vec();
                    } else {
                        for b in bad {
                            out.push_str(&format!("\\x{b:02x}"));
                        }
                    }
                }
                out
            }
            State::Gb18030(decoder) => {
                let mut out = String::with_capacity(bytes.len() * 2);
                let mut input = bytes;
                loop {
                    let need = decoder
                        .max_utf8_buffer_length(input.len())
                        .unwrap_or(input.len() * 4 + 16);
                    out.reserve(need);
                    let (result, read, _) = decoder.decode_to_string(input, &mut out, last);
                    input = &input[read..];
                    if matches!(result, encoding_rs::CoderResult::InputEmpty) {
                        break;
                    }
                }
                out
            }
        }
    }
}

/// Decodes `bytes` whole in `encoding`.
pub fn decode(bytes: &[u8], encoding: Encoding) -> String {
    TextDecoder::new(encoding).push(bytes, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_utf8_even_cut_at_either_end() {
        let hello = "你好,服务器!".as_bytes();
        assert_eq!(guess(hello), Some(Encoding::Utf8));
        assert_eq!(guess(&hello[..4]), Some(Encoding::Utf8));
        assert_eq!(guess(&hello[1..]), Some(Encoding::Utf8));
        assert_eq!(guess(b"plain ascii"), Some(Encoding::Utf8));
    }

    #[test]
    fn gbk_is_read_as_gb18030() {
        // '你好，世界' in GBK, as a Chinese Windows console writes it.
        let gbk = [0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7];
        assert_eq!(guess(&gbk), Some(Encoding::Gb18030));
        assert_eq!(decode(&gbk, Encoding::Gb18030), "你好，世界");
        // Cut after a lead byte: still GB18030, the rest comes with the next run.
        assert_eq!(guess(&gbk[..3]), Some(Encoding::Gb18030));
        let mut d = TextDecoder::new(Encoding::Gb18030);
        assert_eq!(d.push(&gbk[..3], false), "你");
        assert_eq!(d.push(&gbk[3..], true), "好，世界");
    }

    #[test]
    fn binary_is_neither_and_shows_its_bad_bytes() {
        assert_eq!(guess(&[0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]), None);
        assert_eq!(decode(b"ok\xff", Encoding::Utf8), "ok\\xff");
    }

    #[test]
    fn a_character_split_between_runs_comes_out_whole() {
        let hello = "你好".as_bytes();
        let mut d = TextDecoder::new(Encoding::Utf8);
        assert_eq!(d.push(&hello[..2], false), "");
        assert_eq!(d.push(&hello[2..4], false), "你");
        assert_eq!(d.push(&hello[4..], true), "好");
        // At the end a cut character is shown as its bytes.
        let mut d = TextDecoder::new(Encoding::Utf8);
        assert_eq!(d.push(&hello[..4], true), "你\\xe5");
    }
}
