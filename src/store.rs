//! Where a capture's packets live while the window shows them.
//!
//! A million-packet capture must open in a second or two and stay small, so the store keeps
//! only what cannot be recomputed cheaply: the captured bytes (in blocks, one per batch the
//! loader delivers), a 24-byte index entry per packet, and the conversation analysis (which
//! needs every earlier packet). Summaries and full dissections are computed on demand for
//! the rows on screen and the selected packet.
//!
//! Blocks are immutable and shared (`Arc`), so a filter worker can read them on another
//! thread while the UI keeps appending.

use std::sync::Arc;

use layerscope_wire::{dissect, Analysis, Analyzer, Dissection, LinkType};

use crate::capture::RawPacket;

/// Where one packet's bytes are and when it was captured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta {
    /// Nanoseconds since the Unix epoch.
    pub ts_ns: i64,
    /// Offset of the bytes within the block.
    pub offset: u32,
    pub caplen: u32,
    pub orig_len: u32,
}

impl Meta {
    pub fn ts_sec(&self) -> i64 {
        self.ts_ns.div_euclid(1_000_000_000)
    }

    pub fn ts_nsec(&self) -> u32 {
        self.ts_ns.rem_euclid(1_000_000_000) as u32
    }

    /// Nanoseconds since the epoch, computed as the capture reader computes them
    /// (`RawPacket::timestamp_ns`), so a packet analysed from the store is analysed exactly
    /// as one read from the file.
    pub fn timestamp_ns(&self) -> i128 {
        self.ts_sec() as i128 * 1_000_000_000 + self.ts_nsec() as i128
    }
}

/// A run of consecutive packets, as one batch of the loader delivered them.
#[derive(Debug, Default)]
pub struct Block {
    /// Index (0-based) of the block's first packet in the capture.
    pub first: u32,
    pub bytes: Vec<u8>,
    pub metas: Vec<Meta>,
    pub analyses: Vec<Analysis>,
}

impl Block {
    pub fn new(first: u32) -> Self {
        Block {
            first,
            ..Block::default()
        }
    }

    /// A block with room for `packets` packets and `bytes` bytes reserved up front: growing
    /// by doubling would briefly hold two copies of a block in memory.
    pub fn with_capacity(first: u32, packets: usize, bytes: usize) -> Self {
        Block {
            first,
            bytes: Vec::with_capacity(bytes),
            metas: Vec::with_capacity(packets),
            analyses: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.metas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }

    /// Appends a packet; its analysis follows in `analyses` (the loader analyses whole
    /// blocks on another thread), and must be there before the block joins a store.
    pub fn push(&mut self, ts_ns: i64, orig_len: u32, data: &[u8]) {
        self.metas.push(Meta {
            ts_ns,
            offset: self.bytes.len() as u32,
            caplen: data.len() as u32,
            orig_len,
        });
        self.bytes.extend_from_slice(data);
    }

    /// The bytes of the block's `i`-th packet.
    pub fn data(&self, i: usize) -> &[u8] {
        let m = &self.metas[i];
        let start = m.offset as usize;
        &self.bytes[start..start + m.caplen as usize]
    }

    /// Bytes in use, for deciding when a batch is big enough to send.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Gives back spare capacity once the block is complete.
    pub fn seal(mut self) -> Self {
        self.bytes.shrink_to_fit();
        self.metas.shrink_to_fit();
        self.analyses.shrink_to_fit();
        self
    }
}

/// One packet as read from the store.
#[derive(Clone, Copy)]
pub struct PacketRef<'a> {
    /// 0-based index; the frame number is `index + 1`.
    pub index: u32,
    pub meta: &'a Meta,
    pub data: &'a [u8],
    pub analysis: &'a Analysis,
}

impl PacketRef<'_> {
    pub fn number(&self) -> u32 {
        self.index + 1
    }

    pub fn raw(&self) -> RawPacket {
        RawPacket {
            ts_sec: self.meta.ts_sec(),
            ts_nsec: self.meta.ts_nsec(),
            orig_len: self.meta.orig_len,
            data: self.data.to_vec(),
        }
    }
}

