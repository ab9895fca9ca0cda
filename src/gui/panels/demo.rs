//! The strip shown while a demo runs: what is happening and, for an interactive demo, a box
//! to type the lines the client sends.

use super::Ctx;
use crate::gui::action::Action;

pub fn strip(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(d) = &mut cx.demo else {
        return;
    };
    let mut close = false;
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(egui::RichText::new(t!("demo-running", title = d.scenario.title())).strong());
        ui.label(t!("demo-filter", filter = d.scenario.filter()));
        if d.interactive.is_some() {
            let label = ui.label(t!("demo-send"));
            let resp = ui
                .add(
                    egui::TextEdit::singleline(&mut d.line)
                        .id_salt("demo-line")
                        .hint_text(t!("demo-send-hint")),
                )
                .labelled_by(label.id);
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (enter || ui.button(t!("demo-send")).clicked()) && !d.line.is_empty() {
                if let Some(i) = &d.interactive {
                    i.send(&d.line);
                }
                d.line.clear();
                resp.request_focus();
            }
            if ui.button(t!("demo-close")).clicked() {
                close = true;
            }
        } else {
            ui.label(t!("demo-in-progress"));
        }
    });
    if let Some(last) = d.replies.last() {
        ui.label(t!("demo-answer", reply = last.as_str()));
    }
    if close {
        cx.act(Action::CloseDemoConnection);
    }
}
