//! Hex and ASCII of the selected packet, every byte tinted with the colour of the layer it
//! belongs to. A click on a byte selects the field it is part of; a field clicked in the
//! layers tree lights up its bytes here (and, for flags, its bits).

use layerscope_wire::{Dissection, TcpIpLayer};

use crate::gui::app::App;
use crate::gui::palette;

const PER_ROW: usize = 16;

/// The layer each byte belongs to: the innermost layer whose header covers it.
fn byte_layers(d: &Dissection, len: usize) -> Vec<Option<TcpIpLayer>> {
    let mut out = vec![None; len];
    for l in &d.layers {
        for slot in out.iter_mut().take(l.header.end.min(len)).skip(l.header.start) {
            *slot = Some(l.tcpip);
        }
    }
    out
}

pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let Some(detail) = &app.detail else {
        return;
    };
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.strong("Bytes");
        for l in palette::LAYERS.iter().rev() {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, palette::fill(*l, dark));
            ui.painter().rect_stroke(
                rect,
                2.0,
                egui::Stroke::new(1.0, palette::strong(*l, dark)),
                egui::StrokeKind::Inside,
            );
            ui.label(egui::RichText::new(l.name()).small());
        }
    });
    let layers = byte_layers(&detail.dissection, detail.data.len());
    let highlight = app.highlight.clone();
    let font = egui::FontId::monospace(12.5);
    let char_w = ui.fonts_mut(|f| f.glyph_width(&font, '0'));
    let row_h = 17.0;
    let rows = detail.data.len().div_ceil(PER_ROW);
    let mut clicked = None;
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let sel_color = palette::selection(dark);
    egui::ScrollArea::vertical()
        .id_salt("hex")
        .auto_shrink([false, false])
        .max_height(ui.available_height() - if highlight.as_ref().is_some_and(|h| h.bits.is_some()) { 44.0 } else { 0.0 })
        .show_rows(ui, row_h, rows, |ui, range| {
            for r in range {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    ui.label(egui::RichText::new(format!("{:04x}  ", r * PER_ROW)).font(font.clone()).color(weak));
                    let start = r * PER_ROW;
                    let end = (start + PER_ROW).min(detail.data.len());
                    for i in start..start + PER_ROW {
                        if i == start + PER_ROW / 2 {
                            ui.add_space(char_w);
                        }
                        let size = egui::vec2(char_w * 3.0, row_h);
                        if i >= end {
                            ui.allocate_exact_size(size, egui::Sense::hover());
                            continue;
                        }
                        let b = detail.data[i];
                        let selected = highlight.as_ref().is_some_and(|h| h.bytes.contains(&i));
                        let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
                        let fill = if selected {
                            sel_color
                        } else {
                            layers[i].map_or(egui::Color32::TRANSPARENT, |l| palette::fill(l, dark))
                        };
                        ui.painter().rect_filled(rect.shrink2(egui::vec2(0.0, 1.0)), 0.0, fill);
                        let color = if selected { egui::Color32::BLACK } else { text_color };
                        ui.painter().text(
                            rect.left_center() + egui::vec2(char_w * 0.5, 0.0),
                            egui::Align2::LEFT_CENTER,
                            format!("{b:02x}"),
                            font.clone(),
                            color,
                        );
                        resp.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::Button,
                                true,
                                selected,
                                format!("byte {i}: {b:02x}"),
                            )
                        });
                        if resp.clicked() {
                            clicked = Some(i);
                        }
                    }
                    ui.add_space(char_w * 2.0);
                    for i in start..end {
                        let b = detail.data[i];
                        let selected = highlight.as_ref().is_some_and(|h| h.bytes.contains(&i));
                        let (rect, resp) = ui.allocate_exact_size(egui::vec2(char_w, row_h), egui::Sense::click());
                        let fill = if selected {
                            sel_color
                        } else {
                            layers[i].map_or(egui::Color32::TRANSPARENT, |l| palette::fill(l, dark))
                        };
                        ui.painter().rect_filled(rect.shrink2(egui::vec2(0.0, 1.0)), 0.0, fill);
                        let (c, color) = if b.is_ascii_graphic() || b == b' ' {
                            (b as char, if selected { egui::Color32::BLACK } else { text_color })
                        } else {
                            ('·', weak)
                        };
                        ui.painter().text(rect.center(), egui::Align2::CENTER_CENTER, c, font.clone(), color);
                        if resp.clicked() {
                            clicked = Some(i);
                        }
                    }
                });
            }
        });
    if let Some(h) = &highlight {
        if let Some((first, width)) = h.bits {
            bits_view(ui, &detail.data, h.bytes.clone(), first, width, sel_color, &font);
        }
    }
    if let Some(i) = clicked {
        app.highlight_byte(i);
    }
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
    job.append(&format!("bits of bytes {}–{}: ", bytes.start, bytes.end - 1), 0.0, normal.clone());
    for (bi, b) in slice.iter().enumerate() {
        for bit in 0..8u8 {
            let n = bi as u8 * 8 + bit;
            let on = (b >> (7 - bit)) & 1;
            let fmt = if n >= first && n < first + width { marked.clone() } else { normal.clone() };
            job.append(if on == 1 { "1" } else { "0" }, 0.0, fmt);
            if bit == 3 {
                job.append(" ", 0.0, normal.clone());
            }
        }
        job.append("  ", 0.0, normal.clone());
    }
    ui.label(job);
}
