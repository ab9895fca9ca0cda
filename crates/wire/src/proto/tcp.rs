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

/// The header length a TCP header's data offset gives. A data offset below 5, or one
/// the capture did not keep, still reads as the 20 fixed bytes.
pub fn header_len(h: &Hdr) -> usize {
    ((h.u8(field::OFF_FLAGS.start) >> 4) as usize * 4).max(MIN_HEADER_LEN)
}

/// The TCP layer. `h` holds the header's captured bytes and `hdr_len` the length its data
/// offset gives (more than `h.len()` when the snapshot length cut the header: see
/// [`crate::partial`]); `payload` is the data's frame range; `seg_len` is the data length
/// the IP header declares (it may exceed what was captured).
pub fn layer(h: Hdr, hdr_len: usize, payload: Range<usize>, seg_len: usize) -> Layer {
    use field::*;
    let flags = h.u16(OFF_FLAGS.start) & 0x0fff;
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
                .with_children(options(&h, OPTIONS, hdr_len)),
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

fn options(h: &Hdr, start: usize, end: usize) -> Vec<Field> {
    // Linux SYNs carry five options, other segments three (two NOPs and timestamps).
    let mut out = Vec::with_capacity(5);
    let mut off = start;
    while off < end {
        let kind = h.u8(off);
        match kind {
            0 => {
                out.push(
                    Field::new(&hf::tcp::OPTIONS_EOL, Value::Bytes, h.abs(off..off + 1))
                        .with_children(vec![kind_field(h, off)]),
                );
                // Everything after EOL is padding.
                break;
            }
            1 => {
                out.push(
                    Field::new(&hf::tcp::OPTIONS_NOP, Value::Bytes, h.abs(off..off + 1))
                        .with_children(vec![kind_field(h, off)]),
                );
                off += 1;
                continue;
            }
            _ => {}
        }
        let len = h.u8(off + 1) as usize;
        if off + 2 > end || len < 2 || off + len > end {
            out.push(
                h.bytes_field(&hf::tcp::OPTIONS_MALFORMED, off..end)
                    .meaning(format!("option kind {kind} with length {len} does not fit")),
            );
            break;
        }
        let len_field = h.uint(&hf::tcp::OPTION_LEN, off + 1..off + 2);
        let r = |a: usize, b: usize| off + a..off + b;
        let (def, mut extra): (&'static FieldDef, Vec<Field>) = match (kind, len) {
            (2, 4) => (
                &hf::tcp::OPTIONS_MSS,
                vec![h.uint(&hf::tcp::OPTIONS_MSS_VAL, r(2, 4))],
            ),
            (3, 3) => {
                // RFC 7323 §2.3: a shift above 14 is logged and 14 used instead; tshark
                // shows the multiplier of the shift actually used.
                let shift = h.u8(off + 2).min(MAX_WINDOW_SHIFT);
                (
                    &hf::tcp::OPTIONS_WSCALE,
                    vec![
                        h.uint(&hf::tcp::OPTIONS_WSCALE_SHIFT, r(2, 3)),
                        Field::new(
                            &hf::tcp::OPTIONS_WSCALE_MULTIPLIER,
                            Value::Uint(1u64 << shift),
                            h.abs(r(2, 3)),
                        ),
                    ],
                )
            }
            (4, 2) => (&hf::tcp::OPTIONS_SACK_PERM, vec![]),
            (5, _) => {
                let mut edges = Vec::new();
                let mut a = 2;
                while a + 8 <= len {
                    edges.push(h.uint(&hf::tcp::OPTIONS_SACK_LE, r(a, a + 4)));
                    edges.push(h.uint(&hf::tcp::OPTIONS_SACK_RE, r(a + 4, a + 8)));
                    a += 8;
                }
                (&hf::tcp::OPTIONS_SACK, edges)
            }
            (8, 10) => (
                &hf::tcp::OPTIONS_TIMESTAMP,
                vec![
                    h.uint(&hf::tcp::OPTIONS_TIMESTAMP_TSVAL, r(2, 6)),
                    h.uint(&hf::tcp::OPTIONS_TIMESTAMP_TSECR, r(6, 10)),
                ],
            ),
            (30, _) => (&hf::tcp::OPTIONS_MPTCP, vec![]),
            (34, _) => (&hf::tcp::OPTIONS_TFO, vec![]),
            _ => (&hf::tcp::OPTIONS_UNKNOWN, vec![]),
        };
        let mut children = Vec::with_capacity(2 + extra.len());
        children.push(kind_field(h, off));
        children.push(len_field);
        children.append(&mut extra);
        out.push(Field::new(def, Value::Bytes, h.abs(off..off + len)).with_children(children));
        off += len;
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
