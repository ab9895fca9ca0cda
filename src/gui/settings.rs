//! What the window remembers between runs (through eframe's storage): recent files, the
//! theme, the time format, the last capture settings.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How the Time column shows a packet's timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TimeFormat {
    /// Seconds since the first packet (Wireshark's default).
    #[default]
    Relative,
    /// Wall-clock time of day, UTC.
    Absolute,
    /// Seconds since the previous packet.
    Delta,
}

impl TimeFormat {
    pub fn label(self) -> String {
        match self {
            TimeFormat::Relative => t!("time-relative"),
            TimeFormat::Absolute => t!("time-absolute"),
            TimeFormat::Delta => t!("time-delta"),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent_files: Vec<PathBuf>,
    pub theme: egui::ThemePreference,
    pub time_format: TimeFormat,
    pub auto_scroll: bool,
    pub interface: String,
    pub capture_filter: String,
    pub show_welcome: bool,
    /// The language chosen in the window's menu; `None` follows the locale.
    pub language: Option<crate::i18n::Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent_files: Vec::new(),
            theme: egui::ThemePreference::System,
            time_format: TimeFormat::Relative,
            auto_scroll: true,
            interface: String::new(),
            capture_filter: "tcp port 8888".into(),
            show_welcome: true,
            language: None,
        }
    }
}

const MAX_RECENT: usize = 10;

impl Settings {
    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }
}
