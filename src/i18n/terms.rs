//! The dissector's vocabulary in the current language: layer and PDU names, TCP states and
//! segment roles, field explanations.
//!
//! `layerscope-wire` names these in English for programs (JSON, `--summary`); a person reads
//! them through here.

use layerscope_wire::analysis::tcp::{Notes, SegmentRole, TcpState};
use layerscope_wire::layer::{Pdu, TcpIpLayer};
use layerscope_wire::registry::{self as hf, FieldDef};

/// The OSI layer's name (`osi-4` → "Transport" / 传输层 / 傳輸層), 1..=7.
pub fn osi(layer: u8) -> String {
    match layer {
        1 => t!("osi-1"),
        2 => t!("osi-2"),
        3 => t!("osi-3"),
        4 => t!("osi-4"),
        5 => t!("osi-5"),
        6 => t!("osi-6"),
        7 => t!("osi-7"),
        _ => "?".into(),
    }
}

/// The TCP/IP model layer's name.
pub fn tcpip(layer: TcpIpLayer) -> String {
    match layer {
        TcpIpLayer::Link => t!("tcpip-link"),
        TcpIpLayer::Internet => t!("tcpip-internet"),
        TcpIpLayer::Transport => t!("tcpip-transport"),
        TcpIpLayer::Application => t!("tcpip-application"),
    }
}

/// The unit's textbook name (segment / 报文段 / 區段).
pub fn pdu(pdu: Pdu) -> String {
    match pdu {
        Pdu::Frame => t!("pdu-frame"),
        Pdu::Packet => t!("pdu-packet"),
        Pdu::Segment => t!("pdu-segment"),
        Pdu::Datagram => t!("pdu-datagram"),
        Pdu::Data => t!("pdu-data"),
    }
}

/// What a segment does in the connection's life ("handshake 1/3: SYN" / 三次握手 1/3：SYN).
pub fn role(role: SegmentRole) -> String {
    match role {
        SegmentRole::Syn => t!("role-syn"),
        SegmentRole::SynAck => t!("role-syn-ack"),
        SegmentRole::HandshakeAck => t!("role-handshake-ack"),
        SegmentRole::Fin => t!("role-fin"),
        SegmentRole::FinalAck => t!("role-final-ack"),
        SegmentRole::Rst => t!("role-rst"),
        SegmentRole::Refused => t!("role-refused"),
        SegmentRole::RstIgnored => t!("role-rst-ignored"),
    }
}

/// The message id of a field's explanation: `field-` and the abbrev with `.` as `-`
/// (Fluent ids allow no dots; no abbrev has a `-`, a test checks).
pub fn explanation_key(def: &FieldDef) -> String {
    format!("field-{}", def.abbrev.replace('.', "-"))
}

/// A field's explanation in the current language; in English the registry's own text,
/// unless an override file corrects it.
pub fn explain(def: &FieldDef) -> String {
    if def.explanation.is_empty() {
        return String::new();
    }
    let key = explanation_key(def);
    super::text_if_any(&key)
        .unwrap_or_else(|| super::mark(super::current(), def.explanation.to_string()))
}

/// A layer's place and unit: "Transport · OSI 4 (Transport) · TCP segment" / 传输层 · OSI 第 4
/// 层（传输层）· TCP 报文段.
pub fn layer_heading(layer: &layerscope_wire::layer::Layer) -> String {
    t!(
        "layer-heading",
        tcpip = tcpip(layer.tcpip),
        osi = layer.osi,
        osiname = osi(layer.osi),
        protocol = layer.protocol.name(),
        pdu = pdu(layer.pdu)
    )
}

/// A layer's size as its heading ends: "20-byte header + 40 bytes of payload", "14 bytes"
/// for application data, how much of a header the snapshot length kept.
pub fn layer_size(layer: &layerscope_wire::layer::Layer) -> String {
    let (hdr, payload) = (layer.header.len(), layer.payload.len());
    if layer.is_cut() {
        t!("layers-size-cut", full = layer.full_header_len(), hdr = hdr)
    } else if layer.pdu == Pdu::Data {
        t!("layers-size-data", hdr = hdr)
    } else if payload > 0 {
        t!("layers-size-payload", hdr = hdr, payload = payload)
    } else {
        t!("layers-size-empty", hdr = hdr)
    }
}

/// A state as the ladder's small boxes show it: the RFC name, and in Chinese a short
/// meaning beside it (ESTABLISHED 已建立), short enough for the lane.
pub fn state_short(state: TcpState) -> String {
    if !super::current().is_chinese() {
        return state.name().to_string();
    }
    let meaning = match state {
        TcpState::Closed => t!("state-short-closed"),
        TcpState::Listen => t!("state-short-listen"),
        TcpState::SynSent => t!("state-short-syn-sent"),
        TcpState::SynReceived => t!("state-short-syn-received"),
        TcpState::Established => t!("state-short-established"),
        TcpState::FinWait1 => t!("state-short-fin-wait-1"),
        TcpState::FinWait2 => t!("state-short-fin-wait-2"),
        TcpState::CloseWait => t!("state-short-close-wait"),
        TcpState::Closing => t!("state-short-closing"),
        TcpState::LastAck => t!("state-short-last-ack"),
        TcpState::TimeWait => t!("state-short-time-wait"),
    };
    format!("{} {meaning}", state.name())
}

/// What a refused connection's server side is shown as, in place of its state: nobody
/// listened on the port, so it was CLOSED throughout (never LISTEN or SYN-RECEIVED).
pub fn no_listener() -> String {
    if super::current().is_chinese() {
        format!(
            "{} {}",
            TcpState::Closed.name(),
            t!("state-short-no-listener")
        )
    } else {
        t!("state-short-no-listener")
    }
}

/// A segment's expert notes (Wireshark's wording in English), in the current language.
pub fn expert_notes(notes: &Notes) -> Vec<String> {
    notes
        .list()
        .into_iter()
        .map(|(def, english)| {
            if std::ptr::eq(def, &hf::tcp::ANALYSIS_DUPLICATE_ACK) {
                return t!(
                    "note-duplicate-ack",
                    n = notes.duplicate_ack,
                    frame = notes.duplicate_ack_of
                );
            }
            let key = format!("note-{}", def.abbrev.replace('.', "-"));
            super::text_if_any(&key).unwrap_or(english)
        })
        .collect()
}
