//! Each endpoint's RFC 9293 state as the segments on the wire imply it, as a pure function
//! of the states before a segment and what the segment is ([`next`]), and the role a
//! segment plays in the handshake or teardown ([`role`]).
//!
//! The capture sees segments, not the endpoints' calls (OPEN, CLOSE) or timers, so each
//! transition is the one the segment proves: its sender must have made it to send it, its
//! receiver makes it on accepting it. TIME-WAIT's 2·MSL timeout is not on the wire: an
//! endpoint that reaches TIME-WAIT stays there.

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
    /// A RST that answers a SYN: nobody listens on the port (connection refused).
    Refused,
    /// A RST whose sequence number is outside the receiver's window: dropped unread
    /// (RFC 9293 §3.10.7.4; a blind injection attempt looks like this).
    RstIgnored,
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
            SegmentRole::Refused => "refused: RST, no listener",
            SegmentRole::RstIgnored => "RST outside the window: ignored",
        }
    }

    pub fn is_handshake(self) -> bool {
        matches!(
            self,
            SegmentRole::Syn | SegmentRole::SynAck | SegmentRole::HandshakeAck
        )
    }
}

/// A segment's endpoints: the one that sent it and the one it is sent to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ends {
    pub sender: TcpState,
    pub receiver: TcpState,
}

/// What a segment is, as far as the state machine cares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Event {
    pub syn: bool,
    pub ack: bool,
    pub fin: bool,
    pub rst: bool,
    /// The acknowledgment number covers the receiver's FIN.
    pub acks_fin: bool,
    /// The client sent it (the server is who the first SYN went to).
    pub from_client: bool,
    /// Whether a SYN-ACK, and the handshake's third step, were seen before it.
    pub synack_seen: bool,
    pub handshake_done: bool,
    /// For a RST: its sequence number is where the receiver would accept it, near the
    /// next one the sender was to send.
    pub rst_in_window: bool,
    /// For a RST: it comes from the server in answer to the client's SYN, before any
    /// SYN-ACK.
    pub answers_syn: bool,
}

/// Both endpoints' states after a segment sent in states `before`.
#[inline]
pub fn next(before: Ends, e: &Event) -> Ends {
    use TcpState::*;
    let Ends {
        mut sender,
        mut receiver,
    } = before;
    if e.rst {
        // §3.10.7.4, first check: a RST outside the receiver's window is dropped unread.
        if !e.rst_in_window {
            return before;
        }
        // §3.10.7: an acceptable RST closes the connection in any state; one answering a
        // SYN (§3.10.7.1, CLOSED) means nobody listened. Both ends go to CLOSED.
        return Ends {
            sender: Closed,
            receiver: Closed,
        };
    }
    if e.syn && !e.ack {
        // §3.10.1 OPEN (active): CLOSED → SYN-SENT as the SYN goes out (an endpoint that
        // has the other's SYN already stays in SYN-RECEIVED: both opened at once).
        // §3.10.7.2 LISTEN: a SYN received → SYN-RECEIVED (also CLOSED here: a capture
        // cannot see LISTEN); §3.10.7.3 SYN-SENT: a SYN without ACK → SYN-RECEIVED, the
        // simultaneous open.
        if sender != SynReceived {
            sender = SynSent;
        }
        if matches!(receiver, Listen | Closed | SynSent) {
            receiver = SynReceived;
        }
        return Ends { sender, receiver };
    }
    if e.syn && e.ack {
        // §3.10.7.2: the listener answers in SYN-RECEIVED (an established endpoint that
        // sends it again stays established); §3.10.7.3 SYN-SENT, and §3.10.7.4
        // SYN-RECEIVED after a simultaneous open: a SYN-ACK that acknowledges our SYN →
        // ESTABLISHED.
        if matches!(receiver, SynSent | SynReceived) {
            receiver = Established;
        }
        if sender != Established {
            sender = SynReceived;
        }
        return Ends { sender, receiver };
    }
    // §3.10.7.4, the ACK field of a SYN-RECEIVED endpoint that acknowledges its SYN:
    // → ESTABLISHED. The client leaves SYN-RECEIVED (a simultaneous open) by sending it.
    if e.ack && e.from_client && !e.handshake_done {
        if sender == SynReceived && e.synack_seen {
            sender = Established;
        }
        if receiver == SynReceived {
            receiver = Established;
        }
    }
    // §3.10.7.4, the ACK field once the receiver has sent its FIN: FIN-WAIT-1 →
    // FIN-WAIT-2, CLOSING → TIME-WAIT, LAST-ACK → CLOSED.
    if e.acks_fin {
        receiver = match receiver {
            FinWait1 => FinWait2,
            Closing => TimeWait,
            LastAck => Closed,
            other => other,
        };
    }
    if e.fin {
        // §3.10.4 CLOSE: the sender's FIN leaves ESTABLISHED (or SYN-RECEIVED) for
        // FIN-WAIT-1, CLOSE-WAIT for LAST-ACK; §3.10.7.4 eighth, the FIN bit: the receiver
        // goes ESTABLISHED → CLOSE-WAIT, FIN-WAIT-1 → CLOSING (a simultaneous close),
        // FIN-WAIT-2 → TIME-WAIT.
        sender = match sender {
            Established | SynReceived => FinWait1,
            // Its FIN does not acknowledge the other's: it was sent before that one
            // arrived, from ESTABLISHED (FIN-WAIT-1), and the other's FIN makes it CLOSING:
            // both closed at once.
            CloseWait if !e.acks_fin => Closing,
            CloseWait => LastAck,
            other => other,
        };
        receiver = match receiver {
            Established => CloseWait,
            FinWait1 => Closing,
            FinWait2 => TimeWait,
            other => other,
        };
    }
    Ends { sender, receiver }
}

