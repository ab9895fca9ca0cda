//! Per-direction bookkeeping: what one side has sent and acknowledged so far, the memory
//! the expert rules compare each new segment with. Updated after a segment's analysis, as
//! Wireshark does, so the rules see the flow as it was before the segment.

use std::collections::VecDeque;

use super::notes::Notes;
use super::seq::SeqNumber;
use super::Observed;
use crate::proto::tcp::FIN;

/// Unacknowledged segments kept per direction (Wireshark's limit).
const UNACKED_KEPT: usize = 1000;

/// One direction's sequence state.
#[derive(Clone, Debug, Default)]
pub(super) struct Flow {
    /// The number that counts as relative 0: the ISN, or one before the first number seen.
    pub base_seq: Option<SeqNumber>,
    /// Highest sequence number sent so far plus one (seq + len + SYN + FIN).
    pub nextseq: Option<SeqNumber>,
    pub lastack: Option<SeqNumber>,
    pub lastack_frame: u32,
    /// Last advertised window (scaled unless on a SYN).
    pub window: Option<u32>,
    pub win_scale: Option<u8>,
    /// Sequence number of this side's FIN.
    pub fin_seq: Option<SeqNumber>,
    pub dupacks: u32,
    /// The end of the data seen without a gap ("max seq to be acked"): an ACK from the
    /// other side beyond it acknowledges a segment the capture missed. [`UNSET`] (0) is
    /// unset, as in Wireshark, whose rule this follows.
    pub max_seq_to_ack: SeqNumber,
    /// When `nextseq` last moved (nanoseconds): a segment behind it that comes within the
    /// connection's first round trip of that moment is out of order, not resent.
    pub nextseq_time: i128,
    /// When `lastack` was last sent: a fast retransmission follows the duplicate ACKs
    /// within 20 ms.
    pub lastack_time: i128,
    /// Segments sent and not yet acknowledged, oldest first: an ACK of the end of one names
    /// its frame and round trip (`tcp.analysis.acks_frame`, `ack_rtt`). At most
    /// [`UNACKED_KEPT`], as Wireshark keeps.
    unacked: VecDeque<Unacked>,
    /// Whether this side's last segment was a keep-alive or a zero-window probe: the
    /// other side's repeated ACK then answers it (rather than being a duplicate).
    pub last_keep_alive: bool,
    pub last_zero_window_probe: bool,
}

/// Wireshark's "not set" for [`Flow::max_seq_to_ack`]; a real 0 reads as unset too.
pub(super) const UNSET: SeqNumber = SeqNumber(0);

/// A segment waiting for its acknowledgment.
#[derive(Clone, Copy, Debug)]
struct Unacked {
    frame: u32,
    /// Where it starts (moved up by a partial ACK) and ends.
    seq: SeqNumber,
    nextseq: SeqNumber,
    time: i128,
}

impl Flow {
    /// Records segment `seg` of frame `number`, sent by this side, once `notes` are known.
    #[inline]
    pub fn sent(&mut self, number: u32, seg: &Observed, notes: &Notes) {
        let end = seg.next_seq();
        if self.nextseq.is_none_or(|n| end > n) {
            self.nextseq = Some(end);
            self.nextseq_time = seg.ts;
        }
        // The acknowledgment field counts with or without the ACK flag, as in Wireshark: a
        // segment that sets the field alone moves it too.
        if self.lastack != Some(seg.ack) {
            self.dupacks = 0;
            self.lastack_frame = number;
        }
        self.lastack = Some(seg.ack);
        self.lastack_time = seg.ts;
        if notes.duplicate_ack > 0 {
            self.dupacks = notes.duplicate_ack;
        }
        // Data that continues the gapless part moves its end along.
        if (self.max_seq_to_ack == UNSET || self.max_seq_to_ack == seg.seq)
            && !notes.zero_window_probe
        {
            self.max_seq_to_ack = self.nextseq.unwrap_or(UNSET);
        }
        self.window = Some(seg.window);
        self.last_keep_alive = notes.keep_alive;
        self.last_zero_window_probe = notes.zero_window_probe;
        if seg.has(FIN) && self.fin_seq.is_none() {
            self.fin_seq = Some(seg.seq + seg.len);
        }
        // It waits for its acknowledgment.
        if seg.consumed() > 0 && self.unacked.len() < UNACKED_KEPT {
            self.unacked.push_back(Unacked {
                frame: number,
                seq: seg.seq,
                nextseq: end,
                time: seg.ts,
            });
        }
    }

    /// Whether this side can send a RST at `seq` that the other side, whose window is
    /// `window`, would accept: one near the next number this side was to send (RFC 9293
    /// §3.10.7.4 asks for it inside the receiver's window; either side of it here, as a
    /// capture sees the sender, not the receiver). Yes when nothing was sent yet, as for a
    /// RST that answers a SYN.
    #[inline]
    pub fn accepts_rst_at(&self, seq: SeqNumber, window: Option<u32>) -> bool {
        self.nextseq.is_none_or(|next| {
            let reach = window.unwrap_or(0).max(u32::from(u16::MAX));
            ((seq - next) as i32).unsigned_abs() <= reach
        })
    }

    /// Applies the other side's acknowledgment number `ack`, seen at `ts`, to this side's
    /// unacknowledged segments: those it covers are forgotten, one it cuts starts where it
    /// ends. Returns the frame it acknowledges exactly (the oldest such, when a segment was
    /// sent again) and the time since that frame, as Wireshark computes them.
    #[inline]
    pub fn settle(&mut self, ack: SeqNumber, ts: i128) -> Option<(u32, i128)> {
        let acked = self
            .unacked
            .iter()
            .find(|u| u.nextseq == ack)
            .map(|u| (u.frame, ts - u.time));
        self.unacked.retain_mut(|u| {
            if u.nextseq > ack {
                if ack > u.seq {
                    u.seq = ack;
                }
                true
            } else {
                false
            }
        });
        acked
    }
}
