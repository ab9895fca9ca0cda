//! Encapsulation and decapsulation of one captured packet, step by step: the sender's stack
//! prepending one header per layer to the application's bytes, the wire, and the receiver's
//! stack checking and stripping them again, all from the bytes really captured.

use layerscope_wire::layer::Source;
use layerscope_wire::registry as hf;
use layerscope_wire::registry::FieldDef;
use layerscope_wire::{Dissection, Layer, Protocol, TcpIpLayer};

use super::{text_width, Anchor, Drawing, Palette, Rgb};
use crate::i18n::terms;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Sender,
    Wire,
    Receiver,
}

impl Side {
    pub fn name(self) -> String {
        match self {
            Side::Sender => t!("encap-side-sender"),
            Side::Wire => t!("encap-side-wire"),
            Side::Receiver => t!("encap-side-receiver"),
        }
    }
}

/// One part of the PDU at a step: a header or the application data.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub label: String,
    pub len: usize,
    pub tcpip: TcpIpLayer,
    /// The header this step adds (sender) or removes (receiver).
    pub moving: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub side: Side,
    pub title: String,
    /// What happens, in a sentence.
    pub action: String,
    /// OSI layer doing the work (1–7) and its TCP/IP layer.
    pub osi: u8,
    pub tcpip: TcpIpLayer,
    /// The unit's name after the step ("segment", "packet", "frame").
    pub pdu: String,
    pub before: usize,
    pub after: usize,
    /// The PDU as the step leaves it (sender) or finds it (receiver).
    pub pieces: Vec<Piece>,
    /// Key header fields with their values.
    pub facts: Vec<String>,
    /// The header's bytes in hex (cut after 24).
    pub header_hex: String,
}

/// A field's value as shown in the layers tree, without the "(relative …)" remarks that
/// only make sense there; code meanings like "(TCP)" stay.
fn field(l: &Layer, def: &FieldDef, packet: &[u8]) -> String {
    l.field(def)
        .map(|f| {
            let value = f.value_text(packet);
            match &f.meaning {
                Some(m) if !m.starts_with("relative") => format!("{value} ({m})"),
                _ => value,
            }
        })
        .unwrap_or_default()
}

/// The fields worth naming when a layer adds or checks its header.
fn facts(l: &Layer, packet: &[u8]) -> Vec<String> {
    let f = |def: &FieldDef| field(l, def, packet);
    match l.protocol {
        Protocol::Ethernet => vec![
            t!("fact-dst-mac", v = f(&hf::eth::DST)),
            t!("fact-src-mac", v = f(&hf::eth::SRC)),
            t!("fact-ethertype", v = f(&hf::eth::TYPE)),
        ],
        Protocol::Sll | Protocol::Sll2 => vec![t!("fact-protocol", v = f(&hf::sll::ETYPE))],
        Protocol::Null => vec![t!("fact-family", v = f(&hf::null::FAMILY))],
        Protocol::Vlan | Protocol::Ieee8021ad => vec![t!(
            "fact-vlan",
            v = f(if l.protocol == Protocol::Vlan {
                &hf::vlan::ID
            } else {
                &hf::vlan::IEEE8021AD_ID
            })
        )],
        Protocol::Ipv4 => vec![
            t!(
                "fact-addresses",
                src = f(&hf::ip::SRC),
                dst = f(&hf::ip::DST)
            ),
            t!("fact-ttl", ttl = f(&hf::ip::TTL), proto = f(&hf::ip::PROTO)),
            t!("fact-ip-length", len = f(&hf::ip::LEN), id = f(&hf::ip::ID)),
        ],
        Protocol::Ipv6 => vec![
            t!(
                "fact-addresses",
                src = f(&hf::ipv6::SRC),
                dst = f(&hf::ipv6::DST)
            ),
            t!(
                "fact-hop-limit",
                hlim = f(&hf::ipv6::HLIM),
                nxt = f(&hf::ipv6::NXT)
            ),
            t!("fact-payload-length", v = f(&hf::ipv6::PLEN)),
        ],
        Protocol::Tcp => vec![
            t!(
                "fact-ports",
                src = f(&hf::tcp::SRCPORT),
                dst = f(&hf::tcp::DSTPORT)
            ),
            t!(
                "fact-seq-ack",
                seq = f(&hf::tcp::SEQ),
                seqraw = f(&hf::tcp::SEQ_RAW),
                ack = f(&hf::tcp::ACK),
                ackraw = f(&hf::tcp::ACK_RAW)
            ),
            t!(
                "fact-flags-window",
                flags = f(&hf::tcp::FLAGS),
                window = f(&hf::tcp::WINDOW_SIZE_VALUE)
            ),
        ],
        Protocol::Udp => vec![
            t!(
                "fact-ports",
                src = f(&hf::udp::SRCPORT),
                dst = f(&hf::udp::DSTPORT)
            ),
            t!(
                "fact-udp-length",
                len = f(&hf::udp::LENGTH),
                checksum = f(&hf::udp::CHECKSUM)
            ),
        ],
        Protocol::Icmp => vec![t!(
            "fact-type-code",
            kind = f(&hf::icmp::TYPE),
            code = f(&hf::icmp::CODE)
        )],
        Protocol::Icmpv6 => vec![t!(
            "fact-type-code",
            kind = f(&hf::icmpv6::TYPE),
            code = f(&hf::icmpv6::CODE)
        )],
        Protocol::Arp => vec![
            t!("fact-opcode", v = f(&hf::arp::OPCODE)),
            t!(
                "fact-arp-sender",
                ip = f(&hf::arp::SRC_PROTO_IPV4),
                mac = f(&hf::arp::SRC_HW_MAC)
            ),
            t!("fact-arp-target", v = f(&hf::arp::DST_PROTO_IPV4)),
        ],
        Protocol::Igmp => vec![t!("fact-type", v = f(&hf::igmp::TYPE))],
        Protocol::Raw => vec![t!("fact-raw")],
        Protocol::Http | Protocol::Dns | Protocol::Tls | Protocol::Json | Protocol::Data => {
            vec![]
        }
    }
}

