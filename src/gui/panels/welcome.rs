//! The welcome strip: what the window shows and the three ways to get started.

use super::Ctx;
use crate::gui::action::Action;

pub fn strip(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(t!("welcome-title")).strong());
        ui.label(t!("welcome-text"));
        if ui
            .button(t!("welcome-capture-loopback"))
            .on_hover_text(t!("welcome-capture-loopback-tip"))
            .clicked()
        {
            cx.settings.interface = crate::capture::interfaces::loopback_name(cx.interfaces);
            cx.act(Action::StartCapture);
        }
        if ui
            .button(t!("welcome-open"))
            .on_hover_text(t!("welcome-open-tip"))
            .clicked()
        {
            cx.act(Action::OpenDialog);
        }
        if ui
            .button(t!("welcome-echo-demo"))
            .on_hover_text(t!("welcome-echo-demo-tip"))
            .clicked()
        {
            cx.act(Action::RunDemo {
                scenario: crate::demo::Scenario::TcpEcho,
                interactive: false,
            });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("×")
                .on_hover_text(t!("welcome-hide"))
                .clicked()
            {
                cx.settings.show_welcome = false;
            }
        });
    });
    ui.add_space(4.0);
}
