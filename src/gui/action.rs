//! What the panels ask of the window. A panel draws from the frame's context
//! ([`super::panels::Ctx`]) and records actions; the window applies them in order once the
//! frame is drawn, so that no panel changes what another panel of the same frame reads,
//! and every change to the capture, the selection or the filter goes through one place.

use std::path::PathBuf;

use super::app::{App, Notice};
use super::selection::Highlight;
use super::start::MainView;
use crate::demo::Scenario;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a capture file (`-` reads standard input).
    Open(PathBuf),
    /// Ask for a file to open.
    OpenDialog,
    StartCapture,
    StopCapture,
    ToggleCapture,
    /// Stop reading a file or capturing; what was read stays.
    CancelLoad,
    RunDemo {
        scenario: Scenario,
        interactive: bool,
    },
    /// Capture one port on loopback.
    CapturePort(u16),
    /// Start a private lab and show its loopback (Linux).
    #[cfg(target_os = "linux")]
    StartLab,
    /// Run a command line in the lab.
    #[cfg(target_os = "linux")]
    RunInLab(String),
    /// Open a terminal whose shell is in the lab.
    #[cfg(target_os = "linux")]
    LabTerminal,
    /// Run a built-in demo in the lab.
    #[cfg(target_os = "linux")]
    LabDemo(Scenario),
    /// End an interactive demo's connection.
    CloseDemoConnection,
    /// Replay a demo's bundled recording (capturing is not permitted here).
    ReplayRecording(Scenario),
    /// Open the capture a crashed window left behind, or delete it.
    RecoverLeftover,
    DiscardLeftover,
    /// Apply the display filter's text (Enter), or clear it.
    ApplyFilter,
    ClearFilter,
    /// Select a packet (0-based position in the store) and show it.
    Select(u32),
    /// Select a packet and bring its row into view.
    SelectAndShow(u32),
    /// Mark the field a click chose in every pane (`None` clears it).
    Highlight(Option<Highlight>),
    /// Mark the most specific field covering a byte (a click in the hex pane).
    HighlightByte(layerscope_wire::layer::Source, usize),
    /// The field under the pointer this frame.
    Hover(Highlight),
    StartReplay,
    StopReplay,
    /// Replay up to this many packets.
    ReplayTo(u32),
    ShowView(MainView),
    DismissNotice,
    DismissPermission,
    OpenSaveForm,
    /// Write packets to a file (all, or the displayed ones).
    Save {
        path: PathBuf,
        displayed_only: bool,
    },
    /// Speak another language, at once.
    SetLanguage(crate::i18n::Lang),
}

impl App {
    /// Carries out what a panel asked for.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Open(path) => self.open_path(&path),
            Action::OpenDialog => super::panels::open_file_dialog(self),
            Action::StartCapture => self.start_capture(),
            Action::StopCapture => self.stop_capture(),
            Action::ToggleCapture => self.toggle_capture(),
            Action::CancelLoad => self.stop_capture(),
            Action::RunDemo {
                scenario,
                interactive,
            } => self.run_demo(scenario, interactive),
            #[cfg(target_os = "linux")]
            Action::StartLab => self.start_lab(),
            #[cfg(target_os = "linux")]
            Action::RunInLab(line) => self.run_in_lab(line),
            #[cfg(target_os = "linux")]
            Action::LabTerminal => self.lab_terminal(),
            #[cfg(target_os = "linux")]
            Action::LabDemo(s) => self.lab_demo(s),
            Action::CapturePort(port) => self.capture_port(port),
            Action::CloseDemoConnection => self.close_demo_connection(),
            Action::ReplayRecording(s) => {
                self.capture.permission_problem = None;
                self.capture.failed_demo = None;
                self.replay_recording(s);
            }
            Action::RecoverLeftover => self.recover_leftover(),
            Action::DiscardLeftover => self.capture.discard_leftover(),
            Action::ApplyFilter => self.apply_filter(),
            Action::ClearFilter => self.clear_filter(),
            Action::Select(i) => self.select(i),
            Action::SelectAndShow(i) => {
                self.select(i);
                self.scroll_to = self.list().row_of(i);
            }
            Action::Highlight(h) => self.selection.highlight = h,
            Action::HighlightByte(source, offset) => self.highlight_byte(source, offset),
            Action::Hover(h) => self.selection.hover_next = Some(h),
            Action::StartReplay => self.start_replay(),
            Action::StopReplay => self.stop_replay(),
            Action::ReplayTo(n) => self.replay_to(n),
            Action::ShowView(v) => self.view = v,
            Action::DismissNotice => self.notice = None,
            Action::DismissPermission => self.capture.permission_problem = None,
            Action::OpenSaveForm => super::panels::open_save_form(self),
            Action::Save {
                path,
                displayed_only,
            } => {
                let only = self.filter.displayed.clone().filter(|_| displayed_only);
                self.save(&path, only.as_deref())
            }
            Action::SetLanguage(lang) => self.set_language(lang),
        }
    }

    /// Writes packets (all, or `only` these) to a file and says so, or shows the form's
    /// error.
    fn save(&mut self, path: &std::path::Path, only: Option<&[u32]>) {
        match self.session.store.save(path, only) {
            Ok(n) => {
                self.panels.save_form = None;
                self.notice = Some(Notice::info(format!(
                    "Saved {n} packets to {}",
                    path.display()
                )));
            }
            Err(e) => {
                if let Some(f) = &mut self.panels.save_form {
                    f.error = Some(format!("{e:#}"));
                }
            }
        }
    }
}
