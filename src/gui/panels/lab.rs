//! The private lab's panel (Linux): what the lab is, the ways to run programs in it (a
//! terminal, a command line, a built-in demo), the programs running there, and what the
//! ones started here printed.

use super::Ctx;
use crate::gui::action::Action;

/// Runs shown with their output, newest first.
const RUNS_SHOWN: usize = 6;

pub fn show(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    let Some(lab) = &mut cx.lab else {
        return;
    };
    let mut actions = Vec::new();
    ui.heading(t!("lab-panel-title"));
    ui.label(egui::RichText::new(t!("lab-panel-name", name = lab.name.as_str())).strong());
    ui.label(t!("lab-panel-about"));
    ui.add_space(6.0);

    if ui
        .button(t!("lab-open-terminal"))
        .on_hover_text(t!("lab-open-terminal-tip"))
        .clicked()
    {
        actions.push(Action::LabTerminal);
    }
    ui.label(t!("lab-join-elsewhere"));
    let line = lab.join_line();
    ui.horizontal(|ui| {
        ui.add(
            egui::Label::new(egui::RichText::new(&line).monospace())
                .selectable(true)
                .wrap(),
        );
        if ui
            .small_button("📋")
            .on_hover_text(t!("lab-copy"))
            .clicked()
        {
            ui.ctx().copy_text(line.clone());
        }
    });
    ui.separator();

    let label = ui.label(t!("lab-run-program"));
    let mut run = false;
    ui.horizontal(|ui| {
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut lab.program)
                    .id_salt("lab-program")
                    .hint_text("python3 server.py")
                    .desired_width((ui.available_width() - 60.0).max(80.0)),
            )
            .labelled_by(label.id);
        let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        run = (enter || ui.button(t!("lab-run")).clicked()) && !lab.program.trim().is_empty();
    });
    if let Ok(dir) = std::env::current_dir() {
        ui.small(t!("lab-run-folder", folder = dir.display().to_string()));
    }
    if run {
        actions.push(Action::RunInLab(lab.program.trim().to_string()));
    }
    ui.horizontal(|ui| {
        let label = ui.label(t!("lab-run-demo"));
        egui::ComboBox::from_id_salt("lab-demo")
            .selected_text(lab.demo.title())
            .show_ui(ui, |ui| {
                for s in crate::demo::ALL {
                    ui.selectable_value(&mut lab.demo, s, s.title());
                }
            })
            .response
            .labelled_by(label.id);
        let busy = cx.demo.is_some();
        if ui
            .add_enabled(!busy, egui::Button::new(t!("lab-run")))
            .clicked()
        {
            actions.push(Action::LabDemo(lab.demo));
        }
    });
    ui.separator();

    ui.label(egui::RichText::new(t!("lab-processes", n = lab.processes.len())).strong());
    egui::ScrollArea::vertical()
        .id_salt("lab-processes")
        .max_height(140.0)
        .show(ui, |ui| {
            if lab.processes.is_empty() {
                ui.weak(t!("lab-no-processes"));
            }
            for p in &lab.processes {
                ui.horizontal(|ui| {
                    ui.monospace(format!("{:>7}", p.pid));
                    ui.add(
                        egui::Label::new(egui::RichText::new(&p.command).monospace()).truncate(),
                    )
                    .on_hover_text(&p.command);
                });
            }
        });
    if !lab.runs.is_empty() {
        ui.separator();
        ui.label(egui::RichText::new(t!("lab-started-here")).strong());
        egui::ScrollArea::vertical()
            .id_salt("lab-runs")
            .show(ui, |ui| {
                for (i, r) in lab.runs.iter().enumerate().rev().take(RUNS_SHOWN) {
                    let state = match r.status {
                        None => t!("lab-running"),
                        Some(code) => t!("lab-exited", code = code),
                    };
                    egui::CollapsingHeader::new(format!("{}  ({state})", r.command))
                        .id_salt(("lab-run", i))
                        .default_open(i + 1 == lab.runs.len())
                        .show(ui, |ui| {
                            for line in r.output() {
                                ui.monospace(line);
                            }
                        });
                }
            });
    }
    ui.separator();
    if ui
        .button(t!("lab-end"))
        .on_hover_text(t!("lab-end-tip"))
        .clicked()
    {
        actions.push(Action::StopCapture);
    }
    for a in actions {
        cx.act(a);
    }
}