/// What the receiving layer checks before it strips its header.
fn check(l: &Layer, packet: &[u8]) -> String {
    let f = |def: &FieldDef| field(l, def, packet);
    match l.protocol {
        Protocol::Ethernet => t!(
            "check-ethernet",
            dst = f(&hf::eth::DST),
            ethertype = f(&hf::eth::TYPE)
        ),
        Protocol::Ipv4 => t!(
            "check-ipv4",
            dst = f(&hf::ip::DST),
            proto = f(&hf::ip::PROTO)
        ),
        Protocol::Ipv6 => t!(
            "check-ipv6",
            dst = f(&hf::ipv6::DST),
            nxt = f(&hf::ipv6::NXT)
        ),
        Protocol::Tcp => t!(
            "check-tcp",
            port = f(&hf::tcp::DSTPORT),
            seq = f(&hf::tcp::SEQ)
        ),
        Protocol::Udp => t!("check-udp", port = f(&hf::udp::DSTPORT)),
        Protocol::Icmp | Protocol::Icmpv6 => t!("check-icmp"),
        Protocol::Arp => t!("check-arp"),
        _ => t!("check-other", protocol = l.protocol.name()),
    }
}

fn header_hex(l: &Layer, packet: &[u8]) -> String {
    let bytes = packet.get(l.header.clone()).unwrap_or(&[]);
    let mut s: String = bytes
        .iter()
        .take(24)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    if bytes.len() > 24 {
        s.push_str(" …");
    }
    s
}

/// ICMP, ICMPv6, IGMP and ARP carry no payload for a layer above: their "header" is the
/// whole message.
fn is_message(l: &Layer) -> bool {
    matches!(
        l.protocol,
        Protocol::Icmp | Protocol::Icmpv6 | Protocol::Igmp | Protocol::Arp
    )
}

fn piece(l: &Layer, moving: bool) -> Piece {
    let label = if l.tcpip == TcpIpLayer::Application {
        t!("piece-data", protocol = l.protocol.name())
    } else if is_message(l) {
        t!("piece-message", protocol = l.protocol.name())
    } else {
        t!("piece-header", protocol = l.protocol.name())
    };
    Piece {
        label,
        len: l.header.len(),
        tcpip: l.tcpip,
        moving,
    }
}