/// The role of a segment, sent in states `before`, that led to `after`.
#[inline]
pub fn role(before: Ends, after: Ends, e: &Event) -> Option<SegmentRole> {
    use TcpState::*;
    Some(if e.rst {
        if !e.rst_in_window {
            SegmentRole::RstIgnored
        } else if e.answers_syn {
            SegmentRole::Refused
        } else {
            SegmentRole::Rst
        }
    } else if e.syn {
        if e.ack {
            SegmentRole::SynAck
        } else {
            SegmentRole::Syn
        }
    } else if e.fin {
        SegmentRole::Fin
    } else if before.receiver == LastAck && after.receiver == Closed {
        SegmentRole::FinalAck
    } else if completes_handshake(before, after, e) {
        SegmentRole::HandshakeAck
    } else {
        return None;
    })
}

/// Whether the segment is the handshake's third step: the client's ACK that takes the
/// server from SYN-RECEIVED to ESTABLISHED.
#[inline]
pub fn completes_handshake(before: Ends, after: Ends, e: &Event) -> bool {
    !e.syn
        && e.from_client
        && before.receiver == TcpState::SynReceived
        && after.receiver == TcpState::Established
}

#[cfg(test)]
mod tests {
    use super::TcpState::*;
    use super::*;

    fn ends(sender: TcpState, receiver: TcpState) -> Ends {
        Ends { sender, receiver }
    }

