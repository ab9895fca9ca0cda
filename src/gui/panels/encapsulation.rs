//! The encapsulation stepper: the selected packet going down the sender's stack one header
//! at a time, over the wire, and up the receiver's stack, animated, with play/pause, step
//! and speed.

use super::Ctx;
use crate::diagram::encapsulation::{self, Side};
use crate::diagram::Palette;
use crate::gui::palette;

use super::diagram_view;

/// The encapsulation stepper: which step, how far its animation is, playing or not.
pub struct EncapState {
    /// The packet the steps were built for.
    pub packet: Option<u32>,
    /// The language they were told in.
    pub lang: Option<crate::i18n::Lang>,
    pub steps: Vec<crate::diagram::encapsulation::Step>,
    pub step: usize,
    /// Progress of the current step's animation, 0..1.
    pub t: f32,
    pub playing: bool,
    /// Animation speed factor.
    pub speed: f32,
    /// Seconds spent on the current step after its animation (while playing).
    pub dwell: f32,
}

impl Default for EncapState {
    fn default() -> Self {
        EncapState {
            packet: None,
            lang: None,
            steps: Vec::new(),
            step: 0,
            t: 0.0,
            playing: true,
            speed: 1.0,
            dwell: 0.0,
        }
    }
}

/// Seconds a finished step stays on screen while playing (at speed 1).
const DWELL: f32 = 1.6;
/// Seconds a header takes to slide in or out (at speed 1).
const SLIDE: f32 = 0.6;

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(detail) = &cx.selection.detail else {
        ui.centered_and_justified(|ui| ui.label(t!("encap-select")));
        return;
    };
    if cx.panels.encap.lang != Some(cx.lang) {
        // Told again in the new language, at the same step.
        cx.panels.encap.steps = encapsulation::steps(&detail.dissection, &detail.data);
        cx.panels.encap.lang = Some(cx.lang);
    }
    if cx.panels.encap.packet != Some(detail.index) {
        cx.panels.encap.steps = encapsulation::steps(&detail.dissection, &detail.data);
        cx.panels.encap.packet = Some(detail.index);
        cx.panels.encap.step = 0;
        cx.panels.encap.t = 0.0;
        cx.panels.encap.dwell = 0.0;
        cx.panels.encap.playing = true;
    }
    let e = &mut cx.panels.encap;
    let n = e.steps.len();
    if n == 0 {
        ui.label(t!("encap-nothing"));
        return;
    }
    // Advance the animation.
    let dt = ui.input(|i| i.stable_dt).min(0.1);
    if e.t < 1.0 {
        e.t = (e.t + dt * e.speed / SLIDE).min(1.0);
        ui.ctx().request_repaint();
    } else if e.playing {
        e.dwell += dt * e.speed;
        if e.dwell >= DWELL {
            if e.step + 1 < n {
                e.step += 1;
                e.t = 0.0;
                e.dwell = 0.0;
            } else {
                e.playing = false;
            }
        }
        ui.ctx().request_repaint();
    }
    let go = |e: &mut EncapState, step: usize| {
        e.step = step.min(n - 1);
        e.t = 0.0;
        e.dwell = 0.0;
    };
    let mut export = false;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(e.step > 0, egui::Button::new(t!("step-back")))
            .clicked()
        {
            e.playing = false;
            let s = e.step - 1;
            go(e, s);
        }
        let play = if e.playing {
            t!("step-pause")
        } else {
            t!("step-play")
        };
        if ui.button(play).clicked() {
            if !e.playing && e.step + 1 == n && e.t >= 1.0 {
                go(e, 0);
            }
            e.playing = !e.playing;
        }
        if ui
            .add_enabled(e.step + 1 < n, egui::Button::new(t!("step-next")))
            .clicked()
        {
            e.playing = false;
            let s = e.step + 1;
            go(e, s);
        }
        if ui.button(t!("step-restart")).clicked() {
            go(e, 0);
            e.playing = true;
        }
        let label = ui.label(t!("step-speed"));
        ui.add(
            egui::Slider::new(&mut e.speed, 0.25..=4.0)
                .logarithmic(true)
                .suffix("×"),
        )
        .labelled_by(label.id);
        ui.separator();
        ui.label(t!("encap-step-count", step = e.step + 1, n = n));
        if ui.button(t!("encap-export-all")).clicked() {
            export = true;
        }
    });
    let dark = ui.visuals().dark_mode;
    let step = &e.steps[e.step];
    ui.label(
        egui::RichText::new(step.side.name())
            .small()
            .color(ui.visuals().weak_text_color()),
    );
    ui.label(
        egui::RichText::new(&step.title)
            .strong()
            .size(15.0)
            .color(palette::strong(step.tcpip, dark)),
    );
    // Where we are, as a row of step dots: sender, wire, receiver.
    let mut jump = None;
    ui.horizontal(|ui| {
        for (i, s) in e.steps.iter().enumerate() {
            let (rect, resp) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::click());
            let fill = if i == e.step {
                palette::selection(dark)
            } else {
                palette::fill(s.tcpip, dark)
            };
            let shape = if s.side == Side::Wire { 2.0 } else { 7.0 };
            ui.painter().rect_filled(rect, shape, fill);
            ui.painter().rect_stroke(
                rect,
                shape,
                egui::Stroke::new(1.0, palette::strong(s.tcpip, dark)),
                egui::StrokeKind::Inside,
            );
            if resp.on_hover_text(&s.title).clicked() {
                jump = Some(i);
            }
        }
    });
    let drawing = encapsulation::draw_step(step, e.step, n, e.t, Palette::new(dark), false);
    if let Some(i) = jump {
        e.playing = false;
        go(e, i);
    }
    diagram_view::show(ui, &drawing, "encapsulation");
    if export {
        let all = encapsulation::draw_all(&e.steps, Palette::new(dark));
        let name = format!("encapsulation-frame-{}", detail.index + 1);
        super::export_dialog(cx, &all, &name);
    }
}
