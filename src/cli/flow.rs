//! `layerscope flow`: a text ladder (sequence) diagram per TCP stream and UDP conversation,
//! with each endpoint's TCP state between the arrows.

use std::io::{self, Write};

use layerscope_wire::analysis::{Analysis, TcpState};
use layerscope_wire::proto::tcp::{flag_names, ACK};
use layerscope_wire::Protocol;

use crate::packets::Capture;

const ARROW: usize = 46;
const STATE: usize = 13;

fn arrow(label: &str, to_right: bool) -> String {
    let inner = ARROW - 4;
    let mut label: String = label.chars().take(inner - 2).collect();
    label = format!(" {label} ");
    let pad = inner.saturating_sub(label.chars().count());
    let (l, r) = (pad / 2, pad - pad / 2);
    if to_right {
        format!("─{}{}{}──▶", "─".repeat(l), label, "─".repeat(r))
    } else {
        format!("◀──{}{}{}─", "─".repeat(l), label, "─".repeat(r))
    }
}

fn state(s: TcpState) -> String {
    format!("{:<width$}", s.name(), width = STATE)
}

/// Writes every TCP stream's ladder, then every UDP conversation's.
pub fn write_flows(
    out: &mut impl Write,
    cap: &Capture,
    stream_filter: Option<u32>,
) -> io::Result<()> {
    let first_ns = cap.packets.first().map_or(0, |p| p.raw.timestamp_ns());
    // Differences of exact integers: f64 epoch times keep only ~0.2 µs.
    let since_first = |p: &crate::packets::Decoded| (p.raw.timestamp_ns() - first_ns) as f64 * 1e-9;
    let by_number = |n: u32| cap.packets.get(n as usize - 1);
    for s in &cap.analyzer.tcp.streams {
        if stream_filter.is_some_and(|f| f != s.index) {
            continue;
        }
        writeln!(
            out,
            "TCP stream {}: client {} ⇄ server {}",
            s.index, s.client, s.server
        )?;
        writeln!(
            out,
            "{:>6} {:>10}  {:<STATE$} {:^ARROW$} {:<STATE$}",
            "frame", "time (s)", "client", "", "server"
        )?;
        // States before the first segment.
        let (c0, s0) = if s.syn_frame.is_some() {
            (TcpState::Closed, TcpState::Listen)
        } else {
            (TcpState::Established, TcpState::Established)
        };
        writeln!(
            out,
            "{:>6} {:>10}  {} {:ARROW$} {}",
            "",
            "",
            state(c0),
            "",
            state(s0)
        )?;
        for &n in &s.frames {
            let Some(p) = by_number(n) else { continue };
            let Analysis::Tcp(t) = &p.analysis else {
                continue;
            };
            let tcp = p.dissection.layer(Protocol::Tcp);
            let flags = tcp
                .and_then(|l| l.field("tcp.flags"))
                .and_then(|f| f.as_u64())
                .unwrap_or(0) as u16;
            let mut label = format!("[{}] Seq={}", flag_names(flags), t.seq);
            if flags & ACK != 0 {
                label.push_str(&format!(" Ack={}", t.ack));
            }
            if t.len > 0 {
                label.push_str(&format!(" Len={}", t.len));
            }
            let mut notes: Vec<String> = Vec::new();
            if let Some(role) = t.role {
                notes.push(role.name().to_string());
            }
            for (_, text) in t.notes.list() {
                notes.push(text);
            }
            if let Some(text) = p
                .dissection
                .layers
                .last()
                .and_then(|l| l.field("data.text"))
            {
                notes.push(format!("data {}", text.display(&p.raw.data)));
            }
            writeln!(
                out,
                "{:>6} {:>10.6}  {} {} {}  {}",
                n,
                since_first(p),
                state(t.client_state),
                arrow(&label, t.from_client),
                state(t.server_state),
                notes.join("; ")
            )?;
        }
        writeln!(out)?;
    }
    if stream_filter.is_some() {
        return Ok(());
    }
    for (i, c) in cap.analyzer.udp.conversations.iter().enumerate() {
        writeln!(
            out,
            "UDP conversation {i}: {} ⇄ {}",
            c.initiator, c.responder
        )?;
        for &n in &c.frames {
            let Some(p) = by_number(n) else { continue };
            let Analysis::Udp(u) = &p.analysis else {
                continue;
            };
            let len = p
                .dissection
                .layer(Protocol::Udp)
                .and_then(|l| l.field("udp.length"))
                .and_then(|f| f.as_u64())
                .unwrap_or(8);
            let label = format!("UDP Len={}", len.saturating_sub(8));
            let text = p
                .dissection
                .layers
                .last()
                .and_then(|l| l.field("data.text"))
                .map(|f| f.display(&p.raw.data))
                .unwrap_or_default();
            writeln!(
                out,
                "{:>6} {:>10.6}  {:<STATE$} {} {:<STATE$}  {}",
                n,
                since_first(p),
                "",
                arrow(&label, u.from_initiator),
                "",
                text
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The ladders of a capture as one drawing: every TCP stream (or just `stream`), then
/// every UDP conversation when no stream is chosen.
pub fn draw(cap: &Capture, stream: Option<u32>, raw: bool, dark: bool) -> crate::diagram::Drawing {
    use crate::diagram::ladder::{self, Input, Kind};
    let first = cap
        .packets
        .first()
        .map_or(0, |p| p.raw.ts_sec * 1_000_000_000 + p.raw.ts_nsec as i64);
    let inputs = || {
        cap.packets.iter().map(|p| Input {
            index: p.number - 1,
            ts_ns: p.raw.ts_sec * 1_000_000_000 + p.raw.ts_nsec as i64,
            data: &p.raw.data,
            analysis: &p.analysis,
        })
    };
    let mut ladders = Vec::new();
    for s in &cap.analyzer.tcp.streams {
        if stream.is_none_or(|f| f == s.index) {
            ladders.extend(ladder::build(Kind::Tcp, s.index, cap.link, first, inputs()));
        }
    }
    if stream.is_none() {
        for i in 0..cap.analyzer.udp.conversations.len() as u32 {
            ladders.extend(ladder::build(Kind::Udp, i, cap.link, first, inputs()));
        }
    }
    ladder::draw(&ladders, crate::diagram::Palette::new(dark), raw, None)
}
