//! Reading pcap and pcapng files (and pcap streams on standard input) through libpcap.

use std::path::Path;

use layerscope_wire::LinkType;

use super::{PacketView, RawPacket};

/// Why reading stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadEnd {
    /// The file ended cleanly.
    Complete,
    /// The file ends in the middle of a record, or a record is damaged: every packet before
    /// it was delivered.
    Damaged(String),
}

/// An open capture file.
pub struct FileReader {
    cap: pcap::Capture<pcap::Offline>,
    pub link: LinkType,
    /// True when the file stores nanosecond timestamps (we ask libpcap for nanoseconds).
    nanos: bool,
    end: Option<ReadEnd>,
}

/// Opens a capture file; `-` reads a pcap stream from standard input.
pub fn open_file(path: &Path) -> anyhow::Result<FileReader> {
    if path != Path::new("-") {
        if let Err(e) = std::fs::metadata(path) {
            anyhow::bail!("cannot open {}: {e}", path.display());
        }
    }
    match pcap::Capture::from_file_with_precision(path, pcap::Precision::Nano) {
        Ok(cap) => {
            let link = LinkType(cap.get_datalink().0 as u32);
            Ok(FileReader {
                cap,
                link,
                nanos: true,
                end: None,
            })
        }
        Err(e) => Err(anyhow::anyhow!(describe_open_error(path, &e.to_string()))),
    }
}

/// Turns libpcap's terse refusal into a sentence that says what the file is.
fn describe_open_error(path: &Path, msg: &str) -> String {
    let shown = path.display();
    if msg.contains("unknown file format") || msg.contains("bad dump file format") {
        let what = sniff(path).unwrap_or_else(|| "not a capture file".to_string());
        return format!("{shown} is not a pcap or pcapng capture file ({what})");
    }
    if msg.contains("truncated dump file")
        || msg.contains("truncated pcapng")
        || msg.contains("end of file")
    {
        return format!("{shown} is cut short before its first packet: {msg}");
    }
    if msg.contains("different link-layer") || msg.contains("different link layer") {
        return format!(
            "{shown} mixes interfaces of different link types, which libpcap cannot read as one capture \
             ({msg}); split it with `editcap` or open it in Wireshark"
        );
    }
    format!("cannot read {shown}: {msg}")
}

/// A guess at what a non-capture file is, from its first bytes.
fn sniff(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(512);
    std::fs::File::open(path)
        .ok()?
        .take(512)
        .read_to_end(&mut head)
        .ok()?;
    if head.is_empty() {
        return Some("the file is empty".to_string());
    }
    if let Some(kind) = infer::get(&head) {
        return Some(format!(
            "it looks like {} data, {}",
            kind.extension(),
            kind.mime_type()
        ));
    }
    let text = head
        .iter()
        .all(|&b| b == b'\n' || b == b'\r' || b == b'\t' || (0x20..0x7f).contains(&b) || b >= 0x80);
    if text {
        let trimmed = String::from_utf8_lossy(&head);
        let t = trimmed.trim_start();
        // `[section]` opens TOML and INI files too: JSON's `[` is followed by a value.
        let after_bracket = t.strip_prefix('[').map(|r| r.trim_start().chars().next());
        let json = t.starts_with('{')
            || matches!(after_bracket, Some(Some(c)) if matches!(c, '{' | '[' | '"' | ']' | '-' | '0'..='9'));
        let kind = if json { "JSON" } else { "plain text" };
        return Some(format!("it looks like {kind}"));
    }
    let magic = head
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    Some(format!("unrecognised magic bytes {magic}"))
}

impl FileReader {
    /// The next packet, or `None` at the end (see [`FileReader::end`]).
    pub fn next_packet(&mut self) -> Option<RawPacket> {
        self.next_view().ok().map(|p| p.to_owned())
    }

    /// The next packet, borrowed from libpcap's buffer until the next read; at the end, how
    /// reading ended.
    pub fn next_view(&mut self) -> Result<PacketView<'_>, ReadEnd> {
        if let Some(end) = &self.end {
            return Err(end.clone());
        }
        let end = match self.cap.next_packet() {
            Ok(p) => return Ok(PacketView::from_pcap(p.header, p.data, self.nanos)),
            Err(pcap::Error::NoMorePackets) => ReadEnd::Complete,
            Err(e) => ReadEnd::Damaged(e.to_string()),
        };
        self.end = Some(end.clone());
        Err(end)
    }

    /// How reading ended; `None` while packets remain.
    pub fn end(&self) -> Option<&ReadEnd> {
        self.end.as_ref()
    }
}

impl Iterator for FileReader {
    type Item = RawPacket;
    fn next(&mut self) -> Option<RawPacket> {
        self.next_packet()
    }
}
