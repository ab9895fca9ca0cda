//! Reads a whole capture and runs the dissector and the conversation analysis over it, in
//! capture order. The CLI printers and the flow diagram share this pass.

use std::path::Path;

use layerscope_wire::{dissect, Analysis, Analyzer, Dissection, LinkType};

use crate::capture::{open_file, RawPacket, ReadEnd};

/// One packet with everything known about it.
pub struct Decoded {
    pub number: u32,
    pub raw: RawPacket,
    pub dissection: Dissection,
    pub analysis: Analysis,
}

impl Decoded {
    /// What a display filter reads of this packet; `first_ns` is the capture's first
    /// timestamp (for `frame.time_relative`).
    pub fn facts(&self, first_ns: i128) -> layerscope_wire::filter::FrameFacts<'_> {
        layerscope_wire::filter::FrameFacts {
            dissection: &self.dissection,
            frame: &self.raw.data,
            number: self.number,
            orig_len: self.raw.orig_len,
            time_relative: (self.raw.timestamp_ns() - first_ns) as f64 * 1e-9,
        }
    }
}

/// Decodes packets one by one, feeding the analyzer.
pub struct Decoder {
    pub link: LinkType,
    pub analyzer: Analyzer,
    next_number: u32,
}

impl Decoder {
    pub fn new(link: LinkType) -> Self {
        Decoder {
            link,
            analyzer: Analyzer::new(),
            next_number: 1,
        }
    }

    /// Feeds a packet to the analysis without keeping its dissection.
    pub fn observe(&mut self, raw: RawPacket) {
        self.decode(raw);
    }

    pub fn decode(&mut self, raw: RawPacket) -> Decoded {
        let number = self.next_number;
        self.next_number += 1;
        let mut dissection = dissect(self.link, &raw.data);
        let analysis = self
            .analyzer
            .observe(number, raw.timestamp_ns(), &raw.data, &dissection);
        Analyzer::annotate(&mut dissection, &raw.data, &analysis);
        Decoded {
            number,
            raw,
            dissection,
            analysis,
        }
    }
}

/// A whole capture, decoded.
pub struct Capture {
    pub link: LinkType,
    pub packets: Vec<Decoded>,
    pub analyzer: Analyzer,
    /// Set when the file was damaged or cut short: every packet before it is in `packets`.
    pub warning: Option<String>,
}

/// Reads and decodes up to `limit` packets of a file (`-` for standard input).
pub fn load(path: &Path, limit: Option<usize>) -> anyhow::Result<Capture> {
    let mut reader = open_file(path)?;
    let mut decoder = Decoder::new(reader.link);
    let mut packets = Vec::new();
    while limit.is_none_or(|l| packets.len() < l) {
        let Some(raw) = reader.next_packet() else {
            break;
        };
        packets.push(decoder.decode(raw));
    }
    let warning = match reader.end() {
        Some(ReadEnd::Damaged(msg)) => Some(damaged_warning(path, packets.len(), msg)),
        _ => None,
    };
    Ok(Capture {
        link: decoder.link,
        packets,
        analyzer: decoder.analyzer,
        warning,
    })
}

/// Packet `number` (from 1) of a file, analysed with every packet before it, which are
/// dropped as they go: memory does not grow with the frame number.
pub fn nth(path: &Path, number: u32) -> anyhow::Result<Decoded> {
    let mut reader = open_file(path)?;
    let mut decoder = Decoder::new(reader.link);
    let mut seen = 0u32;
    while let Some(raw) = reader.next_packet() {
        seen += 1;
        if seen == number {
            return Ok(decoder.decode(raw));
        }
        decoder.observe(raw);
    }
    anyhow::bail!("{} has only {seen} packets", path.display())
}

/// The warning for a file that ends in a damaged or cut record after `complete` packets.
pub fn damaged_warning(path: &Path, complete: usize, msg: &str) -> String {
    // Not damage: a pcapng whose interfaces differ in snapshot length or link type (as
    // Wireshark writes when capturing several interfaces), which libpcap refuses to read.
    if msg.contains("of the first interface") {
        return t!(
            "mixed-interfaces-file",
            file = path.display().to_string(),
            n = complete,
            reason = msg
        );
    }
    t!(
        "damaged-file",
        file = path.display().to_string(),
        n = complete,
        reason = msg
    )
}

/// What to say when messages were too large to join (each or together): they are shown
/// segment by segment instead.
pub fn reassembly_note(r: &layerscope_wire::analysis::reassembly::Reassembler) -> Option<String> {
    use layerscope_wire::analysis::reassembly::{MAX_HELD, MAX_MESSAGE};
    (r.abandoned > 0).then(|| {
        t!(
            "reassembly-limit",
            n = r.abandoned,
            each = MAX_MESSAGE >> 20,
            all = MAX_HELD >> 20
        )
    })
}

/// Every packet of every bundled capture (`captures/*.pcap*`), in file-name order, with the
/// file it came from: the fixtures the printers' tests go through.
#[cfg(test)]
pub fn bundled_packets() -> Vec<(std::path::PathBuf, Decoded)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("captures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("captures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pcapng" || e == "pcap"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .flat_map(|path| {
            let packets = load(&path, None).expect("bundled capture").packets;
            packets.into_iter().map(move |p| (path.clone(), p))
        })
        .collect()
}