/// True when the frame was captured on loopback (all-zero MACs, or a loopback link type).
fn is_loopback(d: &Dissection) -> bool {
    d.layers.first().is_some_and(|l| match l.protocol {
        Protocol::Null => true,
        Protocol::Ethernet => l
            .field(&hf::eth::SRC)
            .zip(l.field(&hf::eth::DST))
            .is_some_and(|(s, t)| {
                matches!(
                    (&s.value, &t.value),
                    (
                        layerscope_wire::Value::Mac([0, 0, 0, 0, 0, 0]),
                        layerscope_wire::Value::Mac([0, 0, 0, 0, 0, 0])
                    )
                )
            }),
        _ => false,
    })
}

/// All steps for a packet: sender (application down to link), wire, receiver (back up).
pub fn steps(d: &Dissection, packet: &[u8]) -> Vec<Step> {
    let headers: Vec<&Layer> = d
        .layers
        .iter()
        .filter(|l| l.tcpip != TcpIpLayer::Application)
        .collect();
    // The frame's own application bytes; else the message this frame completes, joined
    // from several segments (this frame carries only its last part: the TCP payload).
    let in_app = |source| {
        d.layers
            .iter()
            .find(|l| l.tcpip == TcpIpLayer::Application && l.source == source)
    };
    let app: Option<&Layer> = in_app(Source::Frame).or_else(|| in_app(Source::Reassembled));
    let data_len = match app {
        Some(l) if l.source == Source::Reassembled => {
            d.layer(Protocol::Tcp).map_or(0, |t| t.payload.len())
        }
        Some(l) => l.header.len(),
        None => 0,
    };
    let data_piece = Piece {
        label: match app {
            Some(l) if l.protocol == Protocol::Http => t!("piece-data", protocol = "HTTP"),
            Some(l) if l.protocol == Protocol::Json => t!("piece-data", protocol = "JSON"),
            _ if data_len == 0 => t!("piece-no-app-data"),
            _ => t!("pdu-data"),
        },
        len: data_len,
        tcpip: TcpIpLayer::Application,
        moving: false,
    };
    // The payload as the program wrote it: text in its encoding (Chinese included), a
    // JSON message with its strings as written, other bytes as dots.
    let preview = app
        .map(|l| {
            let packet = d.bytes_of(l, packet);
            layerscope_wire::proto::app::message_text(l, packet, 40).unwrap_or_else(|| {
                let b = packet.get(l.header.clone()).unwrap_or_default();
                layerscope_wire::proto::app::printable(b, 40)
            })
        })
        .map(|text| format!("\"{text}\""))
        .unwrap_or_default();
    let mut out = Vec::new();
    // Sender: the application first.
    let carries_app = headers
        .iter()
        .any(|l| matches!(l.protocol, Protocol::Tcp | Protocol::Udp));
    if carries_app {
        out.push(Step {
            side: Side::Sender,
            title: t!("encap-app-send-title"),
            action: if data_len > 0 {
                t!("encap-app-send", n = data_len, preview = preview.as_str())
            } else if headers.iter().any(|l| l.protocol == Protocol::Tcp) {
                t!("encap-app-send-none-tcp")
            } else {
                t!("encap-app-send-none-udp")
            },
            osi: 7,
            tcpip: TcpIpLayer::Application,
            pdu: t!("pdu-data"),
            before: 0,
            after: data_len,
            pieces: vec![Piece {
                moving: true,
                ..data_piece.clone()
            }],
            facts: vec![],
            header_hex: String::new(),
        });
    }
    let mut pieces = if carries_app {
        vec![data_piece.clone()]
    } else {
        Vec::new()
    };
    let mut size = if carries_app { data_len } else { 0 };
    for l in headers.iter().rev() {
        let before = size;
        size += l.header.len();
        for p in &mut pieces {
            p.moving = false;
        }
        pieces.insert(0, piece(l, true));
        let what = if is_message(l) {
            t!(
                "encap-builds-message",
                protocol = l.protocol.name(),
                n = l.header.len()
            )
        } else if l.is_cut() {
            t!(
                "encap-adds-header-cut",
                protocol = l.protocol.name(),
                n = l.full_header_len(),
                captured = l.header.len()
            )
        } else {
            t!(
                "encap-adds-header",
                protocol = l.protocol.name(),
                n = l.header.len()
            )
        };
        out.push(Step {
            side: Side::Sender,
            title: step_title(l, &what),
            action: t!(
                "encap-in-out",
                before = before,
                after = size,
                protocol = l.protocol.name(),
                pdu = terms::pdu(l.pdu)
            ),
            osi: l.osi,
            tcpip: l.tcpip,
            pdu: terms::pdu(l.pdu),
            before,
            after: size,
            pieces: pieces.clone(),
            facts: facts(l, packet),
            header_hex: header_hex(l, packet),
        });
    }
    for p in &mut pieces {
        p.moving = false;
    }
    let frame_len = packet.len();
    out.push(Step {
        side: Side::Wire,
        title: t!("encap-wire-title"),
        action: if is_loopback(d) {
            t!("encap-wire-loopback", n = frame_len)
        } else {
            t!("encap-wire-card", n = frame_len)
        },
        osi: 1,
        tcpip: TcpIpLayer::Link,
        pdu: t!("pdu-bits"),
        before: size,
        after: frame_len,
        pieces: pieces.clone(),
        facts: if frame_len > size {
            vec![t!("encap-wire-trailer", n = frame_len - size)]
        } else {
            vec![]
        },
        header_hex: String::new(),
    });
    // Receiver: strip from the outside in.
    for l in headers.iter() {
        let before = size;
        size = size.saturating_sub(l.header.len());
        if let Some(first) = pieces.first_mut() {
            first.moving = true;
        }
        let shown = pieces.clone();
        pieces.remove(0);
        let next = match l.payload.len() {
            0 => t!("encap-nothing-left"),
            _ => t!("encap-goes-up", n = size),
        };
        let what = if is_message(l) {
            t!("encap-reads-message", protocol = l.protocol.name())
        } else {
            t!("encap-removes-header", protocol = l.protocol.name())
        };
        out.push(Step {
            side: Side::Receiver,
            title: step_title(l, &what),
            action: t!("encap-check-then", check = check(l, packet), next = next),
            osi: l.osi,
            tcpip: l.tcpip,
            pdu: terms::pdu(l.pdu),
            before,
            after: size,
            pieces: shown,
            facts: facts(l, packet),
            header_hex: header_hex(l, packet),
        });
    }
    if carries_app {
        out.push(Step {
            side: Side::Receiver,
            title: t!("encap-app-recv-title"),
            action: if data_len > 0 {
                t!("encap-app-recv", n = data_len, preview = preview.as_str())
            } else {
                t!("encap-app-recv-none")
            },
            osi: 7,
            tcpip: TcpIpLayer::Application,
            pdu: t!("pdu-data"),
            before: data_len,
            after: data_len,
            pieces: vec![data_piece],
            facts: vec![],
            header_hex: String::new(),
        });
    }
    out
}

