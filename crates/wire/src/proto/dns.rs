//! DNS messages (RFC 1035) on port 53: the header and its flags, the questions, and the
//! answer, authority and additional records (A, AAAA, CNAME, NS, PTR, MX, TXT, EDNS's
//! OPT), with Wireshark's field names. Over TCP a message follows its two-byte length.
//!
//! Hand-written rather than taken from a DNS crate: the crates parse into values and drop
//! where each one lies, while every field here needs its byte range for the hex pane.
//! Compressed names are followed only backwards and at most [`MAX_POINTERS`] times, so a
//! pointer loop ends; record counts are bounded by the message's size.

use std::ops::Range;

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::registry::dns as hf;

/// The well-known DNS port.
pub const PORT: u16 = 53;

const HEADER_LEN: usize = 12;

/// Most compression pointers followed in one name.
const MAX_POINTERS: usize = 32;

/// Longest name, in characters of its dotted form (RFC 1035 allows 255 bytes).
const MAX_NAME: usize = 255;

/// The DNS layer over `range` of `frame`, when it holds a whole DNS message (after its
/// length when `over_tcp`); None otherwise (a message cut by the capture or by TCP).
pub fn layer(frame: &[u8], range: Range<usize>, over_tcp: bool) -> Option<Layer> {
    let bytes = frame.get(range.clone())?;
    let mut fields = Vec::new();
    let (msg_at, msg) = if over_tcp {
        let len = u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]) as usize;
        let msg = bytes.get(2..2 + len)?;
        fields.push(Field::new(
            &hf::LENGTH,
            Value::Uint(len as u64),
            range.start..range.start + 2,
        ));
        (range.start + 2, msg)
    } else {
        (range.start, bytes)
    };
    if msg.len() < HEADER_LEN {
        return None;
    }
    let h = Hdr::new(msg, msg_at);
    let flags = h.u16(2);
    fields.push(h.uint(&hf::ID, 0..2));
    let response = flags & 0x8000 != 0;
    let mut flag_bits = vec![
        h.flag(&hf::FLAGS_RESPONSE, 2..4, 0),
        h.bits(&hf::FLAGS_OPCODE, 2..4, 1, 4),
    ];
    if response {
        flag_bits.push(h.flag(&hf::FLAGS_AUTHORITATIVE, 2..4, 5));
    }
    flag_bits.extend([
        h.flag(&hf::FLAGS_TRUNCATED, 2..4, 6),
        h.flag(&hf::FLAGS_RECDESIRED, 2..4, 7),
    ]);
    if response {
        flag_bits.push(h.flag(&hf::FLAGS_RECAVAIL, 2..4, 8));
    }
    // AD means "authenticated" in an answer and "I understand AD" in a query, where tshark
    // lists it only when set (dig sets it; Python's resolvers and ours here do not).
    flag_bits.push(h.flag(&hf::FLAGS_Z, 2..4, 9));
    if response || flags & 0x0020 != 0 {
        flag_bits.push(h.flag(&hf::FLAGS_AUTHENTICATED, 2..4, 10));
    }
    flag_bits.push(h.flag(&hf::FLAGS_CHECKDISABLE, 2..4, 11));
    if response {
        flag_bits.push(h.bits(&hf::FLAGS_RCODE, 2..4, 12, 4));
    }
    fields.push(h.uint(&hf::FLAGS, 2..4).with_children(flag_bits));
    let counts = [h.u16(4), h.u16(6), h.u16(8), h.u16(10)];
    fields.extend([
        h.uint(&hf::COUNT_QUERIES, 4..6),
        h.uint(&hf::COUNT_ANSWERS, 6..8),
        h.uint(&hf::COUNT_AUTH_RR, 8..10),
        h.uint(&hf::COUNT_ADD_RR, 10..12),
    ]);
    let mut at = HEADER_LEN;
    for _ in 0..counts[0] {
        let Some((q, next)) = question(msg, h, at) else {
            break;
        };
        fields.extend(q);
        at = next;
    }
    let records = counts[1] as usize + counts[2] as usize + counts[3] as usize;
    for _ in 0..records {
        let Some((r, next)) = record(msg, h, at) else {
            break;
        };
        fields.extend(r);
        at = next;
    }
    let end = msg_at + at;
    let start = range.start;
    let mut l = Layer::new(Protocol::Dns, start..end, end..end);
    l.fields = fields;
    Some(l)
}