/// All packets of one capture, in capture order.
pub struct PacketStore {
    pub link: LinkType,
    blocks: Vec<Arc<Block>>,
    len: u32,
    bytes: usize,
}

impl PacketStore {
    pub fn new(link: LinkType) -> Self {
        PacketStore {
            link,
            blocks: Vec::new(),
            len: 0,
            bytes: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Captured bytes held.
    pub fn byte_len(&self) -> usize {
        self.bytes
    }

    /// Appends the next block; its `first` must be the current length.
    pub fn append(&mut self, block: Arc<Block>) {
        debug_assert_eq!(block.first, self.len);
        assert_eq!(block.analyses.len(), block.len(), "a block joins analysed");
        self.len += block.len() as u32;
        self.bytes += block.bytes.len();
        self.blocks.push(block);
    }

    pub fn blocks(&self) -> &[Arc<Block>] {
        &self.blocks
    }

    /// Writes packets (all, or `only` these positions) to a capture file: pcapng or pcap by
    /// its extension, through a temporary file renamed into place so that a failed save
    /// never leaves half a file. Returns how many were written.
    pub fn save(&self, path: &std::path::Path, only: Option<&[u32]>) -> anyhow::Result<usize> {
        let indices: Box<dyn Iterator<Item = u32>> = match only {
            Some(d) => Box::new(d.iter().copied()),
            None => Box::new(0..self.len() as u32),
        };
        crate::capture::writer::write_atomically(
            path,
            self.link,
            indices.filter_map(|i| self.get(i).map(|p| p.raw())),
        )
    }

    pub fn get(&self, index: u32) -> Option<PacketRef<'_>> {
        if index >= self.len {
            return None;
        }
        let b = self.blocks.partition_point(|b| b.first <= index) - 1;
        let block = &self.blocks[b];
        let i = (index - block.first) as usize;
        Some(PacketRef {
            index,
            meta: &block.metas[i],
            data: block.data(i),
            analysis: &block.analyses[i],
        })
    }

    /// Timestamp of the first packet, the zero of relative times.
    pub fn first_ts_ns(&self) -> Option<i64> {
        self.blocks.first()?.metas.first().map(|m| m.ts_ns)
    }

    /// The full dissection of a packet, with its conversation analysis added.
    pub fn dissect(&self, index: u32) -> Option<Dissection> {
        let p = self.get(index)?;
        Some(dissect_annotated(self.link, p.data, p.analysis))
    }
}

/// Dissects a frame and adds the analysis fields (`tcp.stream`, relative numbers …).
pub fn dissect_annotated(link: LinkType, data: &[u8], analysis: &Analysis) -> Dissection {
    let mut d = dissect(link, data);
    Analyzer::annotate(&mut d, data, analysis);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packets_are_found_across_blocks() {
        let mut store = PacketStore::new(LinkType::ETHERNET);
        let mut first = 0;
        for size in [3usize, 1, 5] {
            let mut b = Block::new(first);
            for i in 0..size {
                let n = first as u8 + i as u8;
                b.push(n as i64 * 1000, 10 + n as u32, &[n; 8][..1 + i]);
                b.analyses.push(Analysis::None);
            }
            first += size as u32;
            store.append(Arc::new(b.seal()));
        }
        assert_eq!(store.len(), 9);
        for i in 0..9u32 {
            let p = store.get(i).expect("in range");
            assert_eq!(p.data[0], i as u8);
            assert_eq!(p.meta.orig_len, 10 + i);
            assert_eq!(p.meta.ts_ns, i as i64 * 1000);
        }
        assert!(store.get(9).is_none());
        assert_eq!(store.get(4).map(|p| p.data.len()), Some(1));
    }

    #[test]
    fn negative_timestamps_split_into_seconds_and_nanoseconds() {
        let m = Meta {
            ts_ns: -1,
            offset: 0,
            caplen: 0,
            orig_len: 0,
        };
        assert_eq!((m.ts_sec(), m.ts_nsec()), (-1, 999_999_999));
    }
}
