//! `dissect` text output: one block per packet, each layer headed with its protocol and its
//! place in the OSI and TCP/IP models, fields indented below with their Wireshark names.

use std::io::{self, Write};

use layerscope_wire::layer::osi_name;
use layerscope_wire::{summarize, Field, Layer};

use crate::packets::Decoded;

/// `2026-11-21 23:20:53.838576000 UTC`
pub fn utc(sec: i64, nsec: u32) -> String {
    match chrono::DateTime::from_timestamp(sec, nsec) {
        Some(t) => t.format("%Y-%m-%d %H:%M:%S%.9f UTC").to_string(),
        None => format!("{sec}.{nsec:09} (out of calendar range)"),
    }
}

/// A Wireshark-style bit picture for sub-byte fields: `.1.. ....`.
pub fn bit_picture(f: &Field) -> Option<String> {
    let (first, width) = f.bits?;
    let total = f.bytes.len() * 8;
    let value = f.as_u64().unwrap_or(0);
    let mut s = String::with_capacity(total + total / 4);
    for i in 0..total {
        if i > 0 && i % 4 == 0 {
            s.push(' ');
        }
        let i8 = i as u8;
        if i8 >= first && i8 < first + width {
            let bit_from_right = (first + width - 1 - i8) as u32;
            // Fields stored scaled (IHL, fragment offset) show their stored bits.
            let stored = match f.abbrev {
                "ip.hdr_len" | "tcp.hdr_len" => value / 4,
                "ip.frag_offset" | "ipv6.fragment.offset" => value / 8,
                _ => value,
            };
            s.push(if (stored >> bit_from_right) & 1 == 1 {
                '1'
            } else {
                '0'
            });
        } else {
            s.push('.');
        }
    }
    Some(s)
}

fn write_field(out: &mut impl Write, f: &Field, frame: &[u8], depth: usize) -> io::Result<()> {
    let indent = "    ".repeat(depth);
    let value = f.display(frame);
    match bit_picture(f) {
        Some(bits) => writeln!(out, "{indent}{bits} = {}: {value}  [{}]", f.name, f.abbrev)?,
        None if value.is_empty() => writeln!(out, "{indent}{}  [{}]", f.name, f.abbrev)?,
        None => writeln!(out, "{indent}{}: {value}  [{}]", f.name, f.abbrev)?,
    }
    for c in &f.children {
        write_field(out, c, frame, depth + 1)?;
    }
    Ok(())
}

fn layer_heading(l: &Layer) -> String {
    let hdr = l.header.len();
    let data = l.payload.len();
    let size = match l.pdu {
        layerscope_wire::Pdu::Data => format!("{hdr} bytes"),
        _ if data > 0 => format!("{hdr}-byte header + {data} bytes of payload"),
        _ => format!("{hdr}-byte header"),
    };
    format!(
        "{} · OSI {} {} · TCP/IP {} · {} {} · bytes {}..{} ({size})",
        l.protocol.name(),
        l.osi,
        osi_name(l.osi),
        l.tcpip.name(),
        l.protocol.name(),
        l.pdu.name(),
        l.header.start,
        l.header.end
    )
}

pub fn write_packet(out: &mut impl Write, p: &Decoded, first_ts: f64) -> io::Result<()> {
    let s = summarize(&p.dissection, &p.raw.data, &p.analysis);
    writeln!(
        out,
        "Frame {}: {} bytes on wire, {} bytes captured, {} (+{:.6} s)",
        p.number,
        p.raw.orig_len,
        p.raw.data.len(),
        utc(p.raw.ts_sec, p.raw.ts_nsec),
        p.raw.timestamp() - first_ts
    )?;
    writeln!(out, "  {} → {}  {}  {}", s.src, s.dst, s.protocol, s.info)?;
    for l in &p.dissection.layers {
        writeln!(out, "  ▸ {}", layer_heading(l))?;
        for f in &l.fields {
            write_field(out, f, &p.raw.data, 2)?;
        }
    }
    if let Some(stop) = &p.dissection.stop {
        writeln!(out, "  ! {stop}")?;
    }
    if (p.raw.orig_len as usize) > p.raw.data.len() {
        writeln!(
            out,
            "  ! frame cut by the capture's snapshot length: {} of {} bytes captured",
            p.raw.data.len(),
            p.raw.orig_len
        )?;
    }
    writeln!(out)
}

/// A one-line summary, as `tshark -r FILE` prints it.
pub fn write_summary_line(out: &mut impl Write, p: &Decoded, first_ts: f64) -> io::Result<()> {
    let s = summarize(&p.dissection, &p.raw.data, &p.analysis);
    writeln!(
        out,
        "{:>6} {:>11.6} {:>15} → {:<15} {:<6} {:>5} {}",
        p.number,
        p.raw.timestamp() - first_ts,
        s.src,
        s.dst,
        s.protocol,
        p.raw.orig_len,
        s.info
    )
}
