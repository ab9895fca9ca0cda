//! Choosing a file: the desktop's own dialog where there is one, else a dialog drawn in
//! the window.
//!
//! On Linux the native dialog (rfd) needs an XDG desktop portal with a file chooser, or
//! zenity; without either it returns "cancelled" at once, the same answer as a user who
//! cancels, so a lab machine with a bare window manager could open no file at all. Which
//! one is there is probed once, beside the window's start (a D-Bus question the portal may
//! take a moment to answer); until the answer comes, and wherever it is no, the dialog is
//! `egui_file`'s, drawn by egui. `LAYERSCOPE_FILE_DIALOG=builtin` (or `native`) decides
//! instead of the probe.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The file name extensions of captures libpcap reads.
const CAPTURE_EXTENSIONS: [&str; 4] = ["pcapng", "pcap", "cap", "ntar"];

/// What the chosen file is for.
pub enum Purpose {
    /// Open it as a capture.
    Open,
    /// Write this drawing into it (SVG or PNG by its extension).
    Export(crate::diagram::Drawing),
    /// Write these bytes into it (one side of a followed stream).
    SaveBytes(Vec<u8>),
    /// Put its name in the "Save packets" form.
    SaveForm,
}

/// What became of a request for a file.
pub enum Outcome {
    /// Nothing more to do: cancelled, or the purpose was carried out.
    Done,
    /// Open this capture.
    Open(PathBuf),
    /// Put this name in the "Save packets" form.
    SaveForm(PathBuf),
    /// The dialog drawn in the window is up: keep drawing it with [`show`].
    Pending(Box<BuiltIn>),
}

impl Purpose {
    /// The dialog's title.
    fn title(&self) -> String {
        match self {
            Purpose::Open => t!("open-title"),
            Purpose::Export(_) => t!("export-title"),
            Purpose::SaveBytes(_) => t!("follow-save-title"),
            Purpose::SaveForm => t!("save-heading"),
        }
    }

    /// The kinds of file it offers (a name, and the file name extensions).
    fn filters(&self) -> Vec<(String, &'static [&'static str])> {
        match self {
            Purpose::Open => vec![
                (t!("open-captures"), &CAPTURE_EXTENSIONS),
                (t!("open-all-files"), &["*"]),
            ],
            Purpose::Export(_) => vec![("SVG".into(), &["svg"]), ("PNG".into(), &["png"])],
            Purpose::SaveBytes(_) => Vec::new(),
            Purpose::SaveForm => vec![("pcapng".into(), &["pcapng"]), ("pcap".into(), &["pcap"])],
        }
    }
}

/// A dialog drawn in the window, and what its file is for.
pub struct BuiltIn {
    dialog: egui_file::FileDialog,
    purpose: Purpose,
}

/// Whether the desktop's own dialog can be shown.
pub fn native_available() -> bool {
    match std::env::var("LAYERSCOPE_FILE_DIALOG").as_deref() {
        Ok("builtin") => return false,
        Ok("native") => return true,
        _ => {}
    }
    if !cfg!(target_os = "linux") {
        return true;
    }
    PROBE.get().copied().unwrap_or(false)
}

static PROBE: OnceLock<bool> = OnceLock::new();

/// The probe's answer, once it has one.
pub fn probed() -> Option<bool> {
    PROBE.get().copied()
}

/// Starts the probe for a native dialog (once; the answer is kept).
pub fn start_probe() {
    #[cfg(target_os = "linux")]
    if PROBE.get().is_none() {
        let _ = std::thread::Builder::new()
            .name("file-dialog-probe".into())
            .spawn(|| {
                let _ = PROBE.set(zenity_on_path() || portal_file_chooser());
            });
    }
}

/// Whether zenity, rfd's fallback, is on the PATH.
#[cfg(target_os = "linux")]
fn zenity_on_path() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

