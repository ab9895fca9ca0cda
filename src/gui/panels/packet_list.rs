//! The packet list: one row per displayed packet, laid out only for the rows on screen, so
//! a million packets scroll as smoothly as ten.

use egui_extras::{Column, TableBuilder};

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::palette;
use crate::gui::rows::Mark;

pub const ROW_HEIGHT: f32 = 18.0;

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let n = cx.list().len();
    if n == 0 {
        ui.centered_and_justified(|ui| {
            let in_lab = matches!(cx.session.origin, crate::gui::session::Origin::Lab { .. });
            let text = if in_lab && cx.session.is_live() {
                t!("list-waiting-lab")
            } else if cx.session.is_live() {
                t!("list-waiting")
            } else if cx.session.is_loading() {
                t!("list-loading")
            } else if cx.filter.job.is_some() {
                t!("list-no-match")
            } else {
                t!("list-empty")
            };
            ui.label(text);
        });
        return;
    }
    let dark = ui.visuals().dark_mode;
    let first_ns = cx.session.store.first_ts_ns().unwrap_or(0);
    let time_format = cx.settings.time_format;
    let selected_row = cx.selection.selected.and_then(|i| cx.list().row_of(i));
    let mut clicked = None;
    let mut table = TableBuilder::new(ui)
        .id_salt("packets")
        .striped(false)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(64.0).at_least(40.0))
        .column(Column::initial(96.0).at_least(50.0))
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::initial(64.0).at_least(40.0))
        .column(Column::initial(56.0).at_least(40.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .auto_shrink([false, false]);
    if let Some(row) = cx.scroll_to.take() {
        table = table.scroll_to_row(row, None);
    }
    table
        .header(20.0, |mut header| {
            for title in [
                t!("column-number"),
                t!("column-time"),
                t!("column-source"),
                t!("column-destination"),
                t!("column-protocol"),
                t!("column-length"),
                t!("column-info"),
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, n, |mut row| {
                let pos = row.index();
                let Some(index) = cx.list().packet_at(pos) else {
                    return;
                };
                let Some(r) = cx.rows.get(&cx.session.store, index).cloned() else {
                    return;
                };
                let is_selected = selected_row == Some(pos);
                row.set_selected(is_selected);
                let fill = palette::fill(r.layer, dark);
                let text_color = match r.mark {
                    Mark::Rst => Some(palette::reset(dark)),
                    Mark::Syn | Mark::Fin => Some(palette::syn_fin(dark)),
                    Mark::None => None,
                };
                let cells = [
                    r.number.to_string(),
                    r.time(time_format, first_ns),
                    r.src.clone(),
                    r.dst.clone(),
                    r.protocol.to_string(),
                    r.len.to_string(),
                    r.info.clone(),
                ];
                for (col, text) in cells.into_iter().enumerate() {
                    row.col(|ui| {
                        ui.style_mut().interaction.selectable_labels = false;
                        if !is_selected {
                            ui.painter().rect_filled(
                                ui.max_rect().expand2(egui::vec2(4.0, 1.0)),
                                0.0,
                                fill,
                            );
                        }
                        let mut rt = egui::RichText::new(text);
                        if col == 6 && r.mark != Mark::None {
                            rt = rt.strong();
                        }
                        if let (Some(c), false) = (text_color, is_selected) {
                            rt = rt.color(c);
                        }
                        ui.add(egui::Label::new(rt).truncate());
                    });
                }
                if row.response().clicked() {
                    clicked = Some(index);
                }
            });
        });
    if let Some(i) = clicked {
        cx.act(Action::Select(i));
    }
}

/// Moves the selection by `delta` rows (arrow keys, Page Up/Down), clamped.
pub fn move_selection(cx: &mut Ctx<'_>, delta: isize) {
    let n = cx.list().len();
    if n == 0 {
        return;
    }
    let current = cx.selection.selected.and_then(|i| cx.list().row_of(i));
    let row = match current {
        Some(r) => (r as isize + delta).clamp(0, n as isize - 1) as usize,
        None if delta < 0 => n - 1,
        None => 0,
    };
    if let Some(i) = cx.list().packet_at(row) {
        cx.act(Action::SelectAndShow(i));
    }
}
