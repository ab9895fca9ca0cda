//! TCP stream tracking with Wireshark's rules: `tcp.stream` numbering, relative sequence
//! numbers, window scaling, expert notes; plus each endpoint's RFC 9293 state as the
//! segments on the wire imply it, and the role of each segment in the handshake or teardown.
//!
//! In parts, each read by [`Tracker::observe`] in turn: [`stream`] finds the connection,
//! [`expert`] judges the segment against the two directions' bookkeeping ([`flow`]), which
//! is updated after it, [`state`] moves the endpoints' states, and [`annotate`] writes the
//! result into the frame's fields. Sequence numbers are [`SeqNumber`]s, which compare
//! across the wrap.

mod annotate;
mod expert;
mod flow;
mod notes;
mod seq;
mod state;
mod stream;

use std::collections::HashMap;

use super::endpoint::{Endpoint, Segment};
use crate::proto::tcp::{ACK, FIN, MAX_WINDOW_SHIFT, RST, SYN};

pub use annotate::annotate;
pub use notes::Notes;
pub use seq::SeqNumber;
pub use state::{SegmentRole, TcpState};
pub use stream::TcpStreamInfo;

/// Window scaling as Wireshark reports it in `tcp.window_size_scalefactor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowScale {
    /// The handshake was not captured (-1).
    Unknown,
    /// The handshake shows that scaling is not in use (-2).
    NotUsed,
    /// Shift count agreed in the handshake.
    Shift(u8),
}

impl WindowScale {
    /// tshark's value: the multiplier, or -1 / -2.
    pub fn factor(self) -> i64 {
        match self {
            WindowScale::Unknown => -1,
            WindowScale::NotUsed => -2,
            WindowScale::Shift(s) => 1i64 << s.min(MAX_WINDOW_SHIFT),
        }
    }
}

/// What the tracker says about one segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TcpInfo {
    pub stream: u32,
    pub from_client: bool,
    pub len: u32,
    pub seq: u32,
    pub nxtseq: u32,
    /// Relative acknowledgment number; the field as it is when the ACK flag is clear, as
    /// tshark shows it.
    pub ack: u32,
    /// Window in bytes after scaling.
    pub window: u32,
    /// None on SYN segments, which are never scaled.
    pub scale: Option<WindowScale>,
    pub role: Option<SegmentRole>,
    /// Both endpoints' states after this segment.
    pub client_state: TcpState,
    pub server_state: TcpState,
    pub notes: Notes,
    /// The frame whose segment this one acknowledges (exactly to its end) and the round
    /// trip in nanoseconds: `tcp.analysis.acks_frame` and `tcp.analysis.ack_rtt`.
    pub acks: Option<(u32, i128)>,
    /// How the payload splits between application messages (set by reassembly).
    pub pdu: super::reassembly::PduSplit,
}

/// Every TCP connection of a capture, by the endpoints' pair.
#[derive(Default)]
pub struct Tracker {
    index: HashMap<(Endpoint, Endpoint), u32>,
    pub streams: Vec<TcpStreamInfo>,
}

/// One segment as the analysis reads it, worked out once: every part takes its numbers
/// from here.
pub(super) struct Observed {
    seq: SeqNumber,
    ack: SeqNumber,
    /// The 12 flag bits.
    flags: u16,
    /// Payload length as the IP header declares it.
    len: u32,
    /// The window as on the wire, and after scaling.
    raw_window: u16,
    window: u32,
    /// When it was captured, in nanoseconds.
    ts: i128,
}

impl Observed {
    #[inline]
    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// The sequence space it takes: its data, and one for a SYN or a FIN. One for both on
    /// a segment that carries the two, as tshark counts it (`tcp.nxtseq`).
    #[inline]
    fn consumed(&self) -> u32 {
        self.len + u32::from(self.flags & (SYN | FIN) != 0)
    }

    /// The sequence number after it.
    #[inline]
    fn next_seq(&self) -> SeqNumber {
        self.seq + self.consumed()
    }
}

