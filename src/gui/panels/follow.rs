//! The follow view: one conversation as the two programs saw it (Wireshark's *Follow TCP
//! Stream*), and its messages against its segments — where the sender's bytes were cut
//! into segments, where the application's messages begin and end, and why the receiver
//! cannot see the first (the "sticky packets" lesson).
//!
//! The stream is followed incrementally: each frame is dissected and fed once, so a live
//! capture adds only its new packets; the text is decoded again only when bytes arrive.

use layerscope_wire::analysis::follow::{ChunkKind, Follower, Limits, StreamFollow, StreamId};
use layerscope_wire::app::framing::{self, Framing, Message};
use layerscope_wire::app::text::{self, Encoding, TextDecoder};

use super::Ctx;
use crate::diagram::ladder::Kind;
use crate::gui::action::Action;

/// Most chunks drawn as text; the rest is counted, and saved whole by the save buttons.
const MAX_CHUNKS: usize = 2000;

/// What the follow view keeps between frames.
#[derive(Default)]
pub struct FollowState {
    pub stream: Option<(Kind, u32)>,
    pub search: String,
    /// Messages and segments instead of the conversation.
    pub messages: bool,
    cache: Option<Cache>,
}

impl FollowState {
    /// Forgets the stream and what was followed of it (a new capture), keeping the choice
    /// of conversation or messages.
    pub fn forget(&mut self) {
        self.stream = None;
        self.search.clear();
        self.cache = None;
    }
}

/// One followed stream, with what is drawn of it.
struct Cache {
    key: (Kind, u32),
    /// Frames of the stream fed so far.
    fed: usize,
    follow: StreamFollow,
    /// Decoded when `follow` changed.
    view: View,
}

/// The conversation as drawn: each chunk's text, each side's encoding, framing and
/// messages.
#[derive(Default)]
struct View {
    pieces: Vec<Piece>,
    encodings: [Option<Encoding>; 2],
    framing: [(Framing, Vec<Message>); 2],
    /// Each side's chunks: (offset, length, frame index).
    segments: [Vec<(u64, u64, u32)>; 2],
    /// Each side's bytes joined.
    bytes: [Vec<u8>; 2],
}

struct Piece {
    node: u8,
    /// Capture index of the frame the bytes came in.
    frame: u32,
    bytes: usize,
    text: String,
    /// JSON with `\u` escapes written back with its strings decoded (小飞机 for
    /// `\u5c0f\u98de\u673a`), since that is what the receiving program gets from
    /// `json.loads`.
    decoded: Option<String>,
    missing: bool,
}

/// A chunk's JSON with its escaped strings decoded, when it holds whole JSON values
/// whose text has escapes.
fn decoded_json(bytes: &[u8]) -> Option<String> {
    if !bytes.windows(2).any(|w| w == b"\\u") {
        return None;
    }
    let values = layerscope_wire::app::json::parse_values(bytes)?;
    let layer = layerscope_wire::proto::json::layer(&values, 0..bytes.len());
    Some(layerscope_wire::proto::json::compact(&layer, 400))
}

fn stream_id(kind: Kind, stream: u32) -> StreamId {
    match kind {
        Kind::Tcp => StreamId::Tcp(stream),
        Kind::Udp => StreamId::Udp(stream),
    }
}

impl View {
    fn of(f: &StreamFollow) -> View {
        let bytes = [f.bytes_of(0), f.bytes_of(1)];
        let encodings = [text::guess(&bytes[0]), text::guess(&bytes[1])];
        let mut decoders = encodings.map(|e| TextDecoder::new(e.unwrap_or(Encoding::Utf8)));
        let mut pieces = Vec::new();
        let mut segments: [Vec<(u64, u64, u32)>; 2] = Default::default();
        let last_of = |node: u8| f.chunks.iter().rposition(|c| c.node == node);
        let lasts = [last_of(0), last_of(1)];
        for (i, c) in f.chunks.iter().enumerate() {
            let node = c.node as usize;
            let missing = matches!(c.kind, ChunkKind::Missing(_));
            if !missing {
                segments[node].push((c.offset, c.bytes.len() as u64, c.frame));
            }
            if pieces.len() >= MAX_CHUNKS {
                continue;
            }
            let text = match c.kind {
                ChunkKind::Data => decoders[node].push(&c.bytes, lasts[node] == Some(i)),
                ChunkKind::Missing(n) => t!("follow-missing", n = n),
            };
            pieces.push(Piece {
                node: c.node,
                frame: c.frame.saturating_sub(1),
                bytes: c.bytes.len(),
                text: layerscope_wire::escape::message(&text.replace("\r\n", "\n")).into_owned(),
                decoded: decoded_json(&c.bytes),
                missing,
            });
        }
        View {
            pieces,
            encodings,
            framing: [framing::split(&bytes[0]), framing::split(&bytes[1])],
            segments,
            bytes,
        }
    }
}

