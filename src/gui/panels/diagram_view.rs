//! Draws a [`Drawing`] with egui's painter and makes its tagged boxes clickable (and visible
//! to AccessKit under their labels), so the window shows exactly what gets exported.

use crate::diagram::{Anchor, Drawing, Shape, Tag};
use crate::gui::palette::color;

#[derive(Default)]
pub struct DiagramResponse {
    pub clicked: Option<Tag>,
    pub hovered: Option<Tag>,
}

pub fn show(ui: &mut egui::Ui, d: &Drawing, id_salt: &str) -> DiagramResponse {
    let mut out = DiagramResponse::default();
    egui::ScrollArea::both()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(d.width, d.height), egui::Sense::hover());
            let painter = ui.painter_at(rect);
            let o = rect.min.to_vec2();
            let clip = ui.clip_rect();
            painter.rect_filled(rect, 0.0, color(d.background));
            for s in &d.shapes {
                match s {
                    Shape::Rect {
                        x,
                        y,
                        w,
                        h,
                        fill,
                        stroke,
                        radius,
                        tag,
                        label,
                    } => {
                        let r =
                            egui::Rect::from_min_size(egui::pos2(*x, *y) + o, egui::vec2(*w, *h));
                        if let Some(f) = fill {
                            painter.rect_filled(r, *radius, color(*f));
                        }
                        if let Some(c) = stroke {
                            painter.rect_stroke(
                                r,
                                *radius,
                                egui::Stroke::new(1.0, color(*c)),
                                egui::StrokeKind::Inside,
                            );
                        }
                        if let (Some(tag), true) = (tag, clip.intersects(r)) {
                            // Keyed by what the box is and where, not by its place in the shape
                            // list, which shifts as highlights come and go.
                            let key = (id_salt, tag, r.min.x as i32, r.min.y as i32);
                            let resp =
                                ui.interact(r, ui.scope_id().with(key), egui::Sense::click());
                            if let Some(l) = label.as_ref().filter(|l| !l.is_empty()) {
                                resp.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, l)
                                });
                            }
                            if resp.hovered() {
                                out.hovered = Some(tag.clone());
                            }
                            if resp.clicked() {
                                out.clicked = Some(tag.clone());
                            }
                        }
                    }
                    Shape::Line {
                        from,
                        to,
                        color: c,
                        width,
                        arrow,
                        dashed,
                        ..
                    } => {
                        let a = egui::pos2(from.0, from.1) + o;
                        let b = egui::pos2(to.0, to.1) + o;
                        let stroke = egui::Stroke::new(*width, color(*c));
                        if *dashed {
                            painter.extend(egui::Shape::dashed_line(&[a, b], stroke, 5.0, 4.0));
                        } else {
                            painter.line_segment([a, b], stroke);
                        }
                        if *arrow {
                            let dir = (b - a).normalized();
                            let n = egui::vec2(-dir.y, dir.x);
                            let head = [b, b - dir * 11.0 + n * 5.0, b - dir * 11.0 - n * 5.0];
                            painter.add(egui::Shape::convex_polygon(
                                head.to_vec(),
                                color(*c),
                                egui::Stroke::NONE,
                            ));
                        }
                    }
                    Shape::Text {
                        x,
                        y,
                        text,
                        size,
                        color: c,
                        anchor,
                        bold,
                    } => {
                        let align = match anchor {
                            Anchor::Start => egui::Align2::LEFT_BOTTOM,
                            Anchor::Middle => egui::Align2::CENTER_BOTTOM,
                            Anchor::End => egui::Align2::RIGHT_BOTTOM,
                        };
                        // SVG places text on its baseline; egui by its box.
                        let pos = egui::pos2(*x, *y + size * 0.28) + o;
                        let font = egui::FontId::monospace(*size);
                        painter.text(pos, align, text, font.clone(), color(*c));
                        if *bold {
                            painter.text(pos + egui::vec2(0.45, 0.0), align, text, font, color(*c));
                        }
                    }
                }
            }
        });
    out
}
