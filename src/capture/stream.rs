//! A pcap stream read from a pipe: the capture helper's standard output.
//!
//! libpcap can only open a path or a C `FILE*`, so reading a pipe through it needed the
//! pipe's `/proc/self/fd` path, which exists on Linux alone. pcap-file reads any
//! [`std::io::Read`], so the window, `layerscope capture` and the demos read the helper the
//! same way on every system. Files keep going through libpcap ([`super::FileReader`]),
//! which also reads pcapng and foreign files' quirks.

use std::io::Read;

use layerscope_wire::LinkType;
use pcap_file::pcap::PcapReader;

use super::{RawPacket, MAX_PACKET};

/// Packets of a pcap stream, in order, until it ends or breaks off.
pub struct PcapStream<R: Read> {
    reader: PcapReader<R>,
    pub link: LinkType,
}

impl<R: Read> PcapStream<R> {
    /// Reads the stream's header. Fails when the stream ends before one (a helper that
    /// refused to capture writes none: it says why on its standard error).
    pub fn open(source: R) -> anyhow::Result<Self> {
        let reader = PcapReader::new(source)?;
        let link = LinkType(u32::from(reader.header().datalink));
        Ok(PcapStream { reader, link })
    }

    /// The next packet; `None` at the end of the stream or where it breaks off (a record
    /// cut short or larger than any packet we keep: the packets before it are all there).
    pub fn next_packet(&mut self) -> Option<RawPacket> {
        let p = self.reader.next_packet()?.ok()?;
        if p.data.len() > MAX_PACKET {
            return None;
        }
        Some(RawPacket {
            ts_sec: p.timestamp.as_secs() as i64,
            ts_nsec: p.timestamp.subsec_nanos(),
            orig_len: p.orig_len,
            data: p.data.into_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::writer::{Format, PacketWriter};

    /// What our writer streams, the stream reader reads back: times, lengths and bytes.
    #[test]
    fn a_written_stream_reads_back_packet_for_packet() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("s.pcap");
        let packets: Vec<RawPacket> = (0..3u8)
            .map(|i| RawPacket {
                ts_sec: 1_700_000_000 + i as i64,
                ts_nsec: 123_456_789 * i as u32,
                orig_len: 100 + i as u32,
                data: vec![i; 60 + i as usize],
            })
            .collect();
        let mut w =
            PacketWriter::create(&path, Format::Pcap, LinkType::ETHERNET, 262_144).expect("writer");
        for p in &packets {
            w.write(p).expect("write");
        }
        w.finish().expect("finish");
        let mut s = PcapStream::open(std::fs::File::open(&path).expect("open")).expect("header");
        assert_eq!(s.link, LinkType::ETHERNET);
        let back: Vec<RawPacket> = std::iter::from_fn(|| s.next_packet()).collect();
        assert_eq!(back, packets);
        // A stream that ends before its header is an error, not an empty capture.
        assert!(PcapStream::open(&[0xd4u8, 0xc3][..]).is_err());
    }
}
