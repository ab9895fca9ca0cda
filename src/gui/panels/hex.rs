//! Hex and ASCII of the selected packet, every byte tinted with the colour of the layer it
//! belongs to. A click on a byte selects the field it is part of; a field clicked in the
//! layers tree lights up its bytes here (and, for flags, its bits).

use layerscope_wire::layer::Source;
use layerscope_wire::{Dissection, Layer, Protocol, TcpIpLayer};

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::palette;

const PER_ROW: usize = 16;

/// What the text column shows for one byte.
#[derive(Clone, Debug, PartialEq)]
enum Glyph {
    /// The byte alone: printable ASCII, else a dot.
    Byte,
    /// The first byte of a character `len` bytes long (你 is three in UTF-8, two in GBK),
    /// drawn across its bytes.
    Char(char, usize),
    /// A later byte of such a character: drawn by its first byte.
    Rest,
}

/// The text column's glyphs for the application's bytes `app` of `data`, up to byte
/// `upto`: multi-byte characters of UTF-8 (or of GB18030, when the payload was read in
/// it) over the bytes that carry them, as Wireshark's hex pane cannot.
fn glyphs(data: &[u8], app: std::ops::Range<usize>, gb18030: bool, upto: usize) -> Vec<Glyph> {
    let mut out = vec![Glyph::Byte; upto.min(data.len())];
    let mut i = app.start;
    let end = app.end.min(out.len());
    while i < end {
        let b = data[i];
        let len = if b < 0x80 {
            1
        } else if gb18030 {
            match data.get(i + 1) {
                _ if !(0x81..=0xfe).contains(&b) => 1,
                Some(0x30..=0x39) => 4,
                Some(_) => 2,
                None => 1,
            }
        } else {
            match b {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => 1,
            }
        };
        let bytes = data.get(i..i + len).unwrap_or_default();
        let decoded = if len == 1 {
            None
        } else if gb18030 {
            let text = layerscope_wire::app::text::decode(
                bytes,
                layerscope_wire::app::text::Encoding::Gb18030,
            );
            let mut chars = text.chars();
            chars
                .next()
                .filter(|c| *c != char::REPLACEMENT_CHARACTER && chars.next().is_none())
        } else {
            std::str::from_utf8(bytes)
                .ok()
                .and_then(|t| t.chars().next())
        };
        match decoded.filter(|c| !c.is_control()) {
            Some(c) => {
                out[i] = Glyph::Char(c, len);
                for slot in out.iter_mut().take((i + len).min(end)).skip(i + 1) {
                    *slot = Glyph::Rest;
                }
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a layer holds text someone wrote: a TLS record or a DNS message is binary, and
/// its bytes that happen to form UTF-8 are no characters anyone wrote.
fn is_text(l: &Layer) -> bool {
    l.tcpip == TcpIpLayer::Application && !matches!(l.protocol, Protocol::Tls | Protocol::Dns)
}

/// Where the application's bytes of `source` are, and whether they were read as GB18030.
/// In the frame's tab of a frame that ends a joined text message, its TCP payload.
fn app_bytes(d: &Dissection, source: Source) -> Option<(std::ops::Range<usize>, bool)> {
    let app: Vec<_> = d
        .layers
        .iter()
        .filter(|l| l.source == source && is_text(l))
        .collect();
    let gb = app.iter().any(|l| {
        l.field(&layerscope_wire::registry::data::ENCODING)
            .is_some_and(|f| matches!(&f.value, layerscope_wire::Value::Text(t) if t == "GB18030"))
    });
    let Some(start) = app.iter().map(|l| l.header.start).min() else {
        let joined_text = d
            .layers
            .iter()
            .any(|l| l.source == Source::Reassembled && is_text(l));
        return match (source, joined_text, d.layer(Protocol::Tcp)) {
            (Source::Frame, true, Some(tcp)) => Some((tcp.payload.clone(), false)),
            _ => None,
        };
    };
    let end = app.iter().map(|l| l.header.end.max(l.payload.end)).max()?;
    Some((start..end, gb))
}

/// The layer each byte of `source` belongs to: the innermost layer whose header covers it.
fn byte_layers(d: &Dissection, source: Source, len: usize) -> Vec<Option<TcpIpLayer>> {
    let mut out = vec![None; len];
    for l in d.layers.iter().filter(|l| l.source == source) {
        // A transport's payload is the application's bytes, also where no application
        // layer of this frame covers them (a part of a message joined elsewhere).
        if matches!(l.protocol, Protocol::Tcp | Protocol::Udp) {
            for slot in out
                .iter_mut()
                .take(l.payload.end.min(len))
                .skip(l.payload.start)
            {
                *slot = Some(TcpIpLayer::Application);
            }
        }
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
    let highlight = cx.selection.highlight.clone();
    let hover = cx.selection.hover.clone();
    // Wireshark's two tabs when this frame completes a message joined from several
    // segments: the frame's bytes, and the message's. A field of the message shows its tab.
    let tab_id = ui.scope_id().with("hex-tab");
    let mut source = match (&detail.dissection.reassembled, &highlight) {
        (None, _) => Source::Frame,
        (Some(_), Some(h)) => h.source,
        (Some(_), None) => ui.data(|d| d.get_temp(tab_id)).unwrap_or(Source::Frame),
    };
    if let Some(r) = &detail.dissection.reassembled {
        ui.horizontal(|ui| {
            let frame_tab = t!("hex-tab-frame", n = detail.data.len());
            let joined_tab = t!(
                "hex-tab-reassembled",
                n = r.bytes.len(),
                segments = r.segments.len()
            );
            for (tab, text) in [
                (Source::Frame, frame_tab),
                (Source::Reassembled, joined_tab),
            ] {
                if ui.selectable_label(source == tab, text).clicked() && source != tab {
                    source = tab;
                    ui.data_mut(|d| d.insert_temp(tab_id, tab));
                    if highlight.is_some() {
                        cx.act(Action::Highlight(None));
                    }
                }
            }
        });
    }
    let data: &[u8] = detail.dissection.bytes_of_source(source, &detail.data);
    let highlight = highlight.filter(|h| h.source == source);
    let hover = hover.filter(|h| h.source == source);
    let layers = byte_layers(&detail.dissection, source, data.len());
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
        .filter(|l| l.source == source)
        .map(|l| l.missing.end)
        .fold(data.len(), usize::max);
    let rows = shown.div_ceil(PER_ROW);
    let missing_fill = ui.visuals().faint_bg_color;
    if shown > data.len() {
        ui.label(
            egui::RichText::new(t!("hex-not-captured", n = shown - data.len()))
                .small()
                .color(ui.visuals().weak_text_color()),
        );
    }
    let mut clicked = None;
    // Characters are found from the payload's start up to the last row that can show.
    let text = app_bytes(&detail.dissection, source)
        .map(|(range, gb)| glyphs(data, range, gb, data.len()))
        .unwrap_or_default();
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
                    let end = row_end.min(data.len());
                    let bytes = &data[start.min(end)..end];
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
                    // Multi-byte characters are painted after the row's cells, so the
                    // fills of their later bytes do not cover them.
                    let mut wide = Vec::new();
                    for (k, (&b, &layer)) in bytes.iter().zip(tints).enumerate() {
                        let i = start + k;
                        let (_, fill, color) = style(i, layer);
                        let shown_text = match text.get(i) {
                            Some(Glyph::Char(..) | Glyph::Rest) => String::new(),
                            _ if b.is_ascii_graphic() || b == b' ' => (b as char).to_string(),
                            _ => "·".to_string(),
                        };
                        let plain = b.is_ascii_graphic() || b == b' ';
                        let text_color = if plain
                            || matches!(text.get(i), Some(Glyph::Char(..) | Glyph::Rest))
                        {
                            color
                        } else {
                            weak
                        };
                        let resp = cell(
                            ui,
                            egui::vec2(char_w, row_h),
                            &shown_text,
                            fill,
                            text_color,
                            &font,
                        );
                        if resp.clicked() {
                            clicked = Some(i);
                        }
                        if let Some(Glyph::Char(ch, len)) = text.get(i) {
                            // Centred over the cells of its bytes on this row.
                            let span = (*len).min(row_end - i) as f32 * char_w;
                            let at =
                                egui::pos2(resp.rect.left() + span / 2.0, resp.rect.center().y);
                            wide.push((at, *ch, color));
                        }
                    }
                    for (at, ch, color) in wide {
                        ui.painter().text(
                            at,
                            egui::Align2::CENTER_CENTER,
                            ch,
                            egui::FontId::proportional(12.5),
                            color,
                        );
                    }
                });
            }
        });
    if let Some(h) = &highlight {
        if let Some((first, width)) = h.bits {
            bits_view(ui, data, h.bytes.clone(), first, width, sel_color, &font);
        }
    }
    if let Some(i) = hovered_byte {
        if let Some(h) = cx.selection.field_at(source, i) {
            cx.act(Action::Hover(h));
        }
    }
    if let Some(i) = clicked {
        cx.act(Action::HighlightByte(source, i));
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

#[cfg(test)]
mod tests {
    use super::{glyphs, Glyph};

    #[test]
    fn characters_span_the_bytes_that_carry_them() {
        let mut frame = b"HDR".to_vec();
        frame.extend_from_slice("a你b".as_bytes());
        let g = glyphs(&frame, 3..frame.len(), false, frame.len());
        assert_eq!(
            g,
            [
                Glyph::Byte,
                Glyph::Byte,
                Glyph::Byte,
                Glyph::Byte,
                Glyph::Char('你', 3),
                Glyph::Rest,
                Glyph::Rest,
                Glyph::Byte
            ]
        );
        // GBK: two bytes a character.
        let gbk = [0xc4, 0xe3, b'!'];
        assert_eq!(
            glyphs(&gbk, 0..3, true, 3),
            [Glyph::Char('你', 2), Glyph::Rest, Glyph::Byte]
        );
        // Not UTF-8, or a character cut by the frame's end: bytes.
        assert_eq!(
            glyphs(&[0xe4, 0xbd], 0..2, false, 2),
            [Glyph::Byte, Glyph::Byte]
        );
        assert_eq!(
            glyphs(&[0xff, 0x41], 0..2, false, 2),
            [Glyph::Byte, Glyph::Byte]
        );
        // Headers are never read as text.
        let g = glyphs("你".as_bytes(), 0..0, false, 3);
        assert!(g.iter().all(|g| *g == Glyph::Byte));
    }
}