/// Brings the cache up to the stream's packets so far.
fn update(cx: &mut Ctx<'_>, kind: Kind, stream: u32) {
    let visible = cx.list().visible as u32;
    let state = &mut cx.panels.follow;
    if state.cache.as_ref().is_none_or(|c| c.key != (kind, stream)) {
        state.cache = Some(Cache {
            key: (kind, stream),
            fed: 0,
            follow: StreamFollow::default(),
            view: View::default(),
        });
    }
    let Some(cache) = state.cache.as_mut() else {
        return;
    };
    let frames = cx.panels.streams.frames(kind, stream);
    let frames = &frames[..frames.partition_point(|&i| i < visible)];
    if cache.fed >= frames.len() {
        return;
    }
    let store = &cx.session.store;
    let id = stream_id(kind, stream);
    let mut follower = Follower::new(Limits::default());
    follower
        .streams
        .insert(id, std::mem::take(&mut cache.follow));
    for &i in &frames[cache.fed..] {
        if let Some(p) = store.get(i) {
            let d = crate::store::dissect_annotated(store.link, p.data, p.analysis);
            follower.observe(id, i + 1, p.data, &d);
        }
    }
    cache.follow = follower.streams.remove(&id).unwrap_or_default();
    cache.fed = frames.len();
    cache.view = View::of(&cache.follow);
}

/// The two sides' names: "client" and "server" when the stream's handshake was captured
/// (the tracker then knows who opened it), else the two addresses.
fn names(cx: &Ctx<'_>, kind: Kind, stream: u32, f: &StreamFollow) -> [String; 2] {
    use layerscope_wire::analysis::{SegmentRole, Transport};
    use layerscope_wire::Analysis;
    let store = &cx.session.store;
    let client = (kind == Kind::Tcp)
        .then(|| cx.panels.streams.frames(kind, stream))
        .and_then(|frames| {
            let opened = frames.iter().take(8).any(|&i| {
                store.get(i).is_some_and(|p| {
                    matches!(p.analysis, Analysis::Tcp(t)
                        if matches!(t.role, Some(SegmentRole::Syn | SegmentRole::SynAck)))
                })
            });
            let p = store.get(*frames.first()?)?;
            let Analysis::Tcp(t) = p.analysis else {
                return None;
            };
            let Transport::Tcp(seg) = Transport::quick(store.link, p.data)? else {
                return None;
            };
            opened.then_some(if t.from_client { seg.src } else { seg.dst })
        });
    crate::cli::follow::named_sides(f.nodes, client)
}

