//! Moves packets from a source (a file, a pcap stream, the capture helper's pipe) into store
//! blocks on background threads, so the window stays responsive and shows the first rows
//! while the rest is still loading.
//!
//! ```text
//! file:  reader ───────────────────────────────────────────────┐
//! live:  layerscope-capture ─pipe→ pipe thread ─(bounded channel)─┤→ loader: blocks
//!                                   └→ safety copy (pcapng)          ─(channel)→ analysis
//!                                                                     ─(channel)→ UI
//! ```
//!
//! The loader copies each packet straight from libpcap's buffer into the block being
//! filled and hands the block on when it holds enough packets or has waited long enough;
//! the analysis thread runs the conversation analysis over it with the quick transport path
//! (no field trees) and sends it to the window, waking the UI through `notify`. Reading and
//! analysing a million packets take about the same time, so on two threads a file loads in
//! about half the time. A replaced load's channel goes with its session, so nothing a
//! cancelled load still sends can reach the next one.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use layerscope_wire::{Analyzer, LinkType};

use crate::capture::helper::{Helper, StopPipe};
use crate::capture::live::CaptureStats;
use crate::capture::{
    FileReader, Format, PacketView, PacketWriter, PcapStream, RawPacket, ReadEnd, MAX_PACKET,
};
use crate::store::Block;

/// How a load ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Every packet was read.
    Complete,
    /// The file is damaged or cut short after the packets delivered.
    Damaged(String),
    /// The user cancelled; the packets delivered so far stay.
    Cancelled,
    /// A live capture was stopped.
    Stopped,
    /// Reading or capturing failed after the packets delivered.
    Failed(String),
}

/// What the worker tells the UI.
pub enum Event {
    Block(Arc<Block>),
    /// Estimated fraction of the file read (files only).
    Progress(f32),
    /// Kernel drop counters of a live capture.
    Stats(CaptureStats),
    /// The link type of a capture whose header arrived after the load started.
    Link(LinkType),
    /// A problem that does not end the load.
    Warning(String),
    /// The last event of a load, with the analyzer's conversation tables.
    Finished(Ending, Box<Analyzer>),
}

/// A running load.
pub struct Loading {
    pub events: Receiver<Event>,
    cancel: Arc<AtomicBool>,
    child: Option<ChildHandle>,
}

/// A capture child process.
struct ChildHandle {
    pid: u32,
    stop: StopPipe,
    ready: Arc<Latch>,
}

/// A condition that, once true, stays true, and that threads can wait on.
#[derive(Default)]
pub struct Latch {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Latch {
    pub fn open(&self) {
        *self.open.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.opened.notify_all();
    }

    pub fn is_open(&self) -> bool {
        *self.open.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until it opens, at most `timeout`; true when it did.
    pub fn wait(&self, timeout: Duration) -> bool {
        let open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let (open, _) = self
            .opened
            .wait_timeout_while(open, timeout, |open| !*open)
            .unwrap_or_else(|e| e.into_inner());
        *open
    }
}

/// Bounds on what one live capture in the window may take. Reaching one is said in a
/// banner; nothing is dropped silently: the safety copy stops (the packets stay in the
/// window), or the capture stops (the packets so far stay, ready to be saved).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiveLimits {
    /// Bytes of the safety copy on disk.
    pub spool_bytes: u64,
    /// Bytes of packets held in memory (each packet counted with its index and analysis).
    pub memory_bytes: u64,
}

/// What a packet costs in the window beyond its bytes: its index entry and analysis.
const PACKET_OVERHEAD: u64 = 100;

impl Default for LiveLimits {
    /// 4 GiB each, or `LAYERSCOPE_MAX_SPOOL` / `LAYERSCOPE_MAX_MEMORY` (bytes, or with a
    /// K, M or G suffix).
    fn default() -> Self {
        let from_env = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| parse_size(&v))
                .unwrap_or(default)
        };
        LiveLimits {
            spool_bytes: from_env("LAYERSCOPE_MAX_SPOOL", 4 << 30),
            memory_bytes: from_env("LAYERSCOPE_MAX_MEMORY", 4 << 30),
        }
    }
}

