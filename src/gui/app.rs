//! The window: state, the actions the user can take, and the frame loop.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use layerscope_wire::{Dissection, Filter, FilterError, LinkType};

use super::filter_job::FilterJob;
use super::panels;
use super::rows::RowCache;
use super::session::{Origin, Session};
use super::settings::Settings;
use crate::capture::{self, open_file, LiveOptions};
use crate::demo::{Interactive, Scenario, Teardown, TEARDOWN_WAIT};
use crate::pipeline::{Ending, Loading};
use crate::store::Block;

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
    /// Replay the file once loaded.
    pub replay: bool,
    /// Where safety copies of live captures go (tests use their own).
    pub recovery_dir: Option<PathBuf>,
    /// Run this demo at once.
    pub demo: Option<Scenario>,
}

/// The bytes a clicked field covers, shared by the layers tree and the hex pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub bytes: Range<usize>,
    /// For flags and other sub-byte fields: first bit and width.
    pub bits: Option<(u8, u8)>,
    /// The field's or protocol's Wireshark name.
    pub abbrev: &'static str,
}

/// The selected packet, dissected in full.
pub struct Detail {
    pub index: u32,
    pub dissection: Dissection,
    pub data: Vec<u8>,
    pub orig_len: u32,
}

/// A message in a banner under the toolbar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

/// What the main area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MainView {
    Packets,
    Ladder,
    Encapsulation,
    Headers,
}

/// The encapsulation stepper: which step, how far its animation is, playing or not.
pub struct EncapState {
    /// The packet the steps were built for.
    pub packet: Option<u32>,
    pub steps: Vec<crate::diagram::encapsulation::Step>,
    pub step: usize,
    /// Progress of the current step's animation, 0..1.
    pub t: f32,
    pub playing: bool,
    /// Animation speed factor.
    pub speed: f32,
    /// Seconds spent on the current step after its animation (while playing).
    pub dwell: f32,
}

impl Default for EncapState {
    fn default() -> Self {
        EncapState {
            packet: None,
            steps: Vec::new(),
            step: 0,
            t: 0.0,
            playing: true,
            speed: 1.0,
            dwell: 0.0,
        }
    }
}

/// The ladder view: chosen stream, raw or relative numbers, and the stream index.
#[derive(Default)]
pub struct LadderState {
    pub stream: Option<(crate::diagram::ladder::Kind, u32)>,
    pub raw: bool,
    pub index: super::streams::StreamIndex,
}

/// Replaying a loaded capture as if it were live: only the first `shown` packets are
/// visible, and more appear at their original pace times `speed`.
pub struct Replay {
    pub shown: u32,
    pub playing: bool,
    /// 0.1 … 10.
    pub speed: f32,
    /// Packets at their captured timing (× speed); otherwise one per second (× speed), which
    /// suits loopback demos whose whole exchange takes a millisecond.
    pub original_timing: bool,
    /// When playing: the wall-clock instant and capture time (ns) that correspond.
    anchor: Option<(std::time::Instant, i64)>,
}

/// A demo the window is running.
pub struct DemoRun {
    pub scenario: Scenario,
    events: std::sync::mpsc::Receiver<Result<DemoEvent, String>>,
    /// The client connection of an interactive demo.
    pub interactive: Option<Interactive>,
    /// The line being typed, and the server's answers so far.
    pub line: String,
    pub replies: Vec<String>,
    /// When the client finished (or the user closed the connection): from then on the
    /// demo waits for its teardown to reach the capture.
    client_done: Option<std::time::Instant>,
    teardown: Teardown,
    /// Started with a connection for the user's lines (one connection, closed by them).
    started_interactive: bool,
}

enum DemoEvent {
    Done,
    Interactive(Interactive),
}

/// The "Save packets" dialog.
pub struct SaveForm {
    pub path: String,
    pub displayed_only: bool,
    pub error: Option<String>,
}

