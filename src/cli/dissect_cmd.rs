//! `layerscope dissect`: every packet of a capture as text, JSON or summary lines, on all
//! cores.
//!
//! Conversation analysis must see packets in capture order, but it needs only the quick
//! transport facts (tens of nanoseconds a packet), while the full dissection and the printing
//! are independent per packet and take nearly all the time. So the reading thread reads and
//! analyses batches, workers dissect and print whole batches into byte buffers, and a writer
//! thread writes the buffers in batch order. Memory stays bounded: few batches are in flight
//! and each holds at most [`BATCH_PACKETS`] packets or [`BATCH_BYTES`] bytes.

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Mutex;
use std::thread;

use layerscope_wire::filter::{Filter, FrameFacts};
use layerscope_wire::{Analysis, Analyzer, LinkType};

use super::json::{self, Times};
use super::text::TextPrinter;
use crate::capture::{open_file, RawPacket, ReadEnd, MAX_PACKET};
use crate::packets::{damaged_warning, Decoded};
use crate::store::dissect_annotated;

const BATCH_PACKETS: usize = 256;
const BATCH_BYTES: usize = 256 << 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A block per packet with every layer and field, like `tshark -V`.
    Text,
    /// A JSON array of packet objects keyed by Wireshark field names.
    Json,
    /// One line per packet, like `tshark -r`.
    Summary,
}

/// Packets read and analysed in order, waiting to be dissected and printed.
///
/// Their bytes travel in one buffer: a vector per packet, allocated by the reading thread
/// and freed by a worker, cost an allocation and a free across threads per packet.
struct Batch {
    first_number: u32,
    /// Timestamp of the capture's first packet.
    first_ns: i128,
    /// Timestamp of the packet before this batch; none before the first.
    previous_ns: Option<i128>,
    /// The captured bytes of the packets, one after another.
    bytes: Vec<u8>,
    packets: Vec<(Frame, Analysis)>,
}

/// A packet of a batch but its bytes: the next `caplen` bytes of the batch's buffer. Its
/// time stays seconds and nanoseconds as read (the window's index keeps i64 nanoseconds,
/// which end in 2262; a pcapng file can say 2500).
struct Frame {
    ts_sec: i64,
    ts_nsec: u32,
    orig_len: u32,
    caplen: u32,
}

/// Emptied output buffers, kept for reuse.
type Spare = Mutex<Vec<Vec<u8>>>;

struct Job {
    batch: Batch,
    done: SyncSender<Vec<u8>>,
}

/// Prints up to `count` packets of `file` (`-` for standard input) to standard output;
/// with a display filter, only those it matches (`count` still counts packets read, as
/// tshark's `-c` does).
pub fn run(
    file: &Path,
    format: Format,
    count: Option<usize>,
    filter: Option<&Filter>,
) -> anyhow::Result<()> {
    let mut reader = open_file(file)?;
    let link = reader.link;
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(workers);
    let job_rx = Mutex::new(job_rx);
    let (order_tx, order_rx) = mpsc::sync_channel::<Receiver<Vec<u8>>>(workers * 2);
    // Written buffers go back to the workers: growing fresh multi-megabyte buffers for every
    // batch cost more than printing into them.
    let spare = Mutex::new(Vec::new());

    let (job_rx, spare) = (&job_rx, &spare);
    let mut analyzer = Analyzer::new();
    let (read, written) = thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(move || work(link, format, filter, job_rx, spare));
        }
        let writer = scope.spawn(move || write_in_order(format, order_rx, spare));

        let mut read = 0usize;
        let mut first_ns = None;
        let mut previous_ns = None;
        while count.is_none_or(|c| read < c) {
            let mut batch = Batch {
                first_number: read as u32 + 1,
                first_ns: 0,
                previous_ns,
                bytes: Vec::with_capacity(BATCH_BYTES + MAX_PACKET),
                packets: Vec::with_capacity(BATCH_PACKETS),
            };
            while batch.packets.len() < BATCH_PACKETS
                && batch.bytes.len() < BATCH_BYTES
                && count.is_none_or(|c| read < c)
            {
                let Ok(p) = reader.next_view() else {
                    break;
                };
                read += 1;
                let ts = p.timestamp_ns();
                first_ns.get_or_insert(ts);
                previous_ns = Some(ts);
                let analysis = analyzer.observe_frame(read as u32, p.timestamp_ns(), link, p.data);
                batch.bytes.extend_from_slice(p.data);
                let frame = Frame {
                    ts_sec: p.ts_sec,
                    ts_nsec: p.ts_nsec,
                    orig_len: p.orig_len,
                    caplen: p.data.len() as u32,
                };
                batch.packets.push((frame, analysis));
            }
            if batch.packets.is_empty() {
                break;
            }
            batch.first_ns = first_ns.unwrap_or(0);
            let (done, printed) = mpsc::sync_channel(1);
            // The writer has stopped (standard output closed): stop reading.
            if order_tx.send(printed).is_err() || job_tx.send(Job { batch, done }).is_err() {
                break;
            }
        }
        drop(order_tx);
        drop(job_tx);
        (read, writer.join().expect("writer thread"))
    });
    // A closed pipe (`layerscope dissect f | head`) ends here too; `main` says nothing of it.
    written?;
    if let Some(ReadEnd::Damaged(msg)) = reader.end() {
        super::say(&t!("say-warning", text = damaged_warning(file, read, msg)));
    }
    if let Some(note) = crate::packets::reassembly_note(&analyzer.reassembly) {
        super::say(&t!("say-warning", text = note));
    }
    Ok(())
}

