//! One open capture: where it comes from, its packets, and the load or live capture that is
//! still filling it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use layerscope_wire::{Analyzer, LinkType};

use crate::capture::helper::{Helper, Output, Request};
use crate::capture::live::CaptureStats;
use crate::pipeline::{Ending, Event, LiveLimits, Loading};
use crate::store::{Block, PacketStore};

/// Where the packets come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    /// A pcap stream on standard input.
    Stdin,
    Live {
        interface: String,
        filter: String,
    },
    /// The loopback of the window's private lab (Linux).
    /// It captures everything: only the lab's own programs talk there.
    Lab {
        name: String,
    },
}

impl Origin {
    /// A short name for the title bar and the status line.
    pub fn title(&self) -> String {
        match self {
            Origin::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            Origin::Stdin => t!("origin-stdin"),
            Origin::Live { interface, filter } if filter.is_empty() => interface.clone(),
            Origin::Live { interface, filter } => format!("{interface} ({filter})"),
            Origin::Lab { name } => t!("origin-lab", name = name),
        }
    }
}

pub struct Session {
    pub origin: Origin,
    pub store: PacketStore,
    pub loading: Option<Loading>,
    /// Estimated fraction of the file read while loading.
    pub progress: Option<f32>,
    pub ending: Option<Ending>,
    pub stats: CaptureStats,
    /// Conversation tables, once the load has finished.
    pub analyzer: Option<Box<Analyzer>>,
    pub opened_at: Instant,
    /// When the first packets arrived, and when the load finished (for the status line and
    /// the benchmark).
    pub first_rows_after: Option<Duration>,
    pub finished_after: Option<Duration>,
    /// The live capture's safety copy, removed when the session closes normally.
    pub spool: Option<PathBuf>,
    /// Problems that did not stop the load.
    pub notes: Vec<String>,
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(p) = self.spool.take() {
            // Stop the capture first so the reader has closed the file.
            if let Some(l) = &self.loading {
                l.stop();
            }
            let _ = std::fs::remove_file(p);
        }
    }
}

impl Session {
    /// A live capture on `interface` with `filter`, run by the capture helper, which
    /// streams pcap to us; packets are kept in a safety copy under `recovery_dir` when one
    /// can be made there.
    pub fn live(
        interface: String,
        filter: String,
        recovery_dir: Option<&std::path::Path>,
        limits: LiveLimits,
        notify: impl Fn() + Send + 'static,
    ) -> anyhow::Result<Session> {
        let origin = Origin::Live {
            interface: interface.clone(),
            filter: filter.clone(),
        };
        Self::capture(
            interface,
            filter,
            None,
            origin,
            recovery_dir,
            limits,
            notify,
        )
    }

    /// A live capture of the loopback of a private lab made for it (Linux): the lab's
    /// holder (in folder `dir`) runs the capture helper inside it. The lab lasts as long
    /// as the capture.
    pub fn lab(
        name: &str,
        dir: &std::path::Path,
        recovery_dir: Option<&std::path::Path>,
        limits: LiveLimits,
        notify: impl Fn() + Send + 'static,
    ) -> anyhow::Result<Session> {
        let origin = Origin::Lab {
            name: name.to_string(),
        };
        Self::capture(
            "lo".into(),
            String::new(),
            Some(dir),
            origin,
            recovery_dir,
            limits,
            notify,
        )
    }

    /// The session the capture helper fills (in the lab in folder `lab`, if given), with a
    /// safety copy under `recovery_dir` when one can be made there.
    fn capture(
        interface: String,
        filter: String,
        lab: Option<&std::path::Path>,
        origin: Origin,
        recovery_dir: Option<&std::path::Path>,
        limits: LiveLimits,
        notify: impl Fn() + Send + 'static,
    ) -> anyhow::Result<Session> {
        let request = Request {
            interface,
            filter,
            ..Request::default()
        };
        let helper = Helper::start_in(&request, Output::Pipe, lab)?;
        let spool = recovery_dir.and_then(|d| crate::recovery::new_spool(d).ok());
        let loading = Loading::child(helper, spool.clone(), limits, notify)?;
        let mut session = Session::new(origin, LinkType::ETHERNET, Some(loading));
        session.spool = spool;
        Ok(session)
    }

    pub fn new(origin: Origin, link: LinkType, loading: Option<Loading>) -> Self {
        Session {
            origin,
            store: PacketStore::new(link),
            loading,
            progress: None,
            ending: None,
            stats: CaptureStats::default(),
            analyzer: None,
            opened_at: Instant::now(),
            first_rows_after: None,
            finished_after: None,
            spool: None,
            notes: Vec::new(),
        }
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    pub fn is_live(&self) -> bool {
        self.loading.as_ref().is_some_and(|l| l.is_live())
    }

    /// Takes what the loader delivered since the last frame; returns the new blocks so the
    /// display filter can look at them too.
    pub fn poll(&mut self) -> Vec<Arc<Block>> {
        let mut new = Vec::new();
        let Some(loading) = &self.loading else {
            return new;
        };
        let mut finished = false;
        // Bounded so one frame never spends long here even if the loader is far ahead.
        for _ in 0..256 {
            let Ok(ev) = loading.events.try_recv() else {
                break;
            };
            match ev {
                Event::Block(b) => {
                    self.store.append(b.clone());
                    new.push(b);
                    if self.first_rows_after.is_none() {
                        self.first_rows_after = Some(self.opened_at.elapsed());
                    }
                }
                Event::Progress(p) => self.progress = Some(p),
                Event::Stats(s) => self.stats = s,
                Event::Link(l) => self.store.link = l,
                Event::Warning(w) => self.notes.push(w),
                Event::Finished(ending, analyzer) => {
                    self.ending = Some(ending);
                    self.analyzer = Some(analyzer);
                    finished = true;
                    break;
                }
            }
        }
        if finished {
            self.loading = None;
            self.progress = None;
            self.finished_after = Some(self.opened_at.elapsed());
        }
        new
    }

    /// A warning to show in a banner: a damaged file or a failed capture.
    pub fn warning(&self) -> Option<String> {
        if !self.notes.is_empty() {
            return Some(self.notes.join("; "));
        }
        match &self.ending {
            Some(Ending::Damaged(msg)) => Some(match &self.origin {
                Origin::File(p) => crate::packets::damaged_warning(p, self.store.len(), msg),
                _ => t!(
                    "damaged-stream",
                    n = self.store.len(),
                    reason = msg.as_str()
                ),
            }),
            Some(Ending::Failed(msg)) => {
                // A refusal's fix is in the permission panel: the banner says what
                // happened, in one line.
                let msg = if crate::capture::is_permission_error(msg) {
                    t!(
                        "failed-permission",
                        reason = msg.lines().next().unwrap_or_default()
                    )
                } else {
                    msg.trim_end().trim_end_matches('.').to_string()
                };
                Some(match self.store.len() {
                    0 => msg,
                    n => t!("failed-after", reason = msg, n = n),
                })
            }
            _ => None,
        }
    }
}