/// A name read at `at`: its dotted text, its label count, and where the name ends in
/// place (after its first pointer, if any).
struct Name {
    text: String,
    labels: usize,
    end: usize,
}

fn read_name(msg: &[u8], mut at: usize) -> Option<Name> {
    let mut text = String::new();
    let mut labels = 0;
    let mut end = None;
    let mut jumps = 0;
    loop {
        let len = *msg.get(at)? as usize;
        match len & 0xc0 {
            0x00 if len == 0 => {
                let end = end.unwrap_or(at + 1);
                if text.is_empty() {
                    text.push_str("<Root>");
                }
                return Some(Name { text, labels, end });
            }
            0x00 => {
                let label = msg.get(at + 1..at + 1 + len)?;
                if !text.is_empty() {
                    text.push('.');
                }
                for &b in label {
                    if b.is_ascii_graphic() && b != b'\\' {
                        text.push(b as char);
                    } else {
                        // As dig writes it: a backslash and the byte in decimal.
                        text.push_str(&format!("\\{b:03}"));
                    }
                }
                if text.len() > MAX_NAME * 4 {
                    return None;
                }
                labels += 1;
                at += 1 + len;
            }
            0xc0 => {
                let target = (len & 0x3f) << 8 | *msg.get(at + 1)? as usize;
                // Only backwards, and not too often: a pointer loop ends here.
                if target >= at || jumps >= MAX_POINTERS {
                    return None;
                }
                jumps += 1;
                end.get_or_insert(at + 2);
                at = target;
            }
            _ => return None,
        }
    }
}

fn name_field(def: &'static crate::registry::FieldDef, h: Hdr, at: usize, name: &Name) -> Field {
    Field::new(
        def,
        Value::Text(name.text.clone().into()),
        h.abs(at..name.end),
    )
}

fn question(msg: &[u8], h: Hdr, at: usize) -> Option<(Vec<Field>, usize)> {
    let name = read_name(msg, at)?;
    let fixed = name.end;
    msg.get(fixed..fixed + 4)?;
    let shown_len = if name.text == "<Root>" {
        6
    } else {
        name.text.len()
    };
    let fields = vec![
        name_field(&hf::QRY_NAME, h, at, &name),
        Field::new(
            &hf::QRY_NAME_LEN,
            Value::Uint(shown_len as u64),
            h.abs(at..name.end),
        ),
        Field::new(
            &hf::COUNT_LABELS,
            Value::Uint(name.labels as u64),
            h.abs(at..name.end),
        ),
        h.uint(&hf::QRY_TYPE, fixed..fixed + 2),
        h.uint(&hf::QRY_CLASS, fixed + 2..fixed + 4),
    ];
    Some((fields, fixed + 4))
}

