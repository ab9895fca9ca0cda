//! TCP header (RFC 9293) with its options (MSS, window scale, SACK, timestamps).
//!
//! Only what one segment says is decoded here. Relative sequence numbers, the stream index
//! and the scaled window need the whole conversation: `analysis::tcp` adds them.

use crate::registry::{self as hf, FieldDef};
use std::borrow::Cow;
use std::ops::Range;

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};

pub mod field {
    use std::ops::Range;
    pub const SRC_PORT: Range<usize> = 0..2;
    pub const DST_PORT: Range<usize> = 2..4;
    pub const SEQ: Range<usize> = 4..8;
    pub const ACK: Range<usize> = 8..12;
    /// Data offset (4 bits), reserved (3 bits), AE, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN.
    pub const OFF_FLAGS: Range<usize> = 12..14;
    pub const WINDOW: Range<usize> = 14..16;
    pub const CHECKSUM: Range<usize> = 16..18;
    pub const URGENT: Range<usize> = 18..20;
    pub const OPTIONS: usize = URGENT.end;
}
pub const MIN_HEADER_LEN: usize = field::OPTIONS;

/// The largest window scale shift in use (RFC 7323 §2.3): a larger one counts as 14.
pub const MAX_WINDOW_SHIFT: u8 = 14;

/// Where [`layer`] puts some of its fields in the layer's field list: the analysis inserts
/// its own fields next to them and looks there first instead of scanning the names.
pub mod position {
    pub const DST_PORT: usize = 1;
    pub const SEQ_RAW: usize = 3;
    pub const ACK_RAW: usize = 4;
    pub const WINDOW: usize = 7;
    /// When the header has options.
    pub const OPTIONS: usize = 10;
}

pub const FIN: u16 = 0x001;
pub const SYN: u16 = 0x002;
pub const RST: u16 = 0x004;
pub const PSH: u16 = 0x008;
pub const ACK: u16 = 0x010;
pub const URG: u16 = 0x020;
pub const ECE: u16 = 0x040;
pub const CWR: u16 = 0x080;
pub const AE: u16 = 0x100;

/// Flag bits with their fields, most significant first.
const FLAGS: [(&FieldDef, u8); 9] = [
    (&hf::tcp::FLAGS_AE, 7),
    (&hf::tcp::FLAGS_CWR, 8),
    (&hf::tcp::FLAGS_ECE, 9),
    (&hf::tcp::FLAGS_URG, 10),
    (&hf::tcp::FLAGS_ACK, 11),
    (&hf::tcp::FLAGS_PUSH, 12),
    (&hf::tcp::FLAGS_RESET, 13),
    (&hf::tcp::FLAGS_SYN, 14),
    (&hf::tcp::FLAGS_FIN, 15),
];

/// The flag combinations nearly every segment carries, with both of their texts, so
/// that building a segment's fields allocates neither.
const COMMON_FLAGS: [(u16, &str, &str); 8] = [
    (ACK, "ACK", "·······A····"),
    (PSH | ACK, "PSH, ACK", "·······AP···"),
    (SYN, "SYN", "··········S·"),
    (SYN | ACK, "SYN, ACK", "·······A··S·"),
    (FIN | ACK, "FIN, ACK", "·······A···F"),
    (FIN | PSH | ACK, "FIN, PSH, ACK", "·······AP··F"),
    (RST, "RST", "·········R··"),
    (RST | ACK, "RST, ACK", "·······A·R··"),
];

fn common(flags: u16) -> Option<&'static (u16, &'static str, &'static str)> {
    COMMON_FLAGS.iter().find(|c| c.0 == flags)
}

/// The 12-character flag string tshark shows (`·······AP···`).
pub fn flags_str(flags: u16) -> Cow<'static, str> {
    match common(flags) {
        Some(c) => c.2.into(),
        None => spelled_flags_str(flags).into(),
    }
}

fn spelled_flags_str(flags: u16) -> String {
    const LETTERS: [char; 12] = ['R', 'R', 'R', 'A', 'C', 'E', 'U', 'A', 'P', 'R', 'S', 'F'];
    // Twelve characters of at most two bytes each ('·' is U+00B7).
    let mut s = String::with_capacity(24);
    s.extend((0..12).map(|i| {
        if flags & (1 << (11 - i)) != 0 {
            LETTERS[i]
        } else {
            '·'
        }
    }));
    s
}

/// Names of the set flags, as in tshark's Info column: `SYN, ACK`.
pub fn flag_names(flags: u16) -> Cow<'static, str> {
    match common(flags) {
        Some(c) => c.1.into(),
        None => {
            let mut s = String::new();
            spell_flag_names(&mut s, flags);
            s.into()
        }
    }
}

