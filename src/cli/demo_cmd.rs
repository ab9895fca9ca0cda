//! `layerscope demo SCENARIO`: record one of the built-in socket demos. The capture runs in
//! the `layerscope-capture` helper (the only part that needs CAP_NET_RAW), the scenario's
//! server and client run here, and the result is printed as a ladder.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use clap::Args;

use layerscope_wire::Analyzer;

use crate::capture::helper::{Helper, Output, Report, Request};
use crate::capture::{Format, PacketWriter, PcapStream, MAX_PACKET};
use crate::demo::{Scenario, Teardown, TEARDOWN_WAIT};

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Which demo to run.
    #[arg(value_enum)]
    pub scenario: Scenario,
    /// Write the capture here (.pcapng or .pcap); a temporary file otherwise.
    #[arg(short = 'w', long = "write")]
    pub write: Option<PathBuf>,
    /// Interface to capture on.
    /// (Default: the loopback interface, found by its flags: `lo`, `lo0`, Npcap's loopback.)
    #[arg(short = 'i', long = "interface")]
    pub interface: Option<String>,
    /// Send the lines typed on standard input too (TCP scenarios), until end of input.
    #[arg(long)]
    pub interactive: bool,
    /// Only run the demo's server and client, without capturing (to capture them another
    /// way, or in a private lab: `layerscope lab -- layerscope demo tcp-echo --no-capture`).
    #[arg(long, conflicts_with_all = ["write", "interface", "interactive"])]
    pub no_capture: bool,
}

/// How long the helper may take to open the interface.
const HELPER_START: Duration = Duration::from_secs(10);

/// A capture of a demo in progress: the helper streams to us, and a thread writes the file
/// and watches the packets for the demo's teardown.
struct Recording {
    helper: Helper,
    writer: JoinHandle<anyhow::Result<()>>,
    torn_down: mpsc::Receiver<()>,
}

impl Recording {
    /// Starts the helper and waits until it captures (or says why it cannot).
    fn start(
        interface: &str,
        scenario: Scenario,
        interactive: bool,
        path: &Path,
    ) -> anyhow::Result<Recording> {
        let request = Request {
            interface: interface.to_string(),
            filter: scenario.filter(),
            ..Request::default()
        };
        let mut helper = Helper::start(&request, Output::Pipe)?;
        helper.wait_capturing(HELPER_START)?;
        let stream = helper
            .take_stdout()
            .ok_or_else(|| anyhow::anyhow!("the capture helper has no output pipe"))?;
        let (tx, torn_down) = mpsc::channel();
        let path = path.to_path_buf();
        let writer = std::thread::Builder::new()
            .name("demo-recording".into())
            .spawn(move || {
                let mut reader = PcapStream::open(stream)?;
                let link = reader.link;
                let mut file =
                    PacketWriter::create(&path, Format::for_path(&path), link, MAX_PACKET as u32)?;
                let (mut analyzer, mut teardown) =
                    (Analyzer::new(), Teardown::new(scenario, interactive));
                let mut number = 0;
                while let Some(p) = reader.next_packet() {
                    file.write(&p)?;
                    number += 1;
                    teardown.observe(&analyzer.observe_frame(
                        number,
                        p.timestamp_ns(),
                        link,
                        &p.data,
                    ));
                    if teardown.complete() {
                        let _ = tx.send(());
                    }
                }
                file.finish()
            })?;
        Ok(Recording {
            helper,
            writer,
            torn_down,
        })
    }

    /// Waits until the capture has seen the demo's teardown (at most [`TEARDOWN_WAIT`]),
    /// then stops the helper; returns its closing counters.
    fn finish(self) -> anyhow::Result<Report> {
        if self.torn_down.recv_timeout(TEARDOWN_WAIT).is_err() {
            super::say(&t!("say-demo-no-teardown", secs = TEARDOWN_WAIT.as_secs()));
        }
        let summary = self
            .helper
            .finish()
            .map_err(|why| anyhow::anyhow!("the capture helper failed: {why}"))?;
        self.writer
            .join()
            .map_err(|_| anyhow::anyhow!("the recording thread failed"))??;
        Ok(summary)
    }
}

/// A new directory under the temporary directory, readable by its owner alone.
fn private_temp_dir() -> std::io::Result<tempfile::TempDir> {
    let mut b = tempfile::Builder::new();
    b.prefix("layerscope-demo-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o700));
    }
    b.tempdir()
}

pub fn run(args: DemoArgs) -> anyhow::Result<()> {
    let s = args.scenario;
    if args.no_capture {
        return s.run(&mut std::io::stdout());
    }
    let path = match &args.write {
        Some(p) => p.clone(),
        // A directory of our own (random name, mode 0700, created exclusively): another
        // user cannot plant a symlink where the capture will be written.
        None => private_temp_dir()?
            .keep()
            .join(format!("{}.pcapng", s.name())),
    };
    let filter = s.filter();
    super::say(&t!(
        "say-demo-start",
        name = s.name(),
        title = s.title(),
        filter = filter.as_str()
    ));
    let interface = args
        .interface
        .clone()
        .unwrap_or_else(crate::capture::interfaces::default_loopback);
    let recording = Recording::start(&interface, s, args.interactive, &path)?;
    let mut log = std::io::stderr();
    let result = if args.interactive {
        crate::echo::run_client(
            &crate::echo::ClientOptions {
                proto: s.proto(),
                connect: s.address(),
                messages: Vec::new(),
                interactive: true,
                timeout: Duration::from_secs(5),
            },
            &mut log,
        )
        .map(|_| ())
    } else {
        s.run(&mut log)
    };
    let summary = recording.finish()?;
    result?;
    super::say(&summary.describe());
    super::say(&t!("say-wrote", path = path.display().to_string()));
    let cap = super::flow::Flows::read(&path, None)?;
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    super::flow::write_flows(&mut out, &cap, None)?;
    out.flush()?;
    Ok(())
}
