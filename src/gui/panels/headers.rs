//! RFC-style diagrams of the selected packet's headers. A click on a box selects that field
//! in the layers tree and the hex pane, and the field selected there is highlighted here.

use super::Ctx;
use crate::diagram::{header, Palette, Tag};
use crate::gui::action::Action;
use crate::gui::app::Highlight;
use layerscope_wire::layer::Source;
use layerscope_wire::registry::FieldDef;

use super::diagram_view;

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(detail) = &cx.selection.detail else {
        ui.centered_and_justified(|ui| ui.label(t!("headers-select")));
        return;
    };
    let dark = ui.visuals().dark_mode;
    // The header diagram draws the frame's headers: a mark in a reassembled message is
    // not in it.
    let in_frame = |h: &Option<Highlight>| {
        h.as_ref()
            .filter(|h| h.source == Source::Frame)
            .map(|h| h.bytes.clone())
    };
    let selected = in_frame(&cx.selection.highlight);
    let pointed = in_frame(&cx.selection.hover);
    let drawing = header::draw(
        &detail.dissection,
        &detail.data,
        Palette::new(dark),
        selected.as_ref(),
        pointed.as_ref(),
    );
    let mut export = false;
    let hover_id = ui.scope_id().with("header-hover");
    let hovered: Option<&'static FieldDef> = ui.ctx().data(|d| d.get_temp(hover_id));
    ui.horizontal(|ui| {
        match hovered.and_then(|a| detail.dissection.field(a)) {
            Some(f) => {
                ui.label(egui::RichText::new(format!("{} ({})", f.name(), f.abbrev())).strong());
                ui.label(crate::i18n::terms::explain(f.def));
            }
            None => {
                ui.label(t!("headers-help"));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t!("export-button")).clicked() {
                export = true;
            }
        });
    });
    let resp = diagram_view::show(ui, &drawing, "headers");
    match &resp.hovered {
        Some(Tag::Field { bytes, bits, def }) => {
            ui.ctx().data_mut(|d| d.insert_temp(hover_id, *def));
            cx.act(Action::Hover(Highlight {
                bytes: bytes.clone(),
                bits: *bits,
                abbrev: def.abbrev,
                source: Source::Frame,
            }));
        }
        _ => {
            ui.ctx()
                .data_mut(|d| d.remove::<&'static FieldDef>(hover_id));
        }
    }
    if let Some(Tag::Field { bytes, bits, def }) = resp.clicked {
        cx.act(Action::Highlight(Some(Highlight {
            bytes,
            bits,
            abbrev: def.abbrev,
            source: Source::Frame,
        })));
    }
    if export {
        let name = format!("headers-frame-{}", detail.index + 1);
        super::export_dialog(cx, &drawing, &name);
    }
}