/// Appends the names of the set flags (`SYN, ACK`, or `<None>`).
pub fn push_flag_names(s: &mut String, flags: u16) {
    match common(flags) {
        Some(c) => s.push_str(c.1),
        None => spell_flag_names(s, flags),
    }
}

fn spell_flag_names(s: &mut String, flags: u16) {
    const ORDER: [(u16, &str); 9] = [
        (FIN, "FIN"),
        (SYN, "SYN"),
        (RST, "RST"),
        (PSH, "PSH"),
        (ACK, "ACK"),
        (URG, "URG"),
        (ECE, "ECE"),
        (CWR, "CWR"),
        (AE, "AE"),
    ];
    let start = s.len();
    for (bit, name) in ORDER {
        if flags & bit != 0 {
            if s.len() > start {
                s.push_str(", ");
            }
            s.push_str(name);
        }
    }
    if s.len() == start {
        s.push_str("<None>");
    }
}

/// A TCP header's captured bytes, read by name: the one reader of TCP header words for the
/// field tree, the analysis's segments, the quick path and the summary line. Past the
/// captured bytes a word reads as zero; callers that need a word check
/// [`Header::captured`] first (a segment needs the 16 bytes up to the window).
#[derive(Clone, Copy)]
pub struct Header<'a>(pub Hdr<'a>);

impl<'a> Header<'a> {
    /// How many of the header's bytes were captured.
    #[inline]
    pub fn captured(&self) -> usize {
        self.0.len()
    }

    #[inline]
    pub fn src_port(&self) -> u16 {
        self.0.u16(field::SRC_PORT.start)
    }

    #[inline]
    pub fn dst_port(&self) -> u16 {
        self.0.u16(field::DST_PORT.start)
    }

    #[inline]
    pub fn seq(&self) -> u32 {
        self.0.u32(field::SEQ.start)
    }

    #[inline]
    pub fn ack(&self) -> u32 {
        self.0.u32(field::ACK.start)
    }

    /// The twelve flag bits (reserved, AE, CWR … FIN).
    #[inline]
    pub fn flags(&self) -> u16 {
        self.0.u16(field::OFF_FLAGS.start) & 0x0fff
    }

    #[inline]
    pub fn window(&self) -> u16 {
        self.0.u16(field::WINDOW.start)
    }

    /// The header length the data offset gives. A data offset below 5, or one the capture
    /// did not keep, still reads as the 20 fixed bytes.
    #[inline]
    pub fn header_len(&self) -> usize {
        ((self.0.u8(field::OFF_FLAGS.start) >> 4) as usize * 4).max(MIN_HEADER_LEN)
    }

    /// The option list, walked up to `end` (header-relative): the header length for the
    /// field tree, which shows an option the capture cut; the captured length for readers
    /// of option values.
    #[inline]
    pub fn options(&self, end: usize) -> Options<'a> {
        Options {
            h: self.0,
            off: field::OPTIONS,
            end,
        }
    }

    /// The options whose bytes were all captured.
    #[inline]
    pub fn captured_options(&self) -> Options<'a> {
        self.options(self.header_len().min(self.captured()))
    }
}

/// One step of the option walk (RFC 9293 §3.1): offsets are header-relative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TcpOption {
    /// End of the option list: what follows is padding, and the walk ends.
    Eol { at: usize },
    /// One byte of padding between options.
    Nop { at: usize },
    /// An option of `len` bytes (kind and length included) that fits in the header.
    Sized { at: usize, kind: u8, len: usize },
    /// An option whose length is below 2 or runs past the end: the walk ends with it.
    Malformed { at: usize, kind: u8, len: usize },
}

/// What a [`TcpOption::Sized`] says, for the options this dissector decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionValue {
    Mss(u16),
    /// The shift as sent (RFC 7323 caps its use at [`MAX_WINDOW_SHIFT`]).
    WindowScale(u8),
    SackPermitted,
    /// Left and right edges in pairs from the option's third byte.
    Sack,
    Timestamps,
    /// Any other kind, or a known kind with the wrong length.
    Other,
}

impl TcpOption {
    /// The value of a sized option read from its header `h`; `None` for the others.
    pub fn value(&self, h: &Hdr) -> Option<OptionValue> {
        let TcpOption::Sized { at, kind, len } = *self else {
            return None;
        };
        Some(match (kind, len) {
            (2, 4) => OptionValue::Mss(h.u16(at + 2)),
            (3, 3) => OptionValue::WindowScale(h.u8(at + 2)),
            (4, 2) => OptionValue::SackPermitted,
            (5, _) => OptionValue::Sack,
            (8, 10) => OptionValue::Timestamps,
            _ => OptionValue::Other,
        })
    }
}

