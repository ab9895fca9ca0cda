//! The capture helper, `layerscope-capture`: the one program of layerscope that holds a
//! capture privilege, and the one place that starts it.
//!
//! Like Wireshark's dumpcap, the helper opens the interface, sets the BPF filter, opens its
//! output, then gives up every capability before the first packet arrives, and only copies
//! packets to its output: it never dissects, so the bytes of hostile traffic never meet
//! privileged code. Everything that reads packets (the window, `layerscope capture`,
//! `layerscope demo`) runs the helper and reads its pcap stream or file.
//!
//! The helper is looked up beside the running binary only. An installation grants it
//! `cap_net_raw` and lets only one group run it (see [`permission_fix`]).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use clap::Args;

pub use super::report::Report;
use super::{Format, LiveCapture, LiveOptions, PacketWriter, MAX_PACKET};

/// The helper's file name.
pub const HELPER_NAME: &str = "layerscope-capture";

/// The longest `-a duration:` accepted: a year. Anything longer is a typo, and the
/// conversion of an unbounded float to a `Duration` would panic.
pub const MAX_DURATION: Duration = Duration::from_secs(366 * 24 * 3600);

/// Where to find the helper when not beside the running binary: set once by test and bench
/// harnesses, whose own executables live elsewhere (`target/*/deps/`).
static HELPER_OVERRIDE: OnceLock<PathBuf> = OnceLock::new();

/// Names the helper to run instead of the one beside this executable (tests, benches).
pub fn use_helper(path: PathBuf) {
    let _ = HELPER_OVERRIDE.set(path);
}

/// The helper to run: the one named by [`use_helper`] or `LAYERSCOPE_CAPTURE`, else
/// `layerscope-capture` in this executable's own directory — never a directory above it, so
/// a binary unpacked in `/tmp/dl/` cannot be made to run a planted `/tmp/layerscope-capture`.
pub fn helper_program() -> PathBuf {
    if let Some(p) = HELPER_OVERRIDE.get() {
        return p.clone();
    }
    if let Some(p) = std::env::var_os("LAYERSCOPE_CAPTURE") {
        return p.into();
    }
    // `layerscope-capture.exe` on Windows.
    let file = format!("{HELPER_NAME}{}", std::env::consts::EXE_SUFFIX);
    let exe = std::env::current_exe().unwrap_or_else(|_| "layerscope".into());
    exe.parent()
        .map_or_else(|| PathBuf::from(&file), |d| d.join(&file))
}

/// The shell commands that let the members of one group capture: the helper alone gets
/// `cap_net_raw` (`cap_net_admin` is not needed: capturing on `lo` and other interfaces,
/// with filters and a 32 MiB buffer, works without it), and only that group may run it,
/// so other local users cannot read the loopback traffic of everybody's programs.
#[cfg(target_os = "linux")]
pub fn permission_commands() -> Vec<String> {
    let h = shell_word(&helper_program().display().to_string());
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .map_or_else(|_| "$USER".to_string(), |u| shell_word(&u));
    vec![
        "sudo groupadd -f --system layerscope".to_string(),
        format!("sudo usermod -aG layerscope {user}"),
        format!("sudo chgrp layerscope {h}"),
        format!("sudo chmod 750 {h}"),
        format!("sudo setcap cap_net_raw+ep {h}"),
    ]
}

/// macOS: capturing reads `/dev/bpf*`, which Wireshark's ChmodBPF (or any installer that
/// creates the `access_bpf` group) opens to one group.
#[cfg(target_os = "macos")]
pub fn permission_commands() -> Vec<String> {
    vec![
        "sudo dseditgroup -o edit -a \"$USER\" -t user access_bpf".to_string(),
        "sudo chgrp access_bpf /dev/bpf* && sudo chmod g+rw /dev/bpf*".to_string(),
    ]
}

/// Windows: Npcap captures for every user once installed; nothing to type.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
pub fn permission_commands() -> Vec<String> {
    Vec::new()
}

