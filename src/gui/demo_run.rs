//! A built-in demo running in the window: its server and client on a thread of their own
//! once the capture sees the loopback, the lines the user types in an interactive one, and
//! its end once the capture has seen the teardown.

use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::demo::{Interactive, Scenario, Teardown, TEARDOWN_WAIT};
use crate::pipeline::Latch;
use crate::store::Block;

/// How long the capture helper may take to start before the demo gives up.
const CAPTURE_START: Duration = Duration::from_secs(10);

pub struct DemoRun {
    pub scenario: Scenario,
    /// Run in the window's private lab: its end leaves the lab's capture running.
    pub in_lab: bool,
    events: Receiver<Result<DemoEvent, String>>,
    /// The client connection of an interactive demo.
    pub interactive: Option<Interactive>,
    /// The line being typed, and the server's answers so far.
    pub line: String,
    pub replies: Vec<String>,
    /// When the client finished (or the user closed the connection): from then on the
    /// demo waits for its teardown to reach the capture.
    client_done: Option<Instant>,
    teardown: Teardown,
}

enum DemoEvent {
    Done,
    Interactive(Interactive),
}

/// Where a demo stands after a frame.
#[derive(Debug, PartialEq, Eq)]
pub enum DemoStatus {
    /// Still running; look again within this time even if nothing arrives.
    Running(Option<Duration>),
    /// Over: stop the capture. With a message when it did not end as it should.
    Over(Option<String>),
    /// Over with an error to show.
    Failed(String),
}

impl DemoRun {
    /// Starts the exchange once `ready` opens (the capture sees the loopback). With
    /// `interactive`, a client connection stays open for the lines the user types.
    pub fn start(
        scenario: Scenario,
        interactive: bool,
        ready: Arc<Latch>,
        notify: impl Fn() + Send + 'static,
    ) -> DemoRun {
        Self::launch(scenario, interactive, false, ready, notify, move || {
            let result = if interactive {
                Interactive::start(scenario).map(DemoEvent::Interactive)
            } else {
                scenario.run(&mut std::io::sink()).map(|_| DemoEvent::Done)
            };
            result.map_err(|e| format!("{e:#}"))
        })
    }

    /// Starts the exchange in the private lab held by process `holder` once `ready` opens
    /// (the lab's capture sees its loopback): `layerscope demo --no-capture` joins the lab,
    /// as any program run there does.
    #[cfg(target_os = "linux")]
    pub fn start_in_lab(
        scenario: Scenario,
        holder: u32,
        ready: Arc<Latch>,
        notify: impl Fn() + Send + 'static,
    ) -> DemoRun {
        Self::launch(scenario, false, true, ready, notify, move || {
            run_in_lab(scenario, holder).map(|_| DemoEvent::Done)
        })
    }

    /// Runs `exchange` on a thread of its own once `ready` opens, and follows it.
    fn launch(
        scenario: Scenario,
        interactive: bool,
        in_lab: bool,
        ready: Arc<Latch>,
        notify: impl Fn() + Send + 'static,
        exchange: impl FnOnce() -> Result<DemoEvent, String> + Send + 'static,
    ) -> DemoRun {
        let (tx, events) = std::sync::mpsc::channel();
        let _ = std::thread::Builder::new()
            .name("demo".into())
            .spawn(move || {
                if !ready.wait(CAPTURE_START) {
                    // The capture never started; the window shows why.
                    return;
                }
                let _ = tx.send(exchange());
                notify();
            });
        DemoRun {
            scenario,
            in_lab,
            events,
            interactive: None,
            line: String::new(),
            replies: Vec::new(),
            client_done: None,
            teardown: Teardown::new(scenario, interactive),
        }
    }

    /// Ends an interactive demo: the client closes (FIN), and the demo waits for the
    /// teardown.
    pub fn close_connection(&mut self) {
        self.interactive = None;
        self.client_done = Some(Instant::now());
    }

    /// Takes in the frame's packets and the demo thread's news.
    pub fn pump(&mut self, new: &[Arc<Block>]) -> DemoStatus {
        for a in new.iter().flat_map(|b| &b.analyses) {
            self.teardown.observe(a);
        }
        if let Some(i) = &self.interactive {
            while let Ok(r) = i.replies.try_recv() {
                self.replies
                    .push(r.unwrap_or_else(|e| format!("error: {e:#}")));
            }
        }
        match self.events.try_recv() {
            Ok(Ok(DemoEvent::Done)) => self.client_done = Some(Instant::now()),
            Ok(Ok(DemoEvent::Interactive(i))) => self.interactive = Some(i),
            Ok(Err(e)) => return DemoStatus::Failed(format!("demo {}: {e}", self.scenario.name())),
            Err(_) => {}
        }
        let Some(done) = self.client_done else {
            return DemoStatus::Running(None);
        };
        if self.teardown.complete() {
            DemoStatus::Over(None)
        } else if done.elapsed() > TEARDOWN_WAIT {
            DemoStatus::Over(Some(t!(
                "demo-no-teardown",
                name = self.scenario.name(),
                secs = TEARDOWN_WAIT.as_secs()
            )))
        } else {
            DemoStatus::Running(Some(TEARDOWN_WAIT))
        }
    }
}

/// Runs `scenario`'s server and client in the lab held by `holder`, to their end; what
/// they printed on failure.
#[cfg(target_os = "linux")]
fn run_in_lab(scenario: Scenario, holder: u32) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let command = [
        exe.display().to_string(),
        "demo".into(),
        scenario.name().into(),
        "--no-capture".into(),
    ];
    let out = crate::capture::lab_named::join_command(holder, &command)
        .and_then(|mut c| Ok(c.stdin(std::process::Stdio::null()).output()?))
        .map_err(|e| format!("{e:#}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(
            layerscope_wire::escape::message(String::from_utf8_lossy(&out.stderr).trim())
                .into_owned(),
        )
    }
}
