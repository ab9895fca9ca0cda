//! TLS records over TCP, on any port: each record's header, and the two messages of the
//! handshake that travel in the clear — the Client Hello (version, cipher suites, SNI,
//! ALPN, supported versions) and the Server Hello. Everything after is encrypted and shown
//! as such.
//!
//! `tls-parser` checks and parses the records and the hellos; the byte ranges the hex pane
//! needs are taken from where its slices lie in the payload and from the hellos' fixed
//! layout (RFC 8446 §4.1.2). Only a payload made of whole records is TLS here; a record
//! that continues in the next segment leaves the segment as data.

use std::ops::Range;

use tls_parser::{TlsMessage, TlsMessageHandshake};

use super::Hdr;
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::registry::tls as hf;

/// Most records read from one segment.
const MAX_RECORDS: usize = 64;

/// True when `bytes` start like a TLS record: a known content type, version 3.x, and a
/// length TLS allows.
pub fn looks_like_tls(bytes: &[u8]) -> bool {
    matches!(bytes, [20..=23, 3, 0..=4, hi, lo, ..] if u16::from_be_bytes([*hi, *lo]) <= (1 << 14) + 2048)
}

/// The TLS layer over `range` of `frame`, when it is made of whole TLS records.
pub fn layer(frame: &[u8], range: Range<usize>) -> Option<Layer> {
    let bytes = frame.get(range.clone())?;
    if !looks_like_tls(bytes) {
        return None;
    }
    let mut fields = Vec::new();
    let mut rest = bytes;
    let mut records = 0;
    while !rest.is_empty() {
        if records == MAX_RECORDS || !looks_like_tls(rest) {
            return None;
        }
        let (after, record) = tls_parser::parse_tls_raw_record(rest).ok()?;
        let at = range.start + (bytes.len() - rest.len());
        fields.push(record_field(
            frame,
            at,
            record.hdr.record_type.0,
            record.data,
        ));
        rest = after;
        records += 1;
    }
    let mut l = Layer::new(Protocol::Tls, range.clone(), range.end..range.end);
    l.fields = fields;
    Some(l)
}

/// One record: its header, and what it carries.
fn record_field(frame: &[u8], at: usize, content_type: u8, data: &[u8]) -> Field {
    let h = Hdr::new(frame.get(at..at + 5 + data.len()).unwrap_or_default(), at);
    let mut children = vec![
        h.uint(&hf::RECORD_CONTENT_TYPE, 0..1),
        h.uint(&hf::RECORD_VERSION, 1..3),
        h.uint(&hf::RECORD_LENGTH, 3..5),
    ];
    match content_type {
        22 => children.extend(handshake(h, data)),
        20 => children.push(Field::new(
            &hf::CHANGE_CIPHER_SPEC,
            Value::None,
            h.abs(5..5 + data.len()),
        )),
        23 => children.push(h.bytes_field(&hf::APP_DATA, 5..5 + data.len())),
        _ => {}
    }
    Field::new(&hf::RECORD, Value::None, h.abs(0..5 + data.len()))
        .with_children(children)
        .label(record_label(content_type))
}

fn record_label(content_type: u8) -> &'static str {
    match content_type {
        20 => "TLS Record Layer: Change Cipher Spec Protocol",
        21 => "TLS Record Layer: Alert Protocol",
        22 => "TLS Record Layer: Handshake Protocol",
        23 => "TLS Record Layer: Application Data Protocol",
        _ => "TLS Record Layer",
    }
}

fn record_name(content_type: u8) -> &'static str {
    match content_type {
        20 => "Change Cipher Spec",
        21 => "Alert",
        22 => "Handshake",
        23 => "Application Data",
        _ => "Record",
    }
}

/// A handshake record's fields: a Client or Server Hello parsed, others by type only.
fn handshake(h: Hdr, data: &[u8]) -> Vec<Field> {
    // Offsets inside the record (its 5-byte header first).
    let mut f = vec![
        h.uint(&hf::HANDSHAKE_TYPE, 5..6),
        h.uint(&hf::HANDSHAKE_LENGTH, 6..9),
    ];
    let Ok((_, TlsMessage::Handshake(msg))) = tls_parser::parse_tls_message_handshake(data) else {
        return f;
    };
    match msg {
        TlsMessageHandshake::ClientHello(ch) => {
            let mut at = hello_start(h, ch.session_id, &mut f);
            let suites = ch.ciphers.len() * 2;
            f.push(h.uint(&hf::CIPHER_SUITES_LENGTH, at..at + 2));
            for i in 0..ch.ciphers.len() {
                f.push(h.uint(&hf::CIPHERSUITE, at + 2 + 2 * i..at + 4 + 2 * i));
            }
            at += 2 + suites;
            f.push(h.uint(&hf::COMP_METHODS_LENGTH, at..at + 1));
            for i in 0..ch.comp.len() {
                f.push(h.uint(&hf::COMP_METHOD, at + 1 + i..at + 2 + i));
            }
            at += 1 + ch.comp.len();
            if ch.ext.is_some() {
                f.extend(extensions(h, at, true));
            }
        }
        TlsMessageHandshake::ServerHello(sh) => {
            let mut at = hello_start(h, sh.session_id, &mut f);
            f.push(h.uint(&hf::CIPHERSUITE, at..at + 2));
            f.push(h.uint(&hf::COMP_METHOD, at + 2..at + 3));
            at += 3;
            if sh.ext.is_some() {
                f.extend(extensions(h, at, false));
            }
        }
        _ => {}
    }
    f
}