pub struct App {
    pub settings: Settings,
    pub session: Session,
    /// Packets shown (positions into the store); `None` shows all.
    pub displayed: Option<Vec<u32>>,
    pub filter_job: Option<FilterJob>,
    pub filter_text: String,
    pub filter_error: Option<FilterError>,
    pub selected: Option<u32>,
    pub detail: Option<Detail>,
    pub highlight: Option<Highlight>,
    /// The field under the pointer in any pane (layers tree, header diagram, hex), shown
    /// outlined in the others; `hover_next` collects this frame's, `hover` is last frame's.
    pub hover: Option<Highlight>,
    pub hover_next: Option<Highlight>,
    pub rows: RowCache,
    /// Row (position in the displayed list) to bring into view on the next frame.
    pub scroll_to: Option<usize>,
    pub notice: Option<Notice>,
    /// Set when a capture was refused for lack of privilege: the fix to show.
    pub permission_problem: Option<String>,
    pub interfaces: Vec<crate::capture::interfaces::Interface>,
    pub capture_filter_error: Option<String>,
    pub save_form: Option<SaveForm>,
    pub focus_filter: bool,
    /// The permission panel was shown for the current session's failure.
    permission_shown: bool,
    pub view: MainView,
    pub encap: EncapState,
    pub ladder: LadderState,
    pub demo: Option<DemoRun>,
    /// The demo menu's "interactive" choice.
    pub demo_interactive: bool,
    /// The port of "Capture port N on loopback".
    pub watch_port: u16,
    pub replay: Option<Replay>,
    /// Start a replay as soon as the file being opened has loaded.
    replay_after_load: bool,
    /// The demo whose capture was refused, for the permission panel's "replay the recording".
    pub failed_demo: Option<Scenario>,
    /// Where safety copies go; `None` without a home directory (then none is kept).
    pub recovery_dir: Option<PathBuf>,
    /// What a live capture may take on disk and in memory.
    pub live_limits: crate::pipeline::LiveLimits,
    /// A capture a crashed session left behind, offered at start.
    pub leftover: Option<crate::recovery::Leftover>,
    ctx: egui::Context,
    title: String,
    pending_select: Option<u32>,
    /// A file to write once the window shows what it was started for
    /// (`LAYERSCOPE_READY_FILE`): scripts that photograph the window wait for it.
    ready_marker: Option<PathBuf>,
    /// Frames drawn since the window became settled.
    settled_frames: u32,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> App {
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(t) = start.theme {
            settings.theme = t;
        }
        cc.egui_ctx.set_theme(settings.theme);
        let mut app = Self::with_settings(cc.egui_ctx.clone(), settings, start);
        app.ready_marker = std::env::var_os("LAYERSCOPE_READY_FILE").map(PathBuf::from);
        app
    }

    /// Nothing left to arrive or to move: the file loaded, the demo over, the filter
    /// applied, the replay at its end, the encapsulation step drawn whole.
    pub fn is_settled(&self) -> bool {
        !self.session.is_loading()
            && self.demo.is_none()
            && self.pending_select.is_none()
            && self.filter_job.as_ref().is_none_or(|j| j.is_done())
            && self.replay.as_ref().is_none_or(|r| !r.playing)
            && (self.view != MainView::Encapsulation || self.encap.t >= 1.0)
    }

    /// Writes the ready marker two frames after the window settled, so that what it
    /// shows has been presented.
    fn mark_ready(&mut self) {
        if self.ready_marker.is_none() {
            return;
        }
        self.settled_frames = if self.is_settled() {
            self.settled_frames + 1
        } else {
            0
        };
        if self.settled_frames >= 3 {
            if let Some(path) = self.ready_marker.take() {
                if let Err(e) = std::fs::write(&path, "ready\n") {
                    eprintln!("layerscope: cannot write {}: {e}", path.display());
                }
            }
        } else {
            self.ctx.request_repaint();
        }
    }

