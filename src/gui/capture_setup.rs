//! What live capture needs from the machine, and what the last attempt said: the
//! interfaces, where safety copies go and how much a capture may hold, a capture a crashed
//! window left behind, and why a capture was refused.

use std::path::PathBuf;

use crate::capture::interfaces::Interface;
use crate::demo::Scenario;
use crate::pipeline::LiveLimits;
use crate::recovery::Leftover;

pub struct CaptureSetup {
    pub interfaces: Vec<Interface>,
    /// Where safety copies go; `None` without a home directory (then none is kept).
    pub recovery_dir: Option<PathBuf>,
    /// What a live capture may take on disk and in memory.
    pub live_limits: LiveLimits,
    /// A capture a crashed window left behind, offered at start.
    pub leftover: Option<Leftover>,
    /// Why the capture filter was refused.
    pub filter_error: Option<String>,
    /// Set when a capture was refused for lack of privilege: the fix to show.
    pub permission_problem: Option<String>,
    /// The permission panel was shown for the current capture's failure.
    pub permission_shown: bool,
    /// The demo whose capture was refused, for the permission panel's "replay the recording".
    pub failed_demo: Option<Scenario>,
}

impl CaptureSetup {
    /// Looks up the interfaces, and a leftover capture in `recovery_dir` (the platform's
    /// data folder when `None`).
    pub fn new(recovery_dir: Option<PathBuf>) -> CaptureSetup {
        let recovery_dir = recovery_dir.or_else(crate::recovery::default_dir);
        let leftover = recovery_dir
            .as_deref()
            .and_then(|d| crate::recovery::leftovers(d).into_iter().next());
        CaptureSetup {
            interfaces: crate::capture::interfaces::list(),
            recovery_dir,
            live_limits: LiveLimits::default(),
            leftover,
            filter_error: None,
            permission_problem: None,
            permission_shown: false,
            failed_demo: None,
        }
    }

    /// Takes the leftover capture out of the recovery folder to open it: its new path, or
    /// why it cannot be recovered. `None` when there is none.
    pub fn claim_leftover(&mut self) -> Option<Result<PathBuf, String>> {
        let l = self.leftover.take()?;
        Some(
            crate::recovery::claim(&l.path)
                .map_err(|e| format!("cannot recover {}: {e}", l.path.display())),
        )
    }

    /// Deletes the leftover capture (the user chose to discard it).
    pub fn discard_leftover(&mut self) {
        if let Some(l) = self.leftover.take() {
            let _ = std::fs::remove_file(&l.path);
        }
    }
}
