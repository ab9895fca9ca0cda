//! Modal dialogs: the capture-permission fix and "Save packets".

use std::path::PathBuf;

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::app::App;

/// The "Save packets" dialog.
pub struct SaveForm {
    pub path: String,
    pub displayed_only: bool,
    pub error: Option<String>,
}

pub fn show(cx: &mut Ctx<'_>, ctx: &egui::Context) {
    permission(cx, ctx);
    save(cx, ctx);
    super::file_dialog(cx, ctx);
}

fn permission(cx: &mut Ctx<'_>, ctx: &egui::Context) {
    let Some(problem) = cx.permission_problem else {
        return;
    };
    let command = crate::capture::helper::permission_commands().join("\n");
    let modal = egui::Modal::new(egui::Id::unique("permission")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t!("permission-heading"));
        ui.label(t!("permission-why"));
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.code(&command);
            if ui.small_button(t!("permission-copy")).clicked() {
                ui.ctx().copy_text(command.clone());
            }
        });
        ui.label(egui::RichText::new(t!("permission-relogin")).small().weak());
        ui.collapsing(t!("permission-libpcap-said"), |ui| {
            ui.label(egui::RichText::new(problem.lines().next().unwrap_or("")).monospace());
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if let Some(s) = cx.failed_demo {
                if ui
                    .button(t!("permission-replay-recording"))
                    .on_hover_text(t!("permission-replay-recording-tip", file = s.recording()))
                    .clicked()
                {
                    // Closes this panel too.
                    cx.act(Action::ReplayRecording(s));
                }
            }
            if ui.button(t!("permission-open-file")).clicked() {
                cx.act(Action::DismissPermission);
                cx.act(Action::OpenDialog);
            }
            if ui.button(t!("permission-open-bundled")).clicked() {
                cx.act(Action::DismissPermission);
                cx.act(Action::Open(crate::assets::default_capture()));
            }
            if ui.button(t!("dialog-close")).clicked() {
                cx.act(Action::DismissPermission);
            }
        });
    });
    if modal.should_close() {
        cx.act(Action::DismissPermission);
    }
}

fn save(cx: &mut Ctx<'_>, ctx: &egui::Context) {
    let Some(form) = &mut cx.panels.save_form else {
        return;
    };
    let total = cx.session.store.len();
    let displayed = cx.filter.displayed.as_ref().map(Vec::len);
    let mut action = None;
    let mut browse = None;
    let modal = egui::Modal::new(egui::Id::unique("save")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(t!("save-heading"));
        ui.horizontal(|ui| {
            let label = ui.label(t!("save-file"));
            ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(320.0))
                .labelled_by(label.id);
            if ui.button(t!("save-browse")).clicked() {
                browse = Some(form.path.clone());
            }
        });
        ui.label(egui::RichText::new(t!("save-format-note")).small().weak());
        ui.radio_value(&mut form.displayed_only, false, t!("save-all", n = total));
        ui.add_enabled_ui(displayed.is_some(), |ui| {
            ui.radio_value(
                &mut form.displayed_only,
                true,
                t!("save-displayed", n = displayed.unwrap_or(total)),
            );
        });
        if let Some(e) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.horizontal(|ui| {
            if ui.button(t!("save-save")).clicked() {
                action = Some(true);
            }
            if ui.button(t!("dialog-cancel")).clicked() {
                action = Some(false);
            }
        });
    });
    if modal.should_close() {
        action = Some(false);
    }
    if let Some(name) = browse {
        super::choose_file(cx, crate::gui::file_dialog::Purpose::SaveForm, &name);
        return;
    }
    let Some(form) = &mut cx.panels.save_form else {
        return;
    };
    match action {
        Some(true) => {
            let path = PathBuf::from(form.path.trim());
            let only = form.displayed_only;
            cx.act(Action::Save {
                path,
                displayed_only: only,
            });
        }
        Some(false) => cx.panels.save_form = None,
        None => {}
    }
}

/// Asks for a capture to open: the desktop's dialog, or the one drawn in the window.
pub fn open_file_dialog(app: &mut App) {
    use crate::gui::file_dialog::{choose, Outcome, Purpose};
    let dir = app
        .settings
        .recent_files
        .first()
        .and_then(|p| p.parent().map(std::path::Path::to_path_buf));
    match choose(Purpose::Open, "", dir.as_deref()) {
        Outcome::Open(path) => app.open_path(&path),
        Outcome::Pending(b) => app.panels.file_dialog = Some(b),
        Outcome::SaveForm(_) | Outcome::Done => {}
    }
}

/// Opens the "Save packets" form with a name derived from the capture's.
pub fn open_save_form(app: &mut App) {
    let default = match &app.session.origin {
        crate::gui::session::Origin::File(p) => {
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            format!("{}-saved.pcapng", stem.unwrap_or_else(|| "capture".into()))
        }
        _ => "capture.pcapng".into(),
    };
    app.panels.save_form = Some(SaveForm {
        path: default,
        displayed_only: app.filter.displayed.is_some(),
        error: None,
    });
}
