//! Joins the segments of an application message that TCP cut, so that the message is
//! dissected once, whole, in the frame that completes it — Wireshark's "[2 Reassembled
//! TCP Segments]" and its "Reassembled TCP" bytes tab.
//!
//! Runs in capture order beside the stream analysis and decides, for every data segment,
//! how its payload splits: the end of a message begun earlier (joined with the bytes held
//! for it), whole messages of its own, and the start of a message that later segments
//! finish (held, and shown here as "TCP segment of a reassembled PDU"). Only protocols
//! whose messages say their length are joined ([`crate::app::pdu`]); a gap, a
//! retransmission that brings new bytes, or a segment the capture cut ends the wait and
//! the held bytes are dropped, as they are when a budget is exceeded.
//!
//! Memory is bounded twice: the bytes held for one unfinished message, and all held bytes
//! together. A message that exceeds them is not joined, and is counted in
//! [`Reassembler::abandoned`] so the window can say so.

use std::collections::HashMap;
use std::sync::Arc;

use super::endpoint::Segment;
use super::tcp::TcpInfo;
use crate::app::pdu::{self, Kind, Need};

/// The most bytes held for one unfinished message (an HTTP download of a few megabytes
/// still joins).
pub const MAX_MESSAGE: usize = 16 << 20;
/// The most bytes held for all unfinished messages together.
pub const MAX_HELD: usize = 256 << 20;

/// The segments one message was joined from, and its bytes: the second byte source of the
/// frame that completes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reassembled {
    pub bytes: Arc<[u8]>,
    pub segments: Vec<Piece>,
}

/// The part of one frame's payload that a reassembled message holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub frame: u32,
    /// Offset of the part in the frame's TCP payload.
    pub at: u32,
    pub len: u32,
}

/// How one data segment's payload splits between messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PduSplit {
    /// The message that earlier segments began and this one's first bytes finish
    /// (`completed.segments.last()` is this frame's part).
    pub completed: Option<Arc<Reassembled>>,
    /// Bytes at the end of the payload that begin a message later segments finish.
    pub carried: u32,
}

impl PduSplit {
    /// The part of the payload dissected from the frame itself, as offsets in it.
    pub fn own(&self, payload_len: usize) -> std::ops::Range<usize> {
        let start = self
            .completed
            .as_ref()
            .and_then(|r| r.segments.last())
            .map_or(0, |p| p.len as usize)
            .min(payload_len);
        start..payload_len.saturating_sub(self.carried as usize).max(start)
    }

    pub fn is_whole(&self) -> bool {
        self.completed.is_none() && self.carried == 0
    }
}

/// A message waiting for its end.
struct Pending {
    kind: Kind,
    /// Relative sequence number of the next byte it needs.
    next_seq: u32,
    bytes: Vec<u8>,
    segments: Vec<Piece>,
}

/// Every unfinished message of a capture, one per stream direction at most.
pub struct Reassembler {
    pending: HashMap<(u32, bool), Pending>,
    held: usize,
    /// The budgets: [`MAX_MESSAGE`] and [`MAX_HELD`] unless a test sets smaller ones.
    pub max_message: usize,
    pub max_held: usize,
    /// Messages given up because a budget was exceeded.
    pub abandoned: u32,
}

impl Default for Reassembler {
    fn default() -> Self {
        Reassembler {
            pending: HashMap::new(),
            held: 0,
            max_message: MAX_MESSAGE,
            max_held: MAX_HELD,
            abandoned: 0,
        }
    }
}

impl Reassembler {
    /// Decides how frame `number`'s payload splits; `info` is its stream analysis.
    pub fn feed(&mut self, number: u32, info: &TcpInfo, seg: &Segment, frame: &[u8]) -> PduSplit {
        let key = (info.stream, info.from_client);
        let payload = frame.get(seg.payload.clone()).unwrap_or_default();
        if info.len == 0 || info.notes.retransmission {
            // No data, or bytes sent before: nothing to join.
            return PduSplit::default();
        }
        if payload.len() != info.len as usize {
            // The capture cut the payload: what was waiting can no longer be completed.
            self.drop_pending(key);
            return PduSplit::default();
        }
        let mut split = PduSplit::default();
        let mut at = 0;
        if let Some(mut p) = self.pending.remove(&key) {
            self.held -= p.bytes.len();
            if p.next_seq == info.seq {
                let before = p.bytes.len();
                let grown = before + payload.len();
                if grown > self.max_message || self.held + grown > self.max_held {
                    self.abandoned += 1;
                } else {
                    p.bytes.extend_from_slice(payload);
                    match pdu::need(p.kind, &p.bytes) {
                        Need::More => {
                            p.segments.push(Piece {
                                frame: number,
                                at: 0,
                                len: payload.len() as u32,
                            });
                            p.next_seq = p.next_seq.wrapping_add(payload.len() as u32);
                            self.hold(key, p);
                            split.carried = payload.len() as u32;
                            return split;
                        }
                        Need::Whole(n) => {
                            let here = n - before;
                            p.segments.push(Piece {
                                frame: number,
                                at: 0,
                                len: here as u32,
                            });
                            p.bytes.truncate(n);
                            split.completed = Some(Arc::new(Reassembled {
                                bytes: p.bytes.into(),
                                segments: p.segments,
                            }));
                            at = here;
                        }
                        Need::No => {}
                    }
                }
            }
        }
        // Whole messages from `at`, then perhaps the start of one that goes on.
        let ports = (seg.src.port, seg.dst.port);
        while at < payload.len() {
            let rest = &payload[at..];
            let Some(kind) = pdu::kind(rest, ports) else {
                break;
            };
            match pdu::need(kind, rest) {
                Need::Whole(n) => at += n,
                Need::More => {
                    if rest.len() <= self.max_message && self.held + rest.len() <= self.max_held {
                        let p = Pending {
                            kind,
                            next_seq: info.seq.wrapping_add(payload.len() as u32),
                            bytes: rest.to_vec(),
                            segments: vec![Piece {
                                frame: number,
                                at: at as u32,
                                len: rest.len() as u32,
                            }],
                        };
                        self.hold(key, p);
                        split.carried = rest.len() as u32;
                    } else {
                        self.abandoned += 1;
                    }
                    break;
                }
                Need::No => break,
            }
        }
        split
    }