/// A worker: takes batches until there are none, prints each into a buffer of its own.
fn work(
    link: LinkType,
    format: Format,
    filter: Option<&Filter>,
    jobs: &Mutex<Receiver<Job>>,
    spare: &Spare,
) {
    let mut printer = TextPrinter::default();
    let mut json_printer = json::JsonPrinter::default();
    let mut raw = RawPacket::default();
    loop {
        let job = jobs.lock().map(|rx| rx.recv());
        let Ok(Ok(Job { batch, done })) = job else {
            return;
        };
        let buffer = spare
            .lock()
            .ok()
            .and_then(|mut s| s.pop())
            .unwrap_or_default();
        let mut out = buffer;
        let mut previous_ns = batch.previous_ns;
        let mut at = 0;
        for (i, (frame, analysis)) in batch.packets.into_iter().enumerate() {
            let number = batch.first_number + i as u32;
            // One packet vector per worker, refilled for every packet.
            raw.ts_sec = frame.ts_sec;
            raw.ts_nsec = frame.ts_nsec;
            raw.orig_len = frame.orig_len;
            raw.data.clear();
            let end = at + frame.caplen as usize;
            raw.data.extend_from_slice(&batch.bytes[at..end]);
            at = end;
            let ts = raw.timestamp_ns();
            // The first packet is its own predecessor: a delta of zero, as tshark has it.
            let previous = previous_ns.unwrap_or(ts);
            let p = Decoded {
                number,
                dissection: dissect_annotated(link, &raw.data, &analysis),
                raw,
                analysis,
            };
            let shown = filter.is_none_or(|f| {
                f.matches(&FrameFacts {
                    dissection: &p.dissection,
                    frame: &p.raw.data,
                    number,
                    orig_len: p.raw.orig_len,
                    time_relative: (ts - batch.first_ns) as f64 * 1e-9,
                })
            });
            if !shown {
                previous_ns = Some(ts);
                raw = p.raw;
                continue;
            }
            match format {
                Format::Json => {
                    // Every packet after a separator; the writer drops the first one.
                    out.extend_from_slice(b",\n");
                    let times = Times {
                        first: batch.first_ns,
                        previous,
                    };
                    json_printer.packet(&mut out, &p, times);
                }
                Format::Text => printer.packet(&mut out, &p, batch.first_ns),
                Format::Summary => printer.summary_line(&mut out, &p, batch.first_ns),
            }
            previous_ns = Some(ts);
            raw = p.raw;
        }
        // The writer may have stopped; the reader notices.
        let _ = done.send(out);
    }
}

/// Writes the printed batches in the order they were read.
fn write_in_order(
    format: Format,
    batches: Receiver<Receiver<Vec<u8>>>,
    spare: &Spare,
) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if format == Format::Json {
        out.write_all(b"[\n")?;
    }
    // The separator before the first packet printed, which the workers cannot know.
    let mut first = format == Format::Json;
    for printed in batches {
        match printed.recv() {
            Ok(mut bytes) => {
                let skip = if first && !bytes.is_empty() {
                    first = false;
                    2
                } else {
                    0
                };
                out.write_all(&bytes[skip..])?;
                bytes.clear();
                if let Ok(mut s) = spare.lock() {
                    s.push(bytes);
                }
            }
            Err(_) => break,
        }
    }
    if format == Format::Json {
        out.write_all(b"\n]\n")?;
    }
    out.flush()
}
