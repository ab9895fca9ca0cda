//! The ladder (sequence) diagram of one TCP stream or UDP conversation: the two endpoints as
//! lanes, one arrow per segment with its flags and numbers, the handshake and teardown
//! bracketed, each side's TCP state after every segment, and the arithmetic behind every
//! sequence and acknowledgment number.

use layerscope_wire::analysis::{Analysis, Endpoint, SegmentRole, TcpState, Transport};
use layerscope_wire::proto::tcp::{flag_names, ACK, FIN, RST, SYN};
use layerscope_wire::LinkType;

use super::{text_width, Anchor, Drawing, Palette, Tag};

/// One packet handed to the ladder builder.
pub struct Input<'a> {
    /// 0-based packet index.
    pub index: u32,
    pub ts_ns: i64,
    pub data: &'a [u8],
    pub analysis: &'a Analysis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Tcp,
    Udp,
}

/// One arrow of the ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub index: u32,
    /// Seconds since the capture's first packet.
    pub time: f64,
    /// From the client (the SYN's sender) or, for UDP, from the first sender.
    pub from_client: bool,
    pub flags: u16,
    /// Relative numbers, as Wireshark shows them.
    pub seq: u32,
    pub ack: u32,
    pub raw_seq: u32,
    pub raw_ack: u32,
    pub len: u32,
    pub role: Option<SegmentRole>,
    /// Both endpoints' states after this segment (TCP only).
    pub states: Option<(TcpState, TcpState)>,
    /// Expert notes (retransmission, RST …).
    pub notes: Vec<String>,
    /// How the numbers came about, one sentence each.
    pub arithmetic: Vec<String>,
    /// What the program said in this packet, as text (JSON with its strings unescaped,
    /// UTF-8 or GBK), when it carries a message that reads as text.
    pub text: Option<String>,
}

/// Longest message quoted under an arrow.
const TEXT_CHARS: usize = 40;

/// The message a packet carries, as the application's layer reads it.
fn message_text(link: LinkType, p: &Input<'_>) -> Option<String> {
    let d = crate::store::dissect_annotated(link, p.data, p.analysis);
    let layer = d.layers.last()?;
    let bytes = d.bytes_of(layer, p.data);
    let text = layerscope_wire::proto::app::message_text(layer, bytes, TEXT_CHARS)?;
    Some(layerscope_wire::escape::field(&text).into_owned())
}

impl Arrow {
    /// The label above the arrow: flags and numbers, relative or raw.
    pub fn label(&self, kind: Kind, raw: bool) -> String {
        match kind {
            Kind::Udp => format!("UDP Len={}", self.len),
            Kind::Tcp => {
                let (seq, ack) = if raw {
                    (self.raw_seq, self.raw_ack)
                } else {
                    (self.seq, self.ack)
                };
                let mut s = format!("[{}] Seq={seq}", flag_names(self.flags));
                if self.flags & ACK != 0 {
                    s.push_str(&format!(" Ack={ack}"));
                }
                s.push_str(&format!(" Len={}", self.len));
                s
            }
        }
    }
}

/// A stream's ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct Ladder {
    pub kind: Kind,
    /// `tcp.stream` or `udp.stream`.
    pub stream: u32,
    pub client: Endpoint,
    pub server: Endpoint,
    pub arrows: Vec<Arrow>,
}

fn side(from_client: bool) -> String {
    if from_client {
        t!("ladder-client")
    } else {
        t!("ladder-server")
    }
}

