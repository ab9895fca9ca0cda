//! The packet-list row of one packet, computed when it scrolls into view.
//!
//! Dissecting the forty-odd visible rows costs well under a millisecond, so rows are not
//! kept for every packet; a small cache spares the work while the view stands still.

use layerscope_wire::registry as hf;
use std::collections::HashMap;

use layerscope_wire::proto::tcp::{FIN, RST, SYN};
use layerscope_wire::{summarize, Protocol, TcpIpLayer};

use super::settings::TimeFormat;
use crate::store::{dissect_annotated, PacketStore};

/// A connection event worth marking in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    None,
    Syn,
    Fin,
    Rst,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub number: u32,
    pub ts_ns: i64,
    pub delta_ns: i64,
    pub src: String,
    pub dst: String,
    pub protocol: &'static str,
    pub len: u32,
    pub info: String,
    /// The innermost layer, which colours the row.
    pub layer: TcpIpLayer,
    pub mark: Mark,
}

impl Row {
    pub fn time(&self, format: TimeFormat, first_ns: i64) -> String {
        match format {
            TimeFormat::Relative => format!("{:.6}", (self.ts_ns - first_ns) as f64 * 1e-9),
            TimeFormat::Delta => format!("{:.6}", self.delta_ns as f64 * 1e-9),
            TimeFormat::Absolute => {
                let secs = self.ts_ns.div_euclid(1_000_000_000);
                let nanos = self.ts_ns.rem_euclid(1_000_000_000) as u32;
                chrono::DateTime::from_timestamp(secs, nanos)
                    .map(|t| t.format("%H:%M:%S%.6f").to_string())
                    .unwrap_or_else(|| "?".into())
            }
        }
    }
}

/// Builds the row of packet `index` (0-based).
pub fn row(store: &PacketStore, index: u32) -> Option<Row> {
    let p = store.get(index)?;
    let d = dissect_annotated(store.link, p.data, p.analysis);
    let s = summarize(&d, p.data, p.analysis);
    let prev = index
        .checked_sub(1)
        .and_then(|i| store.get(i))
        .map_or(p.meta.ts_ns, |q| q.meta.ts_ns);
    let layer = d.top().map_or(TcpIpLayer::Link, |l| l.tcpip);
    let mark = d
        .layer(Protocol::Tcp)
        .and_then(|l| l.field(&hf::tcp::FLAGS))
        .and_then(|f| f.as_u64())
        .map_or(Mark::None, |flags| {
            let flags = flags as u16;
            if flags & RST != 0 {
                Mark::Rst
            } else if flags & SYN != 0 {
                Mark::Syn
            } else if flags & FIN != 0 {
                Mark::Fin
            } else {
                Mark::None
            }
        });
    Some(Row {
        number: p.number(),
        ts_ns: p.meta.ts_ns,
        delta_ns: p.meta.ts_ns - prev,
        src: s.src,
        dst: s.dst,
        protocol: s.protocol,
        len: p.meta.orig_len,
        info: s.info,
        layer,
        mark,
    })
}

/// Rows recently drawn.
#[derive(Default)]
pub struct RowCache {
    rows: HashMap<u32, Row>,
}

const CACHE_ROWS: usize = 4096;

impl RowCache {
    pub fn get(&mut self, store: &PacketStore, index: u32) -> Option<&Row> {
        if !self.rows.contains_key(&index) {
            if self.rows.len() >= CACHE_ROWS {
                self.rows.clear();
            }
            let r = row(store, index)?;
            self.rows.insert(index, r);
        }
        self.rows.get(&index)
    }

    pub fn clear(&mut self) {
        self.rows.clear();
    }
}
