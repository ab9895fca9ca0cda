//! Encapsulation and decapsulation of one captured packet, step by step: the sender's stack
//! prepending one header per layer to the application's bytes, the wire, and the receiver's
//! stack checking and stripping them again, all from the bytes really captured.

use layerscope_wire::layer::osi_name;
use layerscope_wire::registry as hf;
use layerscope_wire::registry::FieldDef;
use layerscope_wire::{Dissection, Layer, Protocol, TcpIpLayer};

use super::{text_width, Anchor, Drawing, Palette, Rgb};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Sender,
    Wire,
    Receiver,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Sender => "Sender · encapsulation",
            Side::Wire => "On the wire",
            Side::Receiver => "Receiver · decapsulation",
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
    pub pdu: &'static str,
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
            format!("destination MAC {}", f(&hf::eth::DST)),
            format!("source MAC {}", f(&hf::eth::SRC)),
            format!("EtherType {}", f(&hf::eth::TYPE)),
        ],
        Protocol::Sll | Protocol::Sll2 => vec![format!("protocol {}", f(&hf::sll::ETYPE))],
        Protocol::Null => vec![format!("address family {}", f(&hf::null::FAMILY))],
        Protocol::Vlan | Protocol::Ieee8021ad => vec![format!(
            "VLAN {}",
            f(if l.protocol == Protocol::Vlan {
                &hf::vlan::ID
            } else {
                &hf::vlan::IEEE8021AD_ID
            })
        )],
        Protocol::Ipv4 => vec![
            format!(
                "source {} → destination {}",
                f(&hf::ip::SRC),
                f(&hf::ip::DST)
            ),
            format!("TTL {}, protocol {}", f(&hf::ip::TTL), f(&hf::ip::PROTO)),
            format!(
                "total length {}, identification {}",
                f(&hf::ip::LEN),
                f(&hf::ip::ID)
            ),
        ],
        Protocol::Ipv6 => vec![
            format!(
                "source {} → destination {}",
                f(&hf::ipv6::SRC),
                f(&hf::ipv6::DST)
            ),
            format!(
                "hop limit {}, next header {}",
                f(&hf::ipv6::HLIM),
                f(&hf::ipv6::NXT)
            ),
            format!("payload length {}", f(&hf::ipv6::PLEN)),
        ],
        Protocol::Tcp => vec![
            format!("ports {} → {}", f(&hf::tcp::SRCPORT), f(&hf::tcp::DSTPORT)),
            format!(
                "seq {} (raw {}), ack {} (raw {})",
                f(&hf::tcp::SEQ),
                f(&hf::tcp::SEQ_RAW),
                f(&hf::tcp::ACK),
                f(&hf::tcp::ACK_RAW)
            ),
            format!(
                "flags {}, window {}",
                f(&hf::tcp::FLAGS),
                f(&hf::tcp::WINDOW_SIZE_VALUE)
            ),
        ],
        Protocol::Udp => vec![
            format!("ports {} → {}", f(&hf::udp::SRCPORT), f(&hf::udp::DSTPORT)),
            format!(
                "length {}, checksum {}",
                f(&hf::udp::LENGTH),
                f(&hf::udp::CHECKSUM)
            ),
        ],
        Protocol::Icmp => vec![format!(
            "type {}, code {}",
            f(&hf::icmp::TYPE),
            f(&hf::icmp::CODE)
        )],
        Protocol::Icmpv6 => vec![format!(
            "type {}, code {}",
            f(&hf::icmpv6::TYPE),
            f(&hf::icmpv6::CODE)
        )],
        Protocol::Arp => vec![
            format!("opcode {}", f(&hf::arp::OPCODE)),
            format!(
                "sender {} ({})",
                f(&hf::arp::SRC_PROTO_IPV4),
                f(&hf::arp::SRC_HW_MAC)
            ),
            format!("target {}", f(&hf::arp::DST_PROTO_IPV4)),
        ],
        Protocol::Igmp => vec![format!("type {}", f(&hf::igmp::TYPE))],
        Protocol::Raw => vec!["no link header: the packet starts with IP".into()],
        Protocol::Http | Protocol::Data => vec![],
    }
}

