//! Diagrams as SVG (for slides and browsers) and PNG (rendered from that SVG by resvg, with
//! the same monospace font the window uses, so no system fonts are needed).

use std::fmt::Write;
use std::path::Path;

use anyhow::Context;

use super::{Anchor, Drawing, Shape};

const FONT_FAMILY: &str =
    "Hack, 'DejaVu Sans Mono', Menlo, Consolas, 'Droid Sans Fallback', 'Noto Sans CJK SC', \
     'Microsoft YaHei', 'PingFang SC', monospace";

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The drawing as a standalone SVG document.
pub fn to_svg(d: &Drawing) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = d.width.ceil(),
        h = d.height.ceil()
    );
    let _ = writeln!(
        s,
        r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>"#
    );
    let _ = writeln!(
        s,
        r#"<rect x="0" y="0" width="100%" height="100%" fill="{}"/>"#,
        d.background.hex()
    );
    for shape in &d.shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                radius,
                ..
            } => {
                if fill.is_none() && stroke.is_none() {
                    continue;
                }
                let fill = fill.map_or("none".to_string(), |c| c.hex());
                let stroke = stroke.map_or(String::new(), |c| {
                    format!(r#" stroke="{}" stroke-width="1""#, c.hex())
                });
                let _ = writeln!(
                    s,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{radius:.1}" fill="{fill}"{stroke}/>"#
                );
            }
            Shape::Line {
                from,
                to,
                color,
                width,
                arrow,
                dashed,
                ..
            } => {
                let marker = if *arrow {
                    r#" marker-end="url(#arrow)""#
                } else {
                    ""
                };
                let dash = if *dashed {
                    r#" stroke-dasharray="5,4""#
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{width:.1}"{marker}{dash}/>"#,
                    from.0,
                    from.1,
                    to.0,
                    to.1,
                    color.hex()
                );
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                color,
                anchor,
                bold,
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let weight = if *bold { r#" font-weight="bold""# } else { "" };
                let _ = writeln!(
                    s,
                    r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" fill="{}" text-anchor="{anchor}"{weight} xml:space="preserve">{}</text>"#,
                    color.hex(),
                    escape(text)
                );
            }
        }
    }
    s.push_str("</svg>\n");
    s
}

/// Renders the drawing to PNG at `scale` (2.0 gives crisp slides).
/// The largest PNG rendered: 64 million pixels (256 MB while it is encoded).
pub const MAX_PNG_PIXELS: u64 = 64_000_000;

pub fn to_png(d: &Drawing, scale: f32) -> anyhow::Result<Vec<u8>> {
    let svg = to_svg(d);
    let mut opt = resvg::usvg::Options::default();
    {
        let db = opt.fontdb_mut();
        db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
        // Chinese in a payload or a label: the same fonts as the window's, the system's
        // for the language first.
        if let Some(system) = crate::fonts::system_cjk(crate::i18n::current()) {
            db.load_font_source(resvg::usvg::fontdb::Source::Binary(system.data.clone()));
        }
        db.load_font_data(crate::fonts::CJK_FALLBACK.to_vec());
        db.set_monospace_family("Hack");
        db.set_sans_serif_family("Hack");
    }
    let tree = resvg::usvg::Tree::from_str(&svg, &opt).context("cannot lay out the SVG")?;
    let base = tree.size().to_int_size();
    // Drawn at `scale` for sharp slides, at 1 when that would be too large, refused when
    // even that is: the pixels are held in memory (4 bytes each) while encoding.
    let pixels = |s: f32| base.width() as f64 * base.height() as f64 * (s as f64).powi(2);
    let scale = if pixels(scale) <= MAX_PNG_PIXELS as f64 {
        scale
    } else {
        1.0
    };
    if pixels(scale) > MAX_PNG_PIXELS as f64 {
        anyhow::bail!(
            "a PNG of this picture would be {} × {} pixels, more than {} million: write SVG \
             instead, or draw less (one stream, or fewer packets)",
            base.width(),
            base.height(),
            MAX_PNG_PIXELS / 1_000_000
        );
    }
    let size = base.scale_by(scale).context("image too large")?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .context("image too large to render")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().context("cannot encode PNG")
}

/// Writes SVG or PNG by the file's extension (`.png`, else SVG).
pub fn save(d: &Drawing, path: &Path) -> anyhow::Result<()> {
    let is_png = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    let bytes = if is_png {
        to_png(d, 2.0)?
    } else {
        to_svg(d).into_bytes()
    };
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::Rgb;

    #[test]
    fn svg_escapes_text_and_png_renders() {
        let mut d = Drawing::new(200.0, 60.0, Rgb(255, 255, 255));
        d.text(
            10.0,
            30.0,
            "Len=14 \"Hello\" <&>",
            12.0,
            Rgb(0, 0, 0),
            Anchor::Start,
        );
        d.line(
            (10.0, 40.0),
            (190.0, 40.0),
            Rgb(0, 0, 255),
            2.0,
            true,
            false,
            None,
        );
        let svg = to_svg(&d);
        assert!(
            svg.contains("Len=14 &quot;Hello&quot; &lt;&amp;&gt;"),
            "{svg}"
        );
        assert!(svg.contains(r#"marker-end="url(#arrow)""#));
        let png = to_png(&d, 1.0).expect("renders");
        assert_eq!(&png[1..4], b"PNG");
        // Text was drawn: some pixels are dark.
        let img = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
        let dark = img.pixels().iter().filter(|p| p.red() < 100).count();
        assert!(dark > 20, "only {dark} dark pixels");
    }

    /// Dark pixels of `text` drawn alone at 16 px.
    fn ink(text: &str) -> usize {
        let mut d = Drawing::new(200.0, 40.0, Rgb(255, 255, 255));
        d.text(10.0, 25.0, text, 16.0, Rgb(0, 0, 0), Anchor::Start);
        let png = to_png(&d, 1.0).expect("renders");
        let img = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
        img.pixels().iter().filter(|p| p.red() < 128).count()
    }

    #[test]
    fn chinese_text_is_drawn_in_pngs() {
        // A character no font has is drawn as the same empty box each time (private-use
        // code points here); Chinese must be drawn as itself, not as those boxes.
        for text in ["你好", "小飞机", "傳輸層"] {
            let boxes: String = (0..text.chars().count())
                .map(|i| char::from_u32(0xE000 + i as u32).expect("a private-use character"))
                .collect();
            let (drawn, missing) = (ink(text), ink(&boxes));
            assert!(drawn > 60, "{text}: only {drawn} dark pixels");
            assert_ne!(drawn, missing, "{text} is drawn as boxes");
        }
        assert!(to_svg(&Drawing::new(1.0, 1.0, Rgb(0, 0, 0))).contains("Droid Sans Fallback"));
    }
}