/// The two sides' colours, Wireshark's: the first sender red, the other blue.
fn colours(dark: bool) -> [(egui::Color32, egui::Color32); 2] {
    if dark {
        [
            (
                egui::Color32::from_rgb(0xff, 0xb0, 0xb0),
                egui::Color32::from_rgb(0x3a, 0x1c, 0x1c),
            ),
            (
                egui::Color32::from_rgb(0xb0, 0xc8, 0xff),
                egui::Color32::from_rgb(0x1c, 0x26, 0x3a),
            ),
        ]
    } else {
        [
            (
                egui::Color32::from_rgb(0x8b, 0x0f, 0x0f),
                egui::Color32::from_rgb(0xfb, 0xed, 0xed),
            ),
            (
                egui::Color32::from_rgb(0x0f, 0x2f, 0x8b),
                egui::Color32::from_rgb(0xed, 0xf0, 0xfb),
            ),
        ]
    }
}

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    cx.panels.streams.update(&cx.session.store);
    if let Some(sel) = cx
        .selection
        .selected
        .and_then(|i| cx.session.store.get(i))
        .and_then(|p| crate::gui::streams::StreamIndex::stream_of(p.analysis))
    {
        // The selected packet's stream, as Wireshark's Follow does.
        if cx.panels.follow.stream.is_none() {
            cx.panels.follow.stream = Some(sel);
        }
    }
    if cx.panels.follow.stream.is_none() {
        cx.panels.follow.stream = super::ladder::first_stream(cx);
    }
    let Some((kind, stream)) = cx.panels.follow.stream else {
        ui.centered_and_justified(|ui| ui.label(t!("ladder-none")));
        return;
    };
    update(cx, kind, stream);
    let dark = ui.visuals().dark_mode;
    let Some(cache) = cx.panels.follow.cache.as_ref() else {
        return;
    };
    let names = names(cx, kind, stream, &cache.follow);
    let sent = cache.follow.sent();
    let enc_name = |e: Option<Encoding>| e.map_or_else(|| t!("follow-binary"), |e| e.name().into());
    let sizes = t!(
        "follow-sizes",
        a = names[0].as_str(),
        b = names[1].as_str(),
        ab = sent[0],
        ba = sent[1],
        enca = enc_name(cache.view.encodings[0]),
        encb = enc_name(cache.view.encodings[1])
    );
    let dropped = cache.follow.dropped;
    let mut chosen = None;
    let mut save = None;
    let mut copy = false;
    ui.horizontal_wrapped(|ui| {
        chosen = super::ladder::stream_picker(cx, ui, "follow-stream", (kind, stream));
        let search = ui.add(
            egui::TextEdit::singleline(&mut cx.panels.follow.search)
                .hint_text(t!("follow-search"))
                .desired_width(160.0),
        );
        search.on_hover_text(t!("follow-search-tip"));
        ui.selectable_value(
            &mut cx.panels.follow.messages,
            false,
            t!("follow-conversation"),
        )
        .on_hover_text(t!("follow-conversation-tip"));
        ui.selectable_value(&mut cx.panels.follow.messages, true, t!("follow-messages"))
            .on_hover_text(t!("follow-messages-tip"));
        if ui.button(t!("follow-copy")).clicked() {
            copy = true;
        }
        ui.menu_button(t!("follow-save"), |ui| {
            for node in [0u8, 1] {
                let who = names[node as usize].as_str();
                if ui.button(t!("follow-save-side", who = who)).clicked() {
                    save = Some(node);
                    ui.close();
                }
            }
        });
    });
    ui.label(egui::RichText::new(sizes).weak());
    if dropped > 0 {
        ui.label(t!("follow-dropped", n = dropped));
    }
    if let Some(c) = chosen {
        cx.panels.follow.stream = Some(c);
        return;
    }
    let Some(cache) = cx.panels.follow.cache.as_ref() else {
        return;
    };
    if copy {
        let all: String = cache
            .view
            .pieces
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("");
        ui.ctx().copy_text(all);
    }
    if let Some(node) = save {
        let (bytes, name) = save_side(&cache.view.bytes[node as usize], node, kind, stream);
        super::choose_file(
            cx,
            crate::gui::file_dialog::Purpose::SaveBytes(bytes),
            &name,
        );
        return;
    }
    let mut select = None;
    if cx.panels.follow.messages {
        messages(ui, cache, &names, dark);
    } else {
        select = conversation(ui, cache, &cx.panels.follow.search, &names, dark);
    }
    if let Some(i) = select {
        cx.act(Action::SelectAndShow(i));
    }
}

