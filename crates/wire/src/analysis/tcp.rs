//! TCP stream tracking with Wireshark's rules: `tcp.stream` numbering, relative sequence
//! numbers, window scaling, expert notes; plus each endpoint's RFC 9293 state as the
//! segments on the wire imply it, and the role of each segment in the handshake or teardown.

use crate::registry::{self as hf, FieldDef};
use std::collections::HashMap;

use super::endpoint::{Endpoint, Segment};
use crate::field::{Field, Value};
use crate::layer::{Dissection, Protocol};
use crate::proto::tcp::{ACK, FIN, MAX_WINDOW_SHIFT, RST, SYN};

/// RFC 9293 connection states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TcpState {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}

impl TcpState {
    pub fn name(self) -> &'static str {
        match self {
            TcpState::Closed => "CLOSED",
            TcpState::Listen => "LISTEN",
            TcpState::SynSent => "SYN-SENT",
            TcpState::SynReceived => "SYN-RECEIVED",
            TcpState::Established => "ESTABLISHED",
            TcpState::FinWait1 => "FIN-WAIT-1",
            TcpState::FinWait2 => "FIN-WAIT-2",
            TcpState::CloseWait => "CLOSE-WAIT",
            TcpState::Closing => "CLOSING",
            TcpState::LastAck => "LAST-ACK",
            TcpState::TimeWait => "TIME-WAIT",
        }
    }
}

impl std::fmt::Display for TcpState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a segment does in the connection's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentRole {
    /// First step of the three-way handshake.
    Syn,
    SynAck,
    /// The client's ACK that completes the handshake.
    HandshakeAck,
    Fin,
    /// The ACK of the last FIN, which ends the teardown.
    FinalAck,
    Rst,
}

impl SegmentRole {
    pub fn name(self) -> &'static str {
        match self {
            SegmentRole::Syn => "handshake 1/3: SYN",
            SegmentRole::SynAck => "handshake 2/3: SYN-ACK",
            SegmentRole::HandshakeAck => "handshake 3/3: ACK",
            SegmentRole::Fin => "teardown: FIN",
            SegmentRole::FinalAck => "teardown: final ACK",
            SegmentRole::Rst => "reset: RST",
        }
    }

    pub fn is_handshake(self) -> bool {
        matches!(
            self,
            SegmentRole::Syn | SegmentRole::SynAck | SegmentRole::HandshakeAck
        )
    }
}

/// Wireshark's expert notes for a segment (`tcp.analysis.*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub retransmission: bool,
    pub fast_retransmission: bool,
    pub spurious_retransmission: bool,
    /// Behind the sequence already sent, but too soon after it to be a resend.
    pub out_of_order: bool,
    pub lost_segment: bool,
    pub ack_lost_segment: bool,
    pub keep_alive: bool,
    /// A repeated ACK that answers the other side's keep-alive.
    pub keep_alive_ack: bool,
    pub zero_window: bool,
    pub zero_window_probe: bool,
    /// A repeated zero-window ACK that answers the other side's zero-window probe.
    pub zero_window_probe_ack: bool,
    pub window_update: bool,
    pub window_full: bool,
    /// Number of this duplicate ACK (1 for the first duplicate), 0 if not one.
    pub duplicate_ack: u32,
    /// The frame that this duplicate ACK repeats.
    pub duplicate_ack_of: u32,
    pub reset: bool,
}

