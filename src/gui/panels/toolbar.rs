//! Menu bar, capture bar (interface, BPF filter, start/stop) and the display filter box.

use super::Ctx;
use crate::gui::action::Action;
use crate::gui::settings::TimeFormat;

pub fn menu_bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t!("menu-file"), |ui| {
            if ui
                .add(egui::Button::new(t!("menu-open")).shortcut_text("Ctrl+O"))
                .clicked()
            {
                ui.close();
                cx.act(Action::OpenDialog);
            }
            ui.menu_button(t!("menu-open-recent"), |ui| {
                if cx.settings.recent_files.is_empty() {
                    ui.label(t!("menu-no-recent"));
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
            if ui.button(t!("menu-open-bundled")).clicked() {
                ui.close();
                cx.act(Action::Open(crate::assets::default_capture()));
            }
            ui.separator();
            if ui
                .add(egui::Button::new(t!("menu-save-as")).shortcut_text("Ctrl+S"))
                .clicked()
            {
                ui.close();
                cx.act(Action::OpenSaveForm);
            }
            ui.separator();
            if ui.button(t!("menu-quit")).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(t!("menu-capture"), |ui| {
            let label = if cx.session.is_live() {
                t!("menu-stop-capture")
            } else {
                t!("menu-start-capture")
            };
            if ui
                .add(egui::Button::new(label).shortcut_text("Ctrl+E"))
                .clicked()
            {
                ui.close();
                cx.act(Action::ToggleCapture);
            }
            #[cfg(target_os = "linux")]
            if ui
                .button(t!("menu-private-lab"))
                .on_hover_text(t!("menu-private-lab-tip"))
                .clicked()
            {
                ui.close();
                cx.act(Action::StartLab);
            }
            ui.separator();
            ui.label(t!("menu-run-demo"));
            for s in crate::demo::ALL {
                if ui
                    .button(s.title())
                    .on_hover_text(format!(
                        "{}\n{}",
                        s.description(),
                        t!("menu-demo-filter", filter = s.filter())
                    ))
                    .clicked()
                {
                    ui.close();
                    let interactive = cx.panels.demo_interactive;
                    cx.act(Action::RunDemo {
                        scenario: s,
                        interactive,
                    });
                }
            }
            ui.checkbox(&mut cx.panels.demo_interactive, t!("menu-demo-interactive"));
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label(t!("menu-capture-port"));
                ui.add(egui::DragValue::new(&mut cx.panels.watch_port).range(1..=65535))
                    .labelled_by(label.id);
                if ui
                    .button(t!("menu-on-loopback"))
                    .on_hover_text(t!("menu-on-loopback-tip"))
                    .clicked()
                {
                    ui.close();
                    let port = cx.panels.watch_port;
                    cx.act(Action::CapturePort(port));
                }
            });
            ui.separator();
            if ui.button(t!("menu-replay")).clicked() {
                ui.close();
                cx.act(Action::StartReplay);
            }
        });
        ui.menu_button(t!("menu-view"), |ui| {
            ui.label(t!("menu-time-column"));
            for f in [
                TimeFormat::Relative,
                TimeFormat::Absolute,
                TimeFormat::Delta,
            ] {
                ui.radio_value(&mut cx.settings.time_format, f, f.label());
            }
            ui.separator();
            ui.checkbox(&mut cx.settings.auto_scroll, t!("menu-follow-new"));
            ui.checkbox(&mut cx.settings.show_welcome, t!("menu-show-welcome"));
            ui.separator();
            ui.label(t!("menu-theme"));
            // Our own buttons rather than egui's `ThemePreference::buttons`, whose labels
            // are English.
            let mut theme = cx.settings.theme;
            ui.horizontal(|ui| {
                for (value, text) in [
                    (egui::ThemePreference::System, t!("theme-system")),
                    (egui::ThemePreference::Light, t!("theme-light")),
                    (egui::ThemePreference::Dark, t!("theme-dark")),
                ] {
                    ui.selectable_value(&mut theme, value, text);
                }
            });
            if theme != cx.settings.theme {
                cx.settings.theme = theme;
                ui.ctx().set_theme(theme);
            }
        });
        ui.menu_button(t!("menu-language"), |ui| {
            for lang in crate::i18n::Lang::CHOICES {
                if ui.radio(cx.lang == lang, lang.native_name()).clicked() {
                    ui.close();
                    cx.act(Action::SetLanguage(lang));
                }
            }
        });
        ui.menu_button(t!("menu-help"), |ui| {
            ui.label(t!("menu-keyboard"));
            ui.label(t!("menu-keys"));
            ui.separator();
            ui.label(format!("layerscope {}", env!("CARGO_PKG_VERSION")));
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut theme = cx.settings.theme;
            let dark = ui.visuals().dark_mode;
            let (icon, next, tip) = if dark {
                ("☀", egui::ThemePreference::Light, t!("theme-to-light"))
            } else {
                ("🌙", egui::ThemePreference::Dark, t!("theme-to-dark"))
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
        let label = ui.label(t!("capture-interface"));
        let selected = cx.settings.interface.clone();
        egui::ComboBox::from_id_salt("interface")
            .selected_text(if selected.is_empty() {
                t!("capture-no-interface")
            } else {
                selected
            })
            .width(110.0)
            .show_ui(ui, |ui| {
                for i in cx.interfaces {
                    let text = if i.is_loopback {
                        t!("capture-interface-loopback", name = i.name.as_str())
                    } else {
                        i.name.clone()
                    };
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
        let label = ui.label(t!("capture-filter"));
        let error = cx.capture_filter_error.is_some();
        let mut edit = egui::TextEdit::singleline(&mut cx.settings.capture_filter)
            .hint_text(t!("capture-filter-hint"))
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
                .button(t!("capture-stop"))
                .on_hover_text(t!("capture-stop-tip"))
                .clicked()
            {
                cx.act(Action::StopCapture);
            }
        } else if ui
            .add_enabled(!error, egui::Button::new(t!("capture-start")))
            .on_hover_text(t!("capture-start-tip"))
            .clicked()
        {
            cx.act(Action::StartCapture);
        }
        if let Some(e) = &cx.capture_filter_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.separator();
        ui.checkbox(&mut cx.settings.auto_scroll, t!("capture-follow"))
            .on_hover_text(t!("capture-follow-tip"));
    });
}

pub fn filter_bar(cx: &mut Ctx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let label = ui.label(t!("filter-label"));
        let invalid = cx.filter.error.is_some();
        let dark = ui.visuals().dark_mode;
        let mut edit = egui::TextEdit::singleline(&mut cx.filter.text)
            .id(egui::Id::unique("display-filter"))
            .hint_text(t!("filter-hint"))
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
        if ui.button(t!("filter-apply")).clicked() {
            cx.act(Action::ApplyFilter);
        }
        if ui.button(t!("filter-clear")).clicked() {
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
            ui.colored_label(color, t!("filter-invalid", error = e.to_string()));
        });
    }
}