/// Builds the ladder of TCP stream or UDP conversation `stream` from the capture's packets
/// (any others are skipped). `first_ts_ns` is the capture's first timestamp.
pub fn build<'a>(
    kind: Kind,
    stream: u32,
    link: LinkType,
    first_ts_ns: i64,
    packets: impl Iterator<Item = Input<'a>>,
) -> Option<Ladder> {
    let mut ladder: Option<Ladder> = None;
    // The last segment each side sent that moved its sequence space: (seq, len, syn, fin).
    let mut last_sent: [Option<(u32, u32, bool, bool)>; 2] = [None, None];
    for p in packets {
        let (from_client, info) = match (kind, p.analysis) {
            (Kind::Tcp, Analysis::Tcp(t)) if t.stream == stream => (t.from_client, Some(t)),
            (Kind::Udp, Analysis::Udp(u)) if u.stream == stream => (u.from_initiator, None),
            _ => continue,
        };
        let transport = Transport::quick(link, p.data);
        let (src, dst, flags, raw_seq, raw_ack, udp_len) = match &transport {
            Some(Transport::Tcp(s)) => (s.src, s.dst, s.flags, s.seq, s.ack, 0),
            Some(Transport::Udp(d)) => {
                let len = p
                    .data
                    .len()
                    .saturating_sub(udp_payload_offset(link, p.data));
                (d.src, d.dst, 0, 0, 0, len as u32)
            }
            None => continue,
        };
        let l = ladder.get_or_insert_with(|| {
            let (client, server) = if from_client { (src, dst) } else { (dst, src) };
            Ladder {
                kind,
                stream,
                client,
                server,
                arrows: Vec::new(),
            }
        });
        let time = (p.ts_ns - first_ts_ns) as f64 * 1e-9;
        let mut arrow = Arrow {
            index: p.index,
            time,
            from_client,
            flags,
            seq: 0,
            ack: 0,
            raw_seq,
            raw_ack,
            len: udp_len,
            role: None,
            states: None,
            notes: Vec::new(),
            arithmetic: Vec::new(),
            text: None,
        };
        // Only segments with a payload can carry a message (the handshake and ACKs
        // cost no dissection).
        if udp_len > 0 || info.is_some_and(|t| t.len > 0) {
            arrow.text = message_text(link, &p);
        }
        if let Some(t) = info {
            arrow.seq = t.seq;
            arrow.ack = t.ack;
            arrow.len = t.len;
            arrow.role = t.role;
            arrow.states = Some((t.client_state, t.server_state));
            arrow.notes = crate::i18n::terms::expert_notes(&t.notes);
            arrow.arithmetic = arithmetic(&arrow, &last_sent);
            let me = if from_client { 0 } else { 1 };
            let syn = flags & SYN != 0;
            let fin = flags & FIN != 0;
            if t.len > 0 || syn || fin {
                last_sent[me] = Some((t.seq, t.len, syn, fin));
            }
        }
        l.arrows.push(arrow);
    }
    ladder
}

/// Bytes before a UDP datagram's payload: found by dissecting, since link headers vary.
fn udp_payload_offset(link: LinkType, data: &[u8]) -> usize {
    let d = layerscope_wire::dissect(link, data);
    d.layer(layerscope_wire::Protocol::Udp)
        .map_or(data.len(), |l| l.payload.start)
}

