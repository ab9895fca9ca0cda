//! The status bar: packet counts, capture state, load progress with Cancel.

use super::Ctx;
use crate::gui::action::Action;
use crate::pipeline::Ending;

pub fn bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let s = &cx.session;
        let state = if s.is_live() {
            format!("● Capturing on {}", s.origin.title())
        } else if s.is_loading() {
            format!("Loading {}", s.origin.title())
        } else {
            match &s.ending {
                Some(Ending::Complete) => format!("Loaded {}", s.origin.title()),
                Some(Ending::Stopped) => format!("Capture stopped: {}", s.origin.title()),
                Some(Ending::Cancelled) => format!("Loading cancelled: {}", s.origin.title()),
                Some(Ending::Damaged(_)) => format!("{} (damaged)", s.origin.title()),
                Some(Ending::Failed(_)) => format!("{} (failed)", s.origin.title()),
                None => s.origin.title(),
            }
        };
        if s.is_live() {
            ui.colored_label(egui::Color32::from_rgb(0xe5, 0x39, 0x35), state);
        } else {
            ui.label(state);
        }
        ui.separator();
        ui.label(format!("Packets: {}", s.store.len()));
        ui.separator();
        ui.label(format!("Displayed: {}", cx.list().len()));
        if matches!(s.origin, crate::gui::session::Origin::Live { .. }) {
            ui.separator();
            ui.label(format!(
                "Dropped: {} (interface: {})",
                s.stats.dropped, s.stats.if_dropped
            ));
        }
        let mut cancel = false;
        if let Some(p) = s.progress.filter(|_| s.is_loading()) {
            ui.separator();
            ui.add(
                egui::ProgressBar::new(p)
                    .desired_width(160.0)
                    .show_percentage(),
            );
            cancel = ui.button("Cancel").clicked();
        }
        if let (Some(first), Some(done)) = (s.first_rows_after, s.finished_after) {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    egui::RichText::new(format!(
                        "first rows {:.0} ms · loaded in {:.2} s",
                        first.as_secs_f64() * 1e3,
                        done.as_secs_f64()
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
