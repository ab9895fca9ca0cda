//! Hex and ASCII of the selected packet, every byte tinted with the colour of the layer it
//! belongs to. A click on a byte selects the field it is part of; a field clicked in the
//! layers tree lights up its bytes here (and, for flags, its bits).

use layerscope_wire::{Dissection, TcpIpLayer};

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::palette;

const PER_ROW: usize = 16;

/// The layer each byte belongs to: the innermost layer whose header covers it.
fn byte_layers(d: &Dissection, len: usize) -> Vec<Option<TcpIpLayer>> {
    let mut out = vec![None; len];
    for l in &d.layers {
        for slot in out
            .iter_mut()
            .take(l.header.end.min(len))
            .skip(l.header.start)
        {
            *slot = Some(l.tcpip);
        }
    }
    out
}

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(detail) = &cx.selection.detail else {
        return;
    };
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.strong(t!("hex-heading"));
        for l in palette::LAYERS.iter().rev() {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, palette::fill(*l, dark));
            ui.painter().rect_stroke(
                rect,
                2.0,
                egui::Stroke::new(1.0, palette::strong(*l, dark)),
                egui::StrokeKind::Inside,
            );
            ui.label(egui::RichText::new(crate::i18n::terms::tcpip(*l)).small());
        }
    });
    let layers = byte_layers(&detail.dissection, detail.data.len());
    let highlight = cx.selection.highlight.clone();
    let hover = cx.selection.hover.clone();
    let mut hovered_byte = None;
    let font = egui::FontId::monospace(12.5);
    let char_w = ui.fonts_mut(|f| f.glyph_width(&font, '0'));
    let row_h = 17.0;
    // A header the snapshot length cut continues past the frame's last byte: its missing
    // bytes get greyed cells, so the student sees how much of it is not there.
    let shown = detail
        .dissection
        .layers
        .iter()
        .map(|l| l.missing.end)
        .fold(detail.data.len(), usize::max);
    let rows = shown.div_ceil(PER_ROW);
    let missing_fill = ui.visuals().faint_bg_color;
    if shown > detail.data.len() {
        ui.label(
            egui::RichText::new(t!("hex-not-captured", n = shown - detail.data.len()))
                .small()
                .color(ui.visuals().weak_text_color()),
        );
    }
    let mut clicked = None;
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let sel_color = palette::selection(dark);
    egui::ScrollArea::vertical()
        .id_salt("hex")
        .auto_shrink([false, false])
        .max_height(
            ui.available_height()
                - if highlight.as_ref().is_some_and(|h| h.bits.is_some()) {
                    44.0
                } else {
                    0.0
                },
        )
        .show_rows(ui, row_h, rows, |ui, range| {
            for r in range {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    ui.label(
                        egui::RichText::new(format!("{:04x}  ", r * PER_ROW))
                            .font(font.clone())
                            .color(weak),
                    );
                    let start = r * PER_ROW;
                    let row_end = (start + PER_ROW).min(shown);
                    let end = row_end.min(detail.data.len());
                    let bytes = &detail.data[start.min(end)..end];
                    let tints = &layers[start.min(end)..end];
                    let style = |i: usize, layer: Option<TcpIpLayer>| {
                        let selected = highlight.as_ref().is_some_and(|h| h.bytes.contains(&i));
                        let fill = if selected {
                            sel_color
                        } else {
                            layer.map_or(egui::Color32::TRANSPARENT, |l| palette::fill(l, dark))
                        };
                        let color = if selected {
                            egui::Color32::BLACK
                        } else {
                            text_color
                        };
                        (selected, fill, color)
                    };
                    for (k, (&b, &layer)) in bytes.iter().zip(tints).enumerate() {
                        if k == PER_ROW / 2 {
                            ui.add_space(char_w);
                        }
                        let i = start + k;
                        let (selected, fill, color) = style(i, layer);
                        let size = egui::vec2(char_w * 3.0, row_h);
                        let resp = cell(ui, size, &format!(" {b:02x}"), fill, color, &font);
                        resp.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::Button,
                                true,
                                selected,
                                t!("hex-byte", i = i, value = format!("{b:02x}")),
                            )
                        });
                        if hover.as_ref().is_some_and(|h| h.bytes.contains(&i)) {
                            ui.painter().rect_stroke(
                                resp.rect,
                                0.0,
                                egui::Stroke::new(1.5, ui.visuals().strong_text_color()),
                                egui::StrokeKind::Inside,
                            );
                        }
                        if resp.hovered() {
                            hovered_byte = Some(i);
                        }
                        if resp.clicked() {
                            clicked = Some(i);
                        }
                    }
                    for i in end.max(start)..row_end {
                        if i - start == PER_ROW / 2 {
                            ui.add_space(char_w);
                        }
                        let size = egui::vec2(char_w * 3.0, row_h);
                        let resp = cell(ui, size, " ··", missing_fill, weak, &font);
                        ui.painter().rect_stroke(
                            resp.rect.shrink(1.0),
                            2.0,
                            egui::Stroke::new(1.0, weak),
                            egui::StrokeKind::Inside,
                        );
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Cell,
                                true,
                                t!("hex-byte-missing", i = i),
                            )
                        });
                        resp.on_hover_text(t!("hex-byte-missing-tip", i = i));
                    }
                    // Keep the ASCII column aligned on a short last row.
                    let cells = row_end - start;
                    let missing = PER_ROW - cells;
                    let gap = if cells <= PER_ROW / 2 { char_w } else { 0.0 };
                    ui.add_space(missing as f32 * char_w * 3.0 + gap + char_w * 2.0);
                    for (k, (&b, &layer)) in bytes.iter().zip(tints).enumerate() {
                        let i = start + k;
                        let (_, fill, color) = style(i, layer);
                        let (c, color) = if b.is_ascii_graphic() || b == b' ' {
                            (b as char, color)
                        } else {
                            ('·', weak)
                        };
                        let resp = cell(
                            ui,
                            egui::vec2(char_w, row_h),
                            &c.to_string(),
                            fill,
                            color,
                            &font,
                        );
                        if resp.clicked() {
                            clicked = Some(i);
                        }
                    }
                });
            }
        });
    if let Some(h) = &highlight {
        if let Some((first, width)) = h.bits {
            bits_view(
                ui,
                &detail.data,
                h.bytes.clone(),
                first,
                width,
                sel_color,
                &font,
            );
        }
    }
    if let Some(i) = hovered_byte {
        if let Some(h) = cx.selection.field_at(i) {
            cx.act(Action::Hover(h));
        }
    }
    if let Some(i) = clicked {
        cx.act(Action::HighlightByte(i));
    }
}

