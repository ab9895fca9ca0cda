//! Wireshark's sequence analysis: the rules that decide a segment's expert notes from the
//! two directions' bookkeeping as it was before the segment. Each rule, its order and its
//! constants follow tshark's `tcp_analyze_sequence_number`, so the notes agree with it
//! frame by frame (scripts/tcp-expert-report.py checks that on every capture).

use super::flow::{Flow, UNSET};
use super::notes::Notes;
use super::Observed;
use crate::proto::tcp::{ACK, FIN, RST, SYN};

/// How soon after the sequence number last advanced a segment behind it counts as out of
/// order when the connection's first round trip is not known (Wireshark's 3 ms).
const OUT_OF_ORDER_DEFAULT: i128 = 3_000_000;
/// How soon after the duplicate ACKs a resent segment counts as a fast retransmission.
const FAST_RETRANSMISSION_WITHIN: i128 = 20_000_000;

/// The notes for segment `seg`, sent by the side whose flow is `fwd` to the side whose flow
/// is `rev`; `first_rtt` is the connection's initial round trip (0 while unknown).
#[inline]
pub(super) fn notes(fwd: &Flow, rev: &Flow, seg: &Observed, first_rtt: i128) -> Notes {
    let mut n = Notes {
        reset: seg.has(RST),
        ..Notes::default()
    };
    // The checks of one direction, in Wireshark's order; a zero-window probe is only that.
    if seg.len == 1 && fwd.nextseq == Some(seg.seq) && rev.window == Some(0) {
        n.zero_window_probe = true;
    } else {
        sender_notes(&mut n, fwd, rev, seg);
    }
    // Once said, the other side's mark moves to what it has sent ([`Flow::max_seq_to_ack`]
    // is updated with the flow), so one missed segment is reported once.
    if seg.has(ACK) && rev.max_seq_to_ack != UNSET && seg.ack > rev.max_seq_to_ack {
        n.ack_lost_segment = true;
    }
    if seg.consumed() > 0 && !n.keep_alive && !n.zero_window_probe {
        resend_notes(&mut n, fwd, rev, seg, first_rtt);
    }
    n
}

/// The notes about what one side sends, after the zero-window probe check: zero window,
/// a gap, keep-alive, window update, window full, and for a repeated ACK what it answers
/// (a keep-alive, a zero-window probe) or else that it is a duplicate.
#[inline]
fn sender_notes(n: &mut Notes, fwd: &Flow, rev: &Flow, seg: &Observed) {
    let ctl = seg.flags & (SYN | FIN | RST) != 0;
    let window = seg.window;
    if seg.raw_window == 0 && !ctl {
        n.zero_window = true;
    }
    if let Some(next) = fwd.nextseq {
        if seg.seq > next && !seg.has(RST) {
            n.lost_segment = true;
        }
        if seg.len <= 1 && !ctl && next - 1 == seg.seq {
            n.keep_alive = true;
        }
    }
    // The same place and acknowledgment as this side's last segment, nothing new sent.
    let repeated = seg.len == 0
        && !ctl
        && fwd.nextseq == Some(seg.seq)
        && seg.has(ACK)
        && fwd.lastack == Some(seg.ack);
    if repeated && window != 0 && fwd.window.is_some_and(|w| w != window) {
        n.window_update = true;
    }
    if seg.len > 0 {
        if let (Some(ra), Some(rw)) = (rev.lastack, rev.window) {
            if seg.seq + seg.len == ra + rw && rw > 0 {
                n.window_full = true;
            }
        }
    }
    let same_window = fwd.window == Some(window);
    if repeated && same_window && window != 0 && rev.last_keep_alive {
        n.keep_alive_ack = true;
    } else if repeated && same_window && window == 0 && rev.last_zero_window_probe {
        n.zero_window_probe_ack = true;
    } else if repeated && same_window && window != 0 && !n.keep_alive {
        n.duplicate_ack = fwd.dupacks + 1;
        n.duplicate_ack_of = fwd.lastack_frame;
    }
}

/// For a segment that takes sequence space: whether it is sent again, and which kind of
/// resend (fast, spurious, plain) or an out-of-order arrival it is. The kinds are exclusive
/// and tried in Wireshark's order; the fast and spurious kinds are shown as
/// retransmissions too.
#[inline]
fn resend_notes(n: &mut Notes, fwd: &Flow, rev: &Flow, seg: &Observed, first_rtt: i128) {
    let end = seg.seq + seg.len;
    // Behind what was sent already; one byte behind with new data after it is the data
    // after a zero-window probe, not a resend.
    let behind = fwd
        .nextseq
        .is_some_and(|next| seg.seq < next && !(seg.len > 1 && next - 1 == seg.seq));
    let out_of_order_within = if first_rtt == 0 {
        OUT_OF_ORDER_DEFAULT
    } else {
        first_rtt
    };
    // Data the other side has acknowledged already is spurious, whatever else it is.
    if seg.len > 0 && rev.lastack.is_some_and(|a| a != UNSET && a >= end) {
        n.spurious_retransmission = true;
        n.retransmission = true;
    } else if behind
        && rev.dupacks >= 2
        && rev.lastack == Some(seg.seq)
        && seg.ts - rev.lastack_time < FAST_RETRANSMISSION_WITHIN
    {
        n.fast_retransmission = true;
        n.retransmission = true;
    } else if behind
        && seg.ts - fwd.nextseq_time < out_of_order_within
        && fwd.nextseq != Some(seg.next_seq())
    {
        n.out_of_order = true;
    } else if behind {
        n.retransmission = true;
    }
}
