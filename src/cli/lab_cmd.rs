//! `layerscope lab`: a private lab network that needs no privileges (Linux) — run a
//! program in a fresh user + network namespace whose loopback only it and its children
//! use, record that loopback from inside, then print the ladder.
//!
//! Where the capture helper needs CAP_NET_RAW on the machine (a `setcap` by root), a user
//! namespace gives the user every capability over namespaces it creates and over nothing
//! else: inside it, capturing its own loopback is allowed. The lab's processes see only that
//! loopback (no network beyond it) and are the user outside (root inside, mapped to the
//! user's uid: files they write belong to the user).
//!
//! The kernel lets only a single-threaded process create a user namespace, and the window's
//! process has threads: the lab is created by a re-run of our own binary, the hidden
//! `layerscope __lab` entry, which does nothing before it. Its PID namespace ends every
//! process of the lab when the command's first process exits, so nothing outlives it.

#[cfg(target_os = "linux")]
use std::path::Path;
use std::path::PathBuf;

use clap::Args;

#[derive(Args, Debug)]
pub struct LabArgs {
    /// Keep the recording here (.pcapng or .pcap); without it, the recording is shown and
    /// deleted.
    #[arg(short = 'w', long = "write")]
    pub write: Option<PathBuf>,
    /// BPF capture filter for the lab's loopback, e.g. "tcp port 8888".
    #[arg(short = 'f', long = "filter", default_value = "")]
    pub filter: String,
    /// The program to run in the lab, with its arguments (after `--`), e.g.
    /// `-- sh -c 'python3 server.py & sleep 0.5; python3 client.py'`. The lab ends when it
    /// exits: programs it left running are ended with it.
    #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// What the hidden entry `__lab` is given by `layerscope lab`.
#[derive(Args, Debug)]
pub struct InsideArgs {
    #[arg(short = 'w', long = "write")]
    pub write: PathBuf,
    #[arg(short = 'f', long = "filter", default_value = "")]
    pub filter: String,
    #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// `layerscope lab`: runs the command in a lab (through `__lab`), then prints the ladder
/// of what it recorded. Exits with the command's status.
pub fn run(args: LabArgs) -> anyhow::Result<()> {
    #[cfg(not(target_os = "linux"))]
    {
        let _ = args;
        anyhow::bail!("{}", t!("lab-linux-only"));
    }
    #[cfg(target_os = "linux")]
    {
        let (file, keep) = match &args.write {
            Some(p) => (p.clone(), true),
            None => (
                tempfile::Builder::new()
                    .prefix("layerscope-lab-")
                    .suffix(".pcapng")
                    .tempfile()?
                    .into_temp_path()
                    .keep()?,
                false,
            ),
        };
        // Ctrl-C reaches every process of the terminal's group: the lab's command and its
        // capture stop on it, and this process stays to show what was recorded.
        ctrlc::set_handler(|| {})?;
        let status = std::process::Command::new(std::env::current_exe()?)
            .arg("__lab")
            .arg("-w")
            .arg(&file)
            .arg("-f")
            .arg(&args.filter)
            .arg("--")
            .args(&args.command)
            .status()?;
        let shown = show_ladder(&file);
        if !keep {
            let _ = std::fs::remove_file(&file);
        }
        shown?;
        match status.code() {
            Some(0) => Ok(()),
            Some(code) => Err(super::capture_cmd::HelperFailed(code).into()),
            None => anyhow::bail!("{}", t!("lab-ended-by-signal")),
        }
    }
}

/// The ladder of every conversation in the lab's recording, as `layerscope flow` prints it.
#[cfg(target_os = "linux")]
fn show_ladder(file: &Path) -> anyhow::Result<()> {
    use std::io::Write;
    if std::fs::metadata(file).map_or(true, |m| m.len() == 0) {
        return Ok(());
    }
    let flows = super::flow::Flows::read(file, None)?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    super::flow::write_flows(&mut out, &flows, None)?;
    out.flush()?;
    Ok(())
}

/// `layerscope __lab`: creates the lab, records its loopback and runs the command in it.
pub fn run_inside(args: InsideArgs) -> anyhow::Result<()> {
    #[cfg(not(target_os = "linux"))]
    {
        let _ = args;
        anyhow::bail!("{}", t!("lab-linux-only"));
    }
    #[cfg(target_os = "linux")]
    {
        crate::capture::lab::enter()?;
        // Threads are allowed from here on: the user namespace exists.
        ctrlc::set_handler(|| {})?;
        let code = crate::capture::lab::record(&args.write, &args.filter, &args.command)?;
        if code != 0 {
            return Err(super::capture_cmd::HelperFailed(code).into());
        }
        Ok(())
    }
}