/// Whether the session bus has a desktop portal whose file chooser answers.
#[cfg(target_os = "linux")]
fn portal_file_chooser() -> bool {
    let Ok(bus) = zbus::blocking::Connection::session() else {
        return false;
    };
    bus.call_method(
        Some("org.freedesktop.portal.Desktop"),
        "/org/freedesktop/portal/desktop",
        Some("org.freedesktop.DBus.Properties"),
        "Get",
        &("org.freedesktop.portal.FileChooser", "version"),
    )
    .is_ok()
}

/// Asks for a file for `purpose` (`name` suggests one to save to; `dir` where to start):
/// the native dialog answers at once; otherwise the dialog drawn in the window is returned
/// for [`show`] to draw until it is answered.
pub fn choose(purpose: Purpose, name: &str, dir: Option<&Path>) -> Outcome {
    let opening = matches!(purpose, Purpose::Open);
    if native_available() {
        return match native(&purpose, name, dir) {
            Some(path) => use_choice(purpose, path),
            None => Outcome::Done,
        };
    }
    let title = purpose.title();
    let mut dialog = if opening {
        // Folders and captures, as the native dialog's filter shows them.
        egui_file::FileDialog::open_file().show_files_filter(Box::new(|p: &Path| {
            p.is_dir()
                || p.extension()
                    .is_some_and(|e| CAPTURE_EXTENSIONS.iter().any(|c| e.eq_ignore_ascii_case(c)))
        }))
    } else {
        egui_file::FileDialog::save_file().default_filename(name)
    };
    if let Some(d) = dir {
        dialog = dialog.initial_path(d);
    }
    let mut dialog = dialog
        .title(&title)
        .open_button_text(t!("file-dialog-open").into())
        .save_button_text(t!("save-save").into())
        .cancel_button_text(t!("dialog-cancel").into())
        .new_folder_button_text(t!("file-dialog-new-folder").into())
        .new_folder_name_text(t!("file-dialog-new-folder-name").into())
        .rename_button_text(t!("file-dialog-rename").into())
        .refresh_button_hover_text(t!("file-dialog-refresh").into())
        .parent_folder_button_hover_text(t!("file-dialog-parent").into())
        .file_label_text(t!("file-dialog-file").into())
        .show_hidden_checkbox_text(t!("file-dialog-show-hidden").into())
        .default_size(egui::vec2(640.0, 440.0));
    dialog.open();
    Outcome::Pending(Box::new(BuiltIn { dialog, purpose }))
}

/// The desktop's dialog, blocking until it is answered.
fn native(purpose: &Purpose, name: &str, dir: Option<&Path>) -> Option<PathBuf> {
    let mut d = rfd::FileDialog::new().set_title(purpose.title());
    for (kind, extensions) in purpose.filters() {
        d = d.add_filter(kind, extensions);
    }
    if let Some(dir) = dir {
        d = d.set_directory(dir);
    }
    match purpose {
        Purpose::Open => d.pick_file(),
        _ => d.set_file_name(name).save_file(),
    }
}

/// Draws the dialog for one frame; what became of it ([`Outcome::Pending`] while it is up).
pub fn show(mut b: Box<BuiltIn>, ctx: &egui::Context) -> Outcome {
    b.dialog.show(ctx);
    match b.dialog.state() {
        egui_file::State::Open => Outcome::Pending(b),
        egui_file::State::Selected => match b.dialog.path().map(Path::to_path_buf) {
            Some(path) => use_choice(b.purpose, path),
            None => Outcome::Done,
        },
        _ => Outcome::Done,
    }
}

/// Carries out what the file was chosen for, where it needs nothing of the window.
fn use_choice(purpose: Purpose, path: PathBuf) -> Outcome {
    let written = match purpose {
        Purpose::Open => return Outcome::Open(path),
        Purpose::SaveForm => return Outcome::SaveForm(path),
        Purpose::Export(drawing) => crate::diagram::export::save(&drawing, &path),
        Purpose::SaveBytes(bytes) => std::fs::write(&path, bytes).map_err(Into::into),
    };
    if let Err(e) = written {
        eprintln!("layerscope: {}: {e:#}", path.display());
    }
    Outcome::Done
}