/// The conversation: each chunk's text in its side's colour, under a line that says where
/// the segment's bytes begin. Returns the frame clicked.
fn conversation(
    ui: &mut egui::Ui,
    cache: &Cache,
    search: &str,
    names: &[String; 2],
    dark: bool,
) -> Option<u32> {
    let colours = colours(dark);
    let needle = search.to_lowercase();
    let hits = if needle.is_empty() {
        0
    } else {
        cache
            .view
            .pieces
            .iter()
            .filter(|p| p.text.to_lowercase().contains(&needle))
            .count()
    };
    if !needle.is_empty() {
        ui.label(t!("follow-hits", n = hits));
    }
    let total = cache.follow.chunks.len();
    if total > cache.view.pieces.len() {
        ui.label(t!(
            "follow-truncated",
            shown = cache.view.pieces.len(),
            n = total
        ));
    }
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("follow-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for p in &cache.view.pieces {
                let (fg, bg) = colours[p.node as usize];
                let arrow = if p.node == 0 { "▶" } else { "◀" };
                let head = if p.missing {
                    format!("{arrow} {}", names[p.node as usize])
                } else {
                    format!(
                        "{arrow} {} · {}",
                        names[p.node as usize],
                        t!("follow-chunk", frame = p.frame + 1, n = p.bytes)
                    )
                };
                let hit = !needle.is_empty() && p.text.to_lowercase().contains(&needle);
                ui.horizontal(|ui| {
                    if p.node == 1 {
                        ui.add_space(32.0);
                    }
                    let link = ui.add(
                        egui::Label::new(egui::RichText::new(head).size(12.0).color(fg))
                            .sense(egui::Sense::click()),
                    );
                    if link.on_hover_text(t!("follow-chunk-tip")).clicked() {
                        clicked = Some(p.frame);
                    }
                });
                ui.horizontal(|ui| {
                    if p.node == 1 {
                        ui.add_space(32.0);
                    }
                    let mut frame = egui::Frame::new()
                        .fill(bg)
                        .inner_margin(egui::Margin::symmetric(6, 3))
                        .corner_radius(3.0);
                    if hit {
                        frame =
                            frame.stroke(egui::Stroke::new(2.0, ui.visuals().selection.bg_fill));
                    }
                    frame.show(ui, |ui| {
                        ui.add(
                            egui::Label::new(egui::RichText::new(&p.text).monospace().color(fg))
                                .wrap(),
                        );
                        if let Some(d) = &p.decoded {
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(t!(
                                        "follow-json-decoded",
                                        json = d.as_str()
                                    ))
                                    .color(fg),
                                )
                                .wrap(),
                            );
                        }
                    });
                });
            }
        });
    clicked
}

/// Messages against segments, per side: where the sender's bytes were cut into segments,
/// where the messages begin and end, and what that means for the receiver.
fn messages(ui: &mut egui::Ui, cache: &Cache, names: &[String; 2], dark: bool) {
    let colours = colours(dark);
    egui::ScrollArea::vertical()
        .id_salt("follow-messages")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(t!("follow-stream-explained"));
            for node in 0..2usize {
                let (framing, msgs) = &cache.view.framing[node];
                let segments = &cache.view.segments[node];
                if segments.is_empty() {
                    continue;
                }
                let other = &names[1 - node];
                ui.add_space(8.0);
                ui.label(
                    egui::RichText::new(t!(
                        "follow-side-heading",
                        who = names[node].as_str(),
                        to = other.as_str(),
                        segments = segments.len(),
                        messages = msgs.len()
                    ))
                    .strong()
                    .color(colours[node].0),
                );
                ui.label(framing_text(*framing, segments.len(), msgs.len()));
                bar(ui, segments, msgs, colours[node], dark);
                let bytes = &cache.view.bytes[node];
                let enc = cache.view.encodings[node];
                ui.label(egui::RichText::new(t!("follow-segments-heading")).strong());
                for (o, l, f) in segments.iter().take(200) {
                    let seg = bytes.get(*o as usize..(o + l) as usize).unwrap_or_default();
                    let line = t!(
                        "follow-segment-line",
                        frame = f,
                        n = seg.len(),
                        text = message_preview(seg, enc)
                    );
                    ui.label(egui::RichText::new(line).monospace());
                }
                ui.label(egui::RichText::new(t!("follow-messages-heading")).strong());
                for (i, m) in msgs.iter().enumerate().take(200) {
                    let body = bytes.get(m.body.clone()).unwrap_or_default();
                    let frames: Vec<String> = segments
                        .iter()
                        .filter(|(o, l, _)| *o < m.range.end as u64 && o + l > m.range.start as u64)
                        .map(|(_, _, f)| f.to_string())
                        .collect();
                    let line = t!(
                        "follow-message-line",
                        i = i + 1,
                        n = body.len(),
                        frames = frames.join(", "),
                        segments = frames.len(),
                        text = message_preview(body, enc)
                    );
                    let mut rich = egui::RichText::new(line).monospace();
                    if m.incomplete {
                        rich = rich.italics();
                    }
                    ui.label(rich);
                }
            }
        });
}