    /// The whole life of a connection, one segment at a time, as the textbook draws it.
    #[test]
    fn handshake_and_teardown_follow_rfc_9293() {
        let client = Event {
            from_client: true,
            ..Event::default()
        };
        let syn = Event {
            syn: true,
            ..client
        };
        let synack = Event {
            syn: true,
            ack: true,
            ..Event::default()
        };
        let third = Event {
            ack: true,
            synack_seen: true,
            ..client
        };
        let fin = Event {
            fin: true,
            ack: true,
            synack_seen: true,
            handshake_done: true,
            ..client
        };
        let fin_back = Event {
            fin: true,
            ack: true,
            acks_fin: true,
            synack_seen: true,
            handshake_done: true,
            ..Event::default()
        };
        let last = Event {
            fin: false,
            acks_fin: true,
            ..fin
        };
        let steps = [
            (syn, ends(Closed, Listen), ends(SynSent, SynReceived)),
            (
                synack,
                ends(SynReceived, SynSent),
                ends(SynReceived, Established),
            ),
            (
                third,
                ends(Established, SynReceived),
                ends(Established, Established),
            ),
            (
                fin,
                ends(Established, Established),
                ends(FinWait1, CloseWait),
            ),
            // The FIN-ACK acknowledges the client's FIN and brings the server's: FIN-WAIT-2
            // and then TIME-WAIT in one segment.
            (fin_back, ends(CloseWait, FinWait1), ends(LastAck, TimeWait)),
            (last, ends(TimeWait, LastAck), ends(TimeWait, Closed)),
        ];
        for (e, before, after) in steps {
            assert_eq!(next(before, &e), after, "{e:?} in {before:?}");
        }
        assert_eq!(
            role(steps[5].1, steps[5].2, &steps[5].0),
            Some(SegmentRole::FinalAck)
        );
        assert_eq!(
            role(steps[2].1, steps[2].2, &steps[2].0),
            Some(SegmentRole::HandshakeAck)
        );
    }

    /// Both sides close at once: each FIN reaches a FIN-WAIT-1 peer (CLOSING), each ACK
    /// of a FIN takes CLOSING to TIME-WAIT; a RST closes both ends from any state.
    #[test]
    fn simultaneous_close_and_reset() {
        let fin = Event {
            fin: true,
            ack: true,
            handshake_done: true,
            ..Event::default()
        };
        assert_eq!(
            next(ends(FinWait1, FinWait1), &fin),
            ends(FinWait1, Closing)
        );
        let ack = Event {
            ack: true,
            acks_fin: true,
            handshake_done: true,
            ..Event::default()
        };
        assert_eq!(next(ends(Closing, Closing), &ack), ends(Closing, TimeWait));
        let rst = Event {
            rst: true,
            rst_in_window: true,
            ..Event::default()
        };
        assert_eq!(next(ends(SynSent, SynReceived), &rst), ends(Closed, Closed));
        // One outside the window changes nothing.
        let blind = Event {
            rst_in_window: false,
            ..rst
        };
        assert_eq!(
            next(ends(Established, Established), &blind),
            ends(Established, Established)
        );
        assert_eq!(
            role(
                ends(Established, Established),
                ends(Established, Established),
                &blind
            ),
            Some(SegmentRole::RstIgnored)
        );
    }

    /// Both open at once: each SYN meets an endpoint in SYN-SENT (SYN-RECEIVED), each
    /// SYN-ACK one in SYN-RECEIVED (ESTABLISHED); and both close at once: a FIN that does
    /// not acknowledge the other's was sent before that one arrived (CLOSING).
    #[test]
    fn simultaneous_open_and_close_follow_rfc_9293() {
        let syn = Event {
            syn: true,
            ..Event::default()
        };
        let a = next(
            ends(Closed, Listen),
            &Event {
                from_client: true,
                ..syn
            },
        );
        assert_eq!(a, ends(SynSent, SynReceived));
        // The server's own SYN, sent before the client's arrived.
        let b = next(ends(a.receiver, a.sender), &syn);
        assert_eq!(b, ends(SynReceived, SynReceived));
        let synack = Event { ack: true, ..syn };
        let c = next(ends(b.receiver, b.sender), &synack);
        assert_eq!(c, ends(SynReceived, Established));
        let d = next(ends(c.receiver, c.sender), &synack);
        assert_eq!(d, ends(Established, Established));
        let fin = Event {
            fin: true,
            ack: true,
            handshake_done: true,
            ..Event::default()
        };
        let e = next(ends(Established, Established), &fin);
        assert_eq!(e, ends(FinWait1, CloseWait));
        let f = next(ends(e.receiver, e.sender), &fin);
        assert_eq!(f, ends(Closing, Closing));
        let ack = Event {
            ack: true,
            acks_fin: true,
            handshake_done: true,
            ..Event::default()
        };
        assert_eq!(next(ends(Closing, Closing), &ack), ends(Closing, TimeWait));
    }
}
