//! Stream identity: which connection a segment belongs to (`tcp.stream`), who is client
//! and who is server, a new connection on the same ports, and what the handshake settled
//! (initial sequence numbers, window scaling).

use super::flow::Flow;
use super::seq::SeqNumber;
use super::state::TcpState;
use super::{Observed, Tracker, WindowScale};
use crate::analysis::endpoint::{Endpoint, Segment};
use crate::proto::tcp::{ACK, MAX_WINDOW_SHIFT, SYN};

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
    /// The server answered the SYN with a RST: nobody listened on its port.
    pub refused: bool,
    pub client_state: TcpState,
    pub server_state: TcpState,
    /// Index 0: client → server, 1: server → client.
    pub(super) flows: [Flow; 2],
    scale_settled: Option<WindowScale>,
    /// When the last SYN (without ACK) was sent, and the round trip from it to the first
    /// pure ACK (Wireshark's initial RTT; 0 until known): what tells an out-of-order
    /// segment from a retransmission.
    last_syn_time: Option<i128>,
    pub(super) first_rtt: i128,
}

impl Tracker {
    /// The stream that `seg` belongs to, a new one if it opens a connection: the first
    /// segment between two endpoints, or a SYN with another initial sequence number on
    /// ports already used (port reuse, which the second value says).
    #[inline]
    pub(super) fn stream_for(&mut self, seg: &Segment) -> (usize, bool) {
        let key = if seg.src <= seg.dst {
            (seg.src, seg.dst)
        } else {
            (seg.dst, seg.src)
        };
        let pure_syn = seg.has(SYN) && !seg.has(ACK);
        let mut reused = false;
        if let Some(&i) = self.index.get(&key) {
            let s = &self.streams[i as usize];
            let dir = if s.client == seg.src { 0 } else { 1 };
            reused = pure_syn
                && s.flows[dir]
                    .base_seq
                    .is_some_and(|b| b != SeqNumber(seg.seq));
            if !reused {
                return (i as usize, false);
            }
        }
        let idx = self.streams.len() as u32;
        self.index.insert(key, idx);
        self.streams.push(TcpStreamInfo::new(idx, seg));
        (idx as usize, reused)
    }
}

impl TcpStreamInfo {
    /// The stream that `seg`, its first segment, opens.
    fn new(index: u32, seg: &Segment) -> TcpStreamInfo {
        let pure_syn = seg.has(SYN) && !seg.has(ACK);
        // The SYN's sender is the client; without a SYN, guess the lower port is the server.
        let (client, server) = if pure_syn {
            (seg.src, seg.dst)
        } else if seg.has(SYN) {
            // A SYN-ACK comes from the server.
            (seg.dst, seg.src)
        } else if seg.dst.port <= seg.src.port {
            (seg.src, seg.dst)
        } else {
            (seg.dst, seg.src)
        };
        // A stream seen from its middle starts with both ends established.
        let (client_state, server_state) = if seg.has(SYN) {
            (TcpState::Closed, TcpState::Listen)
        } else {
            (TcpState::Established, TcpState::Established)
        };
        TcpStreamInfo {
            index,
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
            refused: false,
            client_state,
            server_state,
            flows: [Flow::default(), Flow::default()],
            scale_settled: None,
            last_syn_time: None,
            first_rtt: 0,
        }
    }

    /// Learns what segment `seg`, sent in direction `f` (the other is `r`), says about the
    /// connection's set-up: the relative numbers' bases and, on a SYN, the ISN and the
    /// window scale offered. A SYN gives the ISN; otherwise the first segment seen counts
    /// as relative 1, as Wireshark does for captures that start mid-stream.
    #[inline]
    pub(super) fn learn(&mut self, f: usize, r: usize, seg: &Segment) {
        let (seq, ack) = (SeqNumber(seg.seq), SeqNumber(seg.ack));
        let syn = seg.has(SYN);
        if self.flows[f].base_seq.is_none() {
            self.flows[f].base_seq = Some(if syn { seq } else { seq - 1 });
        }
        if seg.has(ACK) && self.flows[r].base_seq.is_none() {
            self.flows[r].base_seq = Some(ack - 1);
        }
        if !syn {
            return;
        }
        // A shift above 14 is used as 14 (RFC 7323 §2.3), as tshark does.
        self.flows[f].win_scale = seg.wscale.map(|sh| sh.min(MAX_WINDOW_SHIFT));
        if f == 0 {
            self.client_isn = Some(seg.seq);
        } else {
            self.server_isn = Some(seg.seq);
        }
        // tshark checks the scaling of a SYN-ACK after reading its options: a header the
        // snapshot length cut leaves it unsettled (-1, unknown).
        if seg.has(ACK) && !seg.header_cut {
            // The SYN-ACK settles scaling: both sides must have offered it.
            self.scale_settled = Some(match (self.flows[0].win_scale, self.flows[1].win_scale) {
                (Some(_), Some(_)) => WindowScale::Shift(0),
                _ => WindowScale::NotUsed,
            });
        }
    }

    /// The scaling of the window that direction `f` advertises; None on a SYN, whose
    /// window is never scaled.
    #[inline]
    pub(super) fn scale(&self, f: usize, syn: bool) -> Option<WindowScale> {
        if syn {
            return None;
        }
        Some(match self.scale_settled {
            None => WindowScale::Unknown,
            Some(WindowScale::Shift(_)) => WindowScale::Shift(self.flows[f].win_scale.unwrap_or(0)),
            Some(other) => other,
        })
    }

    /// Measures the initial round trip, after the segment's analysis as Wireshark does:
    /// from the last SYN to the first pure ACK after it (the handshake's third step).
    #[inline]
    pub(super) fn time_handshake(&mut self, seg: &Observed) {
        if seg.has(SYN) && !seg.has(ACK) {
            self.last_syn_time = Some(seg.ts);
        } else if seg.has(ACK) && !seg.has(SYN) && self.first_rtt == 0 {
            if let Some(t) = self.last_syn_time {
                self.first_rtt = seg.ts - t;
            }
        }
    }
}
