//! The layer palette for egui: the colours of [`crate::diagram::Palette`] as `Color32`, so
//! the window and exported diagrams share one palette.

use egui::Color32;
use layerscope_wire::TcpIpLayer;

use crate::diagram::{Palette, Rgb};

pub use crate::diagram::palette::LAYERS;

pub fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// Background tint for a layer's bytes and rows.
pub fn fill(layer: TcpIpLayer, dark: bool) -> Color32 {
    color(Palette::new(dark).fill(layer))
}

/// The saturated colour of a layer: headings, legend swatches.
pub fn strong(layer: TcpIpLayer, dark: bool) -> Color32 {
    color(Palette::new(dark).strong(layer))
}

/// Background of highlighted (selected) bytes.
pub fn selection(dark: bool) -> Color32 {
    color(Palette::new(dark).selection())
}

/// Text colour of SYN and FIN rows.
pub fn syn_fin(dark: bool) -> Color32 {
    color(Palette::new(dark).syn_fin())
}

/// Text colour of RST rows.
pub fn reset(dark: bool) -> Color32 {
    color(Palette::new(dark).reset())
}
