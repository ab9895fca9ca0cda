//! The layer palette, one colour per TCP/IP layer in light and dark themes: the packet list,
//! the layers tree, the hex pane and every diagram use it, so a colour always means a layer.

use layerscope_wire::TcpIpLayer;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours for one theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub dark: bool,
}

impl Palette {
    pub fn new(dark: bool) -> Self {
        Palette { dark }
    }

    /// Background tint for a layer's bytes, rows and blocks.
    pub fn fill(self, layer: TcpIpLayer) -> Rgb {
        match (layer, self.dark) {
            (TcpIpLayer::Link, false) => Rgb(0xdc, 0xe8, 0xfa),
            (TcpIpLayer::Internet, false) => Rgb(0xd9, 0xf2, 0xdc),
            (TcpIpLayer::Transport, false) => Rgb(0xfd, 0xe8, 0xcc),
            (TcpIpLayer::Application, false) => Rgb(0xee, 0xdf, 0xf7),
            (TcpIpLayer::Link, true) => Rgb(0x1f, 0x33, 0x52),
            (TcpIpLayer::Internet, true) => Rgb(0x1d, 0x42, 0x2a),
            (TcpIpLayer::Transport, true) => Rgb(0x4d, 0x36, 0x17),
            (TcpIpLayer::Application, true) => Rgb(0x3d, 0x27, 0x4f),
        }
    }

    /// The saturated colour of a layer: headings, outlines, swatches.
    pub fn strong(self, layer: TcpIpLayer) -> Rgb {
        match (layer, self.dark) {
            (TcpIpLayer::Link, false) => Rgb(0x1f, 0x5f, 0xbf),
            (TcpIpLayer::Internet, false) => Rgb(0x1e, 0x7d, 0x34),
            (TcpIpLayer::Transport, false) => Rgb(0xb8, 0x5c, 0x00),
            (TcpIpLayer::Application, false) => Rgb(0x7b, 0x3f, 0xa8),
            (TcpIpLayer::Link, true) => Rgb(0x7f, 0xb0, 0xff),
            (TcpIpLayer::Internet, true) => Rgb(0x7d, 0xd6, 0x8f),
            (TcpIpLayer::Transport, true) => Rgb(0xff, 0xb8, 0x5c),
            (TcpIpLayer::Application, true) => Rgb(0xd4, 0xa5, 0xff),
        }
    }

    /// Highlighted (selected) bytes and boxes.
    pub fn selection(self) -> Rgb {
        if self.dark {
            Rgb(0xff, 0xd6, 0x4a)
        } else {
            Rgb(0xff, 0xc1, 0x07)
        }
    }

    /// SYN and FIN: connection set-up and teardown.
    pub fn syn_fin(self) -> Rgb {
        if self.dark {
            Rgb(0x9a, 0xd0, 0xff)
        } else {
            Rgb(0x0b, 0x3d, 0x91)
        }
    }

    pub fn reset(self) -> Rgb {
        if self.dark {
            Rgb(0xff, 0x7a, 0x7a)
        } else {
            Rgb(0xc6, 0x28, 0x28)
        }
    }

    pub fn background(self) -> Rgb {
        if self.dark {
            Rgb(0x1b, 0x1b, 0x1b)
        } else {
            Rgb(0xff, 0xff, 0xff)
        }
    }

    pub fn text(self) -> Rgb {
        if self.dark {
            Rgb(0xdd, 0xdd, 0xdd)
        } else {
            Rgb(0x1a, 0x1a, 0x1a)
        }
    }

    pub fn weak(self) -> Rgb {
        if self.dark {
            Rgb(0x99, 0x99, 0x99)
        } else {
            Rgb(0x6b, 0x6b, 0x6b)
        }
    }

    /// Header bytes the capture did not keep: greyed, neither a layer's colour nor empty.
    pub fn missing(self) -> Rgb {
        if self.dark {
            Rgb(0x2c, 0x2c, 0x2c)
        } else {
            Rgb(0xee, 0xee, 0xee)
        }
    }

    pub fn grid(self) -> Rgb {
        if self.dark {
            Rgb(0x55, 0x55, 0x55)
        } else {
            Rgb(0xb0, 0xb0, 0xb0)
        }
    }
}

pub const LAYERS: [TcpIpLayer; 4] = [
    TcpIpLayer::Application,
    TcpIpLayer::Transport,
    TcpIpLayer::Internet,
    TcpIpLayer::Link,
];