fn record(msg: &[u8], h: Hdr, at: usize) -> Option<(Vec<Field>, usize)> {
    let name = read_name(msg, at)?;
    let f = name.end;
    msg.get(f..f + 10)?;
    let rtype = h.u16(f);
    let rdlen = h.u16(f + 8) as usize;
    let data = f + 10..f + 10 + rdlen;
    msg.get(data.clone())?;
    let mut fields = vec![
        name_field(&hf::RESP_NAME, h, at, &name),
        h.uint(&hf::RESP_TYPE, f..f + 2),
    ];
    if rtype == 41 {
        // EDNS's OPT: the class is the UDP payload size, the TTL holds flags.
        fields.extend([
            h.uint(&hf::UDP_PAYLOAD_SIZE, f + 2..f + 4),
            h.uint(&hf::EXT_RCODE, f + 4..f + 5),
            h.uint(&hf::EDNS0_VERSION, f + 5..f + 6),
            h.uint(&hf::EDNS_Z, f + 6..f + 8).with_children(vec![h.flag(
                &hf::EDNS_DO,
                f + 6..f + 8,
                0,
            )]),
            h.uint(&hf::RESP_LEN, f + 8..f + 10),
        ]);
        return Some((fields, data.end));
    }
    fields.extend([
        h.uint(&hf::RESP_CLASS, f + 2..f + 4),
        h.uint(&hf::RESP_TTL, f + 4..f + 8),
        h.uint(&hf::RESP_LEN, f + 8..f + 10),
    ]);
    let target = |def| read_name(msg, data.start).map(|n| name_field(def, h, data.start, &n));
    match (rtype, rdlen) {
        (1, 4) => fields.push(h.ipv4_field(&hf::A, data.start)),
        (28, 16) => fields.push(h.ipv6_field(&hf::AAAA, data.start)),
        (5, _) => fields.extend(target(&hf::CNAME)),
        (2, _) => fields.extend(target(&hf::NS)),
        (12, _) => fields.extend(target(&hf::PTR)),
        (15, 3..) => {
            fields.push(h.uint(&hf::MX_PREFERENCE, data.start..data.start + 2));
            if let Some(n) = read_name(msg, data.start + 2) {
                fields.push(name_field(&hf::MX_EXCHANGE, h, data.start + 2, &n));
            }
        }
        (16, _) => {
            let mut p = data.start;
            while p < data.end {
                let len = h.u8(p) as usize;
                let text = msg
                    .get(p + 1..(p + 1 + len).min(data.end))
                    .unwrap_or_default();
                fields.push(h.uint(&hf::TXT_LENGTH, p..p + 1));
                fields.push(Field::new(
                    &hf::TXT,
                    Value::Text(String::from_utf8_lossy(text).into_owned().into()),
                    h.abs(p + 1..p + 1 + text.len()),
                ));
                p += 1 + len;
            }
        }
        _ => {}
    }
    Some((fields, data.end))
}

/// A record type's name, as Wireshark writes it.
pub fn type_name(t: u64) -> std::borrow::Cow<'static, str> {
    std::borrow::Cow::Borrowed(match t {
        1 => "A",
        2 => "NS",
        5 => "CNAME",
        6 => "SOA",
        12 => "PTR",
        15 => "MX",
        16 => "TXT",
        28 => "AAAA",
        33 => "SRV",
        41 => "OPT",
        64 => "SVCB",
        65 => "HTTPS",
        255 => "ANY",
        t => return std::borrow::Cow::Owned(format!("Unknown ({t})")),
    })
}

fn rcode_name(code: u64) -> &'static str {
    match code {
        1 => "Format error",
        2 => "Server failure",
        3 => "No such name",
        4 => "Not implemented",
        5 => "Refused",
        _ => "Unknown error",
    }
}