    /// Builds the app around a context; tests use this with default settings.
    pub fn with_settings(ctx: egui::Context, settings: Settings, start: Start) -> App {
        super::install_fonts(&ctx);
        let interfaces = crate::capture::interfaces::list();
        let mut app = App {
            settings,
            session: Session::new(Origin::Stdin, LinkType::ETHERNET, None),
            displayed: None,
            filter_job: None,
            filter_text: String::new(),
            filter_error: None,
            selected: None,
            detail: None,
            highlight: None,
            hover: None,
            hover_next: None,
            rows: RowCache::default(),
            scroll_to: None,
            notice: None,
            permission_problem: None,
            interfaces,
            capture_filter_error: None,
            save_form: None,
            focus_filter: false,
            permission_shown: false,
            view: start.view.unwrap_or(MainView::Packets),
            encap: EncapState::default(),
            ladder: LadderState::default(),
            demo: None,
            demo_interactive: false,
            watch_port: 8888,
            replay: None,
            replay_after_load: start.replay,
            failed_demo: None,
            leftover: None,
            recovery_dir: start
                .recovery_dir
                .clone()
                .or_else(crate::recovery::default_dir),
            live_limits: crate::pipeline::LiveLimits::default(),
            ctx,
            title: String::new(),
            pending_select: start.select,
            ready_marker: None,
            settled_frames: 0,
        };
        if app.settings.interface.is_empty() {
            if let Some(i) = app.interfaces.first() {
                app.settings.interface = i.name.clone();
            }
        }
        app.leftover = app
            .recovery_dir
            .as_deref()
            .and_then(|d| crate::recovery::leftovers(d).into_iter().next());
        if let Some(s) = start.demo {
            app.run_demo(s, false);
        } else if let Some(live) = start.live {
            app.settings.interface = live.interface.clone();
            app.settings.capture_filter = live.filter.clone();
            app.start_capture();
        } else {
            let path = start.open.unwrap_or_else(crate::assets::default_capture);
            app.open_path(&path);
        }
        if let Some(f) = start.display_filter {
            app.filter_text = f;
            app.apply_filter();
        }
        app
    }

