//! How the window starts (from the command line or a test) and the views of its main area.

use std::path::PathBuf;

use crate::capture::LiveOptions;
use crate::demo::Scenario;

/// How the window starts, from the command line.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// A capture file to open (`-` for standard input).
    pub open: Option<PathBuf>,
    /// Start capturing at once.
    pub live: Option<LiveOptions>,
    /// A display filter to apply.
    pub display_filter: Option<String>,
    /// Frame number to select.
    pub select: Option<u32>,
    pub theme: Option<egui::ThemePreference>,
    /// The view to start in.
    pub view: Option<MainView>,
    /// In the follow view, show messages against segments rather than the conversation.
    pub follow_messages: bool,
    /// Replay the file once loaded.
    pub replay: bool,
    /// Where safety copies of live captures go (tests use their own).
    pub recovery_dir: Option<PathBuf>,
    /// Run this demo at once.
    pub demo: Option<Scenario>,
    /// Start in a private lab (Linux); a demo then runs in it.
    pub lab: bool,
    /// The language `--lang` asked for; it wins over the one chosen in the window's menu.
    pub lang: Option<crate::i18n::Lang>,
}

/// What the main area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MainView {
    Packets,
    Ladder,
    Encapsulation,
    Headers,
    /// One conversation as the two programs saw it.
    Follow,
}