const MODEL_X: f32 = 760.0;

/// One step, with the header being added or removed `t` (0..1) of the way in or out.
/// `titled` adds the step's number and title (the window shows them as widgets instead).
pub fn draw_step(
    step: &Step,
    index: usize,
    count: usize,
    t: f32,
    pal: Palette,
    titled: bool,
) -> Drawing {
    let mut d = Drawing::new(1066.0, if titled { 300.0 } else { 250.0 }, pal.background());
    let text = pal.text();
    let weak = pal.weak();
    let top = if titled {
        d.text(
            16.0,
            20.0,
            t!(
                "encap-step-of",
                step = index + 1,
                count = count,
                side = step.side.name()
            ),
            12.0,
            weak,
            Anchor::Start,
        );
        d.bold(
            16.0,
            42.0,
            step.title.clone(),
            14.0,
            pal.strong(step.tcpip),
            Anchor::Start,
        );
        64.0
    } else {
        14.0
    };
    pdu_row(&mut d, step, 76.0, top, 660.0, t, pal);
    let mut y = top + 86.0;
    d.text(16.0, y, step.action.clone(), 12.0, text, Anchor::Start);
    y += 22.0;
    d.text(
        16.0,
        y,
        t!(
            "encap-size-unit",
            before = step.before,
            after = step.after,
            pdu = step.pdu.as_str()
        ),
        12.0,
        text,
        Anchor::Start,
    );
    y += 22.0;
    for f in &step.facts {
        d.text(28.0, y, format!("• {f}"), 12.0, text, Anchor::Start);
        y += 18.0;
    }
    if !step.header_hex.is_empty() {
        y += 4.0;
        d.text(
            16.0,
            y,
            t!("encap-header-bytes", hex = step.header_hex.as_str()),
            11.0,
            weak,
            Anchor::Start,
        );
    }
    models(&mut d, step.osi, pal, MODEL_X, 14.0);
    d
}