/// One clickable character cell of the hex or ASCII column.
fn cell(
    ui: &mut egui::Ui,
    size: egui::Vec2,
    text: &str,
    fill: egui::Color32,
    color: egui::Color32,
    font: &egui::FontId,
) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
    ui.painter()
        .rect_filled(rect.shrink2(egui::vec2(0.0, 1.0)), 0.0, fill);
    ui.painter().text(
        rect.left_center(),
        egui::Align2::LEFT_CENTER,
        text,
        font.clone(),
        color,
    );
    resp
}

/// The bytes of a sub-byte field in binary, its bits marked: how flags sit in a header.
fn bits_view(
    ui: &mut egui::Ui,
    data: &[u8],
    bytes: std::ops::Range<usize>,
    first: u8,
    width: u8,
    sel: egui::Color32,
    font: &egui::FontId,
) {
    let Some(slice) = data.get(bytes.clone()) else {
        return;
    };
    ui.separator();
    let mut job = egui::text::LayoutJob::default();
    let normal = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let marked = egui::TextFormat {
        background: sel,
        ..egui::TextFormat::simple(font.clone(), egui::Color32::BLACK)
    };
    job.append(
        &t!("hex-bits", first = bytes.start, last = bytes.end - 1),
        0.0,
        normal.clone(),
    );
    for (bi, b) in slice.iter().enumerate() {
        for bit in 0..8u8 {
            let n = bi as u8 * 8 + bit;
            let on = (b >> (7 - bit)) & 1;
            let fmt = if n >= first && n < first + width {
                marked.clone()
            } else {
                normal.clone()
            };
            job.append(if on == 1 { "1" } else { "0" }, 0.0, fmt);
            if bit == 3 {
                job.append(" ", 0.0, normal.clone());
            }
        }
        job.append("  ", 0.0, normal.clone());
    }
    ui.label(job);
}
