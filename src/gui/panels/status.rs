//! The status bar: packet counts, capture state, load progress with Cancel.

use super::Ctx;
use crate::gui::action::Action;
use crate::pipeline::Ending;

pub fn bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let s = &cx.session;
        let what = s.origin.title();
        let state = if s.is_live() {
            t!("status-capturing", what = what)
        } else if s.is_loading() {
            t!("status-loading", what = what)
        } else {
            match &s.ending {
                Some(Ending::Complete) => t!("status-loaded", what = what),
                Some(Ending::Stopped) => t!("status-stopped", what = what),
                Some(Ending::Cancelled) => t!("status-cancelled", what = what),
                Some(Ending::Damaged(_)) => t!("status-damaged", what = what),
                Some(Ending::Failed(_)) => t!("status-failed", what = what),
                None => what,
            }
        };
        if s.is_live() {
            ui.colored_label(egui::Color32::from_rgb(0xe5, 0x39, 0x35), state);
        } else {
            ui.label(state);
        }
        ui.separator();
        ui.label(t!("status-packets", n = s.store.len()));
        ui.separator();
        ui.label(t!("status-displayed", n = cx.list().len()));
        if matches!(
            s.origin,
            crate::gui::session::Origin::Live { .. } | crate::gui::session::Origin::Lab { .. }
        ) {
            ui.separator();
            ui.label(t!(
                "status-dropped",
                n = s.stats.dropped,
                interface = s.stats.if_dropped
            ));
        }
        // Messages too large to join: said where the counts are, with the limits.
        if let Some(note) = s
            .analyzer
            .as_ref()
            .and_then(|a| crate::packets::reassembly_note(&a.reassembly))
        {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        let mut cancel = false;
        if let Some(p) = s.progress.filter(|_| s.is_loading()) {
            ui.separator();
            ui.add(
                egui::ProgressBar::new(p)
                    .desired_width(160.0)
                    .show_percentage(),
            );
            cancel = ui.button(t!("dialog-cancel")).clicked();
        }
        if let (Some(first), Some(done)) = (s.first_rows_after, s.finished_after) {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    egui::RichText::new(t!(
                        "status-timing",
                        first = format!("{:.0}", first.as_secs_f64() * 1e3),
                        done = format!("{:.2}", done.as_secs_f64())
                    ))
                    .small()
                    .weak(),
                );
            });
        }
        if cancel {
            cx.act(Action::CancelLoad);
        }
    });
}