/// The PDU as coloured blocks, widths roughly by size; the moving block slides.
fn pdu_row(d: &mut Drawing, step: &Step, x0: f32, y: f32, width: f32, t: f32, pal: Palette) {
    let total: usize = step.pieces.iter().map(|p| p.len).sum::<usize>().max(1);
    let min_w = 96.0;
    let free = (width - min_w * step.pieces.len() as f32).max(0.0);
    let mut x = x0;
    let t = t.clamp(0.0, 1.0);
    for p in &step.pieces {
        let w = min_w + free * p.len as f32 / total as f32;
        // Added headers slide in from the left; removed ones slide out and lose their fill.
        let (dx, dashed) = match (p.moving, step.side) {
            (true, Side::Sender) => (-(1.0 - t) * 60.0, false),
            (true, Side::Receiver) => (-t * 60.0, true),
            _ => (0.0, false),
        };
        let fill = pal.fill(p.tcpip);
        let stroke = pal.strong(p.tcpip);
        if dashed {
            d.rect(x + dx, y, w - 4.0, 56.0, None, Some(stroke), None);
        } else {
            d.rect(x + dx, y, w - 4.0, 56.0, Some(fill), Some(stroke), None);
        }
        if p.moving {
            d.rect(
                x + dx - 2.0,
                y - 2.0,
                w,
                60.0,
                None,
                Some(pal.selection()),
                None,
            );
        }
        let label = fit(&p.label, w - 12.0, 12.0);
        d.bold(
            x + dx + (w - 4.0) / 2.0,
            y + 24.0,
            label,
            12.0,
            pal.text(),
            Anchor::Middle,
        );
        d.text(
            x + dx + (w - 4.0) / 2.0,
            y + 42.0,
            format!("{} B", p.len),
            11.0,
            pal.weak(),
            Anchor::Middle,
        );
        x += w;
    }
}

/// `s` cut with an ellipsis to fit `width` (Chinese characters count a full em).
fn fit(s: &str, width: f32, size: f32) -> String {
    if text_width(s, size) <= width {
        return s.to_string();
    }
    let room = width - text_width("…", size);
    let mut out = String::new();
    for c in s.chars() {
        let mut next = out.clone();
        next.push(c);
        if text_width(&next, size) > room {
            break;
        }
        out = next;
    }
    out.push('…');
    out
}

/// "Transport layer (OSI 4 Transport): TCP adds its 32-byte header".
fn step_title(l: &Layer, what: &str) -> String {
    t!(
        "encap-step-title",
        tcpip = terms::tcpip(l.tcpip),
        osi = l.osi,
        osiname = terms::osi(l.osi),
        what = what
    )
}

