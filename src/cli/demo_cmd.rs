//! `layerscope demo SCENARIO`: record one of the built-in socket demos. The capture runs in
//! the `layerscope-capture` helper (the only part that needs CAP_NET_RAW), the scenario's
//! server and client run here, and the result is printed as a ladder.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::Child;
use std::sync::mpsc;
use std::time::Duration;

use clap::Args;

use crate::capture::helper::{self, Output, Request};
use crate::demo::Scenario;

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
}

/// A running capture helper writing to a file.
pub struct Recorder {
    child: Child,
    stop: helper::StopPipe,
    stderr: mpsc::Receiver<String>,
}

impl Recorder {
    /// Starts the helper and waits until it captures (or says why it cannot).
    pub fn start(
        interface: &str,
        filter: &str,
        path: &std::path::Path,
    ) -> anyhow::Result<Recorder> {
        let request = Request {
            interface: interface.to_string(),
            filter: filter.to_string(),
            ..Request::default()
        };
        let mut child = helper::spawn(&request, Output::File(path))?;
        let stop = helper::StopPipe::of(&mut child);
        let err = child
            .stderr
            .take()
            .ok_or_else(|| anyhow::anyhow!("no stderr pipe"))?;
        let (tx, stderr) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut said = Vec::new();
        loop {
            match stderr.recv_timeout(Duration::from_secs(10)) {
                Ok(line) if line.starts_with("Capturing on") => break,
                Ok(line) => said.push(line),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let _ = child.wait();
                    let msg = said.join("\n");
                    anyhow::bail!("{}", msg.trim_start_matches("layerscope-capture: "));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let _ = child.kill();
                    anyhow::bail!("the capture helper did not start within 10 s");
                }
            }
        }
        Ok(Recorder {
            child,
            stop,
            stderr,
        })
    }

    /// Stops the helper (its standard input closes: it flushes and closes the file) and
    /// returns its summary.
    pub fn stop(mut self) -> anyhow::Result<String> {
        self.stop.stop();
        let status = self.child.wait()?;
        let lines: Vec<String> = self.stderr.try_iter().collect();
        if !status.success() {
            anyhow::bail!("the capture helper failed: {}", lines.join("\n"));
        }
        Ok(lines.last().cloned().unwrap_or_default())
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
    let path = match &args.write {
        Some(p) => p.clone(),
        // A directory of our own (random name, mode 0700, created exclusively): another
        // user cannot plant a symlink where the capture will be written.
        None => private_temp_dir()?
            .keep()
            .join(format!("{}.pcapng", s.name())),
    };
    let filter = s.filter();
    eprintln!(
        "demo {}: {} (capture filter \"{filter}\")",
        s.name(),
        s.title()
    );
    let interface = args
        .interface
        .clone()
        .unwrap_or_else(crate::capture::interfaces::default_loopback);
    let recorder = Recorder::start(&interface, &filter, &path)?;
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
    // Let the last segments (the final ACK) reach the capture.
    std::thread::sleep(Duration::from_millis(300));
    let summary = recorder.stop()?;
    result?;
    super::say(&summary);
    super::say(&format!("wrote {}", path.display()));
    let cap = super::flow::Flows::read(&path)?;
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    super::flow::write_flows(&mut out, &cap, None)?;
    out.flush()?;
    Ok(())
}