/// A message's text for its line: JSON written back with its strings, or the text.
fn message_preview(body: &[u8], enc: Option<Encoding>) -> String {
    if let Some(values) = layerscope_wire::app::json::parse_values(body) {
        let layer = layerscope_wire::proto::json::layer(&values, 0..body.len());
        return layerscope_wire::proto::json::compact(&layer, 80);
    }
    let text = text::decode(&body[..body.len().min(400)], enc.unwrap_or(Encoding::Utf8));
    let text = layerscope_wire::escape::field(&text).into_owned();
    match text.char_indices().nth(80) {
        Some((cut, _)) => format!("\"{}…\"", &text[..cut]),
        None => format!("\"{text}\""),
    }
}

/// What the framing (or its absence) means for the program that reads these bytes.
fn framing_text(framing: Framing, segments: usize, messages: usize) -> String {
    match framing {
        Framing::Newline => t!("follow-framing-newline", n = messages),
        Framing::LengthPrefix { big_endian: true } => t!("follow-framing-prefix-be", n = messages),
        Framing::LengthPrefix { big_endian: false } => {
            t!("follow-framing-prefix-le", n = messages)
        }
        Framing::JsonValues => t!("follow-framing-json", n = messages),
        Framing::None => t!("follow-framing-none", segments = segments),
    }
}

/// The side's bytes as a bar: segments as alternating blocks (frame numbers inside),
/// message ends as marks above and below.
fn bar(
    ui: &mut egui::Ui,
    segments: &[(u64, u64, u32)],
    msgs: &[Message],
    (fg, bg): (egui::Color32, egui::Color32),
    dark: bool,
) {
    let total = segments.last().map_or(0, |(o, l, _)| o + l).max(1) as f32;
    let width = ui.available_width().min(900.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 46.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let body = egui::Rect::from_min_max(
        rect.min + egui::vec2(0.0, 10.0),
        egui::pos2(rect.max.x, rect.max.y - 10.0),
    );
    let x = |off: u64| body.min.x + body.width() * off as f32 / total;
    let shade = if dark {
        bg.gamma_multiply(1.6)
    } else {
        bg.gamma_multiply(0.85)
    };
    for (i, (o, l, frame)) in segments.iter().enumerate() {
        let r = egui::Rect::from_min_max(
            egui::pos2(x(*o), body.min.y),
            egui::pos2(x(o + l), body.max.y),
        );
        painter.rect_filled(r, 0.0, if i % 2 == 0 { bg } else { shade });
        painter.rect_stroke(
            r,
            0.0,
            egui::Stroke::new(1.0, fg.gamma_multiply(0.5)),
            egui::StrokeKind::Inside,
        );
        if r.width() > 28.0 {
            painter.text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                format!("#{}", frame),
                egui::FontId::proportional(11.0),
                fg,
            );
        }
    }
    for m in msgs.iter().filter(|m| !m.incomplete) {
        let mx = x(m.range.end as u64);
        painter.line_segment(
            [egui::pos2(mx, rect.min.y), egui::pos2(mx, rect.max.y)],
            egui::Stroke::new(2.5, ui.visuals().warn_fg_color),
        );
    }
}

/// Asks where to write one side's bytes, exactly as sent (the "file download" lesson).
/// One side's bytes to save, and the file name suggested for them.
fn save_side(bytes: &[u8], node: u8, kind: Kind, stream: u32) -> (Vec<u8>, String) {
    let proto = match kind {
        Kind::Tcp => "tcp",
        Kind::Udp => "udp",
    };
    let name = format!(
        "{proto}-stream-{stream}-{}.bin",
        if node == 0 { "a" } else { "b" }
    );
    (bytes.to_vec(), name)
}
