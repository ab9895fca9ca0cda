//! `dissect` text output: one block per packet, each layer headed with its protocol and its
//! place in the OSI and TCP/IP models, fields indented below with their Wireshark names.

use std::io::Write;

use layerscope_wire::escape;
use layerscope_wire::field::TextOut;
use layerscope_wire::layer::{osi_name, Source};
use layerscope_wire::registry::{self as hf, FieldDef};
use layerscope_wire::{Field, Layer, Pdu, Summary};

use super::out;
use crate::packets::Decoded;

/// Writes packets as text; one per worker thread, since it remembers the last date it
/// formatted (consecutive packets mostly share their second) and reuses one summary's
/// strings for every packet.
#[derive(Default)]
pub struct TextPrinter {
    date: Option<(i64, String)>,
    summary: Summary,
}

/// Every field of a layer with its depth (2 for the layer's own fields), in tree order.
fn with_depths<'a>(fields: &'a [Field], depth: usize, into: &mut Vec<(&'a Field, usize)>) {
    for f in fields {
        into.push((f, depth));
        if !f.children.is_empty() {
            with_depths(&f.children, depth + 1, into);
        }
    }
}

impl TextPrinter {
    /// `2026-11-21 23:20:53.838576000 UTC`
    fn utc(&mut self, out: &mut Vec<u8>, sec: i64, nsec: u32) {
        if self.date.as_ref().is_none_or(|(s, _)| *s != sec) {
            let text = chrono::DateTime::from_timestamp(sec, 0)
                .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string());
            self.date = text.map(|t| (sec, t));
        }
        match &self.date {
            Some((_, date)) => {
                out.extend_from_slice(date.as_bytes());
                let _ = write!(out, ".{nsec:09} UTC");
            }
            None => {
                let _ = write!(out, "{sec}.{nsec:09} (out of calendar range)");
            }
        }
    }

    /// One block per packet: the frame line, the summary line, then every layer's fields.
    pub fn packet(&mut self, out: &mut Vec<u8>, p: &Decoded, first_ns: i128) {
        out.extend_from_slice(b"Frame ");
        out::uint(out, p.number as u64);
        out.extend_from_slice(b": ");
        out::uint(out, p.raw.orig_len as u64);
        out.extend_from_slice(b" bytes on wire, ");
        out::uint(out, p.raw.data.len() as u64);
        out.extend_from_slice(b" bytes captured, ");
        self.utc(out, p.raw.ts_sec, p.raw.ts_nsec);
        out.extend_from_slice(b" (+");
        out::seconds(out, p.raw.timestamp_ns() - first_ns, 6);
        out.extend_from_slice(" s)\n  ".as_bytes());
        self.summary.fill(&p.dissection, &p.raw.data, &p.analysis);
        let s = &self.summary;
        // Addresses are ours (formatted MACs and IPs); the info may quote the packet.
        out.extend_from_slice(s.src.as_bytes());
        out.extend_from_slice(" → ".as_bytes());
        out.extend_from_slice(s.dst.as_bytes());
        out.extend_from_slice(b"  ");
        out.extend_from_slice(s.protocol.as_bytes());
        out.extend_from_slice(b"  ");
        escape::write_field(out, &s.info);
        out.push(b'\n');
        let mut fields = Vec::with_capacity(64);
        for l in &p.dissection.layers {
            fields.clear();
            with_depths(&l.fields, 2, &mut fields);
            out.extend_from_slice("  ▸ ".as_bytes());
            layer_heading(out, l);
            if l.source == Source::Reassembled {
                // Its byte numbers count in the joined message, not in this frame.
                out.extend_from_slice(t!("text-layer-reassembled").as_bytes());
            }
            out.push(b'\n');
            let bytes = p.dissection.bytes_of(l, &p.raw.data);
            for &(f, depth) in &fields {
                write_line(out, f, bytes, depth);
            }
        }
        if let Some(stop) = &p.dissection.stop {
            let _ = writeln!(out, "  ! {stop}");
        }
        if (p.raw.orig_len as usize) > p.raw.data.len() {
            let _ = writeln!(
                out,
                "  ! {}",
                t!(
                    "text-frame-cut",
                    captured = p.raw.data.len(),
                    wire = p.raw.orig_len
                )
            );
        }
        out.push(b'\n');
    }

    /// A one-line summary, as `tshark -r FILE` prints it.
    pub fn summary_line(&mut self, out: &mut Vec<u8>, p: &Decoded, first_ns: i128) {
        self.summary.fill(&p.dissection, &p.raw.data, &p.analysis);
        write_summary_line(out, p, &self.summary, first_ns);
    }
}

/// A Wireshark-style bit picture for sub-byte fields: `.1.. ....`; false for other fields.
fn bit_picture(out: &mut Vec<u8>, f: &Field) -> bool {
    let Some((first, width)) = f.bits else {
        return false;
    };
    let total = f.bytes.len() * 8;
    let value = f.as_u64().unwrap_or(0);
    // Fields stored scaled (IHL, fragment offset) show their stored bits.
    let is = |defs: &[&FieldDef]| defs.iter().any(|d| f.is(d));
    let stored = if is(&[&hf::ip::HDR_LEN, &hf::tcp::HDR_LEN]) {
        value / 4
    } else if is(&[&hf::ip::FRAG_OFFSET, &hf::ipv6::FRAGHDR_OFFSET]) {
        value / 8
    } else {
        value
    };
    let (first, end) = (first as usize, first as usize + width as usize);
    // Drawn in place: a picture is at most 64 bits and 15 spaces.
    let start = out.len();
    out.resize(start + total + total.saturating_sub(1) / 4, b'.');
    let picture = &mut out[start..];
    for i in first..end.min(total) {
        let at = i + i / 4;
        picture[at] = b'0' + ((stored >> (end - 1 - i)) & 1) as u8;
    }
    for group in 1..total.div_ceil(4) {
        picture[group * 5 - 1] = b' ';
    }
    true
}

