//! The keyboard: Ctrl+O, Ctrl+S, Ctrl+E, Ctrl+F, files dropped on the window, and moving
//! through the packet list with the arrows, Page Up/Down, Home and End.

use std::path::PathBuf;

use super::Ctx;
use crate::gui::action::Action;

pub fn shortcuts(cx: &mut Ctx<'_>, ctx: &egui::Context) {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    let capture = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
    let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    if ctx.input_mut(|i| i.consume_shortcut(&open)) {
        cx.act(Action::OpenDialog);
    }
    if ctx.input_mut(|i| i.consume_shortcut(&save)) {
        cx.act(Action::OpenSaveForm);
    }
    if ctx.input_mut(|i| i.consume_shortcut(&capture)) {
        cx.act(Action::ToggleCapture);
    }
    if ctx.input_mut(|i| i.consume_shortcut(&find)) {
        cx.panels.focus_filter = true;
    }
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    if let Some(p) = dropped.first() {
        cx.act(Action::Open(p.clone()));
    }
    // List navigation, unless a text box has the keyboard.
    if ctx.text_edit_focused() {
        return;
    }
    let page = 20;
    let moves = [
        (Key::ArrowDown, 1isize),
        (Key::ArrowUp, -1),
        (Key::PageDown, page),
        (Key::PageUp, -page),
        (Key::End, isize::MAX / 2),
        (Key::Home, -(isize::MAX / 2)),
    ];
    for (key, delta) in moves {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
            super::packet_list::move_selection(cx, delta);
        }
    }
}