/// Explains a segment's relative sequence and acknowledgment numbers.
fn arithmetic(a: &Arrow, last_sent: &[Option<(u32, u32, bool, bool)>; 2]) -> Vec<String> {
    let me = if a.from_client { 0 } else { 1 };
    let peer = 1 - me;
    let mut out = Vec::new();
    let (who, other) = (side(a.from_client), side(!a.from_client));
    if a.flags & SYN != 0 {
        out.push(t!("arith-isn", who = who.as_str(), isn = a.raw_seq));
    } else if let Some((s, len, syn, fin)) = last_sent[me] {
        let step = len + syn as u32 + fin as u32;
        if a.seq == s.wrapping_add(step) && step > 0 {
            out.push(t!(
                "arith-seq",
                seq = a.seq,
                before = s,
                consumed = consumed(len, syn, fin)
            ));
        } else if a.seq == s && step > 0 {
            out.push(t!("arith-seq-repeat", seq = a.seq));
        }
    }
    if a.flags & ACK != 0 {
        match last_sent[peer] {
            Some((s, len, syn, fin)) if a.ack == s.wrapping_add(len + syn as u32 + fin as u32) => {
                let what = if syn && len == 0 {
                    t!("arith-ack-syn", other = other.as_str(), isn = s)
                } else if fin && len == 0 {
                    t!("arith-ack-fin", other = other.as_str(), fin = s)
                } else {
                    format!("{s} + {}", consumed(len, syn, fin))
                };
                out.push(t!(
                    "arith-ack",
                    ack = a.ack,
                    what = what,
                    who = who.as_str(),
                    other = other.as_str()
                ));
            }
            _ => out.push(t!(
                "arith-ack-plain",
                ack = a.ack,
                who = who.as_str(),
                other = other.as_str()
            )),
        }
    }
    if a.flags & RST != 0 {
        out.push(match a.role {
            Some(SegmentRole::Refused) => t!("arith-rst-refused", who = who.as_str()),
            Some(SegmentRole::RstIgnored) => t!("arith-rst-ignored", other = other.as_str()),
            _ => t!("arith-rst", who = who.as_str()),
        });
    }
    out
}

fn consumed(len: u32, syn: bool, fin: bool) -> String {
    let mut parts = Vec::new();
    if len > 0 {
        parts.push(t!("arith-data-bytes", n = len));
    }
    if syn {
        parts.push(t!("arith-one-syn"));
    }
    if fin {
        parts.push(t!("arith-one-fin"));
    }
    parts.join(" + ")
}

const ROW: f32 = 46.0;
const TOP: f32 = 64.0;
const FONT: f32 = 12.0;

/// Lays out ladders one under the other.
pub fn draw(ladders: &[Ladder], palette: Palette, raw: bool, selected: Option<u32>) -> Drawing {
    let width = 980.0;
    let heights: Vec<f32> = ladders
        .iter()
        .map(|l| TOP + ROW * (l.arrows.len() as f32 + 1.0) + 20.0)
        .collect();
    let mut d = Drawing::new(
        width,
        heights.iter().sum::<f32>().max(60.0),
        palette.background(),
    );
    let mut y0 = 0.0;
    for (l, h) in ladders.iter().zip(heights) {
        draw_one(&mut d, l, palette, raw, selected, y0);
        y0 += h;
    }
    d
}