    fn notify(&self) -> impl Fn() + Send + 'static {
        let ctx = self.ctx.clone();
        move || ctx.request_repaint()
    }

    pub fn dark(&self) -> bool {
        self.ctx.global_style().visuals.dark_mode
    }

    // ----- actions -----

    /// Opens a capture file (`-` reads standard input). On failure the current capture
    /// stays and the error is shown.
    pub fn open_path(&mut self, path: &Path) {
        match open_file(path) {
            Ok(reader) => {
                let origin = if path == Path::new("-") {
                    Origin::Stdin
                } else {
                    self.settings.remember(path);
                    Origin::File(path.to_path_buf())
                };
                let link = reader.link;
                let loading = Loading::file(reader, path.to_path_buf(), self.notify());
                self.replace_session(Session::new(origin, link, Some(loading)));
                self.notice = None;
            }
            Err(e) => {
                self.notice = Some(Notice {
                    error: true,
                    text: format!("{e:#}"),
                });
            }
        }
    }

    /// Shows a native file dialog and opens the chosen file.
    pub fn open_dialog(&mut self) {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open a capture")
            .add_filter(
                "Captures (pcapng, pcap)",
                &["pcapng", "pcap", "cap", "ntar"],
            )
            .add_filter("All files", &["*"]);
        if let Some(dir) = self
            .settings
            .recent_files
            .first()
            .and_then(|p| p.parent().map(Path::to_path_buf))
        {
            dialog = dialog.set_directory(dir);
        }
        if let Some(path) = dialog.pick_file() {
            self.open_path(&path);
        }
    }

    /// Starts a live capture with the interface and filter in the toolbar. The capture runs
    /// in the `layerscope-capture` helper process, which streams pcap to us: this process
    /// never needs capture privileges.
    pub fn start_capture(&mut self) {
        self.stop_capture();
        let interface = self.settings.interface.clone();
        let filter = self.settings.capture_filter.trim().to_string();
        if let Err(e) = capture::live::validate_filter(&filter, LinkType::ETHERNET) {
            self.capture_filter_error = Some(e);
            return;
        }
        let request = capture::helper::Request {
            interface: interface.clone(),
            filter: filter.clone(),
            ..Default::default()
        };
        let helper = match capture::helper::Helper::start(&request, capture::helper::Output::Pipe) {
            Ok(h) => h,
            Err(e) => {
                self.notice = Some(Notice {
                    error: true,
                    text: format!("{e:#}"),
                });
                return;
            }
        };
        let spool = self
            .recovery_dir
            .as_deref()
            .and_then(|d| crate::recovery::new_spool(d).ok());
        let loading = Loading::child(helper, spool.clone(), self.live_limits, self.notify());
        match loading {
            Ok(loading) => {
                let origin = Origin::Live { interface, filter };
                let kept = spool.is_some();
                let mut session = Session::new(origin, LinkType::ETHERNET, Some(loading));
                session.spool = spool;
                self.replace_session(session);
                self.notice = (!kept).then(|| Notice {
                    error: false,
                    text: match &self.recovery_dir {
                        None => crate::recovery::NO_SPOOL_DIR.to_string(),
                        Some(d) => format!(
                            "no safety copy of this capture is kept: cannot write in {}. \
                             Save the capture before closing.",
                            d.display()
                        ),
                    },
                });
                self.permission_problem = None;
            }
            Err(e) => {
                self.notice = Some(Notice {
                    error: true,
                    text: format!("{e:#}"),
                })
            }
        }
    }

    /// Stops a live capture; the packets captured so far stay.
    pub fn stop_capture(&mut self) {
        self.cancel_load();
    }

    /// Cancels a file load or stops a capture (the status bar's Cancel); what was read
    /// stays.
    pub fn cancel_load(&mut self) {
        if let Some(l) = &self.session.loading {
            l.stop();
        }
    }

    pub fn toggle_capture(&mut self) {
        if self.session.is_live() {
            self.stop_capture();
        } else {
            self.start_capture();
        }
    }

    /// Runs a built-in demo: capture on loopback with the scenario's filter (through the
    /// capture helper), then, once the helper captures, our server and client exchange
    /// their messages; the capture stops after the teardown. With `interactive`, a client
    /// connection stays open for the lines the user types, until *Close connection*.
    pub fn run_demo(&mut self, scenario: Scenario, interactive: bool) {
        self.settings.interface = crate::capture::interfaces::loopback_name(&self.interfaces);
        self.settings.capture_filter = scenario.filter();
        self.start_capture();
        let Some(loading) = &self.session.loading else {
            return;
        };
        let ready = loading.ready();
        let (tx, rx) = std::sync::mpsc::channel();
        let notify = self.notify();
        let _ = std::thread::Builder::new()
            .name("demo".into())
            .spawn(move || {
                if !ready.wait(std::time::Duration::from_secs(10)) {
                    // The capture never started; the window shows why.
                    return;
                }
                let result = if interactive {
                    Interactive::start(scenario).map(DemoEvent::Interactive)
                } else {
                    scenario.run(&mut std::io::sink()).map(|_| DemoEvent::Done)
                };
                let _ = tx.send(result.map_err(|e| format!("{e:#}")));
                notify();
            });
        self.demo = Some(DemoRun {
            scenario,
            events: rx,
            interactive: None,
            line: String::new(),
            replies: Vec::new(),
            client_done: None,
            teardown: Teardown::default(),
            started_interactive: interactive,
        });
        self.notice = None;
    }

    /// Captures one port on loopback, for watching one's own socket programs.
    pub fn capture_port(&mut self, port: u16) {
        self.settings.interface = crate::capture::interfaces::loopback_name(&self.interfaces);
        self.settings.capture_filter = format!("port {port}");
        self.start_capture();
    }

    /// Ends an interactive demo: the client closes (FIN), then the capture stops.
    pub fn close_demo_connection(&mut self) {
        if let Some(d) = &mut self.demo {
            d.interactive = None;
            d.client_done = Some(std::time::Instant::now());
        }
    }

    /// Opens the capture a crashed session left behind (and stops offering it).
    pub fn recover_leftover(&mut self) {
        if let Some(l) = self.leftover.take() {
            match crate::recovery::claim(&l.path) {
                Ok(p) => self.open_path(&p),
                Err(e) => {
                    self.notice = Some(Notice {
                        error: true,
                        text: format!("cannot recover {}: {e}", l.path.display()),
                    })
                }
            }
        }
    }

    pub fn discard_leftover(&mut self) {
        if let Some(l) = self.leftover.take() {
            let _ = std::fs::remove_file(&l.path);
        }
    }

    /// Replays the bundled recording of a demo, for when capturing is not possible here.
    pub fn replay_recording(&mut self, scenario: Scenario) {
        let path = crate::assets::capture(scenario.recording());
        self.open_path(&path);
        if self.session.origin == Origin::File(path) {
            // The replay starts once the file has loaded (see `pump`).
            self.replay_after_load = true;
            self.notice = Some(Notice {
                error: false,
                text: format!(
                    "This is a recording of the \"{}\" demo, replayed: capturing is not permitted here.",
                    scenario.title()
                ),
            });
        }
    }

    /// Follows a running demo: its events, its packets, and its end once the capture has
    /// seen the teardown (or [`TEARDOWN_WAIT`] after the client finished, said in a banner).
    fn pump_demo(&mut self, new: &[Arc<Block>]) {
        let Some(d) = &mut self.demo else {
            return;
        };
        // The capture ended before the demo did (refused, failed): the demo is over too.
        if !self.session.is_loading() && d.interactive.is_none() {
            if matches!(self.session.ending, Some(Ending::Failed(_))) {
                self.failed_demo = Some(d.scenario);
            }
            self.demo = None;
            return;
        }
        for a in new.iter().flat_map(|b| &b.analyses) {
            d.teardown.observe(a);
        }
        if let Some(i) = &d.interactive {
            while let Ok(r) = i.replies.try_recv() {
                d.replies
                    .push(r.unwrap_or_else(|e| format!("error: {e:#}")));
            }
        }
        let mut stop = false;
        if let Ok(ev) = d.events.try_recv() {
            match ev {
                Ok(DemoEvent::Done) => d.client_done = Some(std::time::Instant::now()),
                Ok(DemoEvent::Interactive(i)) => d.interactive = Some(i),
                Err(e) => {
                    self.notice = Some(Notice {
                        error: true,
                        text: format!("demo {}: {e}", d.scenario.name()),
                    });
                    stop = true;
                }
            }
        }
        if let Some(done) = d.client_done {
            if d.teardown.complete(d.scenario, d.started_interactive) {
                stop = true;
            } else if done.elapsed() > TEARDOWN_WAIT {
                self.notice = Some(Notice {
                    error: false,
                    text: format!(
                        "The capture did not see the end of the {} demo within {} s; it stopped with what it has.",
                        d.scenario.name(),
                        TEARDOWN_WAIT.as_secs()
                    ),
                });
                stop = true;
            } else {
                // Look again when the wait runs out, even if no packet comes.
                self.ctx.request_repaint_after(TEARDOWN_WAIT);
            }
        }
        if stop {
            self.demo = None;
            self.stop_capture();
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.permission_shown = false;
        self.rows.clear();
        self.selected = None;
        self.detail = None;
        self.highlight = None;
        self.scroll_to = None;
        self.replay = None;
        self.ladder = LadderState {
            raw: self.ladder.raw,
            ..LadderState::default()
        };
        self.encap = EncapState {
            speed: self.encap.speed,
            ..EncapState::default()
        };
        if let Some(job) = &self.filter_job {
            let filter = job.filter.clone();
            self.start_filter(filter);
        } else {
            self.displayed = None;
        }
    }

    /// Parses the filter box and applies it (Enter); an empty box shows every packet.
    pub fn apply_filter(&mut self) {
        let text = self.filter_text.trim().to_string();
        if text.is_empty() {
            self.filter_error = None;
            self.filter_job = None;
            self.displayed = None;
            self.scroll_to_selection();
            return;
        }
        match Filter::parse(&text) {
            Ok(f) => {
                self.filter_error = None;
                self.start_filter(f);
            }
            Err(e) => self.filter_error = Some(e),
        }
    }

    /// Re-checks the filter text as it is typed, for the red box.
    pub fn check_filter_text(&mut self) {
        let text = self.filter_text.trim();
        self.filter_error = if text.is_empty() {
            None
        } else {
            Filter::parse(text).err()
        };
    }

    fn start_filter(&mut self, filter: Filter) {
        let first = self.session.store.first_ts_ns().unwrap_or(0);
        let mut job = FilterJob::start(filter, self.session.store.link, first, self.notify());
        for b in self.session.store.blocks() {
            job.submit(b.clone());
        }
        self.filter_job = Some(job);
        self.displayed = Some(Vec::new());
    }

    /// Clears the display filter.
    pub fn clear_filter(&mut self) {
        self.filter_text.clear();
        self.apply_filter();
    }

    /// Selects packet `index` (0-based) and dissects it for the detail panes.
    pub fn select(&mut self, index: u32) {
        if self.selected == Some(index) && self.detail.is_some() {
            return;
        }
        let Some(p) = self.session.store.get(index) else {
            return;
        };
        let d = crate::store::dissect_annotated(self.session.store.link, p.data, p.analysis);
        self.detail = Some(Detail {
            index,
            dissection: d,
            data: p.data.to_vec(),
            orig_len: p.meta.orig_len,
        });
        self.selected = Some(index);
        self.highlight = None;
    }

    /// Highlights the bytes of the field a click chose, in every pane.
    pub fn highlight_field(&mut self, field: &layerscope_wire::Field) {
        self.highlight = Some(Highlight {
            bytes: field.bytes.clone(),
            bits: field.bits,
            abbrev: field.abbrev(),
        });
    }

    /// Selects the most specific field covering a byte (a click in the hex pane).
    pub fn highlight_byte(&mut self, offset: usize) {
        self.highlight = self.field_highlight_at(offset);
    }

    /// The most specific field covering a byte of the selected packet (or its layer's
    /// header when no field does).
    pub fn field_highlight_at(&self, offset: usize) -> Option<Highlight> {
        let detail = self.detail.as_ref()?;
        detail
            .dissection
            .field_at(offset)
            .map(|f| Highlight {
                bytes: f.bytes.clone(),
                bits: f.bits,
                abbrev: f.abbrev(),
            })
            .or_else(|| {
                let l = detail.dissection.layer_at(offset)?;
                Some(Highlight {
                    bytes: l.header.clone(),
                    bits: None,
                    abbrev: l.protocol.abbrev(),
                })
            })
    }

    /// Packets visible: all, or those a replay has reached.
    pub fn visible_packets(&self) -> usize {
        let n = self.session.store.len();
        self.replay
            .as_ref()
            .map_or(n, |r| (r.shown as usize).min(n))
    }

    /// Number of rows the list shows.
    pub fn displayed_len(&self) -> usize {
        let visible = self.visible_packets();
        match &self.displayed {
            Some(d) => d.partition_point(|&i| (i as usize) < visible),
            None => visible,
        }
    }

    /// The packet at a row of the list.
    pub fn row_index(&self, row: usize) -> Option<u32> {
        if row >= self.displayed_len() {
            return None;
        }
        match &self.displayed {
            Some(d) => d.get(row).copied(),
            None => Some(row as u32),
        }
    }

    /// The row showing a packet, if it is displayed.
    pub fn row_of(&self, index: u32) -> Option<usize> {
        if index as usize >= self.visible_packets() {
            return None;
        }
        match &self.displayed {
            Some(d) => d.binary_search(&index).ok(),
            None => Some(index as usize),
        }
    }

    // ----- replay -----

    /// Starts replaying the loaded capture from its first packet.
    pub fn start_replay(&mut self) {
        if self.session.is_live() || self.session.store.is_empty() {
            return;
        }
        self.replay = Some(Replay {
            shown: 0,
            playing: true,
            speed: 1.0,
            original_timing: false,
            anchor: None,
        });
        self.selected = None;
        self.detail = None;
    }

    pub fn stop_replay(&mut self) {
        self.replay = None;
    }

    /// Shows packets up to `shown` (a step, or the scrubber) and selects the newest.
    pub fn replay_to(&mut self, shown: u32) {
        let n = self.session.store.len() as u32;
        let Some(r) = &mut self.replay else {
            return;
        };
        r.shown = shown.min(n);
        r.anchor = None;
        if r.shown > 0 {
            let i = r.shown - 1;
            self.select(i);
            self.scroll_to = self.row_of(i);
        } else {
            self.selected = None;
            self.detail = None;
        }
    }

    /// Advances a playing replay to the packets whose time has come.
    fn tick_replay(&mut self) {
        let n = self.session.store.len() as u32;
        let Some(r) = &mut self.replay else {
            return;
        };
        if !r.playing {
            return;
        }
        let store = &self.session.store;
        let now = std::time::Instant::now();
        let before = r.shown;
        // Capture time (ns) of packet i on the replay's clock: its timestamp, or one second
        // per packet.
        let clock = |i: u32| -> i64 {
            if r.original_timing {
                store.get(i).map_or(i64::MAX, |p| p.meta.ts_ns)
            } else {
                i as i64 * 1_000_000_000
            }
        };
        let (t0, c0) = *r
            .anchor
            .get_or_insert_with(|| (now, clock(r.shown.saturating_sub(1))));
        let target = c0 + (now.duration_since(t0).as_secs_f64() * r.speed as f64 * 1e9) as i64;
        while r.shown < n && clock(r.shown) <= target {
            r.shown += 1;
        }
        if r.shown >= n {
            r.playing = false;
        }
        let shown = r.shown;
        // Wake up for the next packet (or in a while, for a long gap).
        let wait = r
            .playing
            .then(|| ((clock(shown) - target) as f64 * 1e-9 / r.speed as f64).clamp(0.0, 0.25));
        if let Some(w) = wait {
            self.ctx
                .request_repaint_after(std::time::Duration::from_secs_f64(w));
        }
        if shown != before {
            self.select(shown - 1);
            self.scroll_to = self.row_of(shown - 1);
        }
    }

    fn scroll_to_selection(&mut self) {
        self.scroll_to = self.selected.and_then(|i| self.row_of(i));
    }

    /// Moves the selection by `delta` rows (arrow keys, Page Up/Down), clamped.
    pub fn move_selection(&mut self, delta: isize) {
        let n = self.displayed_len();
        if n == 0 {
            return;
        }
        let current = self.selected.and_then(|i| self.row_of(i));
        let row = match current {
            Some(r) => (r as isize + delta).clamp(0, n as isize - 1) as usize,
            None if delta < 0 => n - 1,
            None => 0,
        };
        if let Some(i) = self.row_index(row) {
            self.select(i);
            self.scroll_to = Some(row);
        }
    }

    pub fn select_row(&mut self, row: usize) {
        if let Some(i) = self.row_index(row) {
            self.select(i);
            self.scroll_to = Some(row);
        }
    }

    /// Writes packets to a capture file: pcapng or pcap by extension, through a temporary
    /// file renamed into place so a failed save never leaves half a file.
    pub fn save_to(&self, path: &Path, displayed_only: bool) -> anyhow::Result<usize> {
        let store = &self.session.store;
        let indices: Box<dyn Iterator<Item = u32>> = match (&self.displayed, displayed_only) {
            (Some(d), true) => Box::new(d.clone().into_iter()),
            _ => Box::new(0..store.len() as u32),
        };
        crate::capture::writer::write_atomically(
            path,
            store.link,
            indices.filter_map(|i| store.get(i).map(|p| p.raw())),
        )
    }

    // ----- the frame loop -----

    /// Takes in what background threads delivered.
    pub fn pump(&mut self) {
        let had_packets = !self.session.store.is_empty();
        let new: Vec<Arc<Block>> = self.session.poll();
        self.pump_demo(&new);
        if self.replay_after_load && !self.session.is_loading() {
            self.replay_after_load = false;
            self.start_replay();
        }
        if let Some(job) = &mut self.filter_job {
            for b in &new {
                job.submit(b.clone());
            }
            let mut added = false;
            while let Ok(m) = job.results.try_recv() {
                job.checked += m.checked;
                if let Some(d) = &mut self.displayed {
                    d.extend(m.indices);
                    added = true;
                }
            }
            if added && self.settings.auto_scroll && self.session.is_live() {
                self.scroll_to = Some(self.displayed_len().saturating_sub(1));
            }
        } else if !new.is_empty() && self.settings.auto_scroll && self.session.is_live() {
            self.scroll_to = Some(self.displayed_len().saturating_sub(1));
        }
        if let Some(n) = self.pending_select {
            if n >= 1 && (n as usize) <= self.session.store.len() {
                self.pending_select = None;
                self.select(n - 1);
                self.scroll_to_selection();
            } else if !self.session.is_loading() {
                self.pending_select = None;
            }
        } else if !had_packets && self.selected.is_none() && !self.session.store.is_empty() {
            // Something to look at straight away: the first packet's layers.
            if let Some(i) = self.row_index(0) {
                self.select(i);
            }
        }
        // A capture refused for lack of privilege: the panel with the fix, once.
        if let Some(Ending::Failed(msg)) = &self.session.ending {
            if capture::is_permission_error(msg) && !self.permission_shown {
                self.permission_problem = Some(msg.clone());
                self.permission_shown = true;
            }
        }
    }

    fn update_title(&mut self) {
        let title = format!("layerscope — {}", self.session.origin.title());
        if title != self.title {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let capture = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        if ctx.input_mut(|i| i.consume_shortcut(&open)) {
            self.open_dialog();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&save)) {
            self.open_save_form();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&capture)) {
            self.toggle_capture();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&find)) {
            self.focus_filter = true;
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
            self.open_path(p);
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
                self.move_selection(delta);
            }
        }
    }

    pub fn open_save_form(&mut self) {
        let default = match &self.session.origin {
            Origin::File(p) => {
                let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
                format!("{}-saved.pcapng", stem.unwrap_or_else(|| "capture".into()))
            }
            _ => "capture.pcapng".into(),
        };
        self.save_form = Some(SaveForm {
            path: default,
            displayed_only: self.displayed.is_some(),
            error: None,
        });
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let hover = self.hover_next.take();
        if hover != self.hover {
            self.hover = hover;
            ctx.request_repaint();
        }
        self.pump();
        self.tick_replay();
        self.shortcuts(ctx);
        self.update_title();
        self.mark_ready();
        if self.session.is_loading() || self.filter_job.as_ref().is_some_and(|j| !j.is_done()) {
            // Keep the progress bar moving even between deliveries.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        panels::show(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
