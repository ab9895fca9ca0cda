//! The selected packet as a tree grouped by layer: each heading names the layer in both
//! models and its unit; each field shows its value, and its meaning on hover. Clicking a
//! field highlights its bytes in the hex pane.

use layerscope_wire::layer::Source;
use layerscope_wire::registry as hf;
use layerscope_wire::{Field, Layer};

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::app::Highlight;
use crate::gui::palette;

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(detail) = &cx.selection.detail else {
        ui.centered_and_justified(|ui| ui.label(t!("layers-select")));
        return;
    };
    let dark = ui.visuals().dark_mode;
    let mut chosen: Option<Highlight> = None;
    let mut hovered: Option<Highlight> = None;
    let highlight = cx.selection.highlight.clone();
    let hover = cx.selection.hover.clone();
    egui::ScrollArea::vertical()
        .id_salt("layers")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(t!(
                    "layers-frame",
                    frame = detail.index + 1,
                    wire = detail.orig_len,
                    captured = detail.data.len()
                ))
                .strong(),
            );
            let last = detail.dissection.layers.len().saturating_sub(1);
            for (li, layer) in detail.dissection.layers.iter().enumerate() {
                let color = palette::strong(layer.tcpip, dark);
                let mut title = heading(layer);
                if layer.source == Source::Reassembled {
                    // Its bytes are the joined message's (the hex pane's second tab).
                    title = format!("{title} · {}", t!("hex-tab-reassembled-short"));
                }
                let title = egui::RichText::new(title).color(color).strong();
                // The transport and application layers are what a socket program sees;
                // the lower headings already say what they hold, so they start folded.
                let open = li == last
                    || matches!(
                        layer.tcpip,
                        layerscope_wire::TcpIpLayer::Transport
                            | layerscope_wire::TcpIpLayer::Application
                    );
                egui::CollapsingHeader::new(title)
                    .id_salt(("layer", li))
                    .default_open(open)
                    .show(ui, |ui| {
                        for (fi, f) in layer.fields.iter().enumerate() {
                            let marks = Marks {
                                highlight: &highlight,
                                hover: &hover,
                            };
                            field_tree(
                                ui,
                                f,
                                (
                                    detail.dissection.bytes_of(layer, &detail.data),
                                    layer.source,
                                ),
                                marks,
                                &mut chosen,
                                &mut hovered,
                                (li, fi),
                            );
                        }
                    });
            }
            if let Some(stop) = &detail.dissection.stop {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    t!("layers-stopped", reason = stop.to_string()),
                );
            }
        });
    if let Some(h) = chosen {
        cx.act(Action::Highlight(Some(h)));
    }
    if hovered.is_some() {
        if let Some(h) = hovered {
            cx.act(Action::Hover(h));
        }
    }
}

/// The selected and the hovered field, for marking them in the tree.
#[derive(Clone, Copy)]
struct Marks<'a> {
    highlight: &'a Option<Highlight>,
    hover: &'a Option<Highlight>,
}

fn is(h: &Option<Highlight>, f: &Field, source: Source) -> bool {
    h.as_ref() == Some(&Highlight::of(f, source))
}

/// "Transport · OSI 4 (Transport) · TCP segment · 32-byte header + 14 bytes of data".
pub fn heading(layer: &Layer) -> String {
    format!(
        "{} · {}",
        crate::i18n::terms::layer_heading(layer),
        crate::i18n::terms::layer_size(layer)
    )
}

fn field_tree(
    ui: &mut egui::Ui,
    f: &Field,
    (packet, source): (&[u8], Source),
    marks: Marks,
    chosen: &mut Option<Highlight>,
    hovered: &mut Option<Highlight>,
    id: (usize, usize),
) {
    let text = if f.children.is_empty() || !matches!(f.value, layerscope_wire::Value::None) {
        let v = f.display(packet);
        if v.is_empty() {
            f.name().to_string()
        } else {
            format!("{}: {v}", f.name())
        }
    } else {
        f.name().to_string()
    };
    let selected = is(marks.highlight, f, source);
    let pointed_elsewhere = is(marks.hover, f, source);
    let mut label = |ui: &mut egui::Ui| {
        let rich = if pointed_elsewhere {
            egui::RichText::new(text.clone()).underline()
        } else {
            egui::RichText::new(text.clone())
        };
        let resp = ui
            .add(egui::Button::selectable(selected, rich))
            .on_hover_ui(|ui| tooltip(ui, f, source));
        if resp.hovered() {
            *hovered = Some(Highlight::of(f, source));
        }
        if resp.clicked() {
            *chosen = Some(Highlight::of(f, source));
        }
    };
    if f.children.is_empty() {
        label(ui);
        return;
    }
    let state_id = ui
        .scope_id()
        .with(("field", id.0, id.1, f.abbrev(), f.bytes.start));
    // TCP's flags are what the handshake and teardown are about: show them unfolded.
    let open = f.is(&hf::tcp::FLAGS);
    egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), state_id, open)
        .show_header(ui, |ui| label(ui))
        .body(|ui| {
            for (ci, c) in f.children.iter().enumerate() {
                field_tree(
                    ui,
                    c,
                    (packet, source),
                    marks,
                    chosen,
                    hovered,
                    (id.0, id.1 * 64 + ci + 1),
                );
            }
        });
}

fn tooltip(ui: &mut egui::Ui, f: &Field, source: Source) {
    ui.set_max_width(420.0);
    ui.label(egui::RichText::new(f.name()).strong());
    let explanation = crate::i18n::terms::explain(f.def);
    if !explanation.is_empty() {
        ui.label(explanation);
    }
    let pos = match f.bits {
        Some((first, width)) => t!(
            "layers-pos-bits",
            first = f.bytes.start,
            last = f.bytes.end.saturating_sub(1),
            bit = first,
            lastbit = first + width - 1
        ),
        None if f.bytes.len() == 1 => t!("layers-pos-byte", first = f.bytes.start),
        None => t!(
            "layers-pos-bytes",
            first = f.bytes.start,
            last = f.bytes.end.saturating_sub(1)
        ),
    };
    // Byte numbers of a reassembled message count in that message (the hex pane's second
    // tab), not in the frame.
    let pos = match source {
        Source::Frame => pos,
        Source::Reassembled => format!("{pos} ({})", t!("hex-tab-reassembled-short")),
    };
    ui.label(
        egui::RichText::new(format!("{}  ·  {pos}", f.abbrev()))
            .monospace()
            .weak(),
    );
}
