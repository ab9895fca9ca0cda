//! The welcome strip: what the window shows and the three ways to get started.

use crate::gui::app::App;

pub fn strip(app: &mut App, ui: &mut egui::Ui) {
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
            app.settings.interface = crate::capture::interfaces::loopback_name(&app.interfaces);
            app.start_capture();
        }
        if ui
            .button("📂 Open file…")
            .on_hover_text("Open a pcap or pcapng capture (Ctrl+O)")
            .clicked()
        {
            super::dialogs::open_file_dialog(app);
        }
        if ui
            .button("▶ Run echo demo")
            .on_hover_text(
                "Capture tcp port 8888 on loopback while a built-in echo server and client \
                 exchange \"Hello, server!\"",
            )
            .clicked()
        {
            app.run_demo(crate::demo::Scenario::TcpEcho, false);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("×")
                .on_hover_text("Hide this strip")
                .clicked()
            {
                app.settings.show_welcome = false;
            }
        });
    });
    ui.add_space(4.0);
}