    fn hold(&mut self, key: (u32, bool), p: Pending) {
        self.held += p.bytes.len();
        self.pending.insert(key, p);
    }

    fn drop_pending(&mut self, key: (u32, bool)) {
        if let Some(p) = self.pending.remove(&key) {
            self.held -= p.bytes.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Analysis, Analyzer};
    use crate::LinkType;

    /// An IPv4 TCP segment from 10.0.0.1:40000 to 10.0.0.2:`port` (or back when `reply`),
    /// with ACK and PSH set: enough for the analysis, which checks no checksum.
    fn segment(port: u16, reply: bool, seq: u32, payload: &[u8]) -> Vec<u8> {
        let total = 40 + payload.len();
        let (src, dst) = if reply { (2, 1) } else { (1, 2) };
        let (sport, dport) = if reply { (port, 40000) } else { (40000, port) };
        let mut f = vec![
            0x45,
            0,
            (total >> 8) as u8,
            total as u8,
            0,
            0,
            0x40,
            0,
            64,
            6,
            0,
            0,
        ];
        f.extend([10, 0, 0, src, 10, 0, 0, dst]);
        f.extend(sport.to_be_bytes());
        f.extend(dport.to_be_bytes());
        f.extend(seq.to_be_bytes());
        f.extend(1u32.to_be_bytes());
        f.extend([0x50, 0x18, 0xff, 0xff, 0, 0, 0, 0]);
        f.extend_from_slice(payload);
        f
    }

    fn split(a: &Analysis) -> (bool, u32) {
        match a {
            Analysis::Tcp(t) => (t.pdu.completed.is_some(), t.pdu.carried),
            _ => panic!("not TCP"),
        }
    }

    #[test]
    fn a_dns_message_in_three_segments_completes_in_the_third() {
        let msg = [0u8, 5, 1, 2, 3, 4, 5, 0, 2];
        let mut a = Analyzer::new();
        let mut seq = 100;
        let mut out = Vec::new();
        for (n, piece) in [&msg[..1], &msg[1..4], &msg[4..]].into_iter().enumerate() {
            let f = segment(53, false, seq, piece);
            out.push(a.observe_frame(n as u32 + 1, 0, LinkType::RAW, &f));
            seq += piece.len() as u32;
        }
        assert_eq!(split(&out[0]), (false, 1));
        assert_eq!(split(&out[1]), (false, 3));
        // The third ends the message (7 bytes) and begins the next (its length, 2 bytes).
        assert_eq!(split(&out[2]), (true, 2));
        let Analysis::Tcp(t) = &out[2] else {
            unreachable!()
        };
        let r = t.pdu.completed.as_ref().unwrap();
        assert_eq!(&r.bytes[..], &msg[..7]);
        let parts: Vec<_> = r.segments.iter().map(|p| (p.frame, p.at, p.len)).collect();
        assert_eq!(parts, [(1, 0, 1), (2, 0, 3), (3, 0, 3)]);
        assert_eq!(t.pdu.own(5), 3..3);
    }

    #[test]
    fn a_gap_drops_the_wait_and_a_retransmission_adds_nothing() {
        let mut a = Analyzer::new();
        let hello = [22u8, 3, 1, 0, 4, 1, 2, 3, 4];
        let first = segment(443, false, 1, &hello[..6]);
        assert_eq!(
            split(&a.observe_frame(1, 0, LinkType::RAW, &first)),
            (false, 6)
        );
        // The same bytes again: a retransmission, not more of the record.
        assert_eq!(
            split(&a.observe_frame(2, 100_000_000, LinkType::RAW, &first)),
            (false, 0)
        );
        // Bytes after a gap: the held start is dropped; these are no record header.
        let later = segment(443, false, 50, &hello[6..]);
        assert_eq!(
            split(&a.observe_frame(3, 200_000_000, LinkType::RAW, &later)),
            (false, 0)
        );
        assert_eq!(a.reassembly.held, 0);
    }

    #[test]
    fn a_message_over_the_budget_is_not_joined_and_is_counted() {
        let mut a = Analyzer::new();
        a.reassembly.max_message = 8;
        // A TLS record announcing 10 bytes: 15 in all, over the 8-byte budget.
        let record = [23u8, 3, 3, 0, 10, 0, 0];
        let f = segment(443, false, 1, &record);
        assert_eq!(split(&a.observe_frame(1, 0, LinkType::RAW, &f)), (false, 7));
        let more = segment(443, false, 8, &[0; 8]);
        assert_eq!(
            split(&a.observe_frame(2, 0, LinkType::RAW, &more)),
            (false, 0)
        );
        assert_eq!(a.reassembly.abandoned, 1);
        assert_eq!(a.reassembly.held, 0);
        // The other direction never waited.
        let answer = segment(443, true, 1, &[23, 3, 3, 0, 1, 9]);
        assert_eq!(
            split(&a.observe_frame(3, 0, LinkType::RAW, &answer)),
            (false, 0)
        );
    }
}
