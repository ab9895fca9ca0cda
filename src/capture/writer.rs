//! Writing captures: pcap through libpcap's dump writer (which also streams to stdout for
//! `-w -`), pcapng through the pcap-file crate, since libpcap 1.10 cannot write pcapng.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use layerscope_wire::LinkType;
use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::DataLink;

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

enum Sink {
    Pcap(pcap::Savefile),
    PcapNg(PcapNgWriter<BufWriter<File>>),
}

/// Writes packets of one link type to a file or standard output.
pub struct PacketWriter {
    sink: Sink,
    /// Flush after every packet (pipes, and files someone may read while we capture).
    pub flush_each: bool,
}

impl PacketWriter {
    pub fn create(
        path: &Path,
        format: Format,
        link: LinkType,
        snaplen: u32,
    ) -> anyhow::Result<PacketWriter> {
        let sink = match format {
            Format::Pcap => {
                let dead = pcap::Capture::dead_with_precision(
                    pcap::Linktype(link.0 as i32),
                    pcap::Precision::Nano,
                )
                .context("libpcap could not create a dump handle")?;
                let mut s = dead
                    .savefile(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                // The header goes out at once: a reader of the pipe (or file) knows the
                // capture has started before the first packet arrives.
                s.flush().context("cannot write the pcap header")?;
                Sink::Pcap(s)
            }
            Format::PcapNg => {
                let file = File::create(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                let mut w = PcapNgWriter::new(BufWriter::new(file))
                    .context("cannot write pcapng header")?;
                let idb = InterfaceDescriptionBlock {
                    linktype: DataLink::from(link.0),
                    snaplen,
                    // Nanosecond timestamps (10^-9), so nothing libpcap gave us is rounded.
                    options: vec![InterfaceDescriptionOption::IfTsResol(9)],
                };
                w.write_pcapng_block(idb)
                    .context("cannot write pcapng interface block")?;
                w.get_mut()
                    .flush()
                    .context("cannot write the pcapng header")?;
                Sink::PcapNg(w)
            }
        };
        Ok(PacketWriter {
            sink,
            flush_each: path == Path::new("-"),
        })
    }

    pub fn write(&mut self, p: &RawPacket) -> anyhow::Result<()> {
        match &mut self.sink {
            Sink::Pcap(s) => {
                let header = pcap::PacketHeader {
                    ts: libc_timeval(p.ts_sec, p.ts_nsec),
                    caplen: p.data.len() as u32,
                    len: p.orig_len.max(p.data.len() as u32),
                };
                s.write(&pcap::Packet::new(&header, &p.data));
                if self.flush_each {
                    s.flush().context("cannot flush capture output")?;
                }
            }
            Sink::PcapNg(w) => {
                let epb = EnhancedPacketBlock {
                    interface_id: 0,
                    timestamp: Duration::new(p.ts_sec.max(0) as u64, p.ts_nsec),
                    original_len: p.orig_len.max(p.data.len() as u32),
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
        match self.sink {
            Sink::Pcap(mut s) => s.flush().context("cannot flush capture file")?,
            Sink::PcapNg(w) => {
                let mut inner = w.into_inner();
                inner.flush().context("cannot flush capture file")?;
                inner.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            }
        }
        Ok(())
    }
}

/// libpcap's dump writer takes microseconds or nanoseconds according to the handle's
/// precision; ours is nanoseconds.
fn libc_timeval(sec: i64, nsec: u32) -> libc::timeval {
    libc::timeval {
        tv_sec: sec as libc::time_t,
        tv_usec: nsec as libc::suseconds_t,
    }
}

/// Writes packets to `path` (pcapng or pcap by extension) through a temporary file in the
/// same directory, renamed into place at the end: a failed or interrupted save never
/// leaves a half-written file under the chosen name. Returns the number written.
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
    let tmp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let result = (|| {
        let mut w =
            PacketWriter::create(&tmp, Format::for_path(path), link, super::MAX_PACKET as u32)?;
        let mut n = 0;
        for p in packets {
            w.write(&p)?;
            n += 1;
        }
        w.finish()?;
        // On disk before it takes the name, and the rename on disk before we say "saved".
        File::open(&tmp)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("cannot sync {}", tmp.display()))?;
        std::fs::rename(&tmp, path)
            .with_context(|| format!("cannot move the saved file to {}", path.display()))?;
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(n)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