impl Notes {
    /// The notes as (tshark field name, human text), in tshark's order.
    pub fn list(&self) -> Vec<(&'static FieldDef, String)> {
        // Most segments have no note at all.
        if *self == Notes::default() {
            return Vec::new();
        }
        let flags: [(bool, &'static FieldDef, &str); 14] = [
            (
                self.spurious_retransmission,
                &hf::tcp::ANALYSIS_SPURIOUS_RETRANSMISSION,
                "This frame is a (suspected) spurious retransmission",
            ),
            (
                self.fast_retransmission,
                &hf::tcp::ANALYSIS_FAST_RETRANSMISSION,
                "This frame is a (suspected) fast retransmission",
            ),
            (
                self.retransmission,
                &hf::tcp::ANALYSIS_RETRANSMISSION,
                "This frame is a (suspected) retransmission",
            ),
            (
                self.out_of_order,
                &hf::tcp::ANALYSIS_OUT_OF_ORDER,
                "This frame is a (suspected) out-of-order segment",
            ),
            (
                self.lost_segment,
                &hf::tcp::ANALYSIS_LOST_SEGMENT,
                "Previous segment(s) not captured (common at capture start)",
            ),
            (
                self.ack_lost_segment,
                &hf::tcp::ANALYSIS_ACK_LOST_SEGMENT,
                "ACKed segment that wasn't captured (common at capture start)",
            ),
            (
                self.keep_alive,
                &hf::tcp::ANALYSIS_KEEP_ALIVE,
                "TCP keep-alive segment",
            ),
            (
                self.keep_alive_ack,
                &hf::tcp::ANALYSIS_KEEP_ALIVE_ACK,
                "ACK to a TCP keep-alive segment",
            ),
            (
                self.zero_window_probe,
                &hf::tcp::ANALYSIS_ZERO_WINDOW_PROBE,
                "TCP Zero Window Probe",
            ),
            (
                self.zero_window_probe_ack,
                &hf::tcp::ANALYSIS_ZERO_WINDOW_PROBE_ACK,
                "ACK to a TCP Zero Window Probe",
            ),
            (
                self.zero_window,
                &hf::tcp::ANALYSIS_ZERO_WINDOW,
                "TCP Zero Window segment",
            ),
            (
                self.window_update,
                &hf::tcp::ANALYSIS_WINDOW_UPDATE,
                "TCP window update",
            ),
            (
                self.window_full,
                &hf::tcp::ANALYSIS_WINDOW_FULL,
                "TCP window specified by the receiver is now completely full",
            ),
            (
                self.reset,
                &hf::tcp::CONNECTION_RST,
                "Connection reset (RST)",
            ),
        ];
        let mut v: Vec<(&'static FieldDef, String)> = flags
            .iter()
            .filter(|f| f.0)
            .map(|f| (f.1, f.2.to_string()))
            .collect();
        if self.duplicate_ack > 0 {
            v.push((
                &hf::tcp::ANALYSIS_DUPLICATE_ACK,
                format!(
                    "Duplicate ACK (#{}) of frame {}",
                    self.duplicate_ack, self.duplicate_ack_of
                ),
            ));
        }
        v
    }

    pub fn is_empty(&self) -> bool {
        self.list().is_empty()
    }
}

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
    /// Relative acknowledgment number; 0 when the ACK flag is clear, as in tshark.
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

/// Per-direction sequence state.
#[derive(Clone, Debug, Default)]
struct Flow {
    base_seq: Option<u32>,
    /// Highest sequence number sent so far plus one (seq + len + SYN + FIN), raw.
    nextseq: Option<u32>,
    lastack: Option<u32>,
    lastack_frame: u32,
    /// Last advertised window (scaled unless on a SYN).
    window: Option<u32>,
    win_scale: Option<u8>,
    syn_seen: bool,
    /// Raw sequence number of this side's FIN.
    fin_seq: Option<u32>,
    dupacks: u32,
    /// The end of the data seen without a gap ("max seq to be acked"): an ACK from the
    /// other side beyond it acknowledges a segment the capture missed. Raw; 0 is unset,
    /// as in Wireshark, whose rule this follows.
    max_seq_to_ack: u32,
    /// When `nextseq` last moved (nanoseconds): a segment behind it that comes within the
    /// connection's first round trip of that moment is out of order, not resent.
    nextseq_time: i128,
    /// When `lastack` was last sent: a fast retransmission follows the duplicate ACKs
    /// within 20 ms.
    lastack_time: i128,
    /// Segments sent and not yet acknowledged, oldest first: an ACK of the end of one names
    /// its frame and round trip (`tcp.analysis.acks_frame`, `ack_rtt`). At most
    /// [`UNACKED_KEPT`], as Wireshark keeps.
    unacked: std::collections::VecDeque<Unacked>,
    /// Whether this side's last segment was a keep-alive or a zero-window probe: the
    /// other side's repeated ACK then answers it (rather than being a duplicate).
    last_keep_alive: bool,
    last_zero_window_probe: bool,
}

/// A segment waiting for its acknowledgment.
#[derive(Clone, Copy, Debug)]
struct Unacked {
    frame: u32,
    /// Raw sequence numbers: where it starts (moved up by a partial ACK) and ends.
    seq: u32,
    nextseq: u32,
    time: i128,
}

/// Unacknowledged segments kept per direction (Wireshark's limit).
const UNACKED_KEPT: usize = 1000;

/// One TCP connection as seen in the capture.
#[derive(Clone, Debug)]
pub struct TcpStreamInfo {
    pub index: u32,
    pub client: Endpoint,
    pub server: Endpoint,
    /// Initial sequence numbers, raw, when the SYNs were seen.
    pub client_isn: Option<u32>,
    pub server_isn: Option<u32>,
    pub frames: Vec<u32>,
    pub syn_frame: Option<u32>,
    pub synack_frame: Option<u32>,
    pub ack_frame: Option<u32>,
    pub fin_frames: Vec<u32>,
    pub rst_frame: Option<u32>,
    pub final_ack_frame: Option<u32>,
    pub client_state: TcpState,
    pub server_state: TcpState,
    /// Index 0: client → server, 1: server → client.
    flows: [Flow; 2],
    scale_settled: Option<WindowScale>,
    /// When the last SYN (without ACK) was sent, and the round trip from it to the first
    /// pure ACK (Wireshark's initial RTT; 0 until known): what tells an out-of-order
    /// segment from a retransmission.
    last_syn_time: Option<i128>,
    first_rtt: i128,
}

#[derive(Default)]
pub struct Tracker {
    index: HashMap<(Endpoint, Endpoint), u32>,
    pub streams: Vec<TcpStreamInfo>,
}

fn gt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) > 0
}

