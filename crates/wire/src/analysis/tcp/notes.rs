//! Wireshark's expert notes (`tcp.analysis.*`): what one segment is said to be, and the
//! order and wording tshark gives them in. The rules that set them are in `expert`.

use crate::registry::{self as hf, FieldDef};

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
    /// A SYN that opens a new connection on the ports of an earlier one.
    pub reused_ports: bool,
}

impl Notes {
    /// The notes as (tshark field name, human text), in tshark's order.
    pub fn list(&self) -> Vec<(&'static FieldDef, String)> {
        // Most segments have no note at all.
        if *self == Notes::default() {
            return Vec::new();
        }
        let flags: [(bool, &'static FieldDef, &str); 15] = [
            (
                self.reused_ports,
                &hf::tcp::ANALYSIS_REUSED_PORTS,
                "A new tcp session is started with the same ports as an earlier session in this trace",
            ),
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

    /// Whether tshark keeps this segment's payload from the protocols above TCP: a
    /// retransmission (plain or spurious) or an out-of-order segment ("do not call
    /// subdissectors for error packets", on by default) shows only as TCP segment data.
    /// Not a fast retransmission, which tshark marks as a kind of its own.
    pub fn hides_payload(&self) -> bool {
        self.out_of_order || (self.retransmission && !self.fast_retransmission)
    }

    pub fn is_empty(&self) -> bool {
        self.list().is_empty()
    }
}