/// `1234`, `64K`, `512M`, `4G` (binary units).
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim();
    let (digits, shift) = match t.char_indices().last()? {
        (i, 'k' | 'K') => (&t[..i], 10),
        (i, 'm' | 'M') => (&t[..i], 20),
        (i, 'g' | 'G') => (&t[..i], 30),
        _ => (t, 0),
    };
    digits.trim().parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// Megabytes, for the banners.
fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

/// Reads the child's pcap stream until it ends, forwarding packets, and writes each to the
/// spool file first (flushed per packet), so a crash of this process loses nothing that
/// was captured. Stops the child (SIGINT to `child_pid`) when the capture reaches its
/// memory limit.
fn pipe_loop(
    pipe: impl std::io::Read,
    spool: Option<&std::path::Path>,
    limits: LiveLimits,
    stop: &StopPipe,
    ready: &Latch,
    tx: &SyncSender<LiveMsg>,
) {
    // Fails when the helper exits before writing its header (refused); it says why.
    let Ok(mut reader) = PcapStream::open(pipe) else {
        return;
    };
    let mut spool = spool.and_then(|p| {
        let w = PacketWriter::create(p, Format::PcapNg, reader.link, MAX_PACKET as u32);
        match w {
            Ok(mut w) => {
                w.flush_each = true;
                Some(w)
            }
            Err(e) => {
                let _ = tx.send(LiveMsg::Warning(format!(
                    "cannot keep a safety copy of this capture ({e:#}); save it before closing"
                )));
                None
            }
        }
    });
    ready.open();
    if tx.send(LiveMsg::Link(reader.link)).is_err() {
        return;
    }
    let (mut spooled, mut held) = (0u64, 0u64);
    while let Some(p) = reader.next_packet() {
        if let Some(w) = &mut spool {
            // An enhanced packet block: 32 bytes and the padded data.
            spooled += 32 + (p.data.len() as u64).next_multiple_of(4);
            if spooled > limits.spool_bytes {
                let _ = tx.send(LiveMsg::Warning(format!(
                    "the safety copy reached its limit of {} and stopped (LAYERSCOPE_MAX_SPOOL); \
                     the capture goes on: save it before closing",
                    mb(limits.spool_bytes)
                )));
                if let Some(w) = spool.take() {
                    let _ = w.finish();
                }
            } else if let Err(e) = w.write(&p) {
                let _ = tx.send(LiveMsg::Warning(format!("the safety copy stopped: {e:#}")));
                spool = None;
            }
        }
        held += p.data.len() as u64 + PACKET_OVERHEAD;
        if held > limits.memory_bytes {
            let _ = tx.send(LiveMsg::Warning(format!(
                "the capture stopped: it holds {} of packets, its limit (LAYERSCOPE_MAX_MEMORY); \
                 every packet before this one is kept: save them, then capture again",
                mb(limits.memory_bytes)
            )));
            stop.stop();
            break;
        }
        if tx.send(LiveMsg::Packet(p)).is_err() {
            break;
        }
    }
    if let Some(w) = spool {
        let _ = w.finish();
    }
}

/// How often a live capture's pending packets are shown, at the latest.
const LIVE_FLUSH: Duration = Duration::from_millis(40);
/// The first block is small so the first rows appear at once.
const FIRST_BLOCK_PACKETS: usize = 512;
const BLOCK_PACKETS: usize = 32 * 1024;
const BLOCK_BYTES: usize = 8 << 20;

impl Loading {
    /// Starts reading a capture file (or `-`, a pcap stream on standard input).
    pub fn file(reader: FileReader, path: PathBuf, notify: impl Fn() + Send + 'static) -> Loading {
        let link = reader.link;
        let total = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let source = FileSource {
            reader,
            total,
            read: 0,
            pcapng: is_pcapng(&path),
        };
        Self::spawn(link, Box::new(source), notify)
    }

