//! The window's panels, one file each. `show` lays them out like Wireshark: packet list in
//! the middle, the selected packet's layers and bytes below it.

mod context;
mod demo;
mod diagram_view;
mod dialogs;
mod encapsulation;
mod follow;
mod headers;
mod hex;
#[cfg(target_os = "linux")]
mod lab;
mod ladder;
mod layers;
mod packet_list;
mod replay;
mod shortcuts;
mod stack;
mod status;
mod toolbar;
mod welcome;

use crate::gui::file_dialog::{Outcome, Purpose};
pub use context::Ctx;
pub use dialogs::{open_file_dialog, open_save_form, SaveForm};
pub use encapsulation::EncapState;
pub use follow::FollowState;
pub use ladder::LadderState;

use super::action::Action;
use super::app::MainView;

/// What the panels keep between frames, apart from the capture and the selection the
/// window holds.
pub struct PanelState {
    pub encap: EncapState,
    pub ladder: LadderState,
    pub follow: FollowState,
    /// Which packets belong to which stream, for the ladder and follow views.
    pub streams: crate::gui::streams::StreamIndex,
    /// The "Save packets" form, while open.
    pub save_form: Option<SaveForm>,
    /// Ctrl+F: the display filter box takes the keyboard on the next frame.
    pub focus_filter: bool,
    /// The demo menu's "interactive" choice.
    pub demo_interactive: bool,
    /// The port of "Capture port N on loopback".
    pub watch_port: u16,
    /// The file dialog drawn in the window, while it is up (where the desktop has none).
    pub file_dialog: Option<Box<crate::gui::file_dialog::BuiltIn>>,
}

impl Default for PanelState {
    fn default() -> Self {
        PanelState {
            encap: EncapState::default(),
            ladder: LadderState::default(),
            follow: FollowState::default(),
            streams: Default::default(),
            save_form: None,
            focus_filter: false,
            demo_interactive: false,
            // The echo server's port of the course.
            file_dialog: None,
            watch_port: 8888,
        }
    }
}

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    shortcuts::shortcuts(cx, ui.ctx());
    egui::Panel::top("menu").show(ui, |ui| toolbar::menu_bar(cx, ui));
    egui::Panel::top("toolbar").show(ui, |ui| toolbar::capture_bar(cx, ui));
    egui::Panel::top("filter").show(ui, |ui| toolbar::filter_bar(cx, ui));
    if cx.settings.show_welcome {
        egui::Panel::top("welcome").show(ui, |ui| welcome::strip(cx, ui));
    }
    if cx.demo.is_some() {
        egui::Panel::top("demo").show(ui, |ui| demo::strip(cx, ui));
    }
    if cx.replay.is_some() {
        egui::Panel::top("replay").show(ui, |ui| replay::bar(cx, ui));
    }
    banners(cx, ui);
    egui::Panel::bottom("status").show(ui, |ui| status::bar(cx, ui));
    #[cfg(target_os = "linux")]
    if cx.lab.is_some() {
        egui::Panel::right("lab")
            .resizable(true)
            .default_size(360.0)
            .min_size(260.0)
            .max_size(520.0)
            .show(ui, |ui| lab::show(cx, ui));
    }
    // The teaching views need the room more than the packet details do, so they get their
    // own (smaller, separately remembered) details panel.
    let (details_id, details_size) = if cx.view == MainView::Packets {
        ("details", 330.0)
    } else {
        ("details-teaching", 190.0)
    };
    egui::Panel::bottom(details_id)
        .resizable(true)
        .default_size(details_size)
        .min_size(120.0)
        .show(ui, |ui| {
            egui::Panel::left("stack")
                .resizable(false)
                .exact_size(190.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("stack")
                        .show(ui, |ui| stack::show(cx, ui));
                });
            egui::Panel::right("hex")
                .resizable(true)
                .default_size(560.0)
                .show(ui, |ui| hex::show(cx, ui));
            egui::CentralPanel::default().show(ui, |ui| layers::show(cx, ui));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        view_tabs(cx, ui);
        match cx.view {
            MainView::Packets => packet_list::show(cx, ui),
            MainView::Ladder => ladder::show(cx, ui),
            MainView::Encapsulation => encapsulation::show(cx, ui),
            MainView::Headers => headers::show(cx, ui),
            MainView::Follow => follow::show(cx, ui),
        }
    });
    dialogs::show(cx, ui.ctx());
}

