//! Cross-packet analysis: TCP streams (relative numbers, handshake, teardown, endpoint
//! states, expert notes) and UDP conversations, numbered the way Wireshark numbers them.
//!
//! Feed every frame in capture order to [`Analyzer::observe`]; it returns what the frame
//! means within its conversation. The analyzer keeps per-conversation state only, so memory
//! grows with the number of conversations, not packets.

pub mod endpoint;
pub mod follow;
mod quick;
pub mod reassembly;
pub mod tcp;
pub mod udp;

pub use endpoint::{Endpoint, Transport};
pub use tcp::{SegmentRole, TcpInfo, TcpState, TcpStreamInfo};
pub use udp::UdpInfo;

use crate::layer::Dissection;

/// What the analysis says about one frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Analysis {
    None,
    Tcp(TcpInfo),
    Udp(UdpInfo),
}

/// Tracks every TCP and UDP conversation in a capture.
#[derive(Default)]
pub struct Analyzer {
    pub tcp: tcp::Tracker,
    pub udp: udp::Tracker,
    pub reassembly: reassembly::Reassembler,
}

impl Analyzer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records frame `number` (1-based) with timestamp `ts` (nanoseconds since the epoch:
    /// exact, so round-trip times come out as tshark gives them) and returns its analysis.
    pub fn observe(&mut self, number: u32, ts: i128, frame: &[u8], d: &Dissection) -> Analysis {
        match Transport::of(frame, d) {
            Some(t) => self.observe_transport(number, ts, frame, &t),
            None => self.observe_quoted(number, Transport::quoted_of(frame, d).as_ref()),
        }
    }

    /// Records a frame by its bytes alone (the loader's path): the same result as
    /// [`Analyzer::observe`] without a full dissection.
    pub fn observe_frame(
        &mut self,
        number: u32,
        ts: i128,
        link: crate::LinkType,
        frame: &[u8],
    ) -> Analysis {
        match Transport::quick(link, frame) {
            Some(t) => self.observe_transport(number, ts, frame, &t),
            None => self.observe_quoted(number, Transport::quick_quoted(link, frame).as_ref()),
        }
    }

    /// An ICMP error quoting a UDP datagram belongs to that datagram's conversation.
    fn observe_quoted(&mut self, number: u32, quoted: Option<&endpoint::Datagram>) -> Analysis {
        match quoted {
            Some(d) => {
                let mut info = self.udp.observe(number, d);
                info.quoted = true;
                Analysis::Udp(info)
            }
            None => Analysis::None,
        }
    }

    /// Records a frame (`frame`, its bytes) whose transport facts are `t`.
    fn observe_transport(
        &mut self,
        number: u32,
        ts: i128,
        frame: &[u8],
        t: &Transport,
    ) -> Analysis {
        match t {
            Transport::Tcp(seg) => {
                let mut info = self.tcp.observe(number, ts, seg);
                info.pdu = self.reassembly.feed(number, &info, seg, frame);
                Analysis::Tcp(info)
            }
            Transport::Udp(dgram) => Analysis::Udp(self.udp.observe(number, dgram)),
        }
    }

    /// Adds the analysis fields (tcp.stream, relative numbers, …) to a dissection of
    /// `frame`, in the order tshark shows them, and dissects the application messages
    /// reassembly joined or split.
    pub fn annotate(d: &mut Dissection, frame: &[u8], analysis: &Analysis) {
        match analysis {
            Analysis::Tcp(info) => {
                tcp::annotate(d, info);
                if info.notes.hides_payload() {
                    // All of it is segment data, dissected no further.
                    let all = reassembly::PduSplit {
                        completed: None,
                        carried: info.len,
                    };
                    crate::dissect::redo_app_layers(d, frame, &all);
                } else if !info.pdu.is_whole() {
                    crate::dissect::redo_app_layers(d, frame, &info.pdu);
                }
            }
            Analysis::Udp(info) => udp::annotate(d, info),
            Analysis::None => {}
        }
    }
}