    /// Starts a capture in a child process (`layerscope-capture … -w -`) and reads the pcap
    /// stream it writes to its standard output, so this process needs no capture
    /// privilege. The child's error message, if it fails, ends the load.
    /// `spool`: a pcapng file that receives every packet as it arrives (see
    /// [`crate::recovery`]).
    pub fn child(
        mut helper: Helper,
        spool: Option<PathBuf>,
        limits: LiveLimits,
        notify: impl Fn() + Send + 'static,
    ) -> anyhow::Result<Loading> {
        let stdout = helper
            .take_stdout()
            .ok_or_else(|| anyhow::anyhow!("the capture process has no output pipe"))?;
        let pid = helper.pid();
        let stop = helper.stopper();
        let stop2 = stop.clone();
        let ready = Arc::new(Latch::default());
        let (tx, rx) = mpsc::sync_channel(8192);
        let ready2 = ready.clone();
        let reader = std::thread::Builder::new()
            .name("capture-pipe".into())
            .spawn(move || {
                pipe_loop(stdout, spool.as_deref(), limits, &stop2, &ready2, &tx);
                // Refused, or killed: say so; whatever arrived stays.
                match helper.finish() {
                    Ok(summary) => summary.stats().unwrap_or_default(),
                    Err(why) => {
                        let _ = tx.send(LiveMsg::Failed(why));
                        CaptureStats::default()
                    }
                }
            })
            .ok();
        let source = LiveSource {
            rx,
            last: RawPacket::default(),
            capture_thread: reader,
            stats: CaptureStats::default(),
        };
        // The "link" of a pipe is only known once its header arrives; the worker reads it
        // from the first packet's source, so Ethernet here is only a placeholder for the UI.
        let mut loading = Self::spawn(LinkType::ETHERNET, Box::new(source), notify);
        loading.child = Some(ChildHandle { pid, stop, ready });
        Ok(loading)
    }

    /// True once a capture child has opened its interface and started writing.
    pub fn is_ready(&self) -> bool {
        self.child.as_ref().is_none_or(|c| c.ready.is_open())
    }

    /// What opens once the capture child captures (open at once otherwise), for a thread
    /// that must not start traffic before the capture sees it.
    pub fn ready(&self) -> Arc<Latch> {
        match &self.child {
            Some(c) => c.ready.clone(),
            None => {
                let open = Latch::default();
                open.open();
                Arc::new(open)
            }
        }
    }

    /// The capture child's process id.
    pub fn child_pid(&self) -> Option<u32> {
        self.child.as_ref().map(|c| c.pid)
    }

    fn spawn(
        link: LinkType,
        source: Box<dyn Source>,
        notify: impl Fn() + Send + 'static,
    ) -> Loading {
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, mut events) = mpsc::sync_channel(64);
        let (read_tx, read_rx) = mpsc::sync_channel(READ_AHEAD);
        let reader_cancel = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("analysis".into())
            .spawn(move || analyse(link, read_rx, tx, notify))
            .and_then(|_| {
                std::thread::Builder::new()
                    .name("loader".into())
                    .spawn(move || read(source, read_tx, reader_cancel))
            });
        if let Err(e) = spawned {
            // Without its threads there is no load: say so through the usual channel. (A
            // started analysis stage says it itself, its input being closed.)
            let (tx, rx) = mpsc::sync_channel(1);
            let _ = tx.send(Event::Finished(
                Ending::Failed(format!("cannot start the loader thread: {e}")),
                Box::default(),
            ));
            events = rx;
        }
        Loading {
            events,
            cancel,
            child: None,
        }
    }

    pub fn is_live(&self) -> bool {
        self.child.is_some()
    }

    /// Stops a live capture or cancels a file load; the worker then sends `Finished`. A
    /// capture child sees its standard input close, finishes its stream and exits.
    pub fn stop(&self) {
        self.cancel.store(true, Ordering::Relaxed);
        if let Some(c) = &self.child {
            c.stop.stop();
        }
    }
}

