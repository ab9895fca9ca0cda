//! The real window for the benchmarks: the `App` the binary runs, driven by egui_kittest at
//! a laptop's size, without the welcome strip (it would shift the list between runs).

use egui_kittest::Harness;
use layerscope::gui::settings::Settings;
use layerscope::gui::{App, Start};

pub fn window(start: Start) -> Harness<'static, App> {
    // The bench binary lives in target/*/deps/, not beside the helper.
    layerscope::capture::helper::use_helper(env!("CARGO_BIN_EXE_layerscope-capture").into());
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            let settings = Settings {
                show_welcome: false,
                ..Settings::default()
            };
            App::with_settings(cc.egui_ctx.clone(), settings, start)
        })
}
