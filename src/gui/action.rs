//! What the panels ask of the window. A panel draws from the frame's context
//! ([`super::panels::Ctx`]) and records actions; the window applies them in order once the
//! frame is drawn, so that no panel changes what another panel of the same frame reads,
//! and every change to the capture, the selection or the filter goes through one place.

use std::path::PathBuf;

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
    HighlightByte(usize),
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
}