impl Drop for Loading {
    /// Stops the source; the worker ends on its own when its next send finds the receiver
    /// gone, so dropping never waits for a slow disk.
    fn drop(&mut self) {
        self.stop();
    }
}

fn is_pcapng(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && magic == [0x0a, 0x0d, 0x0d, 0x0a]
}

enum Next<'a> {
    /// The source's link type became known (a pipe's header arrived).
    Link(LinkType),
    Warning(String),
    Packet(PacketView<'a>),
    /// Nothing arrived within the wait.
    Idle,
    End(Ending),
}

/// Where the worker gets packets from.
trait Source: Send {
    fn next(&mut self, wait: Duration) -> Next<'_>;
    /// Fraction read, for a progress bar; `None` when unknown (live, pipes).
    fn progress(&self) -> Option<f32> {
        None
    }
    fn stats(&mut self) -> Option<CaptureStats> {
        None
    }
    /// Whether pending packets should be shown after a pause (live) or only in big blocks.
    fn is_live(&self) -> bool {
        false
    }
}

struct FileSource {
    reader: FileReader,
    total: u64,
    /// Estimated bytes consumed: libpcap does not say where in the file it is.
    read: u64,
    pcapng: bool,
}

impl Source for FileSource {
    fn next(&mut self, _wait: Duration) -> Next<'_> {
        match self.reader.next_view() {
            Ok(p) => {
                let caplen = p.data.len() as u64;
                self.read += if self.pcapng {
                    32 + caplen.next_multiple_of(4)
                } else {
                    16 + caplen
                };
                Next::Packet(p)
            }
            Err(ReadEnd::Damaged(msg)) => Next::End(Ending::Damaged(msg)),
            Err(ReadEnd::Complete) => Next::End(Ending::Complete),
        }
    }

    fn progress(&self) -> Option<f32> {
        (self.total > 0).then(|| (self.read as f64 / self.total as f64).min(1.0) as f32)
    }
}

enum LiveMsg {
    /// The link type, when a pipe's header has been read.
    Link(LinkType),
    /// Something the user should know, the capture going on.
    Warning(String),
    Packet(RawPacket),
    Failed(String),
}

struct LiveSource {
    rx: Receiver<LiveMsg>,
    /// The packet last received, lent to the loader.
    last: RawPacket,
    capture_thread: Option<JoinHandle<CaptureStats>>,
    stats: CaptureStats,
}

impl Source for LiveSource {
    fn next(&mut self, wait: Duration) -> Next<'_> {
        match self.rx.recv_timeout(wait) {
            Ok(LiveMsg::Link(l)) => Next::Link(l),
            Ok(LiveMsg::Warning(w)) => Next::Warning(w),
            Ok(LiveMsg::Packet(p)) => {
                self.last = p;
                Next::Packet(self.last.view())
            }
            Ok(LiveMsg::Failed(e)) => Next::End(Ending::Failed(e)),
            Err(RecvTimeoutError::Timeout) => Next::Idle,
            Err(RecvTimeoutError::Disconnected) => {
                if let Some(t) = self.capture_thread.take() {
                    if let Ok(s) = t.join() {
                        self.stats = s;
                    }
                }
                Next::End(Ending::Stopped)
            }
        }
    }

    fn stats(&mut self) -> Option<CaptureStats> {
        Some(self.stats)
    }

    fn is_live(&self) -> bool {
        true
    }
}

/// What the reading stage hands the analysis stage, in capture order.
enum Read {
    /// Packets without their analyses yet.
    Block(Block),
    /// The source's link type became known (a pipe's header arrived).
    Link(LinkType),
    /// Progress, drop counters and warnings, passed on as they are.
    Pass(Event),
    End(Ending),
}

