//! Writing captures: pcap through libpcap's dump writer (which also streams to stdout for
//! `-w -`), pcapng through the pcap-file crate, since libpcap 1.10 cannot write pcapng.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use layerscope_wire::LinkType;
use pcap_file::pcap::PcapHeader;
use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::{DataLink, Endianness, TsResolution};

use super::RawPacket;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pcap,
    PcapNg,
}

impl Format {
    /// pcapng for `.pcapng`/`.ntar` names, pcap otherwise (and for `-`: a pipe reader such
    /// as `layerscope -r -` or tcpdump reads pcap everywhere).
    pub fn for_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("pcapng") | Some("ntar") => Format::PcapNg,
            _ => Format::Pcap,
        }
    }
}

/// A file or standard output.
type Out = BufWriter<Box<dyn Write + Send>>;

enum Sink {
    /// pcap records after the header: a 16-byte header in host byte order and the bytes.
    Pcap(Out),
    PcapNg(PcapNgWriter<Out>),
}

/// Writes packets of one link type to a file or standard output.
pub struct PacketWriter {
    sink: Sink,
    /// The file, for the final sync (none for standard output).
    file: Option<File>,
    /// Flush after every packet (pipes, and files someone may read while we capture).
    pub flush_each: bool,
}

/// Creates (or truncates) a capture file readable by its owner alone, as dumpcap does:
/// captured traffic holds other programs' data (passwords on loopback included). A file
/// that exists keeps its mode.
pub fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

impl PacketWriter {
    /// `snaplen` goes into the file's header: readers (libpcap among them) cut any frame
    /// longer than it, so it must be the largest frame that will be written.
    pub fn create(
        path: &Path,
        format: Format,
        link: LinkType,
        snaplen: u32,
    ) -> anyhow::Result<PacketWriter> {
        if path == Path::new("-") {
            return Self::start(Box::new(std::io::stdout()), None, format, link, snaplen);
        }
        let f = create_private(path).with_context(|| format!("cannot write {}", path.display()))?;
        let mut w = Self::to_file(f, format, link, snaplen)?;
        w.flush_each = false;
        Ok(w)
    }

    /// Writes to a file already open (a temporary file, say).
    pub fn to_file(
        file: File,
        format: Format,
        link: LinkType,
        snaplen: u32,
    ) -> anyhow::Result<PacketWriter> {
        let handle = file.try_clone().context("cannot keep the file's handle")?;
        Self::start(Box::new(file), Some(handle), format, link, snaplen)
    }

    fn start(
        out: Box<dyn Write + Send>,
        file: Option<File>,
        format: Format,
        link: LinkType,
        snaplen: u32,
    ) -> anyhow::Result<PacketWriter> {
        let flush_each = file.is_none();
        let out = BufWriter::with_capacity(64 << 10, out);
        let mut sink = match format {
            Format::Pcap => {
                // The header libpcap's own writer produces (host byte order, nanosecond
                // magic), but with the snapshot length actually used: libpcap's dead handle
                // said 65535, and readers then cut loopback's 65549-byte frames.
                let header = PcapHeader {
                    version_major: 2,
                    version_minor: 4,
                    ts_correction: 0,
                    ts_accuracy: 0,
                    snaplen,
                    datalink: DataLink::from(link.0),
                    ts_resolution: TsResolution::NanoSecond,
                    endianness: Endianness::native(),
                };
                let mut out = out;
                header
                    .write_to(&mut out)
                    .context("cannot write the pcap header")?;
                Sink::Pcap(out)
            }
            Format::PcapNg => {
                let mut w = PcapNgWriter::new(out).context("cannot write pcapng header")?;
                let idb = InterfaceDescriptionBlock {
                    linktype: DataLink::from(link.0),
                    snaplen,
                    // Nanosecond timestamps (10^-9), so nothing libpcap gave us is rounded.
                    options: vec![InterfaceDescriptionOption::IfTsResol(9)],
                };
                w.write_pcapng_block(idb)
                    .context("cannot write pcapng interface block")?;
                Sink::PcapNg(w)
            }
        };
        // The header goes out at once: a reader of the pipe (or file) knows the capture
        // has started before the first packet arrives.
        match &mut sink {
            Sink::Pcap(w) => w.flush(),
            Sink::PcapNg(w) => w.get_mut().flush(),
        }
        .context("cannot write the capture header")?;
        Ok(PacketWriter {
            sink,
            file,
            flush_each,
        })
    }

    pub fn write(&mut self, p: &RawPacket) -> anyhow::Result<()> {
        let orig_len = p.orig_len.max(p.data.len() as u32);
        match &mut self.sink {
            Sink::Pcap(w) => {
                // Seconds as libpcap writes them: the low 32 bits (pcap's field is unsigned,
                // good until 2106).
                let mut record = [0u8; 16];
                for (i, v) in [p.ts_sec as u32, p.ts_nsec, p.data.len() as u32, orig_len]
                    .into_iter()
                    .enumerate()
                {
                    record[i * 4..i * 4 + 4].copy_from_slice(&v.to_ne_bytes());
                }
                w.write_all(&record)
                    .and_then(|_| w.write_all(&p.data))
                    .context("cannot write packet")?;
                if self.flush_each {
                    w.flush().context("cannot flush capture output")?;
                }
            }
            Sink::PcapNg(w) => {
                let epb = EnhancedPacketBlock {
                    interface_id: 0,
                    timestamp: Duration::new(p.ts_sec.max(0) as u64, p.ts_nsec),
                    original_len: orig_len,
                    data: Cow::Borrowed(&p.data),
                    options: vec![],
                };
                w.write_pcapng_block(epb).context("cannot write packet")?;
                if self.flush_each {
                    w.get_mut().flush().context("cannot flush capture output")?;
                }
            }
        }
        Ok(())
    }

    pub fn finish(self) -> anyhow::Result<()> {
        let mut out = match self.sink {
            Sink::Pcap(w) => w,
            Sink::PcapNg(w) => w.into_inner(),
        };
        out.flush().context("cannot flush capture file")?;
        if let Some(f) = self.file {
            f.sync_all().context("cannot sync capture file")?;
        }
        Ok(())
    }
}

/// Writes packets to `path` (pcapng or pcap by extension) through a temporary file in the
/// same directory, renamed into place at the end: a failed or interrupted save never
/// leaves a half-written file under the chosen name. The temporary file has a random name
/// and is created exclusively (never through a planted symlink), readable by its owner.
/// Returns the number written.
pub fn write_atomically(
    path: &Path,
    link: LinkType,
    packets: impl Iterator<Item = RawPacket>,
) -> anyhow::Result<usize> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "capture".into());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".part")
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let file = tmp
        .as_file()
        .try_clone()
        .context("cannot write the temporary file")?;
    let mut w =
        PacketWriter::to_file(file, Format::for_path(path), link, super::MAX_PACKET as u32)?;
    let mut n = 0;
    for p in packets {
        w.write(&p)?;
        n += 1;
    }
    // Flushed and on disk before it takes the name.
    w.finish()?;
    tmp.persist(path).map_err(|e| {
        anyhow::anyhow!(
            "cannot move the saved file to {}: {}",
            path.display(),
            e.error
        )
    })?;
    // The rename on disk before we say "saved".
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(n)
}