impl Tracker {
    pub fn stream(&self, index: u32) -> Option<&TcpStreamInfo> {
        self.streams.get(index as usize)
    }

    /// Records one segment of frame `number`, captured at `ts` (nanoseconds).
    pub fn observe(&mut self, number: u32, ts: i128, seg: &Segment) -> TcpInfo {
        let (si, reused_ports) = self.stream_for(seg);
        let s = &mut self.streams[si];
        s.frames.push(number);
        let from_client = s.client == seg.src && s.server == seg.dst;
        let (f, r) = if from_client { (0, 1) } else { (1, 0) };
        s.learn(f, r, seg);
        let scale = s.scale(f, seg.has(SYN));
        let window = match scale {
            Some(WindowScale::Shift(sh)) => (seg.window as u32) << sh.min(MAX_WINDOW_SHIFT),
            _ => seg.window as u32,
        };
        let o = Observed {
            seq: SeqNumber(seg.seq),
            ack: SeqNumber(seg.ack),
            flags: seg.flags,
            len: seg.len,
            raw_window: seg.window,
            window,
            ts,
        };
        let rel_seq = o.seq - s.flows[f].base_seq.unwrap_or_default();
        // Without the ACK flag the field means nothing, and tshark shows it as it is.
        let rel_ack = if o.has(ACK) {
            o.ack - s.flows[r].base_seq.unwrap_or_default()
        } else {
            o.ack.raw()
        };

        // Judged on the flow before this segment, which may move its next number.
        let rst_in_window = !o.has(RST) || s.flows[f].accepts_rst_at(o.seq, s.flows[r].window);
        let notes = Notes {
            reused_ports,
            ..expert::notes(&s.flows[f], &s.flows[r], &o, s.first_rtt)
        };
        s.flows[f].sent(number, &o, &notes);
        if notes.ack_lost_segment {
            s.flows[r].max_seq_to_ack = s.flows[r].nextseq.unwrap_or(flow::UNSET);
        }
        // The acknowledgment field, read as Wireshark reads it (ACK flag or not), settles
        // the other side's segments.
        let acks = s.flows[r].settle(o.ack, ts);
        s.time_handshake(&o);
        let role = s.move_states(from_client, &o, number, rst_in_window);
        TcpInfo {
            stream: s.index,
            from_client,
            len: seg.len,
            seq: rel_seq,
            nxtseq: rel_seq.wrapping_add(o.consumed()),
            ack: rel_ack,
            window,
            scale,
            role,
            client_state: s.client_state,
            server_state: s.server_state,
            // The notes still count (duplicate ACKs), but tshark shows none for a segment
            // whose header was cut: it stops dissecting before its SEQ/ACK analysis.
            notes: if seg.header_cut {
                Notes::default()
            } else {
                notes
            },
            acks: acks.filter(|_| !seg.header_cut),
            pdu: Default::default(),
        }
    }
}