/// What to say when capturing was refused: why, and [`permission_commands`].
#[cfg(target_os = "macos")]
pub fn permission_fix() -> String {
    let commands = indented_commands();
    format!(
        "capturing needs read access to /dev/bpf*. Install Wireshark's ChmodBPF package, or \
         give your user the access_bpf group:{commands}\n\nthen log out and in again. Or run \
         as root, or open a saved capture instead."
    )
}

/// What to say when capturing was refused: why.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
pub fn permission_fix() -> String {
    "capturing needs Npcap (npcap.com), installed with \"Support loopback traffic\" \
     checked: programs talking to 127.0.0.1 are then seen on the adapter \
     \\Device\\NPF_Loopback. Or open a saved capture instead."
        .to_string()
}

/// What to say when capturing was refused: why, and [`permission_commands`].
#[cfg(target_os = "linux")]
pub fn permission_fix() -> String {
    let commands = indented_commands();
    format!(
        "capturing needs the CAP_NET_RAW capability, which layerscope keeps in its small \
         capture helper alone. Let your group run it, once:\n{commands}\n\n\
         then log out and in again (group membership starts with a new login). Every rebuild \
         of the helper drops the capability again. Or run as root, or open a saved capture \
         instead."
    )
}

/// [`permission_commands`], one a line, indented under the sentence that introduces them.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn indented_commands() -> String {
    permission_commands()
        .iter()
        .map(|c| format!("\n    {c}"))
        .collect()
}

/// A word as a POSIX shell reads it: quoted when it holds anything but safe characters.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+:@%".contains(&b))
    {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// True when a libpcap error message means "not allowed".
pub fn is_permission_error(msg: &str) -> bool {
    let m = msg.to_ascii_lowercase();
    m.contains("operation not permitted")
        || m.contains("permission denied")
        || m.contains("you don't have permission")
}

/// Where the helper writes what it captures.
#[derive(Clone, Copy, Debug)]
pub enum Output<'a> {
    /// A pcap stream on its standard output, piped to us.
    Pipe,
    /// A capture file (pcapng or pcap by its extension).
    File(&'a Path),
    /// A pcap stream on our own standard output, which the helper inherits.
    Inherit,
}

/// What to capture.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub interface: String,
    /// BPF capture filter; empty captures everything.
    pub filter: String,
    pub count: Option<u64>,
    pub duration: Option<Duration>,
    /// Bytes kept of each packet; the helper's default (all of it) when `None`.
    pub snaplen: Option<u32>,
}

/// The parent's end of the helper's standard input. The helper captures while it is open;
/// [`StopPipe::stop`] closes it, and the helper completes its output and exits. Dropping the
/// last copy, or the parent's exit, closes it too.
#[derive(Clone)]
pub struct StopPipe(Arc<Mutex<Option<ChildStdin>>>);

impl StopPipe {
    pub fn stop(&self) {
        let mut pipe = self.0.lock().unwrap_or_else(|e| e.into_inner());
        drop(pipe.take());
    }
}

/// A running helper: its process, the pipe whose closing stops it, and its [`Report`]s,
/// read on a thread of their own. Every part of layerscope that captures starts the helper
/// here and learns how it went from its reports alone.
pub struct Helper {
    child: Child,
    stop: StopPipe,
    reports: Receiver<Report>,
    /// Reports already handed out, kept for [`Helper::finish`].
    said: Vec<Report>,
}

impl Helper {
    /// Starts the helper. It captures until its standard input closes ([`Helper::stopper`]),
    /// or until `count` or `duration`; its standard output is the pcap stream for
    /// [`Output::Pipe`] ([`Helper::take_stdout`]).
    pub fn start(request: &Request, output: Output) -> anyhow::Result<Helper> {
        Self::start_in(request, output, None)
    }

