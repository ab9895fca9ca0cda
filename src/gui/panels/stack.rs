//! The OSI / TCP-IP mini-stack beside the layers tree: which layers this packet has, where
//! each sits in both models, and why L5 and L6 never appear.

use layerscope_wire::registry as hf;
use layerscope_wire::TcpIpLayer;

use super::Ctx;
use crate::gui::palette;
use crate::i18n::terms;

fn tcpip_of(osi: u8) -> TcpIpLayer {
    match osi {
        1 | 2 => TcpIpLayer::Link,
        3 => TcpIpLayer::Internet,
        4 => TcpIpLayer::Transport,
        _ => TcpIpLayer::Application,
    }
}

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    ui.strong(t!("stack-heading"));
    ui.label(egui::RichText::new(t!("stack-models")).small().weak());
    ui.add_space(2.0);
    let loopback = cx
        .selection
        .detail
        .as_ref()
        .and_then(|d| d.dissection.layers.first())
        .and_then(|l| l.field(&hf::eth::SRC))
        .is_some_and(|f| matches!(f.value, layerscope_wire::Value::Mac([0, 0, 0, 0, 0, 0])));
    for osi in (1..=7u8).rev() {
        let protocols: Vec<&str> = cx
            .selection
            .detail
            .as_ref()
            .map(|d| {
                d.dissection
                    .layers
                    .iter()
                    .filter(|l| l.osi == osi)
                    .map(|l| l.protocol.name())
                    .collect()
            })
            .unwrap_or_default();
        let tcpip = tcpip_of(osi);
        let present = !protocols.is_empty();
        let fill = if present {
            palette::fill(tcpip, dark)
        } else {
            ui.visuals().faint_bg_color
        };
        let stroke = if present {
            egui::Stroke::new(1.5, palette::strong(tcpip, dark))
        } else {
            egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color)
        };
        let note = match (osi, present) {
            (_, true) => protocols.join(", "),
            (5 | 6, false) => t!("stack-not-in-tcpip"),
            (1, false) if loopback => t!("stack-no-wire"),
            (1, false) => t!("stack-bits-not-captured"),
            _ => t!("stack-absent"),
        };
        egui::Frame::new()
            .fill(fill)
            .stroke(stroke)
            .corner_radius(3.0)
            .inner_margin(egui::Margin::symmetric(4, 1))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        egui::RichText::new(format!("L{osi} {}", terms::osi(osi)))
                            .strong()
                            .small(),
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(egui::RichText::new(terms::tcpip(tcpip)).small().weak());
                    });
                });
                let text = egui::RichText::new(note).small();
                ui.add(egui::Label::new(if present { text.strong() } else { text.weak() }).wrap());
            });
        ui.add_space(1.0);
    }
}
