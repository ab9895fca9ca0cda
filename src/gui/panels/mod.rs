//! The window's panels, one file each. `show` lays them out like Wireshark: packet list in
//! the middle, the selected packet's layers and bytes below it.

mod dialogs;
mod hex;
mod layers;
mod packet_list;
mod stack;
mod status;
mod toolbar;
mod welcome;

use super::app::App;

pub fn show(app: &mut App, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| toolbar::menu_bar(app, ui));
    egui::Panel::top("toolbar").show(ui, |ui| toolbar::capture_bar(app, ui));
    egui::Panel::top("filter").show(ui, |ui| toolbar::filter_bar(app, ui));
    if app.settings.show_welcome {
        egui::Panel::top("welcome").show(ui, |ui| welcome::strip(app, ui));
    }
    banners(app, ui);
    egui::Panel::bottom("status").show(ui, |ui| status::bar(app, ui));
    egui::Panel::bottom("details")
        .resizable(true)
        .default_size(330.0)
        .min_size(120.0)
        .show(ui, |ui| {
            egui::Panel::left("stack")
                .resizable(false)
                .exact_size(190.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("stack")
                        .show(ui, |ui| stack::show(app, ui));
                });
            egui::Panel::right("hex")
                .resizable(true)
                .default_size(560.0)
                .show(ui, |ui| hex::show(app, ui));
            egui::CentralPanel::default().show(ui, |ui| layers::show(app, ui));
        });
    egui::CentralPanel::default().show(ui, |ui| packet_list::show(app, ui));
    dialogs::show(app, ui.ctx());
}

/// Warnings about the capture (damaged file) and errors of the last action.
fn banners(app: &mut App, ui: &mut egui::Ui) {
    let dark = app.dark();
    let warning = app.session.warning();
    if app.notice.is_none() && warning.is_none() {
        return;
    }
    egui::Panel::top("banners").show(ui, |ui| {
        if let Some(w) = warning {
            banner(ui, dark, false, &w, None);
        }
        let mut close = false;
        if let Some(n) = &app.notice {
            banner(ui, dark, n.error, &n.text, Some(&mut close));
        }
        if close {
            app.notice = None;
        }
    });
}

fn banner(ui: &mut egui::Ui, dark: bool, error: bool, text: &str, close: Option<&mut bool>) {
    let (fill, stroke) = match (error, dark) {
        (true, false) => (
            egui::Color32::from_rgb(0xfd, 0xe2, 0xe1),
            egui::Color32::from_rgb(0xb7, 0x1c, 0x1c),
        ),
        (true, true) => (
            egui::Color32::from_rgb(0x4a, 0x1c, 0x1c),
            egui::Color32::from_rgb(0xff, 0x8a, 0x80),
        ),
        (false, false) => (
            egui::Color32::from_rgb(0xff, 0xf4, 0xce),
            egui::Color32::from_rgb(0x8a, 0x6d, 0x00),
        ),
        (false, true) => (
            egui::Color32::from_rgb(0x45, 0x3a, 0x12),
            egui::Color32::from_rgb(0xff, 0xd6, 0x4a),
        ),
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, stroke))
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let icon = if error { "⚠ Error:" } else { "⚠" };
                ui.colored_label(stroke, egui::RichText::new(icon).strong());
                ui.add(egui::Label::new(egui::RichText::new(text).color(stroke)).wrap());
                if let Some(close) = close {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                            *close = true;
                        }
                    });
                }
            });
        });
}
