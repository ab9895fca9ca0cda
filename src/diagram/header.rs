//! RFC-style header diagrams: each header of a packet drawn as rows of 32 bits, one box per
//! field with the value really captured, flags and fragment fields bit-exact.

use layerscope_wire::{Dissection, Field, Layer, Protocol, Value};

use super::{text_width, Anchor, Drawing, Palette, Tag};

/// One box: a field's bits within its header.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile<'a> {
    pub field: &'a Field,
    /// First bit, counted from the start of the header.
    pub start: usize,
    pub len: usize,
}

/// The standard that defines a header, for the diagram's title.
pub fn standard(p: Protocol) -> &'static str {
    match p {
        Protocol::Ethernet => "IEEE 802.3",
        Protocol::Vlan => "IEEE 802.1Q",
        Protocol::Ieee8021ad => "IEEE 802.1ad",
        Protocol::Sll | Protocol::Sll2 => "libpcap LINKTYPE_LINUX_SLL",
        Protocol::Null => "BSD loopback",
        Protocol::Raw => "raw IP",
        Protocol::Arp => "RFC 826",
        Protocol::Ipv4 => "RFC 791",
        Protocol::Ipv6 => "RFC 8200",
        Protocol::Icmp => "RFC 792",
        Protocol::Icmpv6 => "RFC 4443",
        Protocol::Igmp => "RFC 2236",
        Protocol::Tcp => "RFC 9293",
        Protocol::Udp => "RFC 768",
        Protocol::Http => "RFC 9112",
        Protocol::Json => "RFC 8259",
        Protocol::Dns => "RFC 1035",
        Protocol::Tls => "RFC 8446",
        Protocol::Data => "",
    }
}

fn bit_range(f: &Field, header_start: usize) -> Option<(usize, usize)> {
    if f.bytes.is_empty() || f.bytes.start < header_start {
        return None;
    }
    let base = (f.bytes.start - header_start) * 8;
    Some(match f.bits {
        Some((first, width)) => (base + first as usize, width as usize),
        None => (base, f.bytes.len() * 8),
    })
}

/// Fields computed by the analysis or restating others: not boxes of the header.
fn is_derived(f: &Field) -> bool {
    matches!(f.value, Value::Text(_) | Value::Ascii) || f.def.generated
}

/// The finest boxes that tile `fields` without overlapping: a field is split into its
/// children when they cover it exactly (flags into single bits, DSCP/ECN, options into
/// kind/length/value).
fn tiles_of<'a>(fields: &'a [Field], header_start: usize, header_bits: usize) -> Vec<Tile<'a>> {
    let mut candidates: Vec<Tile> = Vec::new();
    for f in fields {
        if is_derived(f) {
            continue;
        }
        let Some((start, len)) = bit_range(f, header_start) else {
            continue;
        };
        if start + len > header_bits || len == 0 {
            continue;
        }
        let children = greedy(tiles_of(&f.children, header_start, header_bits));
        let covered: usize = children
            .iter()
            .filter(|t| t.start >= start && t.start + t.len <= start + len)
            .map(|t| t.len)
            .sum();
        if !children.is_empty() && covered == len {
            candidates.extend(children);
        } else {
            candidates.push(Tile {
                field: f,
                start,
                len,
            });
        }
    }
    candidates
}

/// Keeps the first of any overlapping boxes, in bit order.
fn greedy(mut tiles: Vec<Tile<'_>>) -> Vec<Tile<'_>> {
    tiles.sort_by_key(|t| t.start);
    let mut out: Vec<Tile> = Vec::new();
    for t in tiles {
        if out.last().is_none_or(|l| t.start >= l.start + l.len) {
            out.push(t);
        }
    }
    out
}

/// The boxes of one layer's header, in bit order.
pub fn tiles(layer: &Layer) -> Vec<Tile<'_>> {
    let bits = layer.header.len() * 8;
    greedy(tiles_of(&layer.fields, layer.header.start, bits))
}

const BIT_W: f32 = 24.0;
const ROW_H: f32 = 40.0;
const LEFT: f32 = 56.0;
const FONT: f32 = 11.0;

/// Short name for a narrow box: the last part of the Wireshark name (`syn`, `df`).
fn short(f: &Field) -> &str {
    f.abbrev().rsplit('.').next().unwrap_or(f.abbrev())
}

/// Draws every header of the packet (not the application data).
pub fn draw(
    d: &Dissection,
    packet: &[u8],
    palette: Palette,
    selected: Option<&std::ops::Range<usize>>,
    pointed: Option<&std::ops::Range<usize>>,
) -> Drawing {
    let layers: Vec<&Layer> = d
        .layers
        .iter()
        .filter(|l| l.tcpip != layerscope_wire::TcpIpLayer::Application && !l.header.is_empty())
        .collect();
    let height: f32 = layers
        .iter()
        .map(|l| 56.0 + ROW_H * (l.full_header_len() * 8).div_ceil(32) as f32 + 16.0)
        .sum::<f32>()
        + 10.0;
    let mut out = Drawing::new(
        LEFT + 32.0 * BIT_W + 20.0,
        height.max(60.0),
        palette.background(),
    );
    let mut y = 10.0;
    for layer in layers {
        y = draw_layer(&mut out, layer, packet, palette, (selected, pointed), y);
    }
    out
}