fn draw_one(d: &mut Drawing, l: &Ladder, pal: Palette, raw: bool, selected: Option<u32>, y0: f32) {
    let text = pal.text();
    let weak = pal.weak();
    let (cx, sx) = (300.0, 700.0);
    let title = match l.kind {
        Kind::Tcp => t!("ladder-title-tcp", stream = l.stream),
        Kind::Udp => t!("ladder-title-udp", stream = l.stream),
    };
    d.bold(16.0, y0 + 20.0, title, 15.0, text, Anchor::Start);
    let (cname, sname) = match l.kind {
        Kind::Tcp => (t!("ladder-client"), t!("ladder-server")),
        Kind::Udp => (t!("ladder-first-sender"), t!("ladder-peer")),
    };
    d.bold(
        cx,
        y0 + 44.0,
        format!("{cname} {}", l.client),
        FONT,
        text,
        Anchor::Middle,
    );
    d.bold(
        sx,
        y0 + 44.0,
        format!("{sname} {}", l.server),
        FONT,
        text,
        Anchor::Middle,
    );
    d.text(
        16.0,
        y0 + 44.0,
        t!("ladder-columns"),
        FONT - 1.0,
        weak,
        Anchor::Start,
    );
    let bottom = y0 + TOP + ROW * (l.arrows.len() as f32 + 0.5);
    let lane = pal.strong(layerscope_wire::TcpIpLayer::Transport);
    d.line((cx, y0 + 52.0), (cx, bottom), lane, 2.0, false, false, None);
    d.line((sx, y0 + 52.0), (sx, bottom), lane, 2.0, false, false, None);
    // The selection bar first: the state badges of the rows around it are drawn over it,
    // not hidden under it.
    for (i, a) in l.arrows.iter().enumerate() {
        if selected == Some(a.index) {
            let y = y0 + TOP + ROW * i as f32 + 14.0;
            d.rect(
                8.0,
                y - 20.0,
                d.width - 16.0,
                ROW - 4.0,
                Some(pal.selection()),
                None,
                None,
            );
        }
    }
    let mut shown_states: (Option<Lane>, Option<Lane>) = (None, None);
    // A connection refused: the server's side had no listener all along, up to its RST.
    let no_listener_until = l
        .arrows
        .iter()
        .position(|a| a.role == Some(SegmentRole::Refused));
    let server_lane = |i: usize, s: TcpState| {
        if no_listener_until.is_some_and(|r| i <= r) {
            Lane::NoListener
        } else {
            Lane::State(s)
        }
    };
    if l.kind == Kind::Tcp {
        if let Some(first) = l.arrows.first() {
            // The states before the first segment: a SYN comes from CLOSED towards LISTEN.
            let before = if first.flags & SYN != 0 && first.flags & ACK == 0 {
                (TcpState::Closed, TcpState::Listen)
            } else {
                (TcpState::Established, TcpState::Established)
            };
            let lanes = (Lane::State(before.0), server_lane(0, before.1));
            state_label(d, pal, cx, y0 + TOP - 6.0, lanes.0, true);
            state_label(d, pal, sx, y0 + TOP - 6.0, lanes.1, false);
            shown_states = (Some(lanes.0), Some(lanes.1));
        }
    }
    let mut group: Option<(Phase, f32)> = None;
    for (i, a) in l.arrows.iter().enumerate() {
        let y = y0 + TOP + ROW * i as f32 + 14.0;
        let (x1, x2) = if a.from_client { (cx, sx) } else { (sx, cx) };
        let is_sel = selected == Some(a.index);
        let color = if a.flags & RST != 0 {
            pal.reset()
        } else if a.flags & (SYN | FIN) != 0 {
            pal.syn_fin()
        } else if a.len > 0 {
            pal.strong(layerscope_wire::TcpIpLayer::Application)
        } else {
            text
        };
        let color = if is_sel { super::Rgb(0, 0, 0) } else { color };
        d.line(
            (x1, y),
            (x2, y + 16.0),
            color,
            2.0,
            true,
            false,
            Some(Tag::Packet(a.index)),
        );
        let label = a.label(l.kind, raw);
        d.bold((cx + sx) / 2.0, y - 4.0, label, FONT, color, Anchor::Middle);
        let num_color = if is_sel { super::Rgb(0, 0, 0) } else { weak };
        d.text(
            16.0,
            y + 10.0,
            format!("{:<5} {:.6}", a.index + 1, a.time),
            FONT - 1.0,
            num_color,
            Anchor::Start,
        );
        // The message goes under the arrow, where an expert note would go: a note (a
        // retransmission, a reset) says more about that row than its text.
        if let Some(text) = a.text.as_ref().filter(|_| a.notes.is_empty()) {
            d.text(
                (cx + sx) / 2.0,
                y + 25.0,
                format!("“{text}”"),
                FONT - 1.0,
                weak,
                Anchor::Middle,
            );
        }
        if !a.notes.is_empty() {
            d.text(
                (cx + sx) / 2.0,
                y + 26.0,
                a.notes.join("; "),
                FONT - 2.0,
                pal.reset(),
                Anchor::Middle,
            );
        }
        // Invisible hit box over the whole row, so a click anywhere on it selects the packet.
        let dir = if a.from_client {
            t!("ladder-client-to-server")
        } else {
            t!("ladder-server-to-client")
        };
        d.hit(
            cx - 10.0,
            y - 18.0,
            sx - cx + 20.0,
            ROW - 8.0,
            Tag::Packet(a.index),
            t!(
                "ladder-arrow",
                frame = a.index + 1,
                dir = dir,
                label = a.label(l.kind, raw)
            ),
        );
        if let Some((c, s)) = a.states {
            let (c, s) = (Lane::State(c), server_lane(i, s));
            if shown_states.0 != Some(c) {
                state_label(d, pal, cx, y + 24.0, c, true);
                shown_states.0 = Some(c);
            }
            if shown_states.1 != Some(s) {
                state_label(d, pal, sx, y + 24.0, s, false);
                shown_states.1 = Some(s);
            }
        }
        // Brackets for the handshake and the teardown.
        let phase = match a.role {
            Some(SegmentRole::Syn)
            | Some(SegmentRole::SynAck)
            | Some(SegmentRole::HandshakeAck) => Some(Phase::Handshake),
            Some(SegmentRole::Fin) | Some(SegmentRole::FinalAck) => Some(Phase::Teardown),
            Some(SegmentRole::Rst | SegmentRole::Refused) => Some(Phase::Reset),
            // Ignored: the connection goes on, no phase of its own.
            Some(SegmentRole::RstIgnored) | None => None,
        };
        match (phase, group) {
            (Some(p), Some((g, _))) if p == g => {}
            (p, g) => {
                if let Some((g, start)) = g {
                    bracket(d, pal, g, start, y - 20.0);
                }
                group = p.map(|p| (p, y - 18.0));
            }
        }
    }
    if let Some((g, start)) = group {
        let end = y0 + TOP + ROW * l.arrows.len() as f32 - 6.0;
        bracket(d, pal, g, start, end);
    }
}

