//! Menu bar, capture bar (interface, BPF filter, start/stop) and the display filter box.

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::settings::TimeFormat;

pub fn menu_bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.add(egui::Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
                ui.close();
                cx.act(Action::OpenDialog);
            }
            ui.menu_button("Open recent", |ui| {
                if cx.settings.recent_files.is_empty() {
                    ui.label("No recent files");
                }
                let mut chosen = None;
                for p in &cx.settings.recent_files {
                    if ui.button(p.display().to_string()).clicked() {
                        chosen = Some(p.clone());
                    }
                }
                if let Some(p) = chosen {
                    ui.close();
                    cx.act(Action::Open(p.clone()));
                }
            });
            if ui.button("Open the bundled echo capture").clicked() {
                ui.close();
                cx.act(Action::Open(crate::assets::default_capture()));
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Save packets as…").shortcut_text("Ctrl+S"))
                .clicked()
            {
                ui.close();
                cx.act(Action::OpenSaveForm);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Capture", |ui| {
            let label = if cx.session.is_live() {
                "Stop capture"
            } else {
                "Start capture"
            };
            if ui.add(egui::Button::new(label).shortcut_text("Ctrl+E")).clicked() {
                ui.close();
                cx.act(Action::ToggleCapture);
            }
            ui.separator();
            ui.label("Run a demo (capture + our server and client):");
            for s in crate::demo::ALL {
                if ui
                    .button(s.title())
                    .on_hover_text(format!("capture filter \"{}\"", s.filter()))
                    .clicked()
                {
                    ui.close();
                    let interactive = cx.panels.demo_interactive;
                    cx.act(Action::RunDemo { scenario: s, interactive });
                }
            }
            ui.checkbox(&mut cx.panels.demo_interactive, "Interactive: type the lines the client sends");
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Capture port");
                ui.add(egui::DragValue::new(&mut cx.panels.watch_port).range(1..=65535))
                    .labelled_by(label.id);
                if ui
                    .button("on loopback")
                    .on_hover_text("Watch your own socket programs on this port")
                    .clicked()
                {
                    ui.close();
                    let port = cx.panels.watch_port;
                    cx.act(Action::CapturePort(port));
                }
            });
            ui.separator();
            if ui.button("Replay this capture").clicked() {
                ui.close();
                cx.act(Action::StartReplay);
            }
        });
        ui.menu_button("View", |ui| {
            ui.label("Time column");
            for f in [TimeFormat::Relative, TimeFormat::Absolute, TimeFormat::Delta] {
                ui.radio_value(&mut cx.settings.time_format, f, f.label());
            }
            ui.separator();
            ui.checkbox(&mut cx.settings.auto_scroll, "Follow new packets while capturing");
            ui.checkbox(&mut cx.settings.show_welcome, "Show the welcome strip");
            ui.separator();
            ui.label("Theme");
            let mut theme = cx.settings.theme;
            theme.buttons(ui);
            if theme != cx.settings.theme {
                cx.settings.theme = theme;
                ui.ctx().set_theme(theme);
            }
        });
        ui.menu_button("Help", |ui| {
            ui.label("Keyboard");
            ui.label("Ctrl+O  open a capture\nCtrl+S  save packets\nCtrl+E  start / stop capture\nCtrl+F  display filter\n↑ ↓ PgUp PgDn Home End  move in the list");
            ui.separator();
            ui.label(format!("layerscope {}", env!("CARGO_PKG_VERSION")));
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut theme = cx.settings.theme;
            let dark = ui.visuals().dark_mode;
            let (icon, next, tip) = if dark {
                ("☀", egui::ThemePreference::Light, "Switch to the light theme")
            } else {
                ("🌙", egui::ThemePreference::Dark, "Switch to the dark theme")
            };
            if ui.button(icon).on_hover_text(tip).clicked() {
                theme = next;
            }
            if theme != cx.settings.theme {
                cx.settings.theme = theme;
                ui.ctx().set_theme(theme);
            }
        });
    });
}