/// The walk over a header's options; see [`Header::options`].
pub struct Options<'a> {
    h: Hdr<'a>,
    off: usize,
    end: usize,
}

impl Options<'_> {
    /// The header the options are read from, for [`TcpOption::value`].
    pub fn header(&self) -> &Hdr<'_> {
        &self.h
    }
}

impl Iterator for Options<'_> {
    type Item = TcpOption;

    fn next(&mut self) -> Option<TcpOption> {
        if self.off >= self.end {
            return None;
        }
        let at = self.off;
        let kind = self.h.u8(at);
        let step = match kind {
            0 => {
                self.off = self.end;
                return Some(TcpOption::Eol { at });
            }
            1 => TcpOption::Nop { at },
            _ => {
                let len = self.h.u8(at + 1) as usize;
                if at + 2 > self.end || len < 2 || at + len > self.end {
                    self.off = self.end;
                    return Some(TcpOption::Malformed { at, kind, len });
                }
                TcpOption::Sized { at, kind, len }
            }
        };
        self.off += match step {
            TcpOption::Sized { len, .. } => len,
            _ => 1,
        };
        Some(step)
    }
}

/// The TCP layer. `h` holds the header's captured bytes and `hdr_len` the length its data
/// offset gives (more than `h.len()` when the snapshot length cut the header: see
/// [`crate::partial`]); `payload` is the data's frame range; `seg_len` is the data length
/// the IP header declares (it may exceed what was captured).
pub fn layer(h: Hdr, hdr_len: usize, payload: Range<usize>, seg_len: usize) -> Layer {
    use field::*;
    let flags = Header(h).flags();
    let mut l = Layer::new(Protocol::Tcp, h.abs(0..hdr_len), payload.clone());
    let mut f = Vec::with_capacity(28);
    f.push(h.uint(&hf::tcp::SRCPORT, SRC_PORT));
    f.push(h.uint(&hf::tcp::DSTPORT, DST_PORT));
    f.push(Field::new(
        &hf::tcp::LEN,
        Value::Uint(seg_len as u64),
        payload.clone(),
    ));
    f.push(h.uint(&hf::tcp::SEQ_RAW, SEQ));
    f.push(h.uint(&hf::tcp::ACK_RAW, ACK));
    let mut hl = h.bits(&hf::tcp::HDR_LEN, OFF_FLAGS, 0, 4);
    hl.value = Value::Uint(hdr_len as u64);
    f.push(hl.meaning(crate::names::words_of_4_bytes((hdr_len / 4) as u8)));
    // Reserved bits, nine flags and the flag string, in one allocation.
    let mut children = Vec::with_capacity(FLAGS.len() + 2);
    children.push(h.bits(&hf::tcp::FLAGS_RES, OFF_FLAGS, 4, 3));
    children.extend(FLAGS.iter().map(|&(def, bit)| h.flag(def, OFF_FLAGS, bit)));
    children.push(Field::new(
        &hf::tcp::FLAGS_STR,
        Value::Text(flags_str(flags)),
        h.abs(OFF_FLAGS),
    ));
    f.push(
        h.bits(&hf::tcp::FLAGS, OFF_FLAGS, 4, 12)
            .meaning(flag_names(flags))
            .with_children(children),
    );
    f.push(h.uint(&hf::tcp::WINDOW_SIZE_VALUE, WINDOW));
    f.push(h.uint(&hf::tcp::CHECKSUM, CHECKSUM));
    f.push(h.uint(&hf::tcp::URGENT_POINTER, URGENT));
    if hdr_len > OPTIONS {
        f.push(
            h.bytes_field(&hf::tcp::OPTIONS, OPTIONS..hdr_len)
                .with_children(options(&h, hdr_len)),
        );
    }
    if !payload.is_empty() {
        f.push(Field::new(&hf::tcp::PAYLOAD, Value::Bytes, payload));
    }
    l.fields = f;
    l
}

fn kind_field(h: &Hdr, off: usize) -> Field {
    h.uint(&hf::tcp::OPTION_KIND, off..off + 1)
}