/// The part of the connection a bracket beside the arrows marks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Handshake,
    Teardown,
    Reset,
}

impl Phase {
    fn label(self) -> String {
        match self {
            Phase::Handshake => t!("ladder-phase-handshake"),
            Phase::Teardown => t!("ladder-phase-teardown"),
            Phase::Reset => t!("ladder-phase-reset"),
        }
    }
}

/// What is written beside an endpoint's lane: its state, or, for the server of a refused
/// connection, that nothing listened. Compared as a value, so the text is made only for a
/// label that changes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lane {
    State(TcpState),
    NoListener,
}

fn state_label(d: &mut Drawing, pal: Palette, lane_x: f32, y: f32, lane: Lane, left: bool) {
    let name = match lane {
        Lane::State(s) => crate::i18n::terms::state_short(s),
        Lane::NoListener => crate::i18n::terms::no_listener(),
    };
    let w = text_width(&name, FONT - 1.0) + 10.0;
    let x = if left {
        lane_x - 12.0 - w
    } else {
        lane_x + 12.0
    };
    let fill = pal.fill(layerscope_wire::TcpIpLayer::Transport);
    d.rect(
        x,
        y - 12.0,
        w,
        16.0,
        Some(fill),
        Some(pal.strong(layerscope_wire::TcpIpLayer::Transport)),
        None,
    );
    d.text(x + w / 2.0, y, name, FONT - 1.0, pal.text(), Anchor::Middle);
}

fn bracket(d: &mut Drawing, pal: Palette, phase: Phase, y1: f32, y2: f32) {
    let label = phase.label();
    let x = 760.0 + 80.0;
    let c = pal.weak();
    d.line((x, y1), (x + 8.0, y1), c, 1.5, false, false, None);
    d.line((x + 8.0, y1), (x + 8.0, y2), c, 1.5, false, false, None);
    d.line((x, y2), (x + 8.0, y2), c, 1.5, false, false, None);
    d.text(
        x + 14.0,
        (y1 + y2) / 2.0 + 4.0,
        label,
        FONT - 1.0,
        c,
        Anchor::Start,
    );
}