impl TcpStreamInfo {
    /// Moves both endpoints' states for segment `seg` of frame `number` and notes the
    /// frames that open and close the connection; returns the segment's role.
    #[inline]
    fn move_states(
        &mut self,
        from_client: bool,
        seg: &Observed,
        number: u32,
        rst_in_window: bool,
    ) -> Option<SegmentRole> {
        let r = usize::from(from_client);
        let e = state::Event {
            syn: seg.has(SYN),
            ack: seg.has(ACK),
            fin: seg.has(FIN),
            rst: seg.has(RST),
            acks_fin: seg.has(ACK) && self.flows[r].fin_seq.is_some_and(|fin| seg.ack > fin),
            from_client,
            synack_seen: self.synack_frame.is_some(),
            handshake_done: self.ack_frame.is_some(),
            rst_in_window,
            answers_syn: !from_client && self.syn_frame.is_some() && self.synack_frame.is_none(),
        };
        let before = if from_client {
            state::Ends {
                sender: self.client_state,
                receiver: self.server_state,
            }
        } else {
            state::Ends {
                sender: self.server_state,
                receiver: self.client_state,
            }
        };
        let after = state::next(before, &e);
        (self.client_state, self.server_state) = if from_client {
            (after.sender, after.receiver)
        } else {
            (after.receiver, after.sender)
        };
        let role = state::role(before, after, &e);
        if state::completes_handshake(before, after, &e) {
            self.ack_frame = Some(number);
        }
        match role {
            Some(SegmentRole::Rst) => _ = self.rst_frame.get_or_insert(number),
            Some(SegmentRole::Refused) => {
                self.rst_frame.get_or_insert(number);
                self.refused = true;
            }
            Some(SegmentRole::Syn) => _ = self.syn_frame.get_or_insert(number),
            Some(SegmentRole::SynAck) => _ = self.synack_frame.get_or_insert(number),
            Some(SegmentRole::Fin) => self.fin_frames.push(number),
            Some(SegmentRole::FinalAck) => _ = self.final_ack_frame.get_or_insert(number),
            Some(SegmentRole::HandshakeAck | SegmentRole::RstIgnored) | None => {}
        }
        role
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::tcp::PSH;

    /// `v` milliseconds, in the analysis' nanoseconds.
    fn ms(v: i128) -> i128 {
        v * 1_000_000
    }

    /// A segment from the client (`true`) or the server, with raw numbers.
    fn seg(from_client: bool, seq: u32, ack: u32, flags: u16, len: u32) -> Segment {
        Segment::on_loopback(from_client, seq, ack, flags, len)
    }

    /// A handshake whose first round trip takes 10 ms (client ISN 100, server ISN 500),
    /// observed from `t0`; the next frame number.
    fn handshake(t: &mut Tracker, t0: i128) -> u32 {
        t.observe(1, t0, &seg(true, 100, 0, SYN, 0));
        t.observe(2, t0 + ms(5), &seg(false, 500, 101, SYN | ACK, 0));
        t.observe(3, t0 + ms(10), &seg(true, 101, 501, ACK, 0));
        4
    }

    /// Data behind what was sent, within the first round trip of the newest data, came out
    /// of order; the same data later is a retransmission (Wireshark's rule).
    #[test]
    fn late_data_within_the_first_round_trip_is_out_of_order_not_resent() {
        let mut t = Tracker::default();
        handshake(&mut t, 0);
        // Bytes 101..111 and 111..121 sent; 101..111 seen again 2 ms and then 50 ms after.
        t.observe(4, ms(1000), &seg(true, 101, 501, ACK, 10));
        t.observe(5, ms(1001), &seg(true, 111, 501, ACK, 10));
        let early = t.observe(6, ms(1003), &seg(true, 101, 501, ACK, 10)).notes;
        assert!(early.out_of_order && !early.retransmission, "{early:?}");
        let late = t.observe(7, ms(1051), &seg(true, 101, 501, ACK, 10)).notes;
        assert!(late.retransmission && !late.out_of_order, "{late:?}");
        // A SYN sent again soon is resent, not out of order: it ends where the first did.
        let mut t = Tracker::default();
        t.observe(1, 0, &seg(true, 100, 0, SYN, 0));
        let again = t.observe(2, ms(1), &seg(true, 100, 0, SYN, 0)).notes;
        assert!(again.retransmission && !again.out_of_order, "{again:?}");
    }

    /// An ACK of a segment's end names its frame and the time since it; one inside a
    /// segment names none and moves its start; data sent twice is named by its first frame.
    #[test]
    fn an_ack_names_the_frame_it_acknowledges_and_its_round_trip() {
        let mut t = Tracker::default();
        handshake(&mut t, 0);
        // The third step of the handshake acknowledges the SYN-ACK, 5 ms after it.
        let mut again = Tracker::default();
        again.observe(1, 0, &seg(true, 100, 0, SYN, 0));
        again.observe(2, ms(5), &seg(false, 500, 101, SYN | ACK, 0));
        let third = again.observe(3, ms(10), &seg(true, 101, 501, ACK, 0));
        assert_eq!(third.acks, Some((2, ms(5))));
        t.observe(4, ms(100), &seg(true, 101, 501, ACK, 10));
        let inside = t.observe(5, ms(101), &seg(false, 501, 106, ACK, 0));
        assert_eq!(inside.acks, None);
        let rest = t.observe(6, ms(102), &seg(false, 501, 111, ACK, 0));
        assert_eq!(rest.acks, Some((4, ms(2))));
        t.observe(7, ms(200), &seg(true, 111, 501, ACK, 10));
        t.observe(8, ms(400), &seg(true, 111, 501, ACK, 10));
        let late = t.observe(9, ms(401), &seg(false, 501, 121, ACK, 0));
        assert_eq!(late.acks, Some((7, ms(201))));
    }

    /// An ACK beyond the data seen without a gap acknowledges a segment the capture
    /// missed; the next ACK of the same side says it again only if it goes further than
    /// what was seen since.
    #[test]
    fn acked_unseen_data_is_said_for_each_ack_beyond_the_gapless_data() {
        let mut t = Tracker::default();
        handshake(&mut t, 0);
        t.observe(4, ms(1000), &seg(true, 101, 501, ACK, 10));
        // 111..611 never captured; 611..621 seen: a gap.
        let gap = t.observe(5, ms(1100), &seg(true, 611, 501, ACK, 10)).notes;
        assert!(gap.lost_segment, "{gap:?}");
        // The server acknowledges all of it: beyond the gapless 111.
        let first = t.observe(6, ms(1200), &seg(false, 501, 621, ACK, 0)).notes;
        assert!(first.ack_lost_segment, "{first:?}");
        // Said once: the mark moved to what the client sent.
        let again = t.observe(7, ms(1300), &seg(false, 501, 621, ACK, 0)).notes;
        assert!(!again.ack_lost_segment, "{again:?}");
    }

    /// tshark's reading of odd segments: an acknowledgment number without the ACK flag is
    /// shown as it is (not relative) and still counts as the sender's last one; SYN and FIN
    /// together take one sequence number.
    #[test]
    fn an_ack_field_alone_is_shown_raw_and_syn_with_fin_takes_one_number() {
        let mut t = Tracker::default();
        handshake(&mut t, 0);
        let alone = t.observe(4, ms(20), &seg(true, 101, 0x1234_5678, PSH, 1));
        assert_eq!(alone.ack, 0x1234_5678);
        // The server's next data lies behind that number: tshark calls it spurious.
        let data = t.observe(5, ms(30), &seg(false, 501, 102, ACK, 10)).notes;
        assert!(data.spurious_retransmission, "{data:?}");
        let mut t = Tracker::default();
        let both = t.observe(1, 0, &seg(true, 100, 0, SYN | FIN, 0));
        assert_eq!((both.seq, both.nxtseq), (0, 1));
    }

    /// A RST far from where the sender was (a blind injection) changes no state; one that
    /// answers a SYN refuses the connection; one at the sender's next number resets it.
    #[test]
    fn resets_are_judged_by_where_they_fall() {
        let mut t = Tracker::default();
        handshake(&mut t, 0);
        let blind = t.observe(4, ms(20), &seg(true, 0x9000_0000, 0, RST, 0));
        assert_eq!(blind.role, Some(SegmentRole::RstIgnored));
        assert_eq!(
            (blind.client_state, blind.server_state),
            (TcpState::Established, TcpState::Established)
        );
        assert!(blind.notes.reset, "tshark notes every RST");
        let real = t.observe(5, ms(30), &seg(true, 101, 501, RST | ACK, 0));
        assert_eq!(real.role, Some(SegmentRole::Rst));
        assert_eq!(real.server_state, TcpState::Closed);
        assert!(!t.streams[0].refused);

        let mut t = Tracker::default();
        t.observe(1, 0, &seg(true, 100, 0, SYN, 0));
        let no = t.observe(2, ms(1), &seg(false, 0, 101, RST | ACK, 0));
        assert_eq!(no.role, Some(SegmentRole::Refused));
        assert!(t.streams[0].refused && t.streams[0].rst_frame == Some(2));
    }
}