fn lt(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

impl Tracker {
    pub fn stream(&self, index: u32) -> Option<&TcpStreamInfo> {
        self.streams.get(index as usize)
    }

    fn stream_for(&mut self, seg: &Segment) -> usize {
        let key = if seg.src <= seg.dst {
            (seg.src, seg.dst)
        } else {
            (seg.dst, seg.src)
        };
        let pure_syn = seg.has(SYN) && !seg.has(ACK);
        if let Some(&i) = self.index.get(&key) {
            let s = &self.streams[i as usize];
            let dir = if s.client == seg.src { 0 } else { 1 };
            // A new SYN with another ISN on the same ports is a new connection (port reuse).
            let reused = pure_syn && s.flows[dir].base_seq.is_some_and(|b| b != seg.seq);
            if !reused {
                return i as usize;
            }
        }
        let idx = self.streams.len() as u32;
        self.index.insert(key, idx);
        // The SYN's sender is the client; without a SYN, guess the lower port is the server.
        let (client, server) = if pure_syn || (seg.has(SYN) && seg.has(ACK)) {
            if pure_syn {
                (seg.src, seg.dst)
            } else {
                (seg.dst, seg.src)
            }
        } else if seg.dst.port <= seg.src.port {
            (seg.src, seg.dst)
        } else {
            (seg.dst, seg.src)
        };
        let starts_with_syn = seg.has(SYN);
        self.streams.push(TcpStreamInfo {
            index: idx,
            client,
            server,
            client_isn: None,
            server_isn: None,
            frames: Vec::new(),
            syn_frame: None,
            synack_frame: None,
            ack_frame: None,
            fin_frames: Vec::new(),
            rst_frame: None,
            final_ack_frame: None,
            client_state: if starts_with_syn {
                TcpState::Closed
            } else {
                TcpState::Established
            },
            server_state: if starts_with_syn {
                TcpState::Listen
            } else {
                TcpState::Established
            },
            flows: [Flow::default(), Flow::default()],
            scale_settled: None,
            last_syn_time: None,
            first_rtt: 0,
        });
        idx as usize
    }

    /// Records one segment of frame `number`.
    pub fn observe(&mut self, number: u32, ts: i128, seg: &Segment) -> TcpInfo {
        let si = self.stream_for(seg);
        let s = &mut self.streams[si];
        s.frames.push(number);
        let from_client = s.client == seg.src && s.server == seg.dst;
        let (f, r) = if from_client { (0, 1) } else { (1, 0) };
        let syn = seg.has(SYN);
        let fin = seg.has(FIN);
        let ackf = seg.has(ACK);

        // Base sequence numbers: a SYN gives the ISN; otherwise the first segment seen
        // counts as relative 1, as Wireshark does for captures that start mid-stream.
        if s.flows[f].base_seq.is_none() {
            s.flows[f].base_seq = Some(if syn {
                seg.seq
            } else {
                seg.seq.wrapping_sub(1)
            });
        }
        if ackf && s.flows[r].base_seq.is_none() {
            s.flows[r].base_seq = Some(seg.ack.wrapping_sub(1));
        }
        if syn {
            s.flows[f].syn_seen = true;
            // A shift above 14 is used as 14 (RFC 7323 §2.3), as tshark does.
            s.flows[f].win_scale = seg.wscale.map(|sh| sh.min(MAX_WINDOW_SHIFT));
            if from_client {
                s.client_isn = Some(seg.seq);
            } else {
                s.server_isn = Some(seg.seq);
            }
            // tshark checks the scaling of a SYN-ACK after reading its options: a header
            // the snapshot length cut leaves it unsettled (-1, unknown).
            if ackf && !seg.header_cut {
                // The SYN-ACK settles scaling: both sides must have offered it.
                s.scale_settled = Some(match (s.flows[0].win_scale, s.flows[1].win_scale) {
                    (Some(_), Some(_)) => WindowScale::Shift(0),
                    _ => WindowScale::NotUsed,
                });
            }
        }
        let scale = if syn {
            None
        } else {
            Some(match s.scale_settled {
                None => WindowScale::Unknown,
                Some(WindowScale::Shift(_)) => {
                    WindowScale::Shift(s.flows[f].win_scale.unwrap_or(0))
                }
                Some(other) => other,
            })
        };
        let window = match scale {
            Some(WindowScale::Shift(sh)) => (seg.window as u32) << sh.min(MAX_WINDOW_SHIFT),
            _ => seg.window as u32,
        };

        let base = s.flows[f].base_seq.unwrap_or(0);
        let rel_seq = seg.seq.wrapping_sub(base);
        let rel_ack = if ackf {
            seg.ack.wrapping_sub(s.flows[r].base_seq.unwrap_or(0))
        } else {
            0
        };
        let consumed = seg.len + syn as u32 + fin as u32;
        let end_seq = seg.seq.wrapping_add(consumed);

        let notes = expert(&s.flows[f], &s.flows[r], seg, window, ts, s.first_rtt);

        // Update the flow after the analysis, as Wireshark does.
        {
            let fl = &mut s.flows[f];
            if fl.nextseq.is_none_or(|n| gt(end_seq, n)) {
                fl.nextseq = Some(end_seq);
                fl.nextseq_time = ts;
            }
            if ackf {
                if fl.lastack != Some(seg.ack) {
                    fl.dupacks = 0;
                    fl.lastack_frame = number;
                }
                fl.lastack = Some(seg.ack);
                fl.lastack_time = ts;
            }
            if notes.duplicate_ack > 0 {
                fl.dupacks = notes.duplicate_ack;
            }
            // Data that continues the gapless part moves its end along.
            if (fl.max_seq_to_ack == 0 || fl.max_seq_to_ack == seg.seq) && !notes.zero_window_probe
            {
                fl.max_seq_to_ack = fl.nextseq.unwrap_or(0);
            }
            fl.window = Some(window);
            fl.last_keep_alive = notes.keep_alive;
            fl.last_zero_window_probe = notes.zero_window_probe;
            if fin && fl.fin_seq.is_none() {
                fl.fin_seq = Some(seg.seq.wrapping_add(seg.len));
            }
        }
        if notes.ack_lost_segment {
            s.flows[r].max_seq_to_ack = s.flows[r].nextseq.unwrap_or(0);
        }
        // This segment waits for its acknowledgment; the acknowledgment field (read as
        // Wireshark reads it, ACK flag or not) settles the other side's.
        if consumed > 0 && s.flows[f].unacked.len() < UNACKED_KEPT {
            s.flows[f].unacked.push_back(Unacked {
                frame: number,
                seq: seg.seq,
                nextseq: end_seq,
                time: ts,
            });
        }
        let acks = settle(&mut s.flows[r].unacked, seg.ack, ts);
        // The initial round trip: from the last SYN to the first pure ACK after it (the
        // handshake's third step), as Wireshark measures it after its analysis.
        if syn && !ackf {
            s.last_syn_time = Some(ts);
        } else if ackf && !syn && s.first_rtt == 0 {
            if let Some(t) = s.last_syn_time {
                s.first_rtt = ts - t;
            }
        }

        let role = transition(s, from_client, seg, number);
        TcpInfo {
            stream: s.index,
            from_client,
            len: seg.len,
            seq: rel_seq,
            nxtseq: rel_seq.wrapping_add(consumed),
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

/// The notes about what one side sends, after the zero-window probe check: zero window,
/// a gap, keep-alive, window update, window full, and for a repeated ACK what it answers
/// (a keep-alive, a zero-window probe) or else that it is a duplicate.
fn sender_notes(n: &mut Notes, fwd: &Flow, rev: &Flow, seg: &Segment, window: u32) {
    let ctl = seg.flags & (SYN | FIN | RST) != 0;
    let seglen = seg.len;
    if seg.window == 0 && !ctl {
        n.zero_window = true;
    }
    if let Some(next) = fwd.nextseq {
        if gt(seg.seq, next) && !seg.has(RST) {
            n.lost_segment = true;
        }
        if seglen <= 1 && !ctl && next.wrapping_sub(1) == seg.seq {
            n.keep_alive = true;
        }
    }
    // The same place and acknowledgment as this side's last segment, nothing new sent.
    let repeated = seglen == 0
        && !ctl
        && fwd.nextseq == Some(seg.seq)
        && seg.has(ACK)
        && fwd.lastack == Some(seg.ack);
    if repeated && window != 0 && fwd.window.is_some_and(|w| w != window) {
        n.window_update = true;
    }
    if seglen > 0 {
        if let (Some(ra), Some(rw)) = (rev.lastack, rev.window) {
            if seg.seq.wrapping_add(seglen) == ra.wrapping_add(rw) && rw > 0 {
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

/// Applies acknowledgment number `ack`, seen at `ts`, to the other side's unacknowledged
/// segments: those it covers are forgotten, one it cuts starts where it ends. Returns the
/// frame it acknowledges exactly (the oldest such, when a segment was sent again) and the
/// time since that frame, as Wireshark computes them.
fn settle(
    unacked: &mut std::collections::VecDeque<Unacked>,
    ack: u32,
    ts: i128,
) -> Option<(u32, i128)> {
    let acked = unacked
        .iter()
        .find(|u| u.nextseq == ack)
        .map(|u| (u.frame, ts - u.time));
    unacked.retain_mut(|u| {
        if gt(u.nextseq, ack) {
            if gt(ack, u.seq) {
                u.seq = ack;
            }
            true
        } else {
            false
        }
    });
    acked
}

/// How soon after the sequence number last advanced a segment behind it counts as out of
/// order when the connection's first round trip is not known (Wireshark's 3 ms).
const OUT_OF_ORDER_DEFAULT: i128 = 3_000_000;
/// How soon after the duplicate ACKs a resent segment counts as a fast retransmission.
const FAST_RETRANSMISSION_WITHIN: i128 = 20_000_000;

/// Wireshark's sequence analysis for one segment at time `ts`, before the flow is updated;
/// `first_rtt` is the connection's initial round trip (0 while unknown).
fn expert(fwd: &Flow, rev: &Flow, seg: &Segment, window: u32, ts: i128, first_rtt: i128) -> Notes {
    let mut n = Notes::default();
    let seglen = seg.len;
    n.reset = seg.has(RST);

    // The checks of one direction, in Wireshark's order; a zero-window probe is only that.
    if seglen == 1 && fwd.nextseq == Some(seg.seq) && rev.window == Some(0) {
        n.zero_window_probe = true;
    } else {
        sender_notes(&mut n, fwd, rev, seg, window);
    }
    // Once said, the other side's mark moves to what it has sent ([`Flow::max_seq_to_ack`]
    // is updated with the flow), so one missed segment is reported once.
    if seg.has(ACK) && rev.max_seq_to_ack != 0 && gt(seg.ack, rev.max_seq_to_ack) {
        n.ack_lost_segment = true;
    }
    if (seglen > 0 || seg.has(SYN) || seg.has(FIN)) && !n.keep_alive && !n.zero_window_probe {
        let end = seg.seq.wrapping_add(seglen);
        let ctl_end = end.wrapping_add(u32::from(seg.flags & (SYN | FIN) != 0));
        // Behind what was sent already; one byte behind with new data after it is the
        // data after a zero-window probe, not a resend.
        let behind = fwd.nextseq.is_some_and(|next| {
            lt(seg.seq, next) && !(seglen > 1 && next.wrapping_sub(1) == seg.seq)
        });
        let out_of_order_within = if first_rtt == 0 {
            OUT_OF_ORDER_DEFAULT
        } else {
            first_rtt
        };
        // The kinds are exclusive and tried in Wireshark's order; the fast and spurious
        // kinds are shown as retransmissions too.
        if behind
            && rev.dupacks >= 2
            && rev.lastack == Some(seg.seq)
            && ts - rev.lastack_time < FAST_RETRANSMISSION_WITHIN
        {
            n.fast_retransmission = true;
            n.retransmission = true;
        } else if behind
            && ts - fwd.nextseq_time < out_of_order_within
            && fwd.nextseq != Some(ctl_end)
        {
            n.out_of_order = true;
        } else if seglen > 0 && rev.lastack.is_some_and(|a| a != 0 && !lt(a, end)) {
            n.spurious_retransmission = true;
            n.retransmission = true;
        } else if behind {
            n.retransmission = true;
        }
    }
    n
}

/// Applies the segment to both endpoints' states and names its role.
fn transition(
    s: &mut TcpStreamInfo,
    from_client: bool,
    seg: &Segment,
    number: u32,
) -> Option<SegmentRole> {
    use TcpState::*;
    let (syn, ack, fin, rst) = (seg.has(SYN), seg.has(ACK), seg.has(FIN), seg.has(RST));
    let r = if from_client { 1 } else { 0 };
    // Does this segment acknowledge the peer's FIN?
    let acks_peer_fin = ack
        && s.flows[r]
            .fin_seq
            .is_some_and(|fs| !lt(seg.ack, fs.wrapping_add(1)));
    let (mut me, mut peer) = if from_client {
        (s.client_state, s.server_state)
    } else {
        (s.server_state, s.client_state)
    };
    let mut role = None;
    if rst {
        // Either side's RST closes both ends; a RST answering a SYN means nobody listened.
        me = Closed;
        peer = Closed;
        s.rst_frame.get_or_insert(number);
        role = Some(SegmentRole::Rst);
    } else if syn && !ack {
        me = SynSent;
        if peer == Listen || peer == Closed {
            peer = SynReceived;
        }
        s.syn_frame.get_or_insert(number);
        role = Some(SegmentRole::Syn);
    } else if syn && ack {
        me = SynReceived;
        if peer == SynSent {
            peer = Established;
        }
        s.synack_frame.get_or_insert(number);
        role = Some(SegmentRole::SynAck);
    } else {
        if me == SynReceived
            && ack
            && s.synack_frame.is_some()
            && s.ack_frame.is_none()
            && from_client
        {
            me = Established;
        }
        if peer == SynReceived && ack && from_client && s.ack_frame.is_none() {
            // The third step of the handshake.
            peer = Established;
            s.ack_frame = Some(number);
            role = Some(SegmentRole::HandshakeAck);
        }
        if acks_peer_fin {
            peer = match peer {
                FinWait1 => FinWait2,
                Closing => TimeWait,
                LastAck => {
                    s.final_ack_frame.get_or_insert(number);
                    role = Some(SegmentRole::FinalAck);
                    Closed
                }
                other => other,
            };
        }
        if fin {
            me = match me {
                Established | SynReceived => FinWait1,
                CloseWait => LastAck,
                other => other,
            };
            peer = match peer {
                Established => CloseWait,
                FinWait1 => Closing,
                FinWait2 => TimeWait,
                other => other,
            };
            s.fin_frames.push(number);
            role = Some(SegmentRole::Fin);
        }
    }
    if from_client {
        s.client_state = me;
        s.server_state = peer;
    } else {
        s.server_state = me;
        s.client_state = peer;
    }
    role
}

/// Fields to insert into a TCP layer, each before the field now at its index (at the end
/// for the length); at most six, kept without a heap allocation per packet.
struct Inserts {
    items: [(usize, Option<Field>); 6],
    len: usize,
}

impl Inserts {
    fn new() -> Self {
        Inserts {
            items: Default::default(),
            len: 0,
        }
    }

    fn push(&mut self, at: usize, f: Field) {
        self.items[self.len] = (at, Some(f));
        self.len += 1;
    }

    /// Inserts them all in one backward pass over `fields`, in place: each field moves at
    /// most once, and the vector (sized for them by the TCP layer) is not reallocated.
    /// Fields inserted at the same place keep the order they were pushed in.
    fn apply(mut self, fields: &mut Vec<Field>) {
        let new = &mut self.items[..self.len];
        // Stable, and on six items an insertion sort: no allocation.
        new.sort_by_key(|(at, _)| *at);
        let old_len = fields.len();
        // Placeholders, each overwritten below.
        fields.resize_with(old_len + new.len(), || {
            Field::new(&hf::tcp::ANALYSIS, Value::None, 0..0)
        });
        let mut dst = fields.len();
        let mut pending = new.len();
        // Invariant: dst == i + pending, so placing never overwrites an unmoved field.
        for i in (0..=old_len).rev() {
            while pending > 0 && new[pending - 1].0.min(old_len) == i {
                pending -= 1;
                dst -= 1;
                if let Some(f) = new[pending].1.take() {
                    fields[dst] = f;
                }
            }
            if pending == 0 {
                break;
            }
            if i > 0 {
                dst -= 1;
                fields.swap(dst, i - 1);
            }
        }
    }
}

/// Inserts the analysis fields into the frame's TCP layer.
pub fn annotate(d: &mut Dissection, info: &TcpInfo) {
    let Some(layer) = d.layers.iter_mut().find(|l| l.protocol == Protocol::Tcp) else {
        return;
    };
    let start = layer.header.start;
    let at_header = |r: std::ops::Range<usize>| start + r.start..start + r.end;
    let seq_r = at_header(crate::proto::tcp::field::SEQ);
    let ack_r = at_header(crate::proto::tcp::field::ACK);
    let win_r = at_header(crate::proto::tcp::field::WINDOW);
    // Each field is looked for first where `proto::tcp::layer` puts it (one compare instead
    // of a scan of some twenty names for every packet), then anywhere.
    use crate::proto::tcp::position as at;
    let pos = |fields: &Vec<Field>, hint: usize, def: &FieldDef| match fields.get(hint) {
        Some(f) if f.is(def) => Some(hint),
        _ => fields.iter().position(|f| f.is(def)),
    };
    // New fields go in by the index of the original field they precede, all in one pass:
    // inserting one by one shifted the whole field list each time.
    let mut new = Inserts::new();
    let f = &layer.fields;
    if let Some(i) = pos(f, at::DST_PORT, &hf::tcp::DSTPORT) {
        new.push(
            i + 1,
            Field::new(
                &hf::tcp::STREAM,
                Value::Uint(info.stream as u64),
                start..start,
            ),
        );
    }
    if let Some(i) = pos(f, at::SEQ_RAW, &hf::tcp::SEQ_RAW) {
        new.push(
            i,
            Field::new(&hf::tcp::SEQ, Value::Uint(info.seq as u64), seq_r.clone())
                .meaning("relative sequence number"),
        );
        new.push(
            i + 1,
            Field::new(&hf::tcp::NXTSEQ, Value::Uint(info.nxtseq as u64), seq_r)
                .meaning("relative sequence number"),
        );
    }
    let mut raw_ack = 0;
    if let Some(i) = pos(f, at::ACK_RAW, &hf::tcp::ACK_RAW) {
        raw_ack = f[i].as_u64().unwrap_or(0) as u32;
        new.push(
            i,
            Field::new(&hf::tcp::ACK, Value::Uint(info.ack as u64), ack_r)
                .meaning("relative ack number"),
        );
    }
    if let Some(i) = pos(f, at::WINDOW, &hf::tcp::WINDOW_SIZE_VALUE) {
        new.push(
            i + 1,
            Field::new(
                &hf::tcp::WINDOW_SIZE,
                Value::Uint(info.window as u64),
                win_r.clone(),
            ),
        );
        if let Some(scale) = info.scale {
            let factor = scale.factor();
            let mut sf = Field::new(
                &hf::tcp::WINDOW_SIZE_SCALEFACTOR,
                Value::Uint(factor.max(0) as u64),
                win_r.clone(),
            );
            if factor < 0 {
                sf.value = Value::Int(factor);
                sf = sf.meaning(if factor == -1 {
                    "unknown"
                } else {
                    "no window scaling used"
                });
            }
            new.push(i + 1, sf);
        }
    }
    // SACK edges are relative to the peer's base, like the ACK number.
    if let Some(i) = pos(&layer.fields, at::OPTIONS, &hf::tcp::OPTIONS) {
        let base = raw_ack.wrapping_sub(info.ack);
        let sacks = layer.fields[i]
            .children
            .iter_mut()
            .filter(|x| x.is(&hf::tcp::OPTIONS_SACK));
        for sack in sacks {
            for edge in sack.children.iter_mut() {
                if edge.is(&hf::tcp::OPTIONS_SACK_LE) || edge.is(&hf::tcp::OPTIONS_SACK_RE) {
                    if let Value::Uint(v) = edge.value {
                        edge.value = Value::Uint((v as u32).wrapping_sub(base) as u64);
                    }
                }
            }
        }
    }
    new.apply(&mut layer.fields);
    let notes = info.notes.list();
    let mut children: Vec<Field> = Vec::new();
    // First, as tshark puts them: which segment this acknowledges, and how long it took.
    if let Some((frame, rtt)) = info.acks {
        children.push(Field::new(
            &hf::tcp::ANALYSIS_ACKS_FRAME,
            Value::Uint(frame as u64),
            start..start,
        ));
        // tshark leaves out a round trip of zero.
        if rtt != 0 {
            children.push(Field::new(
                &hf::tcp::ANALYSIS_ACK_RTT,
                Value::Nanos(rtt as i64),
                start..start,
            ));
        }
    }
    if let Some(role) = info.role {
        children.push(Field::new(
            &hf::tcp::CONNECTION_ROLE,
            Value::Text(role.name().into()),
            start..start,
        ));
    }
    for (def, text) in notes {
        children.push(Field::new(def, Value::Bool(true), start..start).meaning(text));
    }
    children.push(Field::new(
        &hf::tcp::STATE_CLIENT,
        Value::Text(info.client_state.name().into()),
        start..start,
    ));
    children.push(Field::new(
        &hf::tcp::STATE_SERVER,
        Value::Text(info.server_state.name().into()),
        start..start,
    ));
    layer
        .fields
        .push(Field::new(&hf::tcp::ANALYSIS, Value::None, start..start).with_children(children));
}

#[cfg(test)]
mod tests {
    use super::*;

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

    const NAMES: [&str; 12] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];

    /// Fields told apart by their labels.
    fn named(name: &'static str) -> Field {
        Field::new(&hf::tcp::ANALYSIS, Value::None, 0..0).label(name)
    }

    /// In-place insertion gives the order of the obvious way: before each old field, the new
    /// ones for its index in the order pushed; past the end, the rest by index.
    #[test]
    fn inserts_land_before_their_field_in_push_order() {
        let cases: &[(usize, &[usize])] = &[
            (5, &[]),
            (5, &[0]),
            (5, &[5]),
            (5, &[9]),
            (0, &[0, 0]),
            (6, &[1, 3, 4, 4, 7, 7]),
            (6, &[7, 4, 1, 4, 0, 6]),
            (10, &[2, 2, 2, 2, 2, 2]),
        ];
        for &(old_len, at) in cases {
            let mut fields: Vec<Field> = NAMES[..old_len].iter().map(|n| named(n)).collect();
            let mut new = Inserts::new();
            let mut want: Vec<Vec<&str>> = vec![Vec::new(); old_len + 1];
            let mut sorted = Vec::new();
            for (k, &i) in at.iter().enumerate() {
                let name = ["0", "1", "2", "3", "4", "5"][k];
                new.push(i, named(name));
                sorted.push((i, name));
            }
            sorted.sort_by_key(|(i, _)| *i);
            for (i, name) in sorted {
                want[i.min(old_len)].push(name);
            }
            for (i, n) in NAMES[..old_len].iter().enumerate() {
                want[i].push(n);
            }
            new.apply(&mut fields);
            let got: Vec<&str> = fields.iter().map(|f| f.name()).collect();
            assert_eq!(got, want.concat(), "{old_len} {at:?}");
        }
    }
}