/// Blocks read ahead of the analysis: enough to keep both stages busy, few enough that a
/// slow analysis holds back the reading instead of filling memory.
const READ_AHEAD: usize = 2;

/// The reading stage: packets from the source into blocks, sent when full (or, live, when
/// they have waited long enough).
fn read(mut source: Box<dyn Source>, tx: SyncSender<Read>, cancel: Arc<AtomicBool>) {
    let mut block = Block::with_capacity(0, FIRST_BLOCK_PACKETS, BLOCK_BYTES + MAX_PACKET);
    let mut count: u32 = 0;
    let mut last_send = Instant::now();
    let live = source.is_live();
    let send = |r: Read| tx.send(r).is_ok();
    let ending = loop {
        if cancel.load(Ordering::Relaxed) && !live {
            break Ending::Cancelled;
        }
        let ended = match source.next(LIVE_FLUSH) {
            Next::Packet(p) => {
                count += 1;
                // The window's index keeps i64 nanoseconds: enough until 2262.
                let ts_ns = i64::try_from(p.timestamp_ns()).unwrap_or(i64::MAX);
                block.push(ts_ns, p.orig_len, p.data);
                None
            }
            Next::Link(l) => {
                if !send(Read::Link(l)) {
                    return;
                }
                None
            }
            Next::Warning(w) => {
                if !send(Read::Pass(Event::Warning(w))) {
                    return;
                }
                None
            }
            Next::Idle => None,
            Next::End(e) => Some(e),
        };
        let limit = if count as usize <= FIRST_BLOCK_PACKETS {
            FIRST_BLOCK_PACKETS
        } else {
            BLOCK_PACKETS
        };
        let due = block.len() >= limit
            || block.byte_len() >= BLOCK_BYTES
            || (live && last_send.elapsed() >= LIVE_FLUSH);
        if !block.is_empty() && (due || ended.is_some()) {
            let next = Block::with_capacity(count, BLOCK_PACKETS, BLOCK_BYTES + MAX_PACKET);
            if !send(Read::Block(std::mem::replace(&mut block, next))) {
                return;
            }
            if let Some(p) = source.progress() {
                send(Read::Pass(Event::Progress(p)));
            }
            if let Some(s) = source.stats() {
                send(Read::Pass(Event::Stats(s)));
            }
            last_send = Instant::now();
        }
        if let Some(e) = ended {
            break e;
        }
    };
    if let Some(s) = source.stats() {
        send(Read::Pass(Event::Stats(s)));
    }
    send(Read::End(ending));
}

/// The analysis stage: the conversation analysis of every packet, in capture order, then
/// the block to the window. Runs beside the reading, so a file loads in about the time of
/// the slower of the two rather than of both.
fn analyse(mut link: LinkType, rx: Receiver<Read>, tx: SyncSender<Event>, notify: impl Fn()) {
    let mut analyzer = Analyzer::new();
    let send = |ev: Event| -> bool {
        let ok = tx.send(ev).is_ok();
        notify();
        ok
    };
    for read in rx {
        let sent = match read {
            Read::Block(mut block) => {
                block.analyses.reserve_exact(block.len());
                for i in 0..block.len() {
                    let number = block.first + i as u32 + 1;
                    let ts = block.metas[i].timestamp_ns();
                    let analysis = analyzer.observe_frame(number, ts, link, block.data(i));
                    block.analyses.push(analysis);
                }
                send(Event::Block(Arc::new(block.seal())))
            }
            Read::Link(l) => {
                link = l;
                send(Event::Link(l))
            }
            Read::Pass(ev) => send(ev),
            Read::End(ending) => {
                send(Event::Finished(ending, Box::new(analyzer)));
                return;
            }
        };
        if !sent {
            return;
        }
    }
    // The reading stage ended without saying how: it could not start, or it panicked.
    let why = "the loader stopped unexpectedly".to_string();
    send(Event::Finished(Ending::Failed(why), Box::new(analyzer)));
}
