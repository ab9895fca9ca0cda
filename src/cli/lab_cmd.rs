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
    /// deleted (a named lab keeps it in its folder and says where).
    #[arg(short = 'w', long = "write")]
    pub write: Option<PathBuf>,
    /// BPF capture filter for the lab's loopback, e.g. "tcp port 8888".
    #[arg(short = 'f', long = "filter", default_value = "")]
    pub filter: String,
    /// A lab that several commands (terminals) join: the first creates it, later ones run
    /// in it. It ends when the last command in it exits, or with `--stop`; then the last
    /// one out prints the ladder.
    #[arg(long = "name", value_parser = parse_name)]
    pub name: Option<String>,
    /// End the named lab now (its programs with it) and print its ladder.
    #[arg(long = "stop", requires = "name", conflicts_with = "command")]
    pub stop: bool,
    /// The program to run in the lab, with its arguments (after `--`), e.g.
    /// `-- sh -c 'python3 server.py & sleep 0.5; python3 client.py'`. The lab ends when it
    /// exits: programs it left running are ended with it.
    #[arg(
        required_unless_present = "stop",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub command: Vec<String>,
}

/// A lab's name: letters, digits, `-` and `_` (it names a folder).
fn parse_name(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(s.to_string())
    } else {
        Err("a lab's name is 1 to 64 letters, digits, '-' or '_'".into())
    }
}

/// What the hidden entry `__lab` is asked to do by `layerscope lab`.
#[derive(clap::Subcommand, Debug)]
pub enum InsideCommand {
    /// Create a lab, record it while the command runs, end it with the command.
    Run {
        #[arg(short = 'w', long = "write")]
        write: PathBuf,
        #[arg(short = 'f', long = "filter", default_value = "")]
        filter: String,
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        command: Vec<String>,
    },
    /// Create a named lab and hold it (its namespaces and its recording) until told to
    /// stop or until the last command in it exits.
    Hold {
        /// The lab's folder (found by the user's id, which is 0 inside the lab).
        #[arg(long = "dir")]
        dir: PathBuf,
        #[arg(short = 'w', long = "write")]
        write: PathBuf,
        #[arg(short = 'f', long = "filter", default_value = "")]
        filter: String,
    },
    /// Create a lab for the window and run the capture helper's command line in it, its
    /// standard streams passed through; the lab ends with the helper.
    Stream {
        /// The lab's folder.
        #[arg(long = "dir")]
        dir: PathBuf,
        /// The capture helper and its arguments.
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        helper: Vec<String>,
    },
    /// Join the lab held by process `pid` and run the command in it.
    Join {
        #[arg(long = "pid")]
        pid: i32,
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        command: Vec<String>,
    },
    /// The first process of a named lab's PID namespace: waits until the lab ends.
    Init,
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
        if let Some(name) = &args.name {
            let code = crate::capture::lab_named::run(
                name,
                args.write.as_deref(),
                &args.filter,
                (!args.stop).then_some(args.command.as_slice()),
            )?;
            return exit_with(code);
        }
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
            .args(["__lab", "run"])
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
            Some(code) => exit_with(code),
            None => anyhow::bail!("{}", t!("lab-ended-by-signal")),
        }
    }
}

/// Success for status 0; otherwise that status, without a message of ours (the command
/// has said why).
#[cfg(target_os = "linux")]
fn exit_with(code: i32) -> anyhow::Result<()> {
    match code {
        0 => Ok(()),
        code => Err(super::capture_cmd::HelperFailed(code).into()),
    }
}

/// The ladder of every conversation in the lab's recording, as `layerscope flow` prints it.
#[cfg(target_os = "linux")]
pub fn show_ladder(file: &Path) -> anyhow::Result<()> {
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

/// `layerscope __lab`: what `layerscope lab` re-runs this binary for, single-threaded.
pub fn run_inside(what: InsideCommand) -> anyhow::Result<()> {
    #[cfg(not(target_os = "linux"))]
    {
        let _ = what;
        anyhow::bail!("{}", t!("lab-linux-only"));
    }
    #[cfg(target_os = "linux")]
    {
        use crate::capture::{lab, lab_named};
        let code = match what {
            InsideCommand::Run {
                write,
                filter,
                command,
            } => {
                lab::enter()?;
                // Threads are allowed from here on: the user namespace exists.
                ctrlc::set_handler(|| {})?;
                lab::record(&write, &filter, &command)?
            }
            InsideCommand::Hold { dir, write, filter } => {
                lab::enter()?;
                lab_named::hold(&dir, &write, &filter)?;
                0
            }
            InsideCommand::Stream { dir, helper } => {
                lab::enter()?;
                lab_named::hold_streaming(&dir, &helper)?
            }
            InsideCommand::Join { pid, command } => lab_named::join(pid, &command)?,
            InsideCommand::Init => lab_named::init(),
        };
        exit_with(code)
    }
}
