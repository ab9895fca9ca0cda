//! Follow a stream: each direction's application bytes in the order the receiving program
//! read them, as Wireshark's *Follow TCP/UDP Stream* shows them.
//!
//! TCP data is put back in sequence order: a retransmission or an overlap adds only the
//! bytes not yet seen, a segment that arrives early waits until the bytes before it come,
//! and when the other side acknowledges bytes the capture never held, a marker says how
//! many are missing (the receiver had them; the capture lost them). The rules are tshark's
//! (`-z follow,tcp,raw,N`), so our chunks are byte-for-byte its chunks: a test holds them
//! against tshark on every bundled capture and every corpus stream.
//!
//! Memory is bounded: a stream keeps at most [`Limits::per_stream`] bytes and
//! [`Limits::fragments`] segments waiting for a gap; beyond that the data is counted, not
//! kept, and [`StreamFollow::dropped`] says how much.

use std::collections::HashMap;

use super::endpoint::{Endpoint, Segment};
use super::{Analysis, Transport};
use crate::layer::{Dissection, Protocol};
use crate::proto::tcp::{ACK, SYN};

/// How much followed streams may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Bytes of data kept per stream (both directions together).
    pub per_stream: usize,
    /// Bytes kept over all the streams a [`Follower`] follows.
    pub total: usize,
    /// Early segments waiting for the bytes before them, per direction.
    pub fragments: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_stream: 64 << 20,
            total: 512 << 20,
            fragments: 4096,
        }
    }
}

/// What one chunk of a followed stream is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChunkKind {
    /// Bytes the sender wrote.
    Data,
    /// The receiver acknowledged this many bytes the capture does not hold; the chunk's
    /// bytes are tshark's marker text, `[N bytes missing in capture file]`.
    Missing(u32),
}

/// A run of bytes one side sent, from one frame (or a marker for bytes the capture lost).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// 0: the side that sent the stream's first packet, 1: the other side.
    pub node: u8,
    /// The frame that carried these bytes (for data that waited for a gap, the frame it
    /// came in; for a missing-bytes marker, the frame whose acknowledgment revealed it).
    pub frame: u32,
    /// Where in its direction's bytes this chunk starts.
    pub offset: u64,
    pub bytes: Vec<u8>,
    pub kind: ChunkKind,
}

/// A segment that came before the bytes ahead of it.
#[derive(Debug)]
struct Fragment {
    seq: u32,
    len: u32,
    data: Vec<u8>,
    frame: u32,
}

#[derive(Debug, Default)]
struct Direction {
    /// The next sequence number expected, once known.
    next: Option<u32>,
    fragments: Vec<Fragment>,
    /// Bytes delivered so far (the offset of the next chunk).
    delivered: u64,
}

fn lt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

fn le(a: u32, b: u32) -> bool {
    a == b || lt(a, b)
}

/// One followed stream (TCP or UDP).
#[derive(Debug, Default)]
pub struct StreamFollow {
    /// Node 0 (the first packet's sender) and node 1.
    pub nodes: Option<(Endpoint, Endpoint)>,
    pub chunks: Vec<Chunk>,
    dirs: [Direction; 2],
    kept: usize,
    /// Bytes not kept because the stream reached its limit.
    pub dropped: u64,
    limits: Limits,
}

impl StreamFollow {
    pub fn new(limits: Limits) -> Self {
        StreamFollow {
            limits,
            ..Self::default()
        }
    }

    /// Bytes each node sent (delivered in order, markers excluded).
    pub fn sent(&self) -> [u64; 2] {
        let mut sent = [0; 2];
        for c in &self.chunks {
            if c.kind == ChunkKind::Data {
                sent[c.node as usize] += c.bytes.len() as u64;
            }
        }
        sent
    }

    /// One direction's bytes joined, in order (markers left out).
    pub fn bytes_of(&self, node: u8) -> Vec<u8> {
        let mut out = Vec::new();
        for c in self.chunks.iter().filter(|c| c.node == node) {
            if c.kind == ChunkKind::Data {
                out.extend_from_slice(&c.bytes);
            }
        }
        out
    }

    fn node_of(&mut self, src: Endpoint, dst: Endpoint) -> usize {
        let (first, _) = *self.nodes.get_or_insert((src, dst));
        usize::from(first != src)
    }

    fn push(&mut self, node: usize, frame: u32, bytes: &[u8], kind: ChunkKind) {
        if bytes.is_empty() {
            return;
        }
        let room = self.limits.per_stream.saturating_sub(self.kept);
        let kept = &bytes[..bytes.len().min(room)];
        self.dropped += (bytes.len() - kept.len()) as u64;
        let dir = &mut self.dirs[node];
        let offset = dir.delivered;
        // Offsets count every byte delivered, kept or not, so later chunks stay placed.
        dir.delivered += bytes.len() as u64;
        if kept.is_empty() {
            return;
        }
        self.kept += kept.len();
        self.chunks.push(Chunk {
            node: node as u8,
            frame,
            offset,
            bytes: kept.to_vec(),
            kind,
        });
    }

