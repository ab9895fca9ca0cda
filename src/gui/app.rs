//! The window: state, the actions the user can take, and the frame loop.

use std::path::Path;
use std::sync::Arc;

use layerscope_wire::LinkType;

pub use super::action::Action;
use super::capture_setup::CaptureSetup;
use super::demo_run::{DemoRun, DemoStatus};
pub use super::display_filter::{DisplayFilter, Rows};
pub use super::notice::Notice;
use super::panels;
pub use super::panels::{EncapState, LadderState, PanelState, SaveForm};
use super::ready::ReadyMarker;
pub use super::replay::Replay;
use super::rows::RowCache;
pub use super::selection::{Detail, Highlight, Selection};
use super::session::{Origin, Session};
use super::settings::Settings;
pub use super::start::{MainView, Start};
use crate::capture::{self, open_file};
use crate::demo::Scenario;
use crate::i18n::Lang;
use crate::pipeline::{Ending, Loading};
use crate::store::Block;

pub struct App {
    pub settings: Settings,
    pub session: Session,
    pub filter: DisplayFilter,
    pub selection: Selection,
    pub rows: RowCache,
    /// Row (position in the displayed list) to bring into view on the next frame.
    pub scroll_to: Option<usize>,
    pub notice: Option<Notice>,
    /// Interfaces, safety copies, and what the last capture attempt said.
    pub capture: CaptureSetup,
    pub view: MainView,
    /// What the panels keep between frames.
    pub panels: PanelState,
    pub demo: Option<DemoRun>,
    /// The private lab whose loopback the session shows (Linux).
    #[cfg(target_os = "linux")]
    pub lab: Option<super::lab::LabState>,
    pub replay: Option<Replay>,
    /// Start a replay as soon as the file being opened has loaded.
    replay_after_load: bool,
    ctx: egui::Context,
    title: String,
    pending_select: Option<u32>,
    ready: ReadyMarker,
    /// The language the window speaks: `--lang`, else the menu's choice, else the locale.
    pub lang: Lang,
    /// The search for the system's CJK font for the language is still going: its answer
    /// changes the fonts once it is in.
    fonts_pending: bool,
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
        app.ready = ReadyMarker::from_env();
        app
    }

    /// Nothing left to arrive or to move: the file loaded, the demo over, the filter
    /// applied, the replay at its end, the encapsulation step drawn whole.
    pub fn is_settled(&self) -> bool {
        (!self.session.is_loading() || self.lab_waiting())
            && self.demo.is_none()
            && self.pending_select.is_none()
            && !self.filter.is_busy()
            && self.replay.as_ref().is_none_or(|r| !r.playing)
            && (self.view != MainView::Encapsulation || self.panels.encap.t >= 1.0)
            && !self.fonts_pending
    }

    /// Builds the app around a context; tests use this with default settings.
    pub fn with_settings(ctx: egui::Context, settings: Settings, start: Start) -> App {
        let lang = start
            .lang
            .or(settings.language)
            .unwrap_or_else(crate::i18n::current);
        crate::i18n::set_on_this_thread(lang);
        // Whether the desktop has a file dialog is asked now, so Ctrl+O need not wait.
        super::file_dialog::start_probe();
        crate::fonts::look_for_system_cjk(lang);
        super::install_fonts(&ctx, lang);
        let mut app = App {
            settings,
            session: Session::new(Origin::Stdin, LinkType::ETHERNET, None),
            filter: DisplayFilter::default(),
            selection: Selection::default(),
            rows: RowCache::default(),
            scroll_to: None,
            notice: None,
            capture: CaptureSetup::new(start.recovery_dir.clone()),
            view: start.view.unwrap_or(MainView::Packets),
            panels: PanelState::default(),
            demo: None,
            #[cfg(target_os = "linux")]
            lab: None,
            replay: None,
            replay_after_load: start.replay,
            ctx,
            title: String::new(),
            pending_select: start.select,
            ready: ReadyMarker::none(),
            lang,
            fonts_pending: lang.is_chinese(),
        };
        app.panels.follow.messages = start.follow_messages;
        if app.settings.interface.is_empty() {
            if let Some(i) = app.capture.interfaces.first() {
                app.settings.interface = i.name.clone();
            }
        }
        if start.lab {
            #[cfg(target_os = "linux")]
            {
                app.start_lab();
                if let Some(s) = start.demo {
                    app.lab_demo(s);
                }
            }
            #[cfg(not(target_os = "linux"))]
            {
                app.notice = Some(Notice::error(t!("lab-linux-only")));
            }
        } else if let Some(s) = start.demo {
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
            app.filter.text = f;
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
                self.notice = Some(Notice::error(format!("{e:#}")));
            }
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
            self.capture.filter_error = Some(e);
            return;
        }
        let recovery_dir = self.capture.recovery_dir.as_deref();
        match Session::live(
            interface,
            filter,
            recovery_dir,
            self.capture.live_limits,
            self.notify(),
        ) {
            Ok(session) => {
                let kept = session.spool.is_some();
                self.replace_session(session);
                self.notice = (!kept).then(|| {
                    Notice::info(crate::recovery::no_safety_copy(
                        self.capture.recovery_dir.as_deref(),
                    ))
                });
                self.capture.permission_problem = None;
            }
            Err(e) => self.notice = Some(Notice::error(format!("{e:#}"))),
        }
    }

    /// Stops a capture or a file load (Stop, the status bar's Cancel); what was read stays.
    pub fn stop_capture(&mut self) {
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

    /// The window's private lab captures and waits for what its programs send: as settled
    /// as a live capture gets.
    fn lab_waiting(&self) -> bool {
        #[cfg(target_os = "linux")]
        if self.lab.is_some() {
            return self.session.loading.as_ref().is_some_and(|l| l.is_ready());
        }
        false
    }

    /// Starts a private lab (Linux, no privilege needed) and shows its loopback live. It
    /// captures everything: only the lab's own programs talk there, on whatever ports
    /// they use. Where the system refuses the lab, says why; the capture helper's way
    /// (Start capture) stays.
    #[cfg(target_os = "linux")]
    pub fn start_lab(&mut self) {
        self.stop_capture();
        let started = super::lab::LabState::new().and_then(|lab| {
            let session = Session::lab(
                &lab.name,
                &lab.dir,
                self.capture.recovery_dir.as_deref(),
                self.capture.live_limits,
                self.notify(),
            )?;
            Ok((lab, session))
        });
        match started {
            Ok((lab, session)) => {
                self.replace_session(session);
                self.lab = Some(lab);
                self.notice = None;
                self.capture.permission_problem = None;
            }
            Err(e) => self.notice = Some(Notice::error(format!("{e:#}"))),
        }
    }

    /// The process holding the running lab: what programs join.
    #[cfg(target_os = "linux")]
    fn lab_holder(&self) -> Option<u32> {
        self.lab.as_ref()?;
        self.session.loading.as_ref()?.child_pid()
    }

    /// Runs the command line `line` in the lab (through `sh -c`).
    #[cfg(target_os = "linux")]
    pub fn run_in_lab(&mut self, line: String) {
        let Some(holder) = self.lab_holder() else {
            return;
        };
        if let Some(lab) = &mut self.lab {
            if let Err(e) = lab.run(holder, super::lab::shell_command(&line)) {
                self.notice = Some(Notice::error(format!("{e:#}")));
            }
        }
    }

    /// Opens a terminal whose shell runs in the lab; where the desktop has no terminal
    /// program, says what to type in one.
    #[cfg(target_os = "linux")]
    pub fn lab_terminal(&mut self) {
        let Some(lab) = &self.lab else {
            return;
        };
        if let Err(e) = lab.open_terminal() {
            self.notice = Some(Notice::error(t!(
                "lab-no-terminal",
                reason = format!("{e:#}"),
                command = lab.join_line()
            )));
        }
    }

    /// Runs a built-in demo's server and client in the lab; the lab goes on afterwards.
    #[cfg(target_os = "linux")]
    pub fn lab_demo(&mut self, scenario: Scenario) {
        let (Some(holder), Some(loading)) = (self.lab_holder(), &self.session.loading) else {
            return;
        };
        let ready = loading.ready();
        self.demo = Some(DemoRun::start_in_lab(
            scenario,
            holder,
            ready,
            self.notify(),
        ));
        self.notice = None;
    }

    /// Follows the lab: its programs and processes; forgets it once its capture is over
    /// (the lab ended with it).
    #[cfg(target_os = "linux")]
    fn pump_lab(&mut self) {
        if self.lab.is_none() {
            return;
        }
        match self.lab_holder() {
            Some(holder) if self.session.is_live() => {
                if let Some(lab) = &mut self.lab {
                    let again = lab.refresh(holder);
                    self.ctx.request_repaint_after(again);
                }
            }
            _ => self.lab = None,
        }
    }

    /// Runs a built-in demo: capture on loopback with the scenario's filter (through the
    /// capture helper), then, once the helper captures, our server and client exchange
    /// their messages; the capture stops after the teardown. With `interactive`, a client
    /// connection stays open for the lines the user types, until *Close connection*.
    pub fn run_demo(&mut self, scenario: Scenario, interactive: bool) {
        self.settings.interface =
            crate::capture::interfaces::loopback_name(&self.capture.interfaces);
        self.settings.capture_filter = scenario.filter();
        self.start_capture();
        let Some(loading) = &self.session.loading else {
            return;
        };
        let ready = loading.ready();
        self.demo = Some(DemoRun::start(scenario, interactive, ready, self.notify()));
        self.notice = None;
    }

    /// Captures one port on loopback, for watching one's own socket programs.
    pub fn capture_port(&mut self, port: u16) {
        self.settings.interface =
            crate::capture::interfaces::loopback_name(&self.capture.interfaces);
        self.settings.capture_filter = format!("port {port}");
        self.start_capture();
    }

    /// Ends an interactive demo: the client closes (FIN), then the capture stops.
    pub fn close_demo_connection(&mut self) {
        if let Some(d) = &mut self.demo {
            d.close_connection();
        }
    }

    /// Opens the capture a crashed session left behind (and stops offering it).
    pub fn recover_leftover(&mut self) {
        match self.capture.claim_leftover() {
            Some(Ok(p)) => self.open_path(&p),
            Some(Err(e)) => self.notice = Some(Notice::error(e)),
            None => {}
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
                text: t!("demo-recording-replayed", title = scenario.title()),
            });
        }
    }

    /// Follows a running demo; stops the capture once the demo is over.
    fn pump_demo(&mut self, new: &[Arc<Block>]) {
        let Some(d) = &mut self.demo else {
            return;
        };
        // The capture ended before the demo did (refused, failed): the demo is over too.
        if !self.session.is_loading() && d.interactive.is_none() {
            if matches!(self.session.ending, Some(Ending::Failed(_))) {
                self.capture.failed_demo = Some(d.scenario);
            }
            self.demo = None;
            return;
        }
        let message = match d.pump(new) {
            DemoStatus::Running(wait) => {
                if let Some(w) = wait {
                    self.ctx.request_repaint_after(w);
                }
                return;
            }
            DemoStatus::Over(note) => note.map(Notice::info),
            DemoStatus::Failed(text) => Some(Notice::error(text)),
        };
        if message.is_some() {
            self.notice = message;
        }
        let in_lab = d.in_lab;
        self.demo = None;
        // A demo in the lab is one program among others there: the lab goes on.
        if !in_lab {
            self.stop_capture();
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        #[cfg(target_os = "linux")]
        {
            self.lab = None;
        }
        self.capture.permission_shown = false;
        self.rows.clear();
        self.selection.clear();
        self.scroll_to = None;
        self.replay = None;
        self.panels.ladder = LadderState {
            raw: self.panels.ladder.raw,
            ..LadderState::default()
        };
        self.panels.follow.forget();
        self.panels.streams = Default::default();
        self.panels.encap = EncapState {
            speed: self.panels.encap.speed,
            ..EncapState::default()
        };
        let notify = self.notify();
        self.filter.restart(&self.session.store, notify);
    }

    /// Applies the filter box (Enter); an empty box shows every packet.
    pub fn apply_filter(&mut self) {
        let notify = self.notify();
        self.filter.apply(&self.session.store, notify);
        if self.filter.job.is_none() {
            self.scroll_to_selection();
        }
    }

    /// Clears the display filter.
    pub fn clear_filter(&mut self) {
        self.filter.text.clear();
        self.apply_filter();
    }

    /// Selects packet `index` (0-based) and dissects it for the detail panes.
    pub fn select(&mut self, index: u32) {
        self.selection.select(&self.session.store, index);
    }

    /// Selects the most specific field covering a byte (a click in the hex pane).
    pub fn highlight_byte(&mut self, source: layerscope_wire::layer::Source, offset: usize) {
        self.selection.highlight = self.selection.field_at(source, offset);
    }

    /// The packet list's rows (with the display filter, up to where a replay is).
    pub fn list(&self) -> Rows<'_> {
        let visible = super::replay::visible(self.session.store.len(), self.replay.as_ref());
        self.filter.rows(visible)
    }

    // ----- replay -----

    /// Starts replaying the loaded capture from its first packet.
    pub fn start_replay(&mut self) {
        if self.session.is_live() || self.session.store.is_empty() {
            return;
        }
        self.replay = Some(Replay::default());
        self.selection.clear();
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
        r.seek(shown, n);
        self.show_replayed();
    }

    /// Selects the newest packet a replay shows.
    fn show_replayed(&mut self) {
        match self.replay.as_ref().map(|r| r.shown) {
            Some(shown) if shown > 0 => {
                self.select(shown - 1);
                self.scroll_to = self.list().row_of(shown - 1);
            }
            Some(_) => self.selection.clear(),
            None => {}
        }
    }

    /// Advances a playing replay to the packets whose time has come.
    fn tick_replay(&mut self) {
        let Some(r) = &mut self.replay else {
            return;
        };
        let before = r.shown;
        if let Some(wait) = r.tick(&self.session.store) {
            // Wake up for the next packet.
            self.ctx.request_repaint_after(wait);
        }
        if r.shown != before {
            self.show_replayed();
        }
    }

    fn scroll_to_selection(&mut self) {
        self.scroll_to = self.selection.selected.and_then(|i| self.list().row_of(i));
    }

    // ----- the frame loop -----

    /// Takes in what background threads delivered.
    pub fn pump(&mut self) {
        let had_packets = !self.session.store.is_empty();
        let new: Vec<Arc<Block>> = self.session.poll();
        self.pump_demo(&new);
        #[cfg(target_os = "linux")]
        self.pump_lab();
        if self.replay_after_load && !self.session.is_loading() {
            self.replay_after_load = false;
            self.start_replay();
        }
        let added = if self.filter.job.is_some() {
            self.filter.take_in(&new)
        } else {
            !new.is_empty()
        };
        if added && self.settings.auto_scroll && self.session.is_live() {
            self.scroll_to = Some(self.list().len().saturating_sub(1));
        }
        if let Some(n) = self.pending_select {
            if n >= 1 && (n as usize) <= self.session.store.len() {
                self.pending_select = None;
                self.select(n - 1);
                self.scroll_to_selection();
            } else if !self.session.is_loading() {
                self.pending_select = None;
            }
        } else if !had_packets
            && self.selection.selected.is_none()
            && !self.session.store.is_empty()
        {
            // Something to look at straight away: the first packet's layers.
            if let Some(i) = self.list().packet_at(0) {
                self.select(i);
            }
        }
        // A capture refused for lack of privilege: the panel with the fix, once.
        if let Some(Ending::Failed(msg)) = &self.session.ending {
            if capture::is_permission_error(msg) && !self.capture.permission_shown {
                self.capture.permission_problem = Some(msg.clone());
                self.capture.permission_shown = true;
            }
        }
    }

    /// Speaks `lang` from the next frame on, with the fonts that draw it best, and
    /// remembers the choice.
    pub fn set_language(&mut self, lang: Lang) {
        self.lang = lang;
        self.settings.language = Some(lang);
        crate::i18n::set_on_this_thread(lang);
        crate::fonts::look_for_system_cjk(lang);
        super::install_fonts(&self.ctx, lang);
        self.fonts_pending = lang.is_chinese();
        self.rows = RowCache::default();
    }

    /// Takes the system's CJK font once the search for it is over.
    fn finish_fonts(&mut self) {
        if !self.fonts_pending {
            return;
        }
        match crate::fonts::system_cjk_if_known(self.lang) {
            Some(found) => {
                self.fonts_pending = false;
                if found.is_some() {
                    super::install_fonts(&self.ctx, self.lang);
                }
            }
            None => self
                .ctx
                .request_repaint_after(std::time::Duration::from_millis(20)),
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
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        crate::i18n::set_on_this_thread(self.lang);
        self.finish_fonts();
        if self.selection.end_hover_frame() {
            ctx.request_repaint();
        }
        self.pump();
        self.tick_replay();
        self.update_title();
        let settled = self.is_settled();
        self.ready.frame(settled, self.session.store.len(), ctx);
        if self.session.is_loading() || self.filter.is_busy() {
            // Keep the progress bar moving even between deliveries.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::i18n::set_on_this_thread(self.lang);
        let mut cx = panels::Ctx::of(self);
        panels::show(&mut cx, ui);
        let actions = std::mem::take(&mut cx.actions);
        for action in actions {
            self.apply(action);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
