//! `layerscope capture`: live capture to a file, to a pcap stream on stdout, or to the
//! terminal as summary lines.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use crate::capture::{Format, LiveCapture, LiveOptions, PacketWriter};
use crate::packets::Decoder;

#[derive(Args, Debug)]
pub struct CaptureArgs {
    /// Interface to capture on.
    #[arg(short = 'i', long = "interface", default_value = "lo")]
    pub interface: String,
    /// BPF capture filter, e.g. "tcp port 8888".
    #[arg(short = 'f', long = "filter", default_value = "")]
    pub filter: String,
    /// Write packets here (.pcapng or .pcap; `-` streams pcap to standard output).
    #[arg(short = 'w', long = "write")]
    pub write: Option<PathBuf>,
    /// Stop after this many packets.
    #[arg(short = 'c', long = "count")]
    pub count: Option<u64>,
    /// Stop condition, as in tshark: `duration:SECONDS`.
    #[arg(short = 'a', long = "autostop")]
    pub autostop: Option<String>,
    /// Bytes kept of each packet.
    #[arg(short = 's', long = "snaplen", default_value_t = crate::capture::MAX_PACKET as i32)]
    pub snaplen: i32,
}

fn parse_duration(spec: &str) -> anyhow::Result<Duration> {
    let secs = spec.strip_prefix("duration:").ok_or_else(|| {
        anyhow::anyhow!("unknown autostop condition \"{spec}\" (use duration:SECONDS)")
    })?;
    let secs: f64 = secs
        .parse()
        .map_err(|_| anyhow::anyhow!("\"{secs}\" is not a number of seconds"))?;
    if !(secs.is_finite() && secs > 0.0) {
        anyhow::bail!("the capture duration must be positive");
    }
    Ok(Duration::from_secs_f64(secs))
}

pub fn run(args: CaptureArgs) -> anyhow::Result<()> {
    let duration = args.autostop.as_deref().map(parse_duration).transpose()?;
    if args.write.as_deref() == Some(std::path::Path::new("-")) {
        // Streaming to a reader (the window): if the reader dies without stopping us, stop
        // as if interrupted, instead of capturing on for nobody.
        let _ = nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGINT);
    }
    let mut cap = LiveCapture::open(&LiveOptions {
        interface: args.interface.clone(),
        filter: args.filter.clone(),
        snaplen: args.snaplen,
    })?;
    let stopper = cap.stopper();
    let stopped = Arc::new(AtomicBool::new(false));
    {
        let (stopper, stopped) = (stopper.clone(), stopped.clone());
        // Ctrl-C ends the capture cleanly: the file is flushed and the counters printed.
        ctrlc::set_handler(move || {
            stopped.store(true, Ordering::SeqCst);
            stopper.stop();
        })?;
    }
    if let Some(d) = duration {
        let (stopper, stopped) = (stopper.clone(), stopped.clone());
        std::thread::Builder::new()
            .name("capture-timer".into())
            .spawn(move || {
                std::thread::sleep(d);
                stopped.store(true, Ordering::SeqCst);
                stopper.stop();
            })?;
    }
    let mut writer = match &args.write {
        Some(path) => {
            let mut w =
                PacketWriter::create(path, Format::for_path(path), cap.link, args.snaplen as u32)?;
            // Every packet reaches the file (or pipe) at once: if this process is killed,
            // what it captured is still there, and a reader sees packets as they happen.
            w.flush_each = true;
            Some(w)
        }
        None => None,
    };
    let filter_note = if args.filter.is_empty() {
        String::new()
    } else {
        format!(" with filter \"{}\"", args.filter)
    };
    eprintln!(
        "Capturing on {}{filter_note} (Ctrl-C to stop)",
        args.interface
    );
    let mut decoder = Decoder::new(cap.link);
    let stdout = std::io::stdout();
    let mut n: u64 = 0;
    let mut first_ts = None;
    let mut line = Vec::new();
    let mut printer = super::text::TextPrinter::default();
    while args.count.is_none_or(|c| n < c) && !stopped.load(Ordering::SeqCst) {
        let Some(pkt) = cap.next_packet() else { break };
        let pkt = pkt?;
        n += 1;
        match &mut writer {
            Some(w) => w.write(&pkt)?,
            None => {
                let p = decoder.decode(pkt);
                let first = *first_ts.get_or_insert(p.raw.timestamp_ns());
                line.clear();
                printer.summary_line(&mut line, &p, first);
                let mut out = stdout.lock();
                out.write_all(&line)?;
                out.flush()?;
            }
        }
    }
    let stats = cap.stats();
    if let Some(w) = writer {
        w.finish()?;
    }
    eprintln!(
        "{n} packets captured, {} dropped by the kernel (reader too slow), {} dropped by the interface",
        stats.dropped, stats.if_dropped
    );
    Ok(())
}