    /// A UDP datagram's payload: each datagram is one chunk; an empty one is not
    /// followed at all (tshark does not name its sender as a node either).
    pub fn datagram(&mut self, frame: u32, src: Endpoint, dst: Endpoint, payload: &[u8]) {
        if payload.is_empty() {
            return;
        }
        let node = self.node_of(src, dst);
        self.push(node, frame, payload, ChunkKind::Data);
    }

    /// A TCP segment: `declared` is its data length by the IP header, `data` the bytes of
    /// it that were captured.
    pub fn segment(&mut self, frame: u32, seg: &Segment, data: &[u8]) {
        let node = self.node_of(seg.src, seg.dst);
        let mut seq = seg.seq;
        if seg.has(SYN) {
            seq = seq.wrapping_add(1);
        }
        // An acknowledgment from this side may reveal bytes the other side sent that
        // the capture lost: fragments waiting there can then be delivered.
        if seg.has(ACK) && !self.dirs[1 - node].fragments.is_empty() {
            while self.deliver_fragment(1 - node, Some(seg.ack), frame) {}
        }
        let len = seg.len;
        let dir = &mut self.dirs[node];
        let next = match dir.next {
            Some(next) => next,
            // The first segment with data (or a SYN) fixes where the direction starts.
            None if seg.has(SYN) || len > 0 => *dir.next.insert(seq),
            None => return,
        };
        if len == 0 {
            return;
        }
        if le(seq, next) {
            // In order, or overlapping what came before: only the new bytes count.
            let skip = next.wrapping_sub(seq) as usize;
            let end = seq.wrapping_add(len);
            if lt(next, end) {
                dir.next = Some(end);
            }
            let fresh = data.get(skip..).unwrap_or(&[]);
            let fresh = &fresh[..fresh.len().min(len as usize - skip.min(len as usize))];
            self.push(node, frame, fresh, ChunkKind::Data);
            while self.deliver_fragment(node, None, frame) {}
        } else if dir.fragments.len() < self.limits.fragments {
            dir.fragments.push(Fragment {
                seq,
                len,
                data: data.to_vec(),
                frame,
            });
        } else {
            self.dropped += u64::from(len);
        }
    }

    /// Delivers the first waiting fragment that now fits; with `acked`, when the other
    /// side acknowledged past the lowest fragment, first marks the bytes before it as
    /// missing. True when something changed.
    fn deliver_fragment(&mut self, node: usize, acked: Option<u32>, frame: u32) -> bool {
        let dir = &mut self.dirs[node];
        let Some(next) = dir.next else {
            return false;
        };
        let mut lowest: Option<u32> = None;
        for i in 0..dir.fragments.len() {
            let f = &dir.fragments[i];
            if le(f.seq, next) {
                let f = dir.fragments.remove(i);
                let end = f.seq.wrapping_add(f.len);
                if lt(next, end) {
                    let skip = next.wrapping_sub(f.seq) as usize;
                    dir.next = Some(end);
                    let fresh = f.data.get(skip..).unwrap_or(&[]).to_vec();
                    self.push(node, f.frame, &fresh, ChunkKind::Data);
                }
                return true;
            }
            if lowest.is_none_or(|l| lt(f.seq, l)) {
                lowest = Some(f.seq);
            }
        }
        match (acked, lowest) {
            (Some(acked), Some(lowest)) if lt(lowest, acked) => {
                let missing = lowest.wrapping_sub(next);
                dir.next = Some(lowest);
                // tshark's marker, with the C string's terminating NUL it copies too.
                let marker = format!("[{missing} bytes missing in capture file]\0");
                self.push(node, frame, marker.as_bytes(), ChunkKind::Missing(missing));
                // The marker is not data: the direction's offsets skip the lost bytes.
                let dir = &mut self.dirs[node];
                dir.delivered = dir.delivered - marker.len() as u64 + u64::from(missing);
                true
            }
            _ => false,
        }
    }
}

/// Which conversations to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StreamId {
    Tcp(u32),
    Udp(u32),
}

impl StreamId {
    /// tshark's filter for the stream (`tcp.stream eq 0`).
    pub fn filter(self) -> String {
        match self {
            StreamId::Tcp(n) => format!("tcp.stream eq {n}"),
            StreamId::Udp(n) => format!("udp.stream eq {n}"),
        }
    }

    /// The stream a frame's analysis puts it in (a datagram quoted in an ICMP error is
    /// not part of the conversation's data).
    pub fn of(analysis: &Analysis) -> Option<StreamId> {
        match analysis {
            Analysis::Tcp(i) => Some(StreamId::Tcp(i.stream)),
            Analysis::Udp(i) if !i.quoted => Some(StreamId::Udp(i.stream)),
            _ => None,
        }
    }
}

/// Follows the chosen streams of a capture, fed frame by frame in capture order.
#[derive(Default)]
pub struct Follower {
    pub streams: HashMap<StreamId, StreamFollow>,
    limits: Limits,
    /// Bytes kept over all streams.
    kept: usize,
}