/// One field's line, without its children.
fn write_line(out: &mut Vec<u8>, f: &Field, frame: &[u8], depth: usize) {
    // One arm per usual depth, so each indent is a copy of known length (inlined), not a
    // `memcpy` call: this runs for every line.
    match depth {
        2 => out.extend_from_slice(&[b' '; 8]),
        3 => out.extend_from_slice(&[b' '; 12]),
        4 => out.extend_from_slice(&[b' '; 16]),
        5 => out.extend_from_slice(&[b' '; 20]),
        _ => out.extend(std::iter::repeat_n(b' ', 4 * depth)),
    }
    if bit_picture(out, f) {
        out.extend_from_slice(b" = ");
        out.extend_from_slice(f.name().as_bytes());
        out.extend_from_slice(b": ");
        f.write_display(out, frame, TextOut::Escaped);
    } else {
        out.extend_from_slice(f.name().as_bytes());
        let colon = out.len();
        out.extend_from_slice(b": ");
        f.write_display(out, frame, TextOut::Escaped);
        if out.len() == colon + 2 {
            out.truncate(colon);
        }
    }
    out.extend_from_slice(b"  [");
    out.extend_from_slice(f.abbrev().as_bytes());
    out.extend_from_slice(b"]\n");
}

/// `IPv4 · OSI 3 Network · TCP/IP Internet · IPv4 packet · bytes 14..34 (20-byte header +
/// 20 bytes of payload)`
fn layer_heading(out: &mut Vec<u8>, l: &Layer) {
    if crate::i18n::current() != crate::i18n::Lang::En {
        // Other languages go through the message catalogue; English, the language of the
        // benchmarks and of most pipelines, keeps the byte-pushing path below.
        return translated_layer_heading(out, l);
    }
    let sep = " · ".as_bytes();
    let (hdr, data) = (l.header.len() as u64, l.payload.len() as u64);
    out.extend_from_slice(l.protocol.name().as_bytes());
    out.extend_from_slice(sep);
    out.extend_from_slice(b"OSI ");
    out::uint(out, l.osi as u64);
    out.push(b' ');
    out.extend_from_slice(osi_name(l.osi).as_bytes());
    out.extend_from_slice(sep);
    out.extend_from_slice(b"TCP/IP ");
    out.extend_from_slice(l.tcpip.name().as_bytes());
    out.extend_from_slice(sep);
    out.extend_from_slice(l.protocol.name().as_bytes());
    out.push(b' ');
    out.extend_from_slice(l.pdu.name().as_bytes());
    out.extend_from_slice(sep);
    out.extend_from_slice(b"bytes ");
    out::uint(out, l.header.start as u64);
    out.extend_from_slice(b"..");
    out::uint(out, l.header.end as u64);
    out.extend_from_slice(b" (");
    if l.is_cut() {
        out::uint(out, l.full_header_len() as u64);
        out.extend_from_slice(b"-byte header, ");
        out::uint(out, hdr);
        out.extend_from_slice(b" captured: the snapshot length cut it)");
        return;
    }
    out::uint(out, hdr);
    match l.pdu {
        Pdu::Data => out.extend_from_slice(b" bytes)"),
        _ if data > 0 => {
            out.extend_from_slice(b"-byte header + ");
            out::uint(out, data);
            out.extend_from_slice(b" bytes of payload)");
        }
        _ => out.extend_from_slice(b"-byte header)"),
    }
}

/// [`layer_heading`] in the current language.
fn translated_layer_heading(out: &mut Vec<u8>, l: &Layer) {
    use crate::i18n::terms;
    let size = terms::layer_size(l);
    let text = t!(
        "text-layer-heading",
        protocol = l.protocol.name(),
        osi = l.osi,
        osiname = terms::osi(l.osi),
        tcpip = terms::tcpip(l.tcpip),
        pdu = terms::pdu(l.pdu),
        start = l.header.start,
        end = l.header.end,
        size = size
    );
    out.extend_from_slice(text.as_bytes());
}

fn write_summary_line(out: &mut Vec<u8>, p: &Decoded, s: &Summary, first_ns: i128) {
    out::padded(out, 6, true, |o| out::uint(o, p.number as u64));
    out.push(b' ');
    out::padded(out, 11, true, |o| {
        out::seconds(o, p.raw.timestamp_ns() - first_ns, 6)
    });
    out.push(b' ');
    // Addresses are ours (formatted MACs and IPs); the info may quote the packet.
    out::padded(out, 15, true, |o| o.extend_from_slice(s.src.as_bytes()));
    out.extend_from_slice(" → ".as_bytes());
    out::padded(out, 15, false, |o| o.extend_from_slice(s.dst.as_bytes()));
    out.push(b' ');
    out::padded(out, 6, false, |o| {
        o.extend_from_slice(s.protocol.as_bytes())
    });
    out.push(b' ');
    out::padded(out, 5, true, |o| out::uint(o, p.raw.orig_len as u64));
    out.push(b' ');
    escape::write_field(out, &s.info);
    out.push(b'\n');
}