/// OSI, TCP/IP (4 layers) and the 5-layer teaching model side by side, `osi` highlighted.
pub fn models(d: &mut Drawing, osi: u8, pal: Palette, x: f32, y: f32) {
    let row = 30.0;
    // Wide enough for "Application" whole in the TCP/IP and 5-layer columns.
    let (w_osi, w_tcp, w_five) = (122.0, 80.0, 80.0);
    d.text(
        x + w_osi / 2.0,
        y + 10.0,
        "OSI",
        11.0,
        pal.weak(),
        Anchor::Middle,
    );
    d.text(
        x + w_osi + w_tcp / 2.0 + 4.0,
        y + 10.0,
        "TCP/IP",
        11.0,
        pal.weak(),
        Anchor::Middle,
    );
    d.text(
        x + w_osi + w_tcp + w_five / 2.0 + 8.0,
        y + 10.0,
        t!("model-five-layer"),
        11.0,
        pal.weak(),
        Anchor::Middle,
    );
    let top = y + 18.0;
    let layer_of = |n: u8| match n {
        1 | 2 => TcpIpLayer::Link,
        3 => TcpIpLayer::Internet,
        4 => TcpIpLayer::Transport,
        _ => TcpIpLayer::Application,
    };
    for n in (1..=7u8).rev() {
        let ry = top + (7 - n) as f32 * row;
        let active = n == osi;
        let fill = if active {
            Some(pal.selection())
        } else {
            Some(pal.fill(layer_of(n)))
        };
        d.rect(
            x,
            ry,
            w_osi - 2.0,
            row - 3.0,
            fill,
            Some(pal.strong(layer_of(n))),
            None,
        );
        let color = if active { Rgb(0, 0, 0) } else { pal.text() };
        d.text(
            x + 6.0,
            ry + 12.0,
            format!("{n} {}", terms::osi(n)),
            10.5,
            color,
            Anchor::Start,
        );
        if n == 5 || n == 6 {
            d.text(
                x + 6.0,
                ry + 24.0,
                t!("model-no-own-header"),
                9.0,
                pal.weak(),
                Anchor::Start,
            );
        }
    }
    // TCP/IP: Application spans OSI 5-7, Link spans 1-2.
    let spans: [(String, u8, u8, TcpIpLayer); 4] = [
        (t!("model-tcpip-application"), 7, 5, TcpIpLayer::Application),
        (t!("model-tcpip-transport"), 4, 4, TcpIpLayer::Transport),
        (t!("model-tcpip-internet"), 3, 3, TcpIpLayer::Internet),
        (t!("model-tcpip-link"), 2, 1, TcpIpLayer::Link),
    ];
    for (name, hi, lo, l) in spans {
        let ry = top + (7 - hi) as f32 * row;
        let h = (hi - lo + 1) as f32 * row - 3.0;
        let active = (lo..=hi).contains(&osi);
        let fill = if active { pal.selection() } else { pal.fill(l) };
        let bx = x + w_osi + 4.0;
        d.rect(
            bx,
            ry,
            w_tcp - 2.0,
            h,
            Some(fill),
            Some(pal.strong(l)),
            None,
        );
        let color = if active { Rgb(0, 0, 0) } else { pal.text() };
        d.text(
            bx + (w_tcp - 2.0) / 2.0,
            ry + h / 2.0 + 4.0,
            fit(&name, w_tcp - 6.0, 10.0),
            10.0,
            color,
            Anchor::Middle,
        );
    }
    let five: [(String, u8, u8, TcpIpLayer); 5] = [
        (t!("model-five-application"), 7, 5, TcpIpLayer::Application),
        (t!("model-five-transport"), 4, 4, TcpIpLayer::Transport),
        (t!("model-five-network"), 3, 3, TcpIpLayer::Internet),
        (t!("model-five-link"), 2, 2, TcpIpLayer::Link),
        (t!("model-five-physical"), 1, 1, TcpIpLayer::Link),
    ];
    for (name, hi, lo, l) in five {
        let ry = top + (7 - hi) as f32 * row;
        let h = (hi - lo + 1) as f32 * row - 3.0;
        let active = (lo..=hi).contains(&osi);
        let fill = if active { pal.selection() } else { pal.fill(l) };
        let bx = x + w_osi + w_tcp + 8.0;
        d.rect(
            bx,
            ry,
            w_five - 2.0,
            h,
            Some(fill),
            Some(pal.strong(l)),
            None,
        );
        let color = if active { Rgb(0, 0, 0) } else { pal.text() };
        d.text(
            bx + (w_five - 2.0) / 2.0,
            ry + h / 2.0 + 4.0,
            fit(&name, w_five - 6.0, 10.0),
            10.0,
            color,
            Anchor::Middle,
        );
    }
}

/// Every step one under the other, for a handout or a slide.
pub fn draw_all(steps: &[Step], pal: Palette) -> Drawing {
    let row = 112.0;
    let mut d = Drawing::new(1000.0, 30.0 + row * steps.len() as f32, pal.background());
    for (i, s) in steps.iter().enumerate() {
        let y = 10.0 + row * i as f32;
        d.bold(
            16.0,
            y + 16.0,
            format!("{}. {}", i + 1, s.title),
            13.0,
            pal.strong(s.tcpip),
            Anchor::Start,
        );
        let t = if s.side == Side::Receiver { 0.5 } else { 1.0 };
        pdu_row(&mut d, s, 76.0, y + 26.0, 660.0, t, pal);
        d.text(
            16.0,
            y + 100.0,
            fit(&s.action, 960.0, 11.0),
            11.0,
            pal.text(),
            Anchor::Start,
        );
        d.text(
            760.0,
            y + 56.0,
            t!(
                "encap-bytes-before-after",
                before = s.before,
                after = s.after
            ),
            12.0,
            pal.weak(),
            Anchor::Start,
        );
        d.text(
            760.0,
            y + 74.0,
            t!(
                "encap-osi-tcpip",
                osi = s.osi,
                tcpip = terms::tcpip(s.tcpip)
            ),
            12.0,
            pal.weak(),
            Anchor::Start,
        );
    }
    d
}
