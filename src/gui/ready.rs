//! The ready marker: a file the window writes once it shows what it was started for, so
//! that a script photographing it (`scripts/screenshots.sh`) waits for that, not for a
//! guess of how long loading takes. Named by `LAYERSCOPE_READY_FILE`.

use std::path::PathBuf;

/// Frames drawn settled before the marker is written: what they show has been presented.
const SETTLED_FRAMES: u32 = 3;

pub struct ReadyMarker {
    path: Option<PathBuf>,
    settled_frames: u32,
}

impl ReadyMarker {
    pub fn from_env() -> ReadyMarker {
        ReadyMarker {
            path: std::env::var_os("LAYERSCOPE_READY_FILE").map(PathBuf::from),
            settled_frames: 0,
        }
    }

    pub fn none() -> ReadyMarker {
        ReadyMarker {
            path: None,
            settled_frames: 0,
        }
    }

    /// Called once a frame with whether the window has settled and how many packets it
    /// holds (written into the marker, so that a test run of the real window can tell
    /// what it showed).
    pub fn frame(&mut self, settled: bool, packets: usize, ctx: &egui::Context) {
        if self.path.is_none() {
            return;
        }
        self.settled_frames = if settled { self.settled_frames + 1 } else { 0 };
        if self.settled_frames < SETTLED_FRAMES {
            // Draw again soon, even when nothing else asks for a frame.
            ctx.request_repaint();
        } else if let Some(path) = self.path.take() {
            if let Err(e) = std::fs::write(&path, format!("ready\npackets {packets}\n")) {
                eprintln!("layerscope: cannot write {}: {e}", path.display());
            }
        }
    }
}
