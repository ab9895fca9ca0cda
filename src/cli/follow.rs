//! `layerscope follow`: a conversation as the two programs saw it — each side's bytes in
//! order, retransmissions and overlaps removed — as text in the programs' own encoding,
//! or in tshark's raw layout (`-z follow,tcp,raw,N`), or saved to a file.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use layerscope_wire::analysis::follow::{ChunkKind, Follower, Limits, StreamFollow, StreamId};
use layerscope_wire::analysis::Endpoint;
use layerscope_wire::app::text::{self, Encoding, TextDecoder};

use crate::capture::{open_file, ReadEnd};
use crate::packets::{damaged_warning, Decoder};

use super::say;

/// How `follow` prints a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Each side's messages as text, in the encoding they were written in.
    Text,
    /// tshark's raw layout: one hex line per chunk, the second side's indented by a tab.
    Raw,
}

/// Which side's bytes `--save` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Side {
    /// The side that sent the stream's first packet (the client when the handshake is
    /// in the capture).
    Client,
    /// The other side.
    Server,
}

#[derive(clap::Args, Debug)]
pub struct FollowArgs {
    /// Capture file (pcap or pcapng); `-` reads a pcap stream from standard input.
    pub file: PathBuf,
    /// Only this stream (`tcp.stream`, or `udp.stream` with `--udp`); all of them when
    /// not given.
    #[arg(long)]
    pub stream: Option<u32>,
    /// Follow UDP conversations instead of TCP streams.
    #[arg(long)]
    pub udp: bool,
    /// How to print each stream.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Only the streams with a packet that matches this display filter.
    #[arg(short = 'Y', long = "display-filter", value_name = "FILTER")]
    pub display_filter: Option<String>,
    /// Write one side's bytes, exactly as sent, to this file (the stream must be one).
    #[arg(long, value_name = "FILE", requires = "direction")]
    pub save: Option<PathBuf>,
    /// Whose bytes `--save` writes.
    #[arg(long, value_enum, requires = "save")]
    pub direction: Option<Side>,
}

/// Every followed stream of a capture.
pub struct Followed {
    pub streams: Vec<(StreamId, StreamFollow)>,
    /// Clients and servers of the TCP streams whose handshake was seen.
    pub handshakes: std::collections::HashMap<u32, Endpoint>,
    pub warning: Option<String>,
}

/// Reads `path` and follows the streams `args` choose.
pub fn read(args: &FollowArgs) -> anyhow::Result<Followed> {
    let filter = args
        .display_filter
        .as_deref()
        .map(super::parse_display_filter)
        .transpose()?;
    let mut reader = open_file(&args.file)?;
    let mut decoder = Decoder::new(reader.link);
    let mut follower = Follower::new(Limits::default());
    let mut matched = BTreeSet::new();
    let mut first_ns = None;
    let wanted = |id: StreamId| match (id, args.udp, args.stream) {
        (StreamId::Tcp(n), false, s) | (StreamId::Udp(n), true, s) => s.is_none_or(|s| s == n),
        _ => false,
    };
    let mut count = 0usize;
    while let Some(raw) = reader.next_packet() {
        count += 1;
        let p = decoder.decode(raw);
        let Some(id) = StreamId::of(&p.analysis).filter(|&id| wanted(id)) else {
            continue;
        };
        if let Some(f) = &filter {
            let first = *first_ns.get_or_insert(p.raw.timestamp_ns());
            if f.matches(&p.facts(first)) {
                matched.insert(id);
            }
        }
        follower.observe(id, p.number, &p.raw.data, &p.dissection);
    }
    let warning = match reader.end() {
        Some(ReadEnd::Damaged(msg)) => Some(damaged_warning(&args.file, count, msg)),
        _ => None,
    };
    let mut streams: Vec<_> = follower
        .streams
        .into_iter()
        .filter(|(id, _)| filter.is_none() || matched.contains(id))
        .collect();
    streams.sort_by_key(|(id, _)| *id);
    let handshakes = decoder
        .analyzer
        .tcp
        .streams
        .iter()
        .filter(|s| s.syn_frame.is_some())
        .map(|s| (s.index, s.client))
        .collect();
    Ok(Followed {
        streams,
        handshakes,
        warning,
    })
}

