//! `layerscope capture`: live capture to a file, or to the terminal as summary lines.
//!
//! Like tshark with dumpcap, this process never opens an interface: the capture helper
//! does (it alone holds the capability) and writes the file, or streams pcap to us, and we
//! print the summaries here, unprivileged.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::capture::helper::{Helper, Output, Request};
use crate::packets::Decoder;

#[derive(Args, Debug)]
pub struct CaptureArgs {
    /// Interface to capture on.
    /// (Default: the loopback interface, found by its flags: `lo`, `lo0`, Npcap's loopback.)
    #[arg(short = 'i', long = "interface")]
    pub interface: Option<String>,
    /// BPF capture filter, e.g. "tcp port 8888".
    #[arg(short = 'f', long = "filter", default_value = "")]
    pub filter: String,
    /// Write packets here (.pcapng or .pcap; `-` streams pcap to standard output); without
    /// it, one line per packet is printed.
    #[arg(short = 'w', long = "write")]
    pub write: Option<PathBuf>,
    /// Stop after this many packets.
    #[arg(short = 'c', long = "count", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,
    /// Stop condition, as in tshark: `duration:SECONDS` (at most a year).
    #[arg(short = 'a', long = "autostop", value_parser = crate::capture::helper::parse_duration)]
    pub autostop: Option<Duration>,
    /// Bytes kept of each packet (1 to 262144), as tcpdump's -s: 60, 68 or 96 cut headers
    /// the way old defaults did.
    #[arg(short = 's', long = "snaplen",
          value_parser = clap::value_parser!(u32).range(1..=crate::capture::MAX_PACKET as i64))]
    pub snaplen: Option<u32>,
}

/// The helper's exit status when it failed: it has said why on standard error already.
#[derive(Debug)]
pub struct HelperFailed(pub i32);

impl std::fmt::Display for HelperFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the capture helper failed (exit status {})", self.0)
    }
}

impl std::error::Error for HelperFailed {}

pub fn run(args: CaptureArgs) -> anyhow::Result<()> {
    let request = Request {
        interface: args
            .interface
            .clone()
            .unwrap_or_else(crate::capture::interfaces::default_loopback),
        filter: args.filter.clone(),
        count: args.count,
        duration: args.autostop,
        snaplen: args.snaplen,
    };
    let output = match &args.write {
        Some(path) if path != std::path::Path::new("-") => Output::File(path),
        // The helper writes the stream straight to our standard output.
        Some(_) => Output::Inherit,
        None => Output::Pipe,
    };
    let mut helper = Helper::start(&request, output)?;
    // Ctrl-C (or SIGINT sent to us alone) stops the helper, which flushes and reports; we
    // finish with it. From a terminal it gets the signal itself too: once is enough.
    let on_interrupt = helper.stopper();
    ctrlc::set_handler(move || on_interrupt.stop())?;
    // A piped stream's packets are printed as they come, on a thread of their own, while
    // the helper's reports (capturing, its counters, its refusal) are said here, escaped:
    // they may quote a filter or a libpcap message.
    let printer = helper
        .take_stdout()
        .map(|stream| std::thread::spawn(move || print_summaries(stream)));
    while let Some(report) = helper.next_report(Duration::MAX) {
        super::say(&report.describe());
    }
    if let Some(p) = printer {
        p.join()
            .map_err(|_| anyhow::anyhow!("the packet printer failed"))??;
    }
    match helper.finish() {
        Ok(_) => Ok(()),
        // Its reasons are said above; its exit status becomes ours.
        Err(_) => Err(HelperFailed(2).into()),
    }
}

/// One summary line per packet of the helper's pcap stream, as it arrives.
fn print_summaries(stream: std::process::ChildStdout) -> anyhow::Result<()> {
    // Fails when the helper exits before writing a header (refused): the helper says why.
    let Ok(mut reader) = crate::capture::PcapStream::open(stream) else {
        return Ok(());
    };
    let mut decoder = Decoder::new(reader.link);
    let stdout = std::io::stdout();
    let mut first_ts = None;
    let mut line = Vec::new();
    let mut printer = super::text::TextPrinter::default();
    while let Some(pkt) = reader.next_packet() {
        let p = decoder.decode(pkt);
        let first = *first_ts.get_or_insert(p.raw.timestamp_ns());
        line.clear();
        printer.summary_line(&mut line, &p, first);
        let mut out = stdout.lock();
        out.write_all(&line)?;
        out.flush()?;
    }
    Ok(())
}
