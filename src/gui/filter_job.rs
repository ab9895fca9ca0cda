//! Applies a display filter on a background thread: the UI hands over blocks and receives
//! the matching packet numbers as they are found. Filters on addresses, ports, TCP flags
//! and streams are decided from each frame's transport facts (a million packets in a tenth
//! of a second); the rest, and frames the quick path cannot read, get a full dissection
//! (about a microsecond and a half each).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;

use layerscope_wire::{Filter, LinkType, QuickFacts};

use crate::store::{dissect_annotated, Block};

/// Matches found in one block.
pub struct Matches {
    /// Packets of the block checked (so progress can be shown).
    pub checked: u32,
    pub indices: Vec<u32>,
}

pub struct FilterJob {
    pub filter: Filter,
    blocks: Sender<Arc<Block>>,
    pub results: Receiver<Matches>,
    cancel: Arc<AtomicBool>,
    /// Packets handed over so far.
    pub submitted: u32,
    /// Packets checked so far.
    pub checked: u32,
}

impl FilterJob {
    pub fn start(
        filter: Filter,
        link: LinkType,
        first_ts_ns: i64,
        notify: impl Fn() + Send + 'static,
    ) -> FilterJob {
        let (blocks, rx) = mpsc::channel::<Arc<Block>>();
        let (tx, results) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let f = filter.clone();
        let c = cancel.clone();
        let _ = std::thread::Builder::new()
            .name("display-filter".into())
            .spawn(move || {
                for block in rx {
                    let mut indices = Vec::new();
                    for i in 0..block.len() {
                        if c.load(Ordering::Relaxed) {
                            return;
                        }
                        let data = block.data(i);
                        let meta = &block.metas[i];
                        let index = block.first + i as u32;
                        let facts = QuickFacts {
                            link,
                            frame: data,
                            number: index + 1,
                            orig_len: meta.orig_len,
                            time_relative: (meta.ts_ns - first_ts_ns) as f64 * 1e-9,
                            analysis: &block.analyses[i],
                        };
                        let hit = f.matches_quick(&facts).unwrap_or_else(|| {
                            let d = dissect_annotated(link, data, facts.analysis);
                            f.matches(&facts.with(&d))
                        });
                        if hit {
                            indices.push(index);
                        }
                    }
                    let m = Matches {
                        checked: block.len() as u32,
                        indices,
                    };
                    if tx.send(m).is_err() {
                        return;
                    }
                    notify();
                }
            });
        FilterJob {
            filter,
            blocks,
            results,
            cancel,
            submitted: 0,
            checked: 0,
        }
    }

    pub fn submit(&mut self, block: Arc<Block>) {
        self.submitted += block.len() as u32;
        let _ = self.blocks.send(block);
    }

    pub fn is_done(&self) -> bool {
        self.checked >= self.submitted
    }
}

impl Drop for FilterJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