pub fn run(args: FollowArgs) -> anyhow::Result<()> {
    let followed = read(&args)?;
    if followed.streams.is_empty() {
        let kind = if args.udp { "UDP" } else { "TCP" };
        anyhow::bail!("{}", t!("follow-none", proto = kind));
    }
    if let (Some(path), Some(side)) = (&args.save, args.direction) {
        let [(id, follow)] = &followed.streams[..] else {
            anyhow::bail!("{}", t!("follow-save-one", n = followed.streams.len()));
        };
        save(*id, follow, side, path)?;
    } else {
        let out = io::stdout();
        let mut out = io::BufWriter::new(out.lock());
        for (id, follow) in &followed.streams {
            match args.format {
                Format::Raw => write_raw(&mut out, *id, follow)?,
                Format::Text => write_text(&mut out, *id, follow, &followed)?,
            }
        }
        out.flush()?;
    }
    if let Some(w) = &followed.warning {
        say(&t!("say-warning", text = w.as_str()));
    }
    Ok(())
}

fn endpoint(e: Option<Endpoint>) -> String {
    e.map_or_else(|| ":0".to_string(), |e| e.to_string())
}

/// tshark's `-z follow,tcp,raw,N` output for one stream, byte for byte.
pub fn write_raw(out: &mut impl Write, id: StreamId, f: &StreamFollow) -> io::Result<()> {
    let proto = match id {
        StreamId::Tcp(_) => "tcp",
        StreamId::Udp(_) => "udp",
    };
    let rule = "=".repeat(67);
    writeln!(
        out,
        "\n{rule}\nFollow: {proto},raw\nFilter: {}",
        id.filter()
    )?;
    writeln!(out, "Node 0: {}", endpoint(f.nodes.map(|n| n.0)))?;
    writeln!(out, "Node 1: {}", endpoint(f.nodes.map(|n| n.1)))?;
    let mut line = String::new();
    for c in &f.chunks {
        line.clear();
        if c.node == 1 {
            line.push('\t');
        }
        for b in &c.bytes {
            line.push_str(&format!("{b:02x}"));
        }
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{rule}")
}

/// The names of the two sides: client and server when the handshake was seen.
fn side_names(id: StreamId, f: &StreamFollow, followed: &Followed) -> [String; 2] {
    let client = match id {
        StreamId::Tcp(n) => followed.handshakes.get(&n).copied(),
        StreamId::Udp(_) => None,
    };
    named_sides(f.nodes, client)
}

/// The two nodes of a followed stream named for a person: "client ADDR" and "server ADDR"
/// when `client` (who opened the connection) is known, else their addresses.
pub fn named_sides(nodes: Option<(Endpoint, Endpoint)>, client: Option<Endpoint>) -> [String; 2] {
    let Some((a, b)) = nodes else {
        return [String::new(), String::new()];
    };
    match client {
        Some(c) if c == a => [
            t!("follow-client", addr = a.to_string()),
            t!("follow-server", addr = b.to_string()),
        ],
        Some(_) => [
            t!("follow-server", addr = a.to_string()),
            t!("follow-client", addr = b.to_string()),
        ],
        None => [a.to_string(), b.to_string()],
    }
}

/// The encoding each side's text is read in, decided on all the bytes it sent.
pub fn encodings(f: &StreamFollow) -> [Option<Encoding>; 2] {
    [0, 1].map(|node| text::guess(&f.bytes_of(node)))
}

/// One stream as a conversation: a heading, then each run of one side's chunks as text.
pub fn write_text(
    out: &mut impl Write,
    id: StreamId,
    f: &StreamFollow,
    followed: &Followed,
) -> io::Result<()> {
    let names = side_names(id, f, followed);
    let title = match id {
        StreamId::Tcp(n) => t!(
            "follow-tcp-title",
            stream = n,
            a = names[0].as_str(),
            b = names[1].as_str()
        ),
        StreamId::Udp(n) => t!(
            "follow-udp-title",
            stream = n,
            a = names[0].as_str(),
            b = names[1].as_str()
        ),
    };
    writeln!(out, "{title}")?;
    let sent = f.sent();
    let enc = encodings(f);
    let enc_name =
        |e: Option<Encoding>| e.map_or_else(|| t!("follow-binary"), |e| e.name().to_string());
    writeln!(
        out,
        "{}",
        t!(
            "follow-sizes",
            a = names[0].as_str(),
            b = names[1].as_str(),
            ab = sent[0],
            ba = sent[1],
            enca = enc_name(enc[0]),
            encb = enc_name(enc[1])
        )
    )?;
    if f.dropped > 0 {
        writeln!(out, "{}", t!("follow-dropped", n = f.dropped))?;
    }
    let mut decoders = enc.map(|e| TextDecoder::new(e.unwrap_or(Encoding::Utf8)));
    let mut i = 0;
    while i < f.chunks.len() {
        // A run: consecutive chunks of one side.
        let node = f.chunks[i].node;
        let mut j = i;
        while j < f.chunks.len() && f.chunks[j].node == node {
            j += 1;
        }
        let run = &f.chunks[i..j];
        let bytes: usize = run
            .iter()
            .filter(|c| c.kind == ChunkKind::Data)
            .map(|c| c.bytes.len())
            .sum();
        let frames = frame_list(run.iter().map(|c| c.frame));
        let arrow = if node == 0 { "▶" } else { "◀" };
        writeln!(
            out,
            "\n{arrow} {}",
            t!(
                "follow-run",
                who = names[node as usize].as_str(),
                frames = frames,
                n = bytes
            )
        )?;
        let mut text = String::new();
        let last_of_side = !f.chunks[j..].iter().any(|c| c.node == node);
        for (k, c) in run.iter().enumerate() {
            match c.kind {
                ChunkKind::Data => {
                    let last = last_of_side && k + 1 == run.len();
                    text.push_str(&decoders[node as usize].push(&c.bytes, last));
                }
                ChunkKind::Missing(n) => {
                    text.push_str(&t!("follow-missing", n = n));
                }
            }
        }
        let text = text.replace("\r\n", "\n");
        let shown = layerscope_wire::escape::message(&text);
        for line in shown.trim_end_matches('\n').split('\n') {
            if node == 1 {
                writeln!(out, "\t{line}")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
        i = j;
    }
    writeln!(out)
}

/// "frame 4" or "frames 4, 6–9": the frames a run of chunks came in.
fn frame_list(frames: impl Iterator<Item = u32>) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for f in frames {
        match ranges.last_mut() {
            Some((_, end)) if f == *end || f == *end + 1 => *end = f,
            _ => ranges.push((f, f)),
        }
    }
    let count: u32 = ranges.iter().map(|(a, b)| b - a + 1).sum();
    let list = ranges
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    t!("follow-frames", n = count, list = list)
}

/// Writes one side's bytes to `path` and says how many and their SHA-256.
fn save(id: StreamId, f: &StreamFollow, side: Side, path: &Path) -> anyhow::Result<()> {
    use sha2::Digest;
    let node = match side {
        Side::Client => 0,
        Side::Server => 1,
    };
    if f.dropped > 0 {
        anyhow::bail!("{}", t!("follow-dropped", n = f.dropped));
    }
    let bytes = f.bytes_of(node);
    std::fs::write(path, &bytes)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    let digest = sha2::Sha256::digest(&bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    say(&t!(
        "follow-saved",
        n = bytes.len(),
        stream = id.filter(),
        path = path.display().to_string(),
        sha = hex
    ));
    Ok(())
}