/// Warnings about the capture (damaged file) and errors of the last action.
fn banners(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let dark = cx.dark;
    let warning = cx.session.warning();
    if cx.notice.is_none() && warning.is_none() && cx.leftover.is_none() {
        return;
    }
    egui::Panel::top("banners").show(ui, |ui| {
        if let Some(l) = &cx.leftover {
            let secs = l
                .modified
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            let when = chrono::DateTime::from_timestamp(secs, 0)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default();
            let text = t!("banner-leftover", when = when, kb = l.size.div_ceil(1024));
            let (mut open, mut discard) = (false, false);
            ui.horizontal(|ui| {
                banner_text(ui, dark, false, &text);
                open = ui.button(t!("banner-open-it")).clicked();
                discard = ui.button(t!("banner-discard")).clicked();
            });
            if open {
                cx.act(Action::RecoverLeftover);
            }
            if discard {
                cx.act(Action::DiscardLeftover);
            }
        }
        if let Some(w) = warning {
            banner(ui, dark, false, &w, None);
        }
        let mut close = false;
        if let Some(n) = &cx.notice {
            banner(ui, dark, n.error, &n.text, Some(&mut close));
        }
        if close {
            cx.act(Action::DismissNotice);
        }
    });
}

/// A one-line warning in banner colours, for banners with their own buttons.
fn banner_text(ui: &mut egui::Ui, dark: bool, error: bool, text: &str) {
    let color = if error {
        ui.visuals().error_fg_color
    } else if dark {
        egui::Color32::from_rgb(0xff, 0xd6, 0x4a)
    } else {
        egui::Color32::from_rgb(0x8a, 0x6d, 0x00)
    };
    ui.colored_label(color, format!("⚠ {text}"));
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
                let icon = if error {
                    t!("banner-error")
                } else {
                    "⚠".into()
                };
                ui.colored_label(stroke, egui::RichText::new(icon).strong());
                ui.add(egui::Label::new(egui::RichText::new(text).color(stroke)).wrap());
                if let Some(close) = close {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .small_button("×")
                            .on_hover_text(t!("banner-dismiss"))
                            .clicked()
                        {
                            *close = true;
                        }
                    });
                }
            });
        });
}

fn view_tabs(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for (view, label, tip) in [
            (
                MainView::Packets,
                t!("view-packets"),
                t!("view-packets-tip"),
            ),
            (MainView::Ladder, t!("view-ladder"), t!("view-ladder-tip")),
            (
                MainView::Encapsulation,
                t!("view-encapsulation"),
                t!("view-encapsulation-tip"),
            ),
            (
                MainView::Headers,
                t!("view-headers"),
                t!("view-headers-tip"),
            ),
            (MainView::Follow, t!("view-follow"), t!("view-follow-tip")),
        ] {
            if ui
                .selectable_label(cx.view == view, label)
                .on_hover_text(tip)
                .clicked()
            {
                cx.act(Action::ShowView(view));
            }
        }
    });
    ui.separator();
}

/// Asks where to save a diagram and writes it: SVG or PNG by the chosen name's extension
/// (`name` suggests the file name; without an extension, `.svg`).
fn export_dialog(cx: &mut Ctx<'_>, drawing: &crate::diagram::Drawing, name: &str) {
    let file_name = if name.ends_with(".svg") || name.ends_with(".png") {
        name.to_string()
    } else {
        format!("{name}.svg")
    };
    choose_file(cx, Purpose::Export(drawing.clone()), &file_name);
}

/// Asks for a file for `purpose` (`name` suggests one): the desktop's dialog answers at
/// once; the one drawn in the window stays up in the panels' state until answered.
pub(crate) fn choose_file(cx: &mut Ctx<'_>, purpose: Purpose, name: &str) {
    let outcome = crate::gui::file_dialog::choose(purpose, name, None);
    take_outcome(cx, outcome);
}

/// Does what a file dialog's answer asks of the window.
fn take_outcome(cx: &mut Ctx<'_>, outcome: Outcome) {
    match outcome {
        Outcome::Pending(b) => cx.panels.file_dialog = Some(b),
        Outcome::Open(path) => cx.act(Action::Open(path)),
        Outcome::SaveForm(path) => {
            if let Some(form) = &mut cx.panels.save_form {
                form.path = path.display().to_string();
            }
        }
        Outcome::Done => {}
    }
}

/// Draws the file dialog of the window while it is up.
fn file_dialog(cx: &mut Ctx<'_>, ctx: &egui::Context) {
    if let Some(b) = cx.panels.file_dialog.take() {
        let outcome = crate::gui::file_dialog::show(b, ctx);
        take_outcome(cx, outcome);
    }
}