fn options(h: &Hdr, end: usize) -> Vec<Field> {
    // Linux SYNs carry five options, other segments three (two NOPs and timestamps).
    let mut out = Vec::with_capacity(5);
    for option in Header(*h).options(end) {
        let (at, len) = match option {
            TcpOption::Eol { at } | TcpOption::Nop { at } => {
                let def = match option {
                    TcpOption::Eol { .. } => &hf::tcp::OPTIONS_EOL,
                    _ => &hf::tcp::OPTIONS_NOP,
                };
                out.push(
                    Field::new(def, Value::Bytes, h.abs(at..at + 1))
                        .with_children(vec![kind_field(h, at)]),
                );
                continue;
            }
            TcpOption::Malformed { at, kind, len } => {
                out.push(
                    h.bytes_field(&hf::tcp::OPTIONS_MALFORMED, at..end)
                        .meaning(format!("option kind {kind} with length {len} does not fit")),
                );
                continue;
            }
            TcpOption::Sized { at, len, .. } => (at, len),
        };
        let r = |a: usize, b: usize| at + a..at + b;
        let (def, mut extra): (&'static FieldDef, Vec<Field>) = match option.value(h) {
            Some(OptionValue::Mss(_)) => (
                &hf::tcp::OPTIONS_MSS,
                vec![h.uint(&hf::tcp::OPTIONS_MSS_VAL, r(2, 4))],
            ),
            Some(OptionValue::WindowScale(shift)) => (
                &hf::tcp::OPTIONS_WSCALE,
                vec![
                    h.uint(&hf::tcp::OPTIONS_WSCALE_SHIFT, r(2, 3)),
                    // RFC 7323 §2.3: a shift above 14 is logged and 14 used instead;
                    // tshark shows the multiplier of the shift actually used.
                    Field::new(
                        &hf::tcp::OPTIONS_WSCALE_MULTIPLIER,
                        Value::Uint(1u64 << shift.min(MAX_WINDOW_SHIFT)),
                        h.abs(r(2, 3)),
                    ),
                ],
            ),
            Some(OptionValue::SackPermitted) => (&hf::tcp::OPTIONS_SACK_PERM, vec![]),
            Some(OptionValue::Sack) => {
                let mut edges = Vec::new();
                let mut a = 2;
                while a + 8 <= len {
                    edges.push(h.uint(&hf::tcp::OPTIONS_SACK_LE, r(a, a + 4)));
                    edges.push(h.uint(&hf::tcp::OPTIONS_SACK_RE, r(a + 4, a + 8)));
                    a += 8;
                }
                (&hf::tcp::OPTIONS_SACK, edges)
            }
            Some(OptionValue::Timestamps) => (
                &hf::tcp::OPTIONS_TIMESTAMP,
                vec![
                    h.uint(&hf::tcp::OPTIONS_TIMESTAMP_TSVAL, r(2, 6)),
                    h.uint(&hf::tcp::OPTIONS_TIMESTAMP_TSECR, r(6, 10)),
                ],
            ),
            _ => match h.u8(at) {
                30 => (&hf::tcp::OPTIONS_MPTCP, vec![]),
                34 => (&hf::tcp::OPTIONS_TFO, vec![]),
                _ => (&hf::tcp::OPTIONS_UNKNOWN, vec![]),
            },
        };
        let mut children = Vec::with_capacity(2 + extra.len());
        children.push(kind_field(h, at));
        children.push(h.uint(&hf::tcp::OPTION_LEN, at + 1..at + 2));
        children.append(&mut extra);
        out.push(Field::new(def, Value::Bytes, h.abs(at..at + len)).with_children(children));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_sit_at_their_published_positions() {
        // A SYN with a timestamp option and a payload byte.
        let mut seg = vec![0u8; 32];
        seg[12] = 8 << 4; // 32-byte header
        seg[13] = SYN as u8;
        seg[20..32].copy_from_slice(&[1, 1, 8, 10, 0, 0, 0, 7, 0, 0, 0, 0]);
        seg.push(b'x');
        let l = layer(Hdr { bytes: &seg, at: 0 }, 32, 32..33, 1);
        for (at, abbrev) in [
            (position::DST_PORT, "tcp.dstport"),
            (position::SEQ_RAW, "tcp.seq_raw"),
            (position::ACK_RAW, "tcp.ack_raw"),
            (position::WINDOW, "tcp.window_size_value"),
            (position::OPTIONS, "tcp.options"),
        ] {
            assert_eq!(l.fields[at].abbrev(), abbrev);
        }
    }

    #[test]
    fn common_flag_texts_are_spelled_as_any_other() {
        for (flags, names, string) in COMMON_FLAGS {
            let mut spelled = String::new();
            spell_flag_names(&mut spelled, flags);
            assert_eq!(names, spelled);
            assert_eq!(string, spelled_flags_str(flags));
        }
        assert_eq!(flag_names(SYN | ACK), "SYN, ACK");
        assert_eq!(flag_names(URG | ACK), "ACK, URG");
        assert_eq!(flag_names(0), "<None>");
        assert_eq!(flags_str(AE | FIN), "···A·······F");
    }
}
