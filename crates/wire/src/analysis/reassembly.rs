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
#[derive(Default)]
pub struct Reassembler {
    pending: HashMap<(u32, bool), Pending>,
    held: usize,
    /// Messages given up because a budget was exceeded.
    pub abandoned: u32,
    /// The most bytes held at once.
    pub peak_held: usize,
}

impl Reassembler {
    /// Decides how frame `number`'s payload splits; `info` is its stream analysis.
    pub fn feed(&mut self, number: u32, info: &TcpInfo, seg: &Segment, frame: &[u8]) -> PduSplit {
        let key = (info.stream, info.from_client);
        let payload = frame.get(seg.payload.clone()).unwrap_or_default();
        if info.len == 0 {
            return PduSplit::default();
        }
        // The capture cut the payload, or these bytes were sent before: nothing to join.
        if payload.len() != info.len as usize || info.notes.retransmission {
            if payload.len() != info.len as usize {
                self.drop_pending(key);
            }
            return PduSplit::default();
        }
        let mut split = PduSplit::default();
        let mut at = 0;
        if let Some(mut p) = self.pending.remove(&key) {
            self.held -= p.bytes.len();
            if p.next_seq == info.seq {
                let before = p.bytes.len();
                if before + payload.len() > MAX_MESSAGE
                    || self.held + before + payload.len() > MAX_HELD
                {
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
                    if rest.len() <= MAX_MESSAGE && self.held + rest.len() <= MAX_HELD {
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
        self.peak_held = self.peak_held.max(self.held);
        self.pending.insert(key, p);
    }

    fn drop_pending(&mut self, key: (u32, bool)) {
        if let Some(p) = self.pending.remove(&key) {
            self.held -= p.bytes.len();
        }
    }
}
