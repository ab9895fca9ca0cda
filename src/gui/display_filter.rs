//! The display filter: the text in its box, whether it parses, the background job that
//! applies it, and the packets it lets through, which map the list's rows to packets.

use std::sync::Arc;

use layerscope_wire::{Filter, FilterError};

use super::filter_job::FilterJob;
use crate::store::{Block, PacketStore};

#[derive(Default)]
pub struct DisplayFilter {
    pub text: String,
    /// Why the text does not parse, for the red box.
    pub error: Option<FilterError>,
    pub job: Option<FilterJob>,
    /// Packets shown (positions into the store), in order; `None` shows all.
    pub displayed: Option<Vec<u32>>,
}

impl DisplayFilter {
    /// Parses the text and applies it (Enter); an empty box shows every packet.
    pub fn apply(&mut self, store: &PacketStore, notify: impl Fn() + Send + 'static) {
        let text = self.text.trim();
        if text.is_empty() {
            self.error = None;
            self.job = None;
            self.displayed = None;
            return;
        }
        match Filter::parse(text) {
            Ok(f) => {
                self.error = None;
                self.start(f, store, notify);
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Re-checks the text as it is typed, for the red box.
    pub fn check_text(&mut self) {
        let text = self.text.trim();
        self.error = if text.is_empty() {
            None
        } else {
            Filter::parse(text).err()
        };
    }

    /// Applies the filter in force again, to a new capture.
    pub fn restart(&mut self, store: &PacketStore, notify: impl Fn() + Send + 'static) {
        match self.job.as_ref().map(|j| j.filter.clone()) {
            Some(f) => self.start(f, store, notify),
            None => self.displayed = None,
        }
    }

    fn start(&mut self, filter: Filter, store: &PacketStore, notify: impl Fn() + Send + 'static) {
        let first = store.first_ts_ns().unwrap_or(0);
        let mut job = FilterJob::start(filter, store.link, first, notify);
        for b in store.blocks() {
            job.submit(b.clone());
        }
        self.job = Some(job);
        self.displayed = Some(Vec::new());
    }

    /// Hands newly arrived packets to the job and takes in its matches; true when packets
    /// were added to the list.
    pub fn take_in(&mut self, new: &[Arc<Block>]) -> bool {
        let Some(job) = &mut self.job else {
            return false;
        };
        for b in new {
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
        added
    }

    pub fn is_busy(&self) -> bool {
        self.job.as_ref().is_some_and(|j| !j.is_done())
    }

    /// The packet list's rows when the first `visible` packets may be shown.
    pub fn rows(&self, visible: usize) -> Rows<'_> {
        Rows {
            filter: self,
            visible,
        }
    }
}

/// The packet list's rows: the packets the filter lets through among the first `visible`
/// (all of them, or as many as a replay has reached).
pub struct Rows<'a> {
    filter: &'a DisplayFilter,
    pub visible: usize,
}

impl Rows<'_> {
    pub fn len(&self) -> usize {
        match &self.filter.displayed {
            Some(d) => d.partition_point(|&i| (i as usize) < self.visible),
            None => self.visible,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The packet at a row.
    pub fn packet_at(&self, row: usize) -> Option<u32> {
        if row >= self.len() {
            return None;
        }
        match &self.filter.displayed {
            Some(d) => d.get(row).copied(),
            None => Some(row as u32),
        }
    }

    /// The row showing a packet, if it is shown.
    pub fn row_of(&self, index: u32) -> Option<usize> {
        if index as usize >= self.visible {
            return None;
        }
        match &self.filter.displayed {
            Some(d) => d.binary_search(&index).ok(),
            None => Some(index as usize),
        }
    }
}
