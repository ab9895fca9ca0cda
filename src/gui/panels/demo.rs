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
        ui.label(egui::RichText::new(format!("Demo: {}", d.scenario.title())).strong());
        ui.label(format!("(capture filter \"{}\")", d.scenario.filter()));
        if d.interactive.is_some() {
            let label = ui.label("Send");
            let resp = ui
                .add(egui::TextEdit::singleline(&mut d.line).hint_text("type a line, Enter sends"))
                .labelled_by(label.id);
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (enter || ui.button("Send").clicked()) && !d.line.is_empty() {
                if let Some(i) = &d.interactive {
                    i.send(&d.line);
                }
                d.line.clear();
                resp.request_focus();
            }
            if ui.button("Close connection").clicked() {
                close = true;
            }
        } else {
            ui.label("running…");
        }
    });
    if let Some(last) = d.replies.last() {
        ui.label(format!("server answered: {last}"));
    }
    if close {
        cx.act(Action::CloseDemoConnection);
    }
}