    /// [`Helper::start`], in a private lab of its own when `lab` names one's folder
    /// (Linux): the helper runs inside a new `__lab stream` holder, which passes its
    /// standard streams through, so the caller reads the lab's loopback exactly as it
    /// reads a capture. The lab lives as long as the helper: closing the stop pipe ends
    /// both, and every program run in the lab with them.
    pub fn start_in(
        request: &Request,
        output: Output,
        lab: Option<&Path>,
    ) -> anyhow::Result<Helper> {
        let program = helper_program();
        let mut cmd = match lab {
            Some(dir) => {
                let mut c = Command::new(std::env::current_exe()?);
                c.args(["__lab", "stream", "--dir"])
                    .arg(dir)
                    .arg("--")
                    .arg(&program);
                c
            }
            None => Command::new(&program),
        };
        cmd.args(["--until-stdin-closes", "--reports"]);
        cmd.args(["-i", &request.interface, "-f", &request.filter, "-w"]);
        match output {
            Output::Pipe => cmd.arg("-").stdout(Stdio::piped()),
            Output::File(path) => cmd.arg(path).stdout(Stdio::null()),
            Output::Inherit => cmd.arg("-").stdout(Stdio::inherit()),
        };
        if let Some(s) = request.snaplen {
            cmd.args(["-s", &s.to_string()]);
        }
        if let Some(c) = request.count {
            cmd.args(["-c", &c.to_string()]);
        }
        if let Some(d) = request.duration {
            cmd.args(["-a", &format!("duration:{}", d.as_secs_f64())]);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => anyhow::anyhow!(
                    "the capture helper {} is missing: it is built and installed beside layerscope",
                    program.display()
                ),
                std::io::ErrorKind::PermissionDenied => anyhow::anyhow!(
                    "cannot run the capture helper {}: permission denied\n{}",
                    program.display(),
                    permission_fix()
                ),
                _ => anyhow::anyhow!("cannot start {}: {e}", program.display()),
            })?;
        let stop = StopPipe(Arc::new(Mutex::new(child.stdin.take())));
        let stderr = child.stderr.take().expect("stderr is piped");
        let (tx, reports) = mpsc::channel();
        std::thread::Builder::new()
            .name("capture-reports".into())
            .spawn(move || {
                use std::io::BufRead;
                for line in std::io::BufReader::new(stderr)
                    .lines()
                    .map_while(Result::ok)
                {
                    if tx.send(Report::from_line(&line)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Helper {
            child,
            stop,
            reports,
            said: Vec::new(),
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What stops the capture (the helper completes its output and reports its counters).
    pub fn stopper(&self) -> StopPipe {
        self.stop.clone()
    }

    /// The pcap stream of [`Output::Pipe`], once.
    pub fn take_stdout(&mut self) -> Option<ChildStdout> {
        self.child.stdout.take()
    }

    /// The next report, waiting at most `timeout`; `None` when none came in that time or
    /// the helper has said all it will.
    pub fn next_report(&mut self, timeout: Duration) -> Option<Report> {
        let r = self.reports.recv_timeout(timeout).ok()?;
        self.said.push(r.clone());
        Some(r)
    }

    /// Waits until the helper captures. Fails with its reason when it cannot (and is gone),
    /// or when it has not started within `timeout` (then it is stopped).
    pub fn wait_capturing(&mut self, timeout: Duration) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.reports.recv_timeout(left) {
                Ok(r) => {
                    let capturing = matches!(r, Report::Capturing { .. });
                    self.said.push(r);
                    if capturing {
                        return Ok(());
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let _ = self.child.wait();
                    anyhow::bail!("{}", self.failure(None));
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    anyhow::bail!(
                        "the capture helper did not start within {} s",
                        timeout.as_secs()
                    );
                }
            }
        }
    }

    /// Waits for the helper to end (after [`StopPipe::stop`], its count or its duration)
    /// and says how: its closing counters, or why it failed.
    pub fn finish(mut self) -> Result<Report, String> {
        self.stop.stop();
        let status = self.child.wait();
        self.said.extend(self.reports.iter());
        match status {
            Ok(s) if s.success() => Ok(self
                .said
                .iter()
                .rev()
                .find(|r| matches!(r, Report::Finished { .. }))
                .cloned()
                .unwrap_or(Report::Finished {
                    captured: 0,
                    dropped_by_kernel: 0,
                    dropped_by_interface: 0,
                })),
            Ok(s) => Err(self.failure(Some(s))),
            Err(e) => Err(format!("lost the capture helper: {e}")),
        }
    }

    /// The helper's reasons for failing, or what its exit status says when it gave none.
    fn failure(&self, status: Option<std::process::ExitStatus>) -> String {
        let reasons: Vec<&str> = self
            .said
            .iter()
            .filter_map(|r| match r {
                Report::Failed { message } => Some(message.as_str()),
                _ => None,
            })
            .collect();
        if !reasons.is_empty() {
            return reasons.join("\n");
        }
        match status {
            Some(s) => format!("the capture helper stopped unexpectedly ({s})"),
            None => "the capture helper stopped without saying why".to_string(),
        }
    }
}

/// The helper's command line.
#[derive(Args, Debug)]
pub struct HelperArgs {
    /// Interface to capture on.
    /// (Default: the loopback interface, found by its flags: `lo`, `lo0`, Npcap's loopback.)
    #[arg(short = 'i', long = "interface")]
    pub interface: Option<String>,
    /// BPF capture filter, e.g. "tcp port 8888".
    #[arg(short = 'f', long = "filter", default_value = "")]
    pub filter: String,
    /// Write packets here (.pcapng or .pcap; `-` streams pcap to standard output).
    #[arg(short = 'w', long = "write")]
    pub write: PathBuf,
    /// Stop after this many packets.
    #[arg(short = 'c', long = "count", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,
    /// Stop condition, as in tshark: `duration:SECONDS` (at most a year).
    #[arg(short = 'a', long = "autostop", value_parser = parse_duration)]
    pub autostop: Option<Duration>,
    /// Bytes kept of each packet (1 to 262144).
    #[arg(short = 's', long = "snaplen", default_value_t = MAX_PACKET as u32,
          value_parser = clap::value_parser!(u32).range(1..=MAX_PACKET as i64))]
    pub snaplen: u32,
    /// Capture while standard input stays open; stop (completing the output) at its end.
    /// The parent holds the other end of that pipe: closing it stops the capture, and so
    /// does the parent's exit, on every system, without signals.
    #[arg(long = "until-stdin-closes", hide = true)]
    pub until_stdin_closes: bool,
    /// Write [`Report`]s as JSON lines on standard error, for the parent, instead of
    /// sentences for a person.
    #[arg(long = "reports", hide = true)]
    pub reports: bool,
}

/// The helper says a report: a JSON line for a parent (`--reports`), else a sentence,
/// escaped for a terminal, for a person.
pub fn say(reports: bool, report: &Report) {
    if reports {
        eprintln!("{}", report.to_line());
    } else {
        eprintln!("{}", layerscope_wire::escape::message(&report.describe()));
    }
}

/// `duration:SECONDS`, positive, finite and at most [`MAX_DURATION`].
pub fn parse_duration(spec: &str) -> Result<Duration, String> {
    let secs = spec
        .strip_prefix("duration:")
        .ok_or_else(|| format!("unknown autostop condition \"{spec}\" (use duration:SECONDS)"))?;
    let value: f64 = secs
        .parse()
        .map_err(|_| format!("\"{secs}\" is not a number of seconds"))?;
    if !(value.is_finite() && value > 0.0) {
        return Err("the capture duration must be a positive number of seconds".into());
    }
    Duration::try_from_secs_f64(value)
        .ok()
        .filter(|d| *d <= MAX_DURATION)
        .ok_or_else(|| {
            format!(
                "{secs} s is longer than a capture may run (at most {} s)",
                MAX_DURATION.as_secs()
            )
        })
}

/// The helper's main: open the interface and the output, drop every privilege, then copy
/// packets until stopped (Ctrl-C, SIGINT, `-c`, `-a`, or the reader of a pipe going away).
pub fn run(args: HelperArgs) -> anyhow::Result<()> {
    let to_pipe = args.write == Path::new("-");
    if to_pipe && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "refusing to write binary pcap to a terminal: pipe it to a reader \
             (`| layerscope -r -`), or use `layerscope capture` to see the packets"
        );
    }
    let interface = args
        .interface
        .clone()
        .unwrap_or_else(super::interfaces::default_loopback);
    let mut cap = LiveCapture::open(&LiveOptions {
        interface: interface.clone(),
        filter: args.filter.clone(),
        snaplen: args.snaplen as i32,
    })?;
    let mut writer = PacketWriter::create(
        &args.write,
        Format::for_path(&args.write),
        cap.link,
        args.snaplen,
    )?;
    // Every packet reaches the file (or pipe) at once: if this process is killed, what it
    // captured is still there, and a reader sees packets as they happen.
    writer.flush_each = true;
    drop_privileges()?;

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
    if args.until_stdin_closes {
        // The parent closes the pipe to stop us, or dies: either way the file is completed,
        // and nobody is left capturing for no one.
        let (stopper, stopped) = (stopper.clone(), stopped.clone());
        std::thread::Builder::new()
            .name("capture-parent".into())
            .spawn(move || {
                let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
                stopped.store(true, Ordering::SeqCst);
                stopper.stop();
            })?;
    }
    if let Some(d) = args.autostop {
        let (stopper, stopped) = (stopper.clone(), stopped.clone());
        std::thread::Builder::new()
            .name("capture-timer".into())
            .spawn(move || {
                std::thread::sleep(d);
                stopped.store(true, Ordering::SeqCst);
                stopper.stop();
            })?;
    }
    say(
        args.reports,
        &Report::Capturing {
            interface,
            filter: args.filter.clone(),
        },
    );
    let mut n: u64 = 0;
    while args.count.is_none_or(|c| n < c) && !stopped.load(Ordering::SeqCst) {
        let Some(pkt) = cap.next_packet() else { break };
        writer.write(&pkt?)?;
        n += 1;
    }
    let stats = cap.stats();
    writer.finish()?;
    say(
        args.reports,
        &Report::Finished {
            captured: n,
            dropped_by_kernel: stats.dropped,
            dropped_by_interface: stats.if_dropped,
        },
    );
    Ok(())
}