/// What both hellos start with, after the handshake header: version, random, session
/// ID. Returns where the rest begins.
fn hello_start(h: Hdr, session_id: Option<&[u8]>, f: &mut Vec<Field>) -> usize {
    let sid = session_id.map_or(0, <[u8]>::len);
    f.push(h.uint(&hf::HANDSHAKE_VERSION, 9..11));
    f.push(h.bytes_field(&hf::RANDOM, 11..43));
    f.push(h.uint(&hf::SESSION_ID_LENGTH, 43..44));
    if sid > 0 {
        f.push(h.bytes_field(&hf::SESSION_ID, 44..44 + sid));
    }
    44 + sid
}

/// The extensions block at `at` (its 2-byte length first): each extension's type and
/// length, and the contents of SNI, ALPN and supported_versions.
fn extensions(h: Hdr, at: usize, client: bool) -> Vec<Field> {
    let mut f = vec![h.uint(&hf::EXTENSIONS_LENGTH, at..at + 2)];
    let end = (at + 2 + h.u16(at) as usize).min(h.len());
    let mut p = at + 2;
    while p + 4 <= end {
        let kind = h.u16(p);
        let len = h.u16(p + 2) as usize;
        let data = p + 4..(p + 4 + len).min(end);
        let mut ext = vec![
            h.uint(&hf::EXTENSION_TYPE, p..p + 2),
            h.uint(&hf::EXTENSION_LEN, p + 2..p + 4),
        ];
        // The crate checks the extension's contents; the ranges follow their layout.
        let parsed = tls_parser::parse_tls_extension(h.slice(p..data.end)).ok();
        let valid = parsed.is_some();
        match (kind, valid) {
            (0, true) if data.len() >= 2 => {
                ext.push(h.uint(&hf::SERVER_NAME_LIST_LEN, data.start..data.start + 2));
                let mut q = data.start + 2;
                while q + 3 <= data.end {
                    let n = h.u16(q + 1) as usize;
                    ext.push(h.uint(&hf::SERVER_NAME_TYPE, q..q + 1));
                    ext.push(h.uint(&hf::SERVER_NAME_LEN, q + 1..q + 3));
                    let name = q + 3..(q + 3 + n).min(data.end);
                    ext.push(text(h, &hf::SERVER_NAME, name));
                    q += 3 + n;
                }
            }
            (16, true) if data.len() >= 2 => {
                ext.push(h.uint(&hf::ALPN_LEN, data.start..data.start + 2));
                let mut q = data.start + 2;
                while q < data.end {
                    let n = h.u8(q) as usize;
                    ext.push(h.uint(&hf::ALPN_STR_LEN, q..q + 1));
                    ext.push(text(h, &hf::ALPN_STR, q + 1..(q + 1 + n).min(data.end)));
                    q += 1 + n;
                }
            }
            (43, true) if client && !data.is_empty() => {
                ext.push(h.uint(&hf::SUPPORTED_VERSIONS_LEN, data.start..data.start + 1));
                let mut q = data.start + 1;
                while q + 2 <= data.end {
                    ext.push(h.uint(&hf::SUPPORTED_VERSION, q..q + 2));
                    q += 2;
                }
            }
            (43, true) if data.len() == 2 => {
                ext.push(h.uint(&hf::SUPPORTED_VERSION, data.clone()));
            }
            _ => {}
        }
        f.extend(ext);
        p = data.end;
    }
    f
}

fn text(h: Hdr, def: &'static crate::registry::FieldDef, r: Range<usize>) -> Field {
    let s = String::from_utf8_lossy(h.slice(r.clone())).into_owned();
    Field::new(def, Value::Text(s.into()), h.abs(r))
}

/// The Info column: the records' messages, as tshark lists them.
pub fn info(l: &Layer) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let child = |record: &Field, def| {
        record
            .children
            .iter()
            .find(|c| std::ptr::eq(c.def, def))
            .and_then(Field::as_u64)
    };
    for record in &l.fields {
        let ty = child(record, &hf::RECORD_CONTENT_TYPE).unwrap_or(0);
        let name = match ty {
            22 => match child(record, &hf::HANDSHAKE_TYPE) {
                Some(1) => "Client Hello",
                Some(2) => "Server Hello",
                _ => "Handshake",
            },
            t => record_name(t as u8),
        };
        parts.push(name);
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_like_tls_needs_a_record_header() {
        assert!(looks_like_tls(&[22, 3, 1, 0, 5]));
        assert!(!looks_like_tls(&[22, 3, 1, 0xff, 0xff]));
        assert!(!looks_like_tls(b"GET / HTTP/1.1"));
        assert!(!looks_like_tls(&[22, 3]));
    }

    #[test]
    fn a_record_cut_by_the_segment_is_not_tls() {
        let rec = [23u8, 3, 3, 0, 4, 1, 2, 3, 4];
        assert!(layer(&rec, 0..rec.len()).is_some());
        assert!(layer(&rec, 0..rec.len() - 1).is_none());
    }
}
