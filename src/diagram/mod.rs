//! Teaching diagrams as plain shapes: the TCP ladder, RFC-style header diagrams and the
//! encapsulation steps are laid out once, here, then drawn by the window (egui painter) or
//! written as SVG and PNG for slides. Keeping layout apart from drawing means what a
//! teacher exports is exactly what the window shows.

pub mod encapsulation;
pub mod export;
pub mod header;
pub mod ladder;
pub mod palette;

use layerscope_wire::registry::FieldDef;
use std::ops::Range;

pub use palette::{Palette, Rgb};

/// What a shape stands for, so a click or hover on it can select the same thing elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// A packet, by 0-based index.
    Packet(u32),
    /// A field's bytes (and bits) in the selected packet.
    Field {
        bytes: Range<usize>,
        bits: Option<(u8, u8)>,
        def: &'static FieldDef,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
        radius: f32,
        tag: Option<Tag>,
        /// What a screen reader (and a test) calls this box.
        label: Option<String>,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        color: Rgb,
        width: f32,
        arrow: bool,
        dashed: bool,
        tag: Option<Tag>,
    },
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        color: Rgb,
        anchor: Anchor,
        bold: bool,
    },
}

/// A laid-out diagram in its own coordinate space (pixels at scale 1, y growing down).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    pub width: f32,
    pub height: f32,
    pub background: Rgb,
    pub shapes: Vec<Shape>,
}

/// Width of `text` at `size` in the monospace font every diagram uses (Hack: 0.6 em; a
/// Chinese character, from the CJK fallback, a full em).
pub fn text_width(text: &str, size: f32) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| if crate::fonts::is_wide(c) { 1.0 } else { 0.602 })
        .sum();
    ems * size
}

impl Drawing {
    pub fn new(width: f32, height: f32, background: Rgb) -> Self {
        Drawing {
            width,
            height,
            background,
            shapes: Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
        tag: Option<Tag>,
    ) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
            radius: 3.0,
            tag,
            label: None,
        });
    }

    /// An invisible box that makes an area clickable and names it for accessibility.
    pub fn hit(&mut self, x: f32, y: f32, w: f32, h: f32, tag: Tag, label: String) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w,
            h,
            fill: None,
            stroke: None,
            radius: 0.0,
            tag: Some(tag),
            label: Some(label),
        });
    }

    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        text: impl Into<String>,
        size: f32,
        color: Rgb,
        anchor: Anchor,
    ) {
        self.label(x, y, text.into(), size, color, anchor, false);
    }

    pub fn bold(
        &mut self,
        x: f32,
        y: f32,
        text: impl Into<String>,
        size: f32,
        color: Rgb,
        anchor: Anchor,
    ) {
        self.label(x, y, text.into(), size, color, anchor, true);
    }

    #[allow(clippy::too_many_arguments)]
    fn label(
        &mut self,
        x: f32,
        y: f32,
        text: String,
        size: f32,
        color: Rgb,
        anchor: Anchor,
        bold: bool,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text,
            size,
            color,
            anchor,
            bold,
        });
    }

    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        color: Rgb,
        width: f32,
        arrow: bool,
        dashed: bool,
        tag: Option<Tag>,
    ) {
        self.shapes.push(Shape::Line {
            from,
            to,
            color,
            width,
            arrow,
            dashed,
            tag,
        });
    }

    /// The texts, in drawing order (for tests and accessibility).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}