fn draw_layer(
    out: &mut Drawing,
    layer: &Layer,
    packet: &[u8],
    pal: Palette,
    (selected, pointed): (
        Option<&std::ops::Range<usize>>,
        Option<&std::ops::Range<usize>>,
    ),
    mut y: f32,
) -> f32 {
    let strong = pal.strong(layer.tcpip);
    let fill = pal.fill(layer.tcpip);
    let size = if layer.is_cut() {
        t!(
            "diagram-size-cut",
            full = layer.full_header_len(),
            captured = layer.header.len()
        )
    } else {
        t!("diagram-size", n = layer.header.len())
    };
    let title = t!(
        "diagram-header-title",
        protocol = layer.protocol.name(),
        standard = standard(layer.protocol),
        size = size,
        osi = layer.osi,
        tcpip = crate::i18n::terms::tcpip(layer.tcpip)
    );
    out.bold(LEFT, y + 14.0, title, 13.0, strong, Anchor::Start);
    y += 24.0;
    // Bit ruler.
    for bit in 0..32 {
        let x = LEFT + bit as f32 * BIT_W + BIT_W / 2.0;
        let label = if bit % 8 == 0 || bit == 31 || bit % 4 == 0 {
            bit.to_string()
        } else {
            String::new()
        };
        out.text(x, y + 12.0, label, 9.0, pal.weak(), Anchor::Middle);
    }
    y += 18.0;
    let rows = (layer.full_header_len() * 8).div_ceil(32);
    for r in 0..rows {
        out.text(
            LEFT - 8.0,
            y + r as f32 * ROW_H + 24.0,
            format!("{:>3}", r * 4),
            10.0,
            pal.weak(),
            Anchor::End,
        );
    }
    for t in tiles(layer) {
        let is_sel = selected.is_some_and(|s| *s == t.field.bytes);
        let is_pointed = pointed.is_some_and(|s| *s == t.field.bytes);
        // Single bits show as 0/1, the way RFC diagrams think of them.
        let value = match t.field.value {
            layerscope_wire::Value::Bool(b) if t.len == 1 => u8::from(b).to_string(),
            _ => t.field.display(packet),
        };
        let mut bit = t.start;
        let end = t.start + t.len;
        let mut first_piece = true;
        while bit < end {
            let row = bit / 32;
            let col = bit % 32;
            let n = (32 - col).min(end - bit);
            let x = LEFT + col as f32 * BIT_W;
            let w = n as f32 * BIT_W;
            let top = y + row as f32 * ROW_H;
            let tag = Tag::Field {
                bytes: t.field.bytes.clone(),
                bits: t.field.bits,
                def: t.field.def,
            };
            out.rect(
                x + 1.0,
                top + 1.0,
                w - 2.0,
                ROW_H - 2.0,
                Some(if is_sel { pal.selection() } else { fill }),
                Some(strong),
                None,
            );
            if is_pointed {
                out.rect(
                    x + 2.0,
                    top + 2.0,
                    w - 4.0,
                    ROW_H - 4.0,
                    None,
                    Some(pal.text()),
                    None,
                );
            }
            if first_piece {
                out.hit(
                    x + 1.0,
                    top + 1.0,
                    w - 2.0,
                    ROW_H - 2.0,
                    tag,
                    format!("{} = {value}", t.field.abbrev()),
                );
            } else {
                out.hit(x + 1.0, top + 1.0, w - 2.0, ROW_H - 2.0, tag, String::new());
            }
            let color = if is_sel {
                super::Rgb(0, 0, 0)
            } else {
                pal.text()
            };
            let fits = |s: &str, size: f32| text_width(s, size) <= w - 6.0;
            if first_piece || n >= 8 {
                let name = if fits(t.field.name(), FONT - 1.0) {
                    t.field.name().to_string()
                } else {
                    short(t.field).to_string()
                };
                let name = fit(&name, w - 4.0, FONT - 1.0);
                out.text(
                    x + w / 2.0,
                    top + 15.0,
                    name,
                    FONT - 1.0,
                    pal.weak(),
                    Anchor::Middle,
                );
                let v = fit(&value, w - 4.0, FONT);
                out.bold(x + w / 2.0, top + 31.0, v, FONT, color, Anchor::Middle);
            }
            first_piece = false;
            bit += n;
        }
    }
    draw_missing(out, layer, pal, y);
    y + rows as f32 * ROW_H + 16.0
}

/// The part of a cut header that was not captured: grey boxes, one per row it spans,
/// saying why its fields have no values.
fn draw_missing(out: &mut Drawing, layer: &Layer, pal: Palette, y: f32) {
    let (mut bit, end) = (layer.header.len() * 8, layer.full_header_len() * 8);
    let mut first = true;
    while bit < end {
        let (row, col) = (bit / 32, bit % 32);
        let n = (32 - col).min(end - bit);
        let (x, w, top) = (
            LEFT + col as f32 * BIT_W,
            n as f32 * BIT_W,
            y + row as f32 * ROW_H,
        );
        out.rect(
            x + 1.0,
            top + 1.0,
            w - 2.0,
            ROW_H - 2.0,
            Some(pal.missing()),
            Some(pal.grid()),
            None,
        );
        let label = if first {
            t!("diagram-not-captured-snaplen")
        } else {
            t!("diagram-not-captured")
        };
        out.text(
            x + w / 2.0,
            top + 24.0,
            fit(&label, w - 4.0, FONT - 1.0),
            FONT - 1.0,
            pal.weak(),
            Anchor::Middle,
        );
        first = false;
        bit += n;
    }
}

/// Cuts text to fit a width, with an ellipsis.
fn fit(s: &str, width: f32, size: f32) -> String {
    let max = (width / (size * 0.602)).floor() as usize;
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    if max <= 1 {
        return s.chars().take(max).collect();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}