/// What the receiving layer checks before it strips its header.
fn check(l: &Layer, packet: &[u8]) -> String {
    let f = |def: &FieldDef| field(l, def, packet);
    match l.protocol {
        Protocol::Ethernet => format!(
            "the frame is addressed to {} (this host); EtherType {} says who gets the payload",
            f(&hf::eth::DST),
            f(&hf::eth::TYPE)
        ),
        Protocol::Ipv4 => format!(
            "destination {} is this host; protocol {} says which transport gets the payload",
            f(&hf::ip::DST),
            f(&hf::ip::PROTO)
        ),
        Protocol::Ipv6 => format!(
            "destination {} is this host; next header {} says which transport gets the payload",
            f(&hf::ipv6::DST),
            f(&hf::ipv6::NXT)
        ),
        Protocol::Tcp => format!(
            "destination port {} finds the socket; seq {} is the next byte it expects",
            f(&hf::tcp::DSTPORT),
            f(&hf::tcp::SEQ)
        ),
        Protocol::Udp => format!(
            "destination port {} finds the socket; the datagram is delivered whole",
            f(&hf::udp::DSTPORT)
        ),
        Protocol::Icmp | Protocol::Icmpv6 => {
            "the kernel handles ICMP itself: no application socket receives it".into()
        }
        Protocol::Arp => "the kernel's ARP cache handles it: no application involved".into(),
        _ => format!("the {} header is read and removed", l.protocol.name()),
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
        format!("{} data", l.protocol.name())
    } else if is_message(l) {
        format!("{} message", l.protocol.name())
    } else {
        format!("{} header", l.protocol.name())
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
    let app: Option<&Layer> = d.layers.iter().find(|l| l.tcpip == TcpIpLayer::Application);
    let data_len = app.map_or(0, |l| l.header.len());
    let data_piece = Piece {
        label: match app {
            Some(l) if l.protocol == Protocol::Http => "HTTP data".into(),
            _ if data_len == 0 => "no app data".into(),
            _ => "data".into(),
        },
        len: data_len,
        tcpip: TcpIpLayer::Application,
        moving: false,
    };
    // The payload as the program wrote it: UTF-8 text (Chinese included) as text, other
    // bytes as dots, as the application layer's `data.text` shows it.
    let preview = app
        .and_then(|l| packet.get(l.header.clone()))
        .map(|b| format!("\"{}\"", layerscope_wire::proto::app::printable(b, 40)))
        .unwrap_or_default();
    let mut out = Vec::new();
    // Sender: the application first.
    let carries_app = headers
        .iter()
        .any(|l| matches!(l.protocol, Protocol::Tcp | Protocol::Udp));
    if carries_app {
        out.push(Step {
            side: Side::Sender,
            title: "Application hands its bytes to the socket".into(),
            action: if data_len > 0 {
                format!("the program writes {data_len} bytes {preview} with send()/write()")
            } else if headers.iter().any(|l| l.protocol == Protocol::Tcp) {
                "no application data: this segment is TCP's own signalling (the kernel sends \
                 it to open, acknowledge or close the connection)"
                    .into()
            } else {
                "no application data: the program sent an empty datagram".into()
            },
            osi: 7,
            tcpip: TcpIpLayer::Application,
            pdu: "data",
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
            format!(
                "{} builds its {}-byte message",
                l.protocol.name(),
                l.header.len()
            )
        } else if l.is_cut() {
            format!(
                "{} adds its {}-byte header (only {} captured)",
                l.protocol.name(),
                l.full_header_len(),
                l.header.len()
            )
        } else {
            format!(
                "{} adds its {}-byte header",
                l.protocol.name(),
                l.header.len()
            )
        };
        out.push(Step {
            side: Side::Sender,
            title: format!(
                "{} layer (OSI {} {}): {what}",
                l.tcpip.name(),
                l.osi,
                osi_name(l.osi),
            ),
            action: format!(
                "{} bytes in, {} bytes out: the {} {}",
                before,
                size,
                l.protocol.name(),
                l.pdu.name()
            ),
            osi: l.osi,
            tcpip: l.tcpip,
            pdu: l.pdu.name(),
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
        title: "Physical layer (OSI 1): the wire".into(),
        action: if is_loopback(d) {
            format!("no physical layer on loopback: the kernel hands the {frame_len}-byte frame to itself")
        } else {
            format!("the network card turns the {frame_len}-byte frame into signals on the medium")
        },
        osi: 1,
        tcpip: TcpIpLayer::Link,
        pdu: "bits",
        before: size,
        after: frame_len,
        pieces: pieces.clone(),
        facts: if frame_len > size {
            vec![format!("{} bytes of padding or trailer travel after the packet", frame_len - size)]
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
            0 => "nothing is left".to_string(),
            _ => format!("{size} bytes go up"),
        };
        let what = if is_message(l) {
            format!("the kernel reads the {} message", l.protocol.name())
        } else {
            format!("{} checks and removes its header", l.protocol.name())
        };
        out.push(Step {
            side: Side::Receiver,
            title: format!(
                "{} layer (OSI {} {}): {what}",
                l.tcpip.name(),
                l.osi,
                osi_name(l.osi),
            ),
            action: format!("{}; {next}", check(l, packet)),
            osi: l.osi,
            tcpip: l.tcpip,
            pdu: l.pdu.name(),
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
            title: "Application receives the bytes".into(),
            action: if data_len > 0 {
                format!("recv()/read() returns {data_len} bytes {preview}: no headers left")
            } else {
                "nothing for the application: the segment was control information only".into()
            },
            osi: 7,
            tcpip: TcpIpLayer::Application,
            pdu: "data",
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
            format!("Step {} of {count} · {}", index + 1, step.side.name()),
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
        format!(
            "size {} → {} bytes · unit: {}",
            step.before, step.after, step.pdu
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
            format!("header bytes: {}", step.header_hex),
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

fn fit(s: &str, width: f32, size: f32) -> String {
    if text_width(s, size) <= width {
        return s.to_string();
    }
    let max = (width / (size * 0.602)).floor().max(1.0) as usize;
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
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
        "5-layer",
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
            format!("{n} {}", osi_name(n)),
            10.5,
            color,
            Anchor::Start,
        );
        if n == 5 || n == 6 {
            d.text(
                x + 6.0,
                ry + 24.0,
                "no own header",
                9.0,
                pal.weak(),
                Anchor::Start,
            );
        }
    }
    // TCP/IP: Application spans OSI 5-7, Link spans 1-2.
    let spans: [(&str, u8, u8, TcpIpLayer); 4] = [
        ("Application", 7, 5, TcpIpLayer::Application),
        ("Transport", 4, 4, TcpIpLayer::Transport),
        ("Internet", 3, 3, TcpIpLayer::Internet),
        ("Link", 2, 1, TcpIpLayer::Link),
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
            fit(name, w_tcp - 6.0, 10.0),
            10.0,
            color,
            Anchor::Middle,
        );
    }
    let five: [(&str, u8, u8, TcpIpLayer); 5] = [
        ("Application", 7, 5, TcpIpLayer::Application),
        ("Transport", 4, 4, TcpIpLayer::Transport),
        ("Network", 3, 3, TcpIpLayer::Internet),
        ("Link", 2, 2, TcpIpLayer::Link),
        ("Physical", 1, 1, TcpIpLayer::Link),
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
            fit(name, w_five - 6.0, 10.0),
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
            format!("{} → {} bytes", s.before, s.after),
            12.0,
            pal.weak(),
            Anchor::Start,
        );
        d.text(
            760.0,
            y + 74.0,
            format!("OSI {} · {}", s.osi, s.tcpip.name()),
            12.0,
            pal.weak(),
            Anchor::Start,
        );
    }
    d
}
