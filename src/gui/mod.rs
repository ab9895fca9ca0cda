//! The desktop window (eframe + egui, glow renderer).

pub mod action;
pub mod app;
pub mod capture_setup;
pub mod demo_run;
pub mod display_filter;
pub mod file_dialog;
pub mod filter_job;
#[cfg(target_os = "linux")]
pub mod lab;
pub mod notice;
pub mod palette;
mod panels;
mod ready;
pub mod replay;
pub mod rows;
pub mod selection;
pub mod session;
pub mod settings;
pub mod start;
pub mod streams;

pub use app::{App, Start};

/// The window icon, drawn in the layer palette.
const ICON_PNG: &[u8] = include_bytes!("../../assets/layerscope.png");

/// egui's proportional font has no arrows (the "→" of every TCP info line); its monospace
/// font does, so it becomes a fallback of the proportional family. Neither has Chinese:
/// the system's CJK font for the language (when it has one) and then the bundled one are
/// the last fallbacks of both.
pub fn install_fonts(ctx: &egui::Context, lang: crate::i18n::Lang) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(mono) = fonts
        .families
        .get(&egui::FontFamily::Monospace)
        .and_then(|m| m.first().cloned())
    {
        if let Some(p) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            p.push(mono);
        }
    }
    if let Some(system) = crate::fonts::system_cjk_if_known(lang).flatten() {
        let mut data = egui::FontData::from_owned(system.data.as_ref().clone());
        data.index = system.index;
        fonts
            .font_data
            .insert(system.family.clone(), std::sync::Arc::new(data));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(system.family.clone());
        }
    }
    let cjk = crate::fonts::CJK_FALLBACK_NAME.to_string();
    fonts.font_data.insert(
        cjk.clone(),
        std::sync::Arc::new(egui::FontData::from_static(crate::fonts::CJK_FALLBACK)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(cjk.clone());
    }
    ctx.set_fonts(fonts);
}

/// Opens the window and runs until it is closed.
pub fn run(start: Start) -> anyhow::Result<()> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        anyhow::bail!(
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n\
             Run layerscope in a desktop session, or use the command line: \
             `layerscope dissect FILE`, `layerscope flow FILE`, `layerscope capture -w FILE`"
        );
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("layerscope")
        .with_app_id("layerscope")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "layerscope",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, start)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
