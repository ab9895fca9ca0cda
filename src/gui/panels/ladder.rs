//! The TCP ladder view: one stream at a time as a sequence diagram, with a stream picker,
//! relative or raw numbers, the arithmetic of the hovered arrow, and export for slides.

use super::Ctx;
use crate::diagram::ladder::{self, Input, Kind};
use crate::diagram::{Palette, Tag};
use crate::gui::action::Action;

use super::diagram_view;

/// The ladder view: chosen stream, raw or relative numbers, and the stream index.
#[derive(Default)]
pub struct LadderState {
    pub stream: Option<(crate::diagram::ladder::Kind, u32)>,
    pub raw: bool,
    /// The last ladder built, and what it was built from: building dissects every data
    /// segment for its message text, too much to repeat on every frame drawn.
    pub(crate) built: Option<(BuiltFrom, ladder::Ladder)>,
}

/// What a built ladder depends on: the stream, how many of its packets, the language of
/// its sentences.
pub(crate) type BuiltFrom = (Kind, u32, usize, crate::i18n::Lang);

/// Most arrows drawn for one stream; a bulk transfer has more than a ladder can show.
const MAX_ARROWS: usize = 2000;

fn describe(cx: &Ctx<'_>, kind: Kind, stream: u32) -> String {
    let frames = cx.panels.streams.frames(kind, stream);
    let ends = frames.first().and_then(|&i| {
        let p = cx.session.store.get(i)?;
        match layerscope_wire::analysis::Transport::quick(cx.session.store.link, p.data)? {
            layerscope_wire::analysis::Transport::Tcp(s) => Some((s.src, s.dst)),
            layerscope_wire::analysis::Transport::Udp(d) => Some((d.src, d.dst)),
        }
    });
    let name = match kind {
        Kind::Tcp => "TCP",
        Kind::Udp => "UDP",
    };
    match ends {
        Some((a, b)) => t!(
            "ladder-stream-ends",
            name = name,
            stream = stream,
            a = a.to_string(),
            b = b.to_string(),
            n = frames.len()
        ),
        None => format!("{name} {stream}"),
    }
}

/// The capture's first stream: TCP 0, else UDP 0.
pub(super) fn first_stream(cx: &Ctx<'_>) -> Option<(Kind, u32)> {
    if !cx.panels.streams.tcp.is_empty() {
        Some((Kind::Tcp, 0))
    } else if !cx.panels.streams.udp.is_empty() {
        Some((Kind::Udp, 0))
    } else {
        None
    }
}

/// "Stream: [TCP 3 · a ⇄ b · n packets ▾]", shared by the ladder and follow views.
/// Returns the stream chosen this frame.
pub(super) fn stream_picker(
    cx: &Ctx<'_>,
    ui: &mut egui::Ui,
    id_salt: &str,
    current: (Kind, u32),
) -> Option<(Kind, u32)> {
    let label = ui.label(t!("ladder-stream"));
    let mut chosen = None;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(describe(cx, current.0, current.1))
        .width(420.0)
        .show_ui(ui, |ui| {
            let tcp = cx.panels.streams.tcp.len() as u32;
            let udp = cx.panels.streams.udp.len() as u32;
            for (k, n) in [(Kind::Tcp, tcp), (Kind::Udp, udp)] {
                for s in 0..n.min(500) {
                    if ui
                        .selectable_label(current == (k, s), describe(cx, k, s))
                        .clicked()
                    {
                        chosen = Some((k, s));
                    }
                }
            }
        })
        .response
        .labelled_by(label.id);
    chosen
}

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    cx.panels.streams.update(&cx.session.store);
    if cx.panels.ladder.stream.is_none() {
        let from_selection = cx
            .selection
            .selected
            .and_then(|i| cx.session.store.get(i))
            .and_then(|p| crate::gui::streams::StreamIndex::stream_of(p.analysis));
        let first = first_stream(cx);
        cx.panels.ladder.stream = from_selection.or(first);
    }
    let Some((kind, stream)) = cx.panels.ladder.stream else {
        ui.centered_and_justified(|ui| ui.label(t!("ladder-none")));
        return;
    };
    let dark = ui.visuals().dark_mode;
    let mut export = None;
    ui.horizontal(|ui| {
        if let Some(c) = stream_picker(cx, ui, "ladder-stream", (kind, stream)) {
            cx.panels.ladder.stream = Some(c);
        }
        ui.checkbox(&mut cx.panels.ladder.raw, t!("ladder-raw"))
            .on_hover_text(t!("ladder-raw-tip"));
        if ui.button(t!("ladder-export-svg")).clicked() {
            export = Some("svg");
        }
        if ui.button(t!("ladder-export-png")).clicked() {
            export = Some("png");
        }
    });
    let store = &cx.session.store;
    let first = store.first_ts_ns().unwrap_or(0);
    let frames = cx.panels.streams.frames(kind, stream);
    // During a replay, only the packets replayed so far.
    let visible = cx.list().visible as u32;
    let frames = &frames[..frames.partition_point(|&i| i < visible)];
    let shown = &frames[..frames.len().min(MAX_ARROWS)];
    let from = (kind, stream, shown.len(), cx.lang);
    if cx
        .panels
        .ladder
        .built
        .as_ref()
        .is_none_or(|(f, _)| *f != from)
    {
        let inputs = shown.iter().filter_map(|&i| {
            let p = store.get(i)?;
            Some(Input {
                index: i,
                ts_ns: p.meta.ts_ns,
                data: p.data,
                analysis: p.analysis,
            })
        });
        cx.panels.ladder.built =
            ladder::build(kind, stream, store.link, first, inputs).map(|l| (from, l));
    }
    let Some((_, lad)) = &cx.panels.ladder.built else {
        return;
    };
    if frames.len() > shown.len() {
        ui.label(t!(
            "ladder-truncated",
            shown = shown.len(),
            n = frames.len()
        ));
    }
    // The arithmetic of the hovered (or selected) arrow.
    let hovered_id = ui.scope_id().with("ladder-hover");
    let focus: Option<u32> = ui
        .ctx()
        .data(|d| d.get_temp::<u32>(hovered_id))
        .or(cx.selection.selected);
    let info = focus.and_then(|i| lad.arrows.iter().find(|a| a.index == i));
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 3))
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_min_height(52.0);
            match info {
                Some(a) => {
                    ui.label(
                        egui::RichText::new(t!(
                            "ladder-frame",
                            frame = a.index + 1,
                            label = a.label(kind, cx.panels.ladder.raw),
                            role = a
                                .role
                                .map(|r| format!("  ({})", crate::i18n::terms::role(r)))
                                .unwrap_or_default()
                        ))
                        .strong(),
                    );
                    for line in a.arithmetic.iter().chain(a.notes.iter()) {
                        ui.label(line);
                    }
                }
                None => {
                    ui.label(t!("ladder-help"));
                }
            }
        });
    let drawing = ladder::draw(
        std::slice::from_ref(lad),
        Palette::new(dark),
        cx.panels.ladder.raw,
        cx.selection.selected,
    );
    let resp = diagram_view::show(ui, &drawing, "ladder");
    match resp.hovered {
        Some(Tag::Packet(i)) => {
            ui.ctx().data_mut(|d| d.insert_temp(hovered_id, i));
        }
        _ => {
            ui.ctx().data_mut(|d| d.remove::<u32>(hovered_id));
        }
    }
    if let Some(Tag::Packet(i)) = resp.clicked {
        cx.act(Action::SelectAndShow(i));
    }
    if let Some(ext) = export {
        super::export_dialog(cx, &drawing, &format!("tcp-stream-{stream}.{ext}"));
    }
}
