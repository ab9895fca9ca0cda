//! The welcome strip: what the window shows and the three ways to get started.

use super::Ctx;
use crate::gui::action::Action;

pub fn strip(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Welcome to layerscope.").strong());
        ui.label(
            "Each row is one packet; click it to see its layers and the bytes each layer \
             added. Start with:",
        );
        if ui
            .button("📡 Capture loopback")
            .on_hover_text("Capture on the loopback interface with the filter in the toolbar")
            .clicked()
        {
            cx.settings.interface = crate::capture::interfaces::loopback_name(cx.interfaces);
            cx.act(Action::StartCapture);
        }
        if ui
            .button("📂 Open file…")
            .on_hover_text("Open a pcap or pcapng capture (Ctrl+O)")
            .clicked()
        {
            cx.act(Action::OpenDialog);
        }
        if ui
            .button("▶ Run echo demo")
            .on_hover_text(
                "Capture tcp port 8888 on loopback while a built-in echo server and client \
                 exchange \"Hello, server!\"",
            )
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
                .on_hover_text("Hide this strip")
                .clicked()
            {
                cx.settings.show_welcome = false;
            }
        });
    });
    ui.add_space(4.0);
}
