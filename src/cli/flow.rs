//! `layerscope flow`: a text ladder (sequence) diagram per TCP stream and UDP conversation,
//! with each endpoint's TCP state between the arrows.
//!
//! The ladders are printed per stream, not in capture order, so every packet is needed
//! until the end; a whole dissection per packet (~10 KB) made 100,000 SYNs take a gigabyte.
//! A [`Flows`] keeps a compact row per packet instead: what the ladder prints of it.

use layerscope_wire::registry as hf;
use std::io::{self, Write};
use std::path::Path;

use std::collections::HashSet;

use layerscope_wire::analysis::{Analysis, TcpState};
use layerscope_wire::filter::Filter;
use layerscope_wire::proto::app::message_text;
use layerscope_wire::proto::tcp::{flag_names, ACK};
use layerscope_wire::{Analyzer, LinkType, Protocol};

use crate::capture::{open_file, ReadEnd};
use crate::packets::{damaged_warning, Decoder};
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

/// `s` padded to `width` terminal columns (a Chinese character takes two), on the left
/// when `right` aligns it right.
fn pad(s: &str, width: usize, right: bool) -> String {
    let cols: usize = s
        .chars()
        .map(|c| if crate::fonts::is_wide(c) { 2 } else { 1 })
        .sum();
    let fill = " ".repeat(width.saturating_sub(cols));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// What a ladder shows of one packet.
pub struct FlowRow {
    ts_ns: i128,
    /// TCP flags, 0 for other packets.
    flags: u16,
    /// `udp.length`, when the packet has a UDP header.
    udp_length: Option<u64>,
    /// What the program said, as text (a JSON message with its strings unescaped, text in
    /// its encoding), when the payload reads as text.
    text: Option<Box<str>>,
    analysis: Analysis,
}

/// A capture read for its ladders: a compact row per packet and the conversation tables.
pub struct Flows {
    pub link: LinkType,
    rows: Vec<FlowRow>,
    pub analyzer: Analyzer,
    /// Set when the file was damaged or cut short: every packet before it has a row.
    pub warning: Option<String>,
    /// With a display filter: the TCP streams and UDP conversations with a matching packet.
    matched: Option<(HashSet<u32>, HashSet<u32>)>,
}

/// Longest message text a ladder row quotes.
const TEXT_CHARS: usize = 120;

impl Flows {
    /// Reads a file (`-` for standard input), dissecting each packet once and keeping only
    /// its row.
    /// With `filter`, only the streams that have a packet it matches are shown.
    pub fn read(path: &Path, filter: Option<&Filter>) -> anyhow::Result<Flows> {
        let mut reader = open_file(path)?;
        let mut decoder = Decoder::new(reader.link);
        let mut rows = Vec::new();
        let mut matched = filter.map(|_| (HashSet::new(), HashSet::new()));
        let mut first_ns = None;
        while let Some(raw) = reader.next_packet() {
            let p = decoder.decode(raw);
            if let (Some(f), Some((tcp, udp))) = (filter, matched.as_mut()) {
                let first = *first_ns.get_or_insert(p.raw.timestamp_ns());
                let facts = p.facts(first);
                match &p.analysis {
                    Analysis::Tcp(t) if f.matches(&facts) => {
                        tcp.insert(t.stream);
                    }
                    Analysis::Udp(u) if f.matches(&facts) => {
                        udp.insert(u.stream);
                    }
                    _ => {}
                }
            }
            let flags = p
                .dissection
                .layer(Protocol::Tcp)
                .and_then(|l| l.field(&hf::tcp::FLAGS))
                .and_then(|f| f.as_u64())
                .unwrap_or(0) as u16;
            let udp_length = p
                .dissection
                .layer(Protocol::Udp)
                .and_then(|l| l.field(&hf::udp::LENGTH))
                .and_then(|f| f.as_u64());
            let text = p
                .dissection
                .layers
                .last()
                .and_then(|l| message_text(l, &p.raw.data, TEXT_CHARS))
                .map(|t| {
                    layerscope_wire::escape::field(&t)
                        .into_owned()
                        .into_boxed_str()
                });
            rows.push(FlowRow {
                ts_ns: p.raw.timestamp_ns(),
                flags,
                udp_length,
                text,
                analysis: p.analysis,
            });
        }
        let warning = match reader.end() {
            Some(ReadEnd::Damaged(msg)) => Some(damaged_warning(path, rows.len(), msg)),
            _ => None,
        };
        Ok(Flows {
            link: decoder.link,
            rows,
            analyzer: decoder.analyzer,
            warning,
            matched,
        })
    }

    /// Whether TCP stream `index` is shown: the one `--stream` names, and with a display
    /// filter only one with a matching packet.
    fn shows_tcp(&self, index: u32, stream: Option<u32>) -> bool {
        stream.is_none_or(|s| s == index)
            && self
                .matched
                .as_ref()
                .is_none_or(|(tcp, _)| tcp.contains(&index))
    }

    /// Whether UDP conversation `index` is shown (never with `--stream`, which names a TCP
    /// stream).
    fn shows_udp(&self, index: u32, stream: Option<u32>) -> bool {
        stream.is_none()
            && self
                .matched
                .as_ref()
                .is_none_or(|(_, udp)| udp.contains(&index))
    }

    /// The frame numbers the ladders of `stream` (or of everything) show.
    fn drawn_frames(&self, stream: Option<u32>) -> Vec<u32> {
        let mut frames: Vec<u32> = Vec::new();
        for s in &self.analyzer.tcp.streams {
            if self.shows_tcp(s.index, stream) {
                frames.extend(&s.frames);
            }
        }
        for (i, c) in self.analyzer.udp.conversations.iter().enumerate() {
            if self.shows_udp(i as u32, stream) {
                frames.extend(&c.frames);
            }
        }
        frames.sort_unstable();
        frames.dedup();
        frames
    }
}

/// Writes every TCP stream's ladder, then every UDP conversation's.
pub fn write_flows(
    out: &mut impl Write,
    cap: &Flows,
    stream_filter: Option<u32>,
) -> io::Result<()> {
    let first_ns = cap.rows.first().map_or(0, |p| p.ts_ns);
    // Differences of exact integers: f64 epoch times keep only ~0.2 µs.
    let since_first = |p: &FlowRow| (p.ts_ns - first_ns) as f64 * 1e-9;
    let by_number = |n: u32| cap.rows.get(n as usize - 1);
    for s in &cap.analyzer.tcp.streams {
        if !cap.shows_tcp(s.index, stream_filter) {
            continue;
        }
        writeln!(
            out,
            "{}",
            t!(
                "flow-tcp-title",
                stream = s.index,
                client = s.client.to_string(),
                server = s.server.to_string()
            )
        )?;
        writeln!(
            out,
            "{} {}  {} {:^ARROW$} {}",
            pad(&t!("flow-frame"), 6, true),
            pad(&t!("flow-time"), 10, true),
            pad(&t!("ladder-client"), STATE, false),
            "",
            pad(&t!("ladder-server"), STATE, false),
        )?;
        // States before the first segment.
        let (c0, s0) = if s.syn_frame.is_some() {
            (TcpState::Closed, TcpState::Listen)
        } else {
            (TcpState::Established, TcpState::Established)
        };
        // A refused connection's server had no listener, up to and with its RST.
        let server = |n: u32, st: TcpState| {
            if s.refused && s.rst_frame.is_some_and(|rst| n <= rst) {
                pad(&crate::i18n::terms::no_listener(), STATE, false)
            } else {
                state(st)
            }
        };
        writeln!(
            out,
            "{:>6} {:>10}  {} {:ARROW$} {}",
            "",
            "",
            state(c0),
            "",
            server(0, s0)
        )?;
        for &n in &s.frames {
            let Some(p) = by_number(n) else { continue };
            let Analysis::Tcp(t) = &p.analysis else {
                continue;
            };
            let flags = p.flags;
            let mut label = format!("[{}] Seq={}", flag_names(flags), t.seq);
            if flags & ACK != 0 {
                label.push_str(&format!(" Ack={}", t.ack));
            }
            if t.len > 0 {
                label.push_str(&format!(" Len={}", t.len));
            }
            let mut notes: Vec<String> = Vec::new();
            if let Some(role) = t.role {
                notes.push(crate::i18n::terms::role(role));
            }
            notes.extend(crate::i18n::terms::expert_notes(&t.notes));
            if let Some(text) = &p.text {
                notes.push(t!("flow-data", text = text.to_string()));
            }
            writeln!(
                out,
                "{:>6} {:>10.6}  {} {} {}  {}",
                n,
                since_first(p),
                state(t.client_state),
                arrow(&label, t.from_client),
                server(n, t.server_state),
                notes.join("; ")
            )?;
        }
        writeln!(out)?;
    }
    for (i, c) in cap.analyzer.udp.conversations.iter().enumerate() {
        if !cap.shows_udp(i as u32, stream_filter) {
            continue;
        }
        writeln!(
            out,
            "{}",
            t!(
                "flow-udp-title",
                i = i,
                a = c.initiator.to_string(),
                b = c.responder.to_string()
            )
        )?;
        for &n in &c.frames {
            let Some(p) = by_number(n) else { continue };
            let Analysis::Udp(u) = &p.analysis else {
                continue;
            };
            let len = p.udp_length.unwrap_or(8);
            let label = format!("UDP Len={}", len.saturating_sub(8));
            let text = p.text.as_deref().unwrap_or_default();
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

/// The most arrows one drawing holds. A ladder picture is for one conversation, or a
/// few: past this the picture is unreadable, and its size (a PNG at twice the screen's
/// scale takes ~1.4 MB of pixels an arrow) would not fit in memory.
pub const MAX_DRAWN_ARROWS: usize = 5_000;

/// The ladders of a capture as one drawing: every TCP stream (or just `stream`), then
/// every UDP conversation when no stream is chosen. Reads the file a second time for the
/// bytes of the drawn frames alone.
pub fn draw(
    path: &Path,
    flows: &Flows,
    stream: Option<u32>,
    raw: bool,
    dark: bool,
) -> anyhow::Result<crate::diagram::Drawing> {
    use crate::diagram::ladder::{self, Input, Kind};
    let wanted = flows.drawn_frames(stream);
    if wanted.len() > MAX_DRAWN_ARROWS {
        anyhow::bail!(
            "the ladder would have {} arrows, more than a picture can show ({MAX_DRAWN_ARROWS}); \
             draw one conversation with --stream N (the text ladder above lists them)",
            wanted.len()
        );
    }
    // The drawn frames' bytes, in capture order.
    let mut frames: Vec<(u32, i128, Vec<u8>)> = Vec::with_capacity(wanted.len());
    let mut reader = open_file(path)?;
    let mut next = wanted.iter().peekable();
    let mut number = 0u32;
    while next.peek().is_some() {
        let Some(raw) = reader.next_packet() else {
            break;
        };
        number += 1;
        if next.next_if(|&&n| n == number).is_some() {
            frames.push((number, raw.timestamp_ns(), raw.data));
        }
    }
    let first = flows.rows.first().map_or(0, |r| r.ts_ns) as i64;
    let inputs = || {
        frames.iter().filter_map(|(n, ts, data)| {
            Some(Input {
                index: n - 1,
                ts_ns: *ts as i64,
                data,
                analysis: &flows.rows.get(*n as usize - 1)?.analysis,
            })
        })
    };
    let mut ladders = Vec::new();
    for s in &flows.analyzer.tcp.streams {
        if stream.is_none_or(|f| f == s.index) {
            ladders.extend(ladder::build(
                Kind::Tcp,
                s.index,
                flows.link,
                first,
                inputs(),
            ));
        }
    }
    if stream.is_none() {
        for i in 0..flows.analyzer.udp.conversations.len() as u32 {
            ladders.extend(ladder::build(Kind::Udp, i, flows.link, first, inputs()));
        }
    }
    Ok(ladder::draw(
        &ladders,
        crate::diagram::Palette::new(dark),
        raw,
        None,
    ))
}