impl Follower {
    pub fn new(limits: Limits) -> Self {
        Follower {
            streams: HashMap::new(),
            limits,
            kept: 0,
        }
    }

    /// Adds frame `number` to stream `id`'s follow.
    pub fn observe(&mut self, id: StreamId, number: u32, frame: &[u8], d: &Dissection) {
        let Some(transport) = Transport::of(frame, d) else {
            return;
        };
        let follow = self
            .streams
            .entry(id)
            .or_insert_with(|| StreamFollow::new(self.limits));
        // What is left of the total budget bounds this stream too.
        let before = follow.kept;
        let room = self.limits.total.saturating_sub(self.kept);
        follow.limits.per_stream = self.limits.per_stream.min(before + room);
        match (id, transport) {
            (StreamId::Tcp(_), Transport::Tcp(seg)) => {
                let Some(data) = payload(frame, d, Protocol::Tcp) else {
                    // tshark does not follow a segment whose header the capture cut.
                    return;
                };
                follow.segment(number, &seg, data);
            }
            (StreamId::Udp(_), Transport::Udp(dgram)) => {
                if let Some(data) = payload(frame, d, Protocol::Udp) {
                    follow.datagram(number, dgram.src, dgram.dst, data);
                }
            }
            _ => {}
        }
        self.kept += follow.kept - before;
    }
}

/// The captured payload of the frame's outermost `transport` header, when that header
/// was captured whole. A UDP payload ends where the UDP length says, even when the IP
/// packet carries more.
fn payload<'a>(frame: &'a [u8], d: &Dissection, transport: Protocol) -> Option<&'a [u8]> {
    let layer = d.layers.iter().find(|l| l.protocol == transport)?;
    if layer.is_cut() {
        return None;
    }
    let mut end = layer.payload.end.min(frame.len());
    if transport == Protocol::Udp {
        let declared = layer
            .field(&crate::registry::udp::LENGTH)
            .and_then(|f| f.as_u64())
            .unwrap_or(0) as usize;
        if declared >= 8 {
            end = end.min(layer.header.start + declared);
        }
    }
    frame.get(layer.payload.start.min(end)..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(from_client: bool, seq: u32, ack: u32, flags: u16, len: u32) -> Segment {
        Segment::on_loopback(from_client, seq, ack, flags, len)
    }

    fn texts(f: &StreamFollow) -> Vec<(u8, String)> {
        f.chunks
            .iter()
            .map(|c| (c.node, String::from_utf8_lossy(&c.bytes).into_owned()))
            .collect()
    }

    #[test]
    fn retransmissions_and_overlaps_add_only_new_bytes() {
        let mut f = StreamFollow::new(Limits::default());
        f.segment(1, &seg(true, 99, 0, SYN, 0), b"");
        f.segment(2, &seg(true, 100, 1, ACK, 5), b"hello");
        f.segment(3, &seg(true, 100, 1, ACK, 5), b"hello");
        f.segment(4, &seg(true, 103, 1, ACK, 6), b"lo wor");
        f.segment(5, &seg(false, 500, 111, ACK, 2), b"ok");
        assert_eq!(
            texts(&f),
            [(0, "hello".into()), (0, " wor".into()), (1, "ok".into())]
        );
        assert_eq!(f.sent(), [9, 2]);
        assert_eq!(f.chunks[1].offset, 5);
    }

    #[test]
    fn early_segments_wait_and_lost_bytes_are_marked_when_acknowledged() {
        let mut f = StreamFollow::new(Limits::default());
        f.segment(1, &seg(true, 0, 0, ACK, 3), b"abc");
        f.segment(2, &seg(true, 6, 0, ACK, 3), b"ghi");
        assert_eq!(f.chunks.len(), 1);
        f.segment(3, &seg(true, 3, 0, ACK, 3), b"def");
        assert_eq!(
            texts(&f),
            [(0, "abc".into()), (0, "def".into()), (0, "ghi".into())]
        );
        // 9..12 never captured; the receiver acknowledges up to 15.
        f.segment(4, &seg(true, 12, 0, ACK, 3), b"mno");
        f.segment(5, &seg(false, 0, 15, ACK, 0), b"");
        assert_eq!(f.chunks[3].kind, ChunkKind::Missing(3));
        assert_eq!(f.chunks[3].bytes, b"[3 bytes missing in capture file]\0");
        assert_eq!(f.chunks[4].offset, 12);
        assert_eq!(f.bytes_of(0), b"abcdefghimno");
    }

    #[test]
    fn limits_bound_what_is_kept() {
        let limits = Limits {
            per_stream: 4,
            total: 100,
            fragments: 1,
        };
        let mut f = StreamFollow::new(limits);
        f.segment(1, &seg(true, 0, 0, ACK, 3), b"abc");
        f.segment(2, &seg(true, 3, 0, ACK, 3), b"def");
        f.segment(3, &seg(true, 100, 0, ACK, 3), b"xyz");
        f.segment(4, &seg(true, 200, 0, ACK, 3), b"xyz");
        assert_eq!(f.bytes_of(0), b"abcd");
        assert_eq!(f.dropped, 2 + 3);
    }
}