pub fn capture_bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let live = cx.session.is_live();
        let label = ui.label("Interface");
        let selected = cx.settings.interface.clone();
        egui::ComboBox::from_id_salt("interface")
            .selected_text(if selected.is_empty() {
                "(none)".to_string()
            } else {
                selected
            })
            .width(110.0)
            .show_ui(ui, |ui| {
                for i in cx.interfaces {
                    let text = format!(
                        "{}{}",
                        i.name,
                        if i.is_loopback { "  (loopback)" } else { "" }
                    );
                    ui.selectable_value(&mut cx.settings.interface, i.name.clone(), text)
                        .on_hover_text(format!(
                            "{}\n{}\n{}",
                            i.addresses.join("  "),
                            i.flags.join(" "),
                            i.mac.as_deref().unwrap_or("")
                        ));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Capture filter");
        let error = cx.capture_filter_error.is_some();
        let mut edit = egui::TextEdit::singleline(&mut cx.settings.capture_filter)
            .hint_text("BPF, e.g. tcp port 8888")
            .desired_width(220.0)
            .font(egui::TextStyle::Monospace);
        if error {
            edit = edit.text_color(ui.visuals().error_fg_color);
        }
        let resp = ui.add_enabled(!live, edit).labelled_by(label.id);
        if resp.changed() {
            *cx.capture_filter_error = crate::capture::live::validate_filter(
                &cx.settings.capture_filter,
                layerscope_wire::LinkType::ETHERNET,
            )
            .err();
        }
        if resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !live {
            cx.act(Action::StartCapture);
        }
        if live {
            if ui
                .button("⏹ Stop")
                .on_hover_text("Stop the capture (Ctrl+E)")
                .clicked()
            {
                cx.act(Action::StopCapture);
            }
        } else if ui
            .add_enabled(!error, egui::Button::new("⏺ Start"))
            .on_hover_text("Capture on this interface (Ctrl+E)")
            .clicked()
        {
            cx.act(Action::StartCapture);
        }
        if let Some(e) = &cx.capture_filter_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.separator();
        ui.checkbox(&mut cx.settings.auto_scroll, "Follow")
            .on_hover_text("Scroll to new packets while capturing");
    });
}

pub fn filter_bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let label = ui.label("Display filter");
        let invalid = cx.filter.error.is_some();
        let dark = ui.visuals().dark_mode;
        let mut edit = egui::TextEdit::singleline(&mut cx.filter.text)
            .id(egui::Id::unique("display-filter"))
            .hint_text("e.g. tcp.port == 8888 && tcp.flags.syn == 1   (Enter applies)")
            .desired_width(ui.available_width() - 230.0)
            .font(egui::TextStyle::Monospace);
        if invalid {
            edit = edit.background_color(if dark {
                egui::Color32::from_rgb(0x5c, 0x1f, 0x1f)
            } else {
                egui::Color32::from_rgb(0xff, 0xcd, 0xd2)
            });
        } else if cx.filter.job.is_some() {
            edit = edit.background_color(if dark {
                egui::Color32::from_rgb(0x1f, 0x4a, 0x2b)
            } else {
                egui::Color32::from_rgb(0xd7, 0xf5, 0xdd)
            });
        }
        let resp = ui.add(edit).labelled_by(label.id);
        if cx.panels.focus_filter {
            resp.request_focus();
            cx.panels.focus_filter = false;
        }
        if resp.changed() {
            cx.filter.check_text();
        }
        if resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            cx.act(Action::ApplyFilter);
        }
        if ui.button("Apply").clicked() {
            cx.act(Action::ApplyFilter);
        }
        if ui.button("Clear").clicked() {
            cx.act(Action::ClearFilter);
        }
        if let Some(job) = &cx.filter.job {
            if !job.is_done() && job.submitted > 0 {
                let f = job.checked as f32 / job.submitted as f32;
                ui.add(
                    egui::ProgressBar::new(f)
                        .desired_width(80.0)
                        .show_percentage(),
                );
            }
        }
    });
    if let Some(e) = &cx.filter.error {
        let text = cx.filter.text.clone();
        ui.horizontal(|ui| {
            let color = ui.visuals().error_fg_color;
            // Show the text with the bad part underlined, then the message.
            let start = e.position.min(text.len());
            let end = (e.position + e.len).min(text.len()).max(start);
            let mut job = egui::text::LayoutJob::default();
            let mono = egui::FontId::monospace(12.0);
            let plain = egui::TextFormat::simple(mono.clone(), ui.visuals().text_color());
            let bad = egui::TextFormat {
                underline: egui::Stroke::new(2.0, color),
                color,
                ..egui::TextFormat::simple(mono, color)
            };
            job.append(&text[..start], 0.0, plain.clone());
            job.append(if start == end { " " } else { &text[start..end] }, 0.0, bad);
            job.append(&text[end..], 0.0, plain);
            ui.label(job);
            ui.colored_label(color, format!("Invalid filter: {e}"));
        });
    }
}
