//! The replay bar: play a loaded capture back as if live, step packet by packet, or drag
//! the timeline, whose ticks mark the handshakes, data and teardowns.

use layerscope_wire::analysis::{Analysis, SegmentRole};

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::palette;

/// Most packets marked on the timeline; beyond that the marks would be a smear.
const MAX_MARKS: usize = 20_000;

pub fn bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let n = cx.session.store.len() as u32;
    let Some(r) = &mut cx.replay else {
        return;
    };
    let mut go_to = None;
    let mut exit = false;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(t!("replay-heading")).strong());
        if ui
            .add_enabled(r.shown > 0, egui::Button::new(t!("step-back")))
            .clicked()
        {
            r.playing = false;
            go_to = Some(r.shown - 1);
        }
        let label = if r.playing {
            t!("step-pause")
        } else {
            t!("step-play")
        };
        if ui.button(label).clicked() {
            if !r.playing && r.shown >= n {
                go_to = Some(0);
            }
            r.playing = !r.playing;
        }
        if ui
            .add_enabled(r.shown < n, egui::Button::new(t!("step-next")))
            .clicked()
        {
            r.playing = false;
            go_to = Some(r.shown + 1);
        }
        let speed = ui.label(t!("step-speed"));
        ui.add(
            egui::Slider::new(&mut r.speed, 0.1..=10.0)
                .logarithmic(true)
                .suffix("×"),
        )
        .labelled_by(speed.id);
        if ui
            .checkbox(&mut r.original_timing, t!("replay-original-timing"))
            .on_hover_text(t!("replay-original-timing-tip"))
            .changed()
        {
            // Re-anchor the clock at the current packet.
            go_to = Some(r.shown);
        }
        ui.label(t!("replay-position", shown = r.shown, n = n));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t!("replay-exit")).clicked() {
                exit = true;
            }
        });
    });
    // The timeline: a scrubber over every packet with the connection phases marked.
    let dark = ui.visuals().dark_mode;
    let width = ui.available_width() - 8.0;
    let mut shown = r.shown;
    let scrub = ui.spacing_mut().slider_width;
    ui.spacing_mut().slider_width = width;
    let resp = ui.add(
        egui::Slider::new(&mut shown, 0..=n)
            .show_value(false)
            .text(""),
    );
    ui.spacing_mut().slider_width = scrub;
    let resp = resp.on_hover_text(t!("replay-scrub-tip"));
    if resp.changed() {
        r.playing = false;
        go_to = Some(shown);
    }
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 8.0), egui::Sense::hover());
    let store = &cx.session.store;
    let step = (n as usize / MAX_MARKS).max(1);
    for i in (0..n).step_by(step) {
        let Some(p) = store.get(i) else { break };
        let color = match p.analysis {
            Analysis::Tcp(t) => match t.role {
                Some(SegmentRole::Syn | SegmentRole::SynAck | SegmentRole::HandshakeAck) => {
                    palette::syn_fin(dark)
                }
                Some(SegmentRole::Fin | SegmentRole::FinalAck) => {
                    palette::strong(layerscope_wire::TcpIpLayer::Link, dark)
                }
                Some(SegmentRole::Rst | SegmentRole::Refused | SegmentRole::RstIgnored) => {
                    palette::reset(dark)
                }
                None if t.len > 0 => {
                    palette::strong(layerscope_wire::TcpIpLayer::Application, dark)
                }
                None => continue,
            },
            Analysis::Udp(_) => palette::strong(layerscope_wire::TcpIpLayer::Transport, dark),
            Analysis::None => continue,
        };
        let x = rect.left() + rect.width() * (i as f32 + 0.5) / n.max(1) as f32;
        ui.painter().line_segment(
            [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
            egui::Stroke::new(2.0, color),
        );
    }
    ui.horizontal(|ui| {
        for (text, color) in [
            (t!("replay-mark-handshake"), palette::syn_fin(dark)),
            (
                t!("replay-mark-data"),
                palette::strong(layerscope_wire::TcpIpLayer::Application, dark),
            ),
            (
                t!("replay-mark-teardown"),
                palette::strong(layerscope_wire::TcpIpLayer::Link, dark),
            ),
            (t!("replay-mark-reset"), palette::reset(dark)),
            (
                "UDP".to_string(),
                palette::strong(layerscope_wire::TcpIpLayer::Transport, dark),
            ),
        ] {
            ui.colored_label(color, "▮");
            ui.label(egui::RichText::new(text).small());
        }
    });
    if let Some(s) = go_to {
        cx.act(Action::ReplayTo(s));
    }
    if exit {
        cx.act(Action::StopReplay);
    }
}
