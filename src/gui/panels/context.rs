//! What a panel draws from: read access to the capture and the selection, its own state,
//! the few things a panel edits in place (settings, the filter's text, the replay's and the
//! demo's controls), and the list of actions it asks the window to carry out.

use super::PanelState;
use crate::capture::interfaces::Interface;
use crate::demo::Scenario;
use crate::gui::action::Action;
use crate::gui::app::{App, Notice};
use crate::gui::demo_run::DemoRun;
use crate::gui::display_filter::{DisplayFilter, Rows};
use crate::gui::replay::{self, Replay};
use crate::gui::rows::RowCache;
use crate::gui::selection::Selection;
use crate::gui::session::Session;
use crate::gui::settings::Settings;
use crate::gui::start::MainView;
use crate::recovery::Leftover;

pub struct Ctx<'a> {
    pub session: &'a Session,
    pub selection: &'a Selection,
    /// The filter box edits its text; the filter is applied by [`Action::ApplyFilter`].
    pub filter: &'a mut DisplayFilter,
    pub settings: &'a mut Settings,
    pub panels: &'a mut PanelState,
    pub rows: &'a mut RowCache,
    pub replay: Option<&'a mut Replay>,
    pub demo: Option<&'a mut DemoRun>,
    /// The private lab, while its capture runs.
    #[cfg(target_os = "linux")]
    pub lab: Option<&'a mut crate::gui::lab::LabState>,
    /// Row to bring into view; the packet list takes it.
    pub scroll_to: &'a mut Option<usize>,
    pub view: MainView,
    pub notice: Option<&'a Notice>,
    pub permission_problem: Option<&'a str>,
    pub failed_demo: Option<Scenario>,
    pub leftover: Option<&'a Leftover>,
    pub interfaces: &'a [Interface],
    /// Why the capture filter was refused; editing the filter clears it.
    pub capture_filter_error: &'a mut Option<String>,
    pub dark: bool,
    /// The language the window speaks (the language menu marks it).
    pub lang: crate::i18n::Lang,
    pub(crate) actions: Vec<Action>,
}

impl<'a> Ctx<'a> {
    /// What the panels draw from this frame: disjoint borrows of the window's parts.
    pub fn of(app: &'a mut App) -> Ctx<'a> {
        let dark = app.dark();
        Ctx {
            session: &app.session,
            selection: &app.selection,
            filter: &mut app.filter,
            settings: &mut app.settings,
            panels: &mut app.panels,
            rows: &mut app.rows,
            replay: app.replay.as_mut(),
            demo: app.demo.as_mut(),
            #[cfg(target_os = "linux")]
            lab: app.lab.as_mut(),
            scroll_to: &mut app.scroll_to,
            view: app.view,
            notice: app.notice.as_ref(),
            permission_problem: app.capture.permission_problem.as_deref(),
            failed_demo: app.capture.failed_demo,
            leftover: app.capture.leftover.as_ref(),
            interfaces: &app.capture.interfaces,
            capture_filter_error: &mut app.capture.filter_error,
            dark,
            lang: app.lang,
            actions: Vec::new(),
        }
    }

    /// Asks the window to do something once the frame is drawn.
    pub fn act(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// The packet list's rows (with the display filter, up to where a replay is).
    pub fn list(&self) -> Rows<'_> {
        let visible = replay::visible(self.session.store.len(), self.replay.as_deref());
        self.filter.rows(visible)
    }
}
