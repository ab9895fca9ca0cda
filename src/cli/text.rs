//! `dissect` text output: one block per packet, each layer headed with its protocol and its
//! place in the OSI and TCP/IP models, fields indented below with their Wireshark names.

use std::borrow::Cow;
use std::io::Write;

use layerscope_wire::escape;
use layerscope_wire::field::{Base, TextOut};
use layerscope_wire::layer::osi_name;
use layerscope_wire::{Field, Layer, Pdu, Summary, Value};

use super::out;
use super::recall::{Heading, Memories, Printed, Recall};
use crate::packets::Decoded;

/// Writes packets as text; one per worker thread, since it remembers the last date it
/// formatted (consecutive packets mostly share their second), the lines of the layer shapes
/// it printed, and reuses one summary's strings for every packet.
#[derive(Default)]
pub struct TextPrinter {
    date: Option<(i64, String)>,
    summary: Summary,
    layers: Memories<LayerLines>,
}

/// What a printer remembers of a layer shape it printed (see [`super::recall`]): the
/// shape, what each field line was made of, and where the lines' text is.
#[derive(Default)]
struct LayerLines {
    /// Per field, what its line was made of; none when the line is not to be reused.
    keys: Vec<Option<LineKey>>,
    recall: Recall,
    heading: Heading,
}

impl LayerLines {
    /// Writes the field lines, reusing the text of every line whose field reads as last
    /// time.
    fn write(&mut self, out: &mut Printed, fields: &[(&Field, usize)], frame: &[u8]) {
        self.keys.resize_with(fields.len(), || None);
        let mut printing = self.recall.print(out, fields.len());
        for (i, &(f, depth)) in fields.iter().enumerate() {
            let key = &mut self.keys[i];
            if printing.reusable() && key.as_ref().is_some_and(|k| k.matches(f)) {
                printing.reuse(i);
            } else {
                write_line(printing.fresh(), f, frame, depth);
                printing.written(i);
                *key = LineKey::of(f);
            }
        }
        printing.finish();
    }
}

/// Everything a field line is made of besides its name and depth (which the layer shape
/// fixes). Names and meanings are compared by address: they are static strings, and two
/// copies of one text only cost a miss.
struct LineKey {
    name: &'static str,
    value: Value,
    base: Base,
    meaning: Option<&'static str>,
    bits: Option<(u8, u8)>,
    width: usize,
}

impl LineKey {
    /// The key of a field whose line depends on nothing else; none for values read from the
    /// frame or texts made for this packet.
    fn of(f: &Field) -> Option<LineKey> {
        let meaning = match &f.meaning {
            None => None,
            Some(Cow::Borrowed(m)) => Some(*m),
            Some(Cow::Owned(_)) => return None,
        };
        if !out::same_text_every_packet(&f.value) {
            return None;
        }
        Some(LineKey {
            name: f.name(),
            value: f.value.clone(),
            base: f.base(),
            meaning,
            bits: f.bits,
            width: f.bytes.len(),
        })
    }

    fn matches(&self, f: &Field) -> bool {
        std::ptr::eq(self.name, f.name())
            && self.value == f.value
            && self.base == f.base()
            && self.bits == f.bits
            && self.width == f.bytes.len()
            && match (&f.meaning, self.meaning) {
                (None, None) => true,
                (Some(Cow::Borrowed(m)), Some(k)) => std::ptr::eq(*m, k),
                _ => false,
            }
    }
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
    pub fn packet(&mut self, printed: &mut Printed, p: &Decoded, first_ns: i128) {
        let out = printed.append();
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
            let (memory, _) = self.layers.get(fields.iter().map(|(f, d)| (f.def, *d)));
            memory.heading.write(printed.append(), l, |out, l| {
                out.extend_from_slice("  ▸ ".as_bytes());
                layer_heading(out, l);
                out.push(b'\n');
            });
            memory.write(printed, &fields, &p.raw.data);
        }
        let out = printed.append();
        if let Some(stop) = &p.dissection.stop {
            let _ = writeln!(out, "  ! {stop}");
        }
        if (p.raw.orig_len as usize) > p.raw.data.len() {
            let _ = writeln!(
                out,
                "  ! frame cut by the capture's snapshot length: {} of {} bytes captured",
                p.raw.data.len(),
                p.raw.orig_len
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
    let stored = match f.abbrev() {
        "ip.hdr_len" | "tcp.hdr_len" => value / 4,
        "ip.frag_offset" | "ipv6.fraghdr.offset" => value / 8,
        _ => value,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A printer that has seen other packets (its layer memories warm, with lines of the
    /// same shapes and other values) prints every packet exactly as a printer that has seen
    /// none.
    #[test]
    fn cached_lines_read_as_freshly_formatted_ones() {
        let mut warm = TextPrinter::default();
        let (mut packets, mut hits) = (0, 0);
        let reusable = |printer: &TextPrinter| {
            (printer.layers.all())
                .flat_map(|m| &m.keys)
                .filter(|k| k.is_some())
                .count()
        };
        // One buffer for the warm printer, as a worker prints a batch.
        let mut cached = Printed::new(Vec::new());
        for (path, p) in crate::packets::bundled_packets() {
            let before = reusable(&warm);
            let start = cached.as_bytes().len();
            warm.packet(&mut cached, &p, 0);
            let mut fresh = Printed::new(Vec::new());
            TextPrinter::default().packet(&mut fresh, &p, 0);
            let cached = &cached.as_bytes()[start..];
            let fresh = fresh.as_bytes();
            assert_eq!(
                String::from_utf8_lossy(cached),
                String::from_utf8_lossy(fresh),
                "frame {} of {}",
                p.number,
                path.display()
            );
            packets += 1;
            hits += usize::from(before > 0);
        }
        assert!(
            packets > 50 && hits == packets - 1,
            "{packets} packets, {hits} warm"
        );
    }
}