/// True when `e` comes from writing to a pipe whose reader has gone: a normal way for a
/// stream to end.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    // pcap-file's errors name their I/O error as their source, so the chain reaches it.
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Gives up every capability for good, and the right to gain any by exec. Called once the
/// interface and the output are open: reading an open capture socket needs no privilege.
#[cfg(target_os = "linux")]
pub fn drop_privileges() -> anyhow::Result<()> {
    use caps::CapSet;
    nix::sys::prctl::set_no_new_privs()
        .map_err(|e| anyhow::anyhow!("cannot forbid new privileges: {e}"))?;
    // Ambient and inheritable first: they cannot hold what the permitted set lacks.
    for set in [
        CapSet::Ambient,
        CapSet::Inheritable,
        CapSet::Effective,
        CapSet::Permitted,
    ] {
        caps::clear(None, set)
            .map_err(|e| anyhow::anyhow!("cannot drop the capture privilege ({set:?}): {e}"))?;
    }
    let left = caps::read(None, CapSet::Permitted)
        .map_err(|e| anyhow::anyhow!("cannot read this process's capabilities: {e}"))?;
    if !left.is_empty() {
        anyhow::bail!("capabilities left after dropping them: {left:?}");
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
pub fn drop_privileges() -> anyhow::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_bounded_and_never_panic() {
        assert_eq!(
            parse_duration("duration:1.5"),
            Ok(Duration::from_millis(1500))
        );
        for bad in [
            "duration:1e30",
            "duration:inf",
            "duration:NaN",
            "duration:-1",
            "duration:0",
            "duration:31708800.5",
            "duration:x",
            "5",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert!(parse_duration(&format!("duration:{}", MAX_DURATION.as_secs())).is_ok());
    }

    #[test]
    fn shell_words_are_quoted_when_needed() {
        assert_eq!(
            shell_word("/usr/bin/layerscope-capture"),
            "/usr/bin/layerscope-capture"
        );
        assert_eq!(shell_word("/tmp/my dir/x"), "'/tmp/my dir/x'");
        assert_eq!(shell_word("a'b"), r"'a'\''b'");
        assert_eq!(shell_word(""), "''");
    }

    #[test]
    fn the_fix_names_only_the_helper_and_no_admin_capability() {
        let fix = permission_fix();
        assert!(fix.contains("setcap cap_net_raw+ep"), "{fix}");
        assert!(fix.contains("chmod 750"), "{fix}");
        assert!(!fix.contains("cap_net_admin"), "{fix}");
        assert!(fix.contains(HELPER_NAME), "{fix}");
    }
}
