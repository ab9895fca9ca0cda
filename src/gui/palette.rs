//! The layer palette: one colour per TCP/IP layer, used by every view (packet list rows,
//! layer headings, hex bytes, diagrams) so a colour always means the same layer.

use egui::Color32;
use layerscope_wire::TcpIpLayer;

/// Background tint for a layer's bytes and rows.
pub fn fill(layer: TcpIpLayer, dark: bool) -> Color32 {
    match (layer, dark) {
        (TcpIpLayer::Link, false) => Color32::from_rgb(0xdc, 0xe8, 0xfa),
        (TcpIpLayer::Internet, false) => Color32::from_rgb(0xd9, 0xf2, 0xdc),
        (TcpIpLayer::Transport, false) => Color32::from_rgb(0xfd, 0xe8, 0xcc),
        (TcpIpLayer::Application, false) => Color32::from_rgb(0xee, 0xdf, 0xf7),
        (TcpIpLayer::Link, true) => Color32::from_rgb(0x1f, 0x33, 0x52),
        (TcpIpLayer::Internet, true) => Color32::from_rgb(0x1d, 0x42, 0x2a),
        (TcpIpLayer::Transport, true) => Color32::from_rgb(0x4d, 0x36, 0x17),
        (TcpIpLayer::Application, true) => Color32::from_rgb(0x3d, 0x27, 0x4f),
    }
}

/// The saturated colour of a layer: headings, legend swatches, the selected field.
pub fn strong(layer: TcpIpLayer, dark: bool) -> Color32 {
    match (layer, dark) {
        (TcpIpLayer::Link, false) => Color32::from_rgb(0x1f, 0x5f, 0xbf),
        (TcpIpLayer::Internet, false) => Color32::from_rgb(0x1e, 0x7d, 0x34),
        (TcpIpLayer::Transport, false) => Color32::from_rgb(0xb8, 0x5c, 0x00),
        (TcpIpLayer::Application, false) => Color32::from_rgb(0x7b, 0x3f, 0xa8),
        (TcpIpLayer::Link, true) => Color32::from_rgb(0x7f, 0xb0, 0xff),
        (TcpIpLayer::Internet, true) => Color32::from_rgb(0x7d, 0xd6, 0x8f),
        (TcpIpLayer::Transport, true) => Color32::from_rgb(0xff, 0xb8, 0x5c),
        (TcpIpLayer::Application, true) => Color32::from_rgb(0xd4, 0xa5, 0xff),
    }
}

/// Colour of the highlighted (selected) bytes: the text colour of the layer on a bright
/// background is hard to miss in both themes.
pub fn selection(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0xd6, 0x4a)
    } else {
        Color32::from_rgb(0xff, 0xc1, 0x07)
    }
}

/// Text colours for TCP connection events in the packet list.
pub fn syn_fin(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x9a, 0xd0, 0xff)
    } else {
        Color32::from_rgb(0x0b, 0x3d, 0x91)
    }
}

pub fn reset(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0x7a, 0x7a)
    } else {
        Color32::from_rgb(0xc6, 0x28, 0x28)
    }
}

pub const LAYERS: [TcpIpLayer; 4] = [
    TcpIpLayer::Application,
    TcpIpLayer::Transport,
    TcpIpLayer::Internet,
    TcpIpLayer::Link,
];