/// The Info column's line, as tshark writes it: `Standard query response 0x8a99 A
/// www.course.lab CNAME server.course.lab A 127.0.0.1 OPT`.
pub fn info(l: &Layer, frame: &[u8]) -> String {
    let u = |def| l.field(def).and_then(Field::as_u64).unwrap_or(0);
    let flags = l.field(&hf::FLAGS);
    let bit = |def: &crate::registry::FieldDef| {
        flags
            .and_then(|f| f.children.iter().find(|c| std::ptr::eq(c.def, def)))
            .and_then(Field::as_u64)
            .unwrap_or(0)
    };
    let response = bit(&hf::FLAGS_RESPONSE) == 1;
    let mut s = match (bit(&hf::FLAGS_OPCODE), response) {
        (0, false) => "Standard query".to_string(),
        (0, true) => "Standard query response".to_string(),
        (op, _) => format!("Unknown operation ({op})"),
    };
    s.push_str(&format!(" 0x{:04x}", u(&hf::ID)));
    let rcode = bit(&hf::FLAGS_RCODE);
    if response && rcode != 0 {
        s.push(' ');
        s.push_str(rcode_name(rcode));
    }
    let data = [
        &hf::A,
        &hf::AAAA,
        &hf::CNAME,
        &hf::NS,
        &hf::PTR,
        &hf::MX_EXCHANGE,
    ];
    let is = |f: &Field, def: &crate::registry::FieldDef| std::ptr::eq(f.def, def);
    let mut question = String::new();
    let mut rtype = 0;
    for f in &l.fields {
        if is(f, &hf::QRY_NAME) {
            question = f.display(frame);
        } else if is(f, &hf::QRY_TYPE) {
            // A question: its type, then its name.
            s.push_str(&format!(
                " {} {question}",
                type_name(f.as_u64().unwrap_or(0))
            ));
        } else if is(f, &hf::RESP_TYPE) {
            rtype = f.as_u64().unwrap_or(0);
            // OPT and TXT records show their type only.
            if rtype == 41 || rtype == 16 {
                s.push(' ');
                s.push_str(&type_name(rtype));
            }
        } else if data.iter().any(|d| is(f, d)) {
            s.push_str(&format!(" {} {}", type_name(rtype), f.display(frame)));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(name_bytes: &[u8]) -> Vec<u8> {
        let mut m = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
        m.extend_from_slice(name_bytes);
        m.extend_from_slice(&[0, 1, 0, 1]);
        m
    }

    #[test]
    fn a_query_names_its_question() {
        let m = query(b"\x06server\x06course\x03lab\x00");
        let l = layer(&m, 0..m.len(), false).unwrap();
        let name = l.field(&hf::QRY_NAME).unwrap();
        assert_eq!(name.display(&m), "server.course.lab");
        assert_eq!(l.field(&hf::COUNT_LABELS).unwrap().as_u64(), Some(3));
        assert_eq!(l.header, 0..m.len());
    }

    #[test]
    fn compression_loops_and_forward_pointers_end() {
        // A name that points at itself, one that points forward, and a chain of pointers
        // each to the one before.
        for name in [&b"\xc0\x0c"[..], b"\xc0\x20", b"\x01a\xc0\x0c"] {
            let m = query(name);
            let l = layer(&m, 0..m.len(), false).unwrap();
            assert!(l.field(&hf::QRY_NAME).is_none());
        }
        let mut m = vec![0, 0, 0x81, 0x80, 0, 0, 0, 200, 0, 0, 0, 0];
        m.extend_from_slice(b"\x01a\x00");
        for i in 0..200u16 {
            let prev = if i == 0 { 12 } else { 15 + (i - 1) * 12 };
            m.extend_from_slice(&[0xc0 | (prev >> 8) as u8, prev as u8]);
            m.extend_from_slice(&[0, 5, 0, 1, 0, 0, 0, 0, 0, 0]);
        }
        let l = layer(&m, 0..m.len(), false).unwrap();
        assert!(l.all_fields().count() < 10_000);
    }

    #[test]
    fn over_tcp_the_length_comes_first_and_a_cut_message_is_not_dns() {
        let m = query(b"\x01a\x00");
        let mut tcp = (m.len() as u16).to_be_bytes().to_vec();
        tcp.extend_from_slice(&m);
        let l = layer(&tcp, 0..tcp.len(), true).unwrap();
        assert_eq!(l.field(&hf::LENGTH).unwrap().as_u64(), Some(m.len() as u64));
        assert!(layer(&tcp, 0..tcp.len() - 1, true).is_none());
    }
}
