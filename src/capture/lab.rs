//! The private lab network (Linux): a user namespace that owns a network namespace, its
//! loopback up, recorded from inside while a command runs in a PID namespace of its own.
//!
//! Called only from the single-threaded `layerscope __lab` process (see
//! `cli::lab_cmd`): the kernel refuses a user namespace to a process with threads.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStderr, Command, Stdio};
use std::time::Duration;

use anyhow::Context;
use nix::sched::{unshare, CloneFlags};
use nix::sys::signal::{kill, Signal};
use nix::unistd::{getgid, getuid, Pid};

/// Creates the lab's user and network namespaces for this process, maps the user to root
/// inside (so that files written outside still belong to the user), and brings the lab's
/// loopback up.
pub fn enter() -> anyhow::Result<()> {
    let (uid, gid) = (getuid(), getgid());
    unshare(CloneFlags::CLONE_NEWUSER | CloneFlags::CLONE_NEWNET).map_err(refused)?;
    // The kernel wants setgroups denied before an unprivileged gid map.
    std::fs::write("/proc/self/setgroups", "deny").context("/proc/self/setgroups")?;
    std::fs::write("/proc/self/uid_map", format!("0 {uid} 1")).context("/proc/self/uid_map")?;
    std::fs::write("/proc/self/gid_map", format!("0 {gid} 1")).context("/proc/self/gid_map")?;
    // The new network namespace has a loopback, down. iproute2's `ip` brings it up (a
    // netlink message; the crates that send one safely pull in an async runtime).
    let up = Command::new("ip")
        .args(["link", "set", "lo", "up"])
        .stderr(Stdio::piped())
        .output();
    match up {
        Ok(o) if o.status.success() => Ok(()),
        // Ubuntu's AppArmor restriction creates the namespace but grants no capability in
        // it: this is where that shows.
        Ok(o) => anyhow::bail!(
            "{}",
            t!(
                "lab-no-capability",
                reason = String::from_utf8_lossy(&o.stderr).trim().to_string()
            )
        ),
        Err(e) => anyhow::bail!("{}", t!("lab-no-ip", reason = e.to_string())),
    }
}

/// The lab's recording: `layerscope capture` on the lab's loopback, through the helper.
pub struct Recording {
    capture: Child,
    said: BufReader<ChildStderr>,
}

impl Recording {
    /// Starts recording the lab's loopback into `file` (with BPF `filter`), once it captures.
    pub fn start(file: &Path, filter: &str) -> anyhow::Result<Recording> {
        let mut capture = Command::new(std::env::current_exe()?)
            .args(["capture", "-i", "lo", "-f", filter, "-w"])
            .arg(file)
            .stdin(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        let mut said = BufReader::new(capture.stderr.take().context("capture's standard error")?);
        // Its first line says that it captures, or why it cannot (then it exits).
        let mut first = String::new();
        said.read_line(&mut first)?;
        for _ in 0..20 {
            if capture.try_wait()?.is_some() {
                anyhow::bail!("{}", first.trim());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        crate::cli::say(&t!("lab-recording", file = file.display().to_string()));
        Ok(Recording { capture, said })
    }

    /// Stops the recording once the last packets are in (loopback delivers at once; the
    /// helper writes what it has read when told to stop), and repeats its closing counts.
    pub fn stop(mut self) -> anyhow::Result<()> {
        std::thread::sleep(Duration::from_millis(200));
        let _ = kill(Pid::from_raw(self.capture.id() as i32), Signal::SIGINT);
        for line in (&mut self.said).lines().map_while(Result::ok) {
            crate::cli::say(&line);
        }
        self.capture.wait()?;
        Ok(())
    }
}

/// Records the lab's loopback into `file` (with BPF `filter`) while `command` runs in a PID
/// namespace of its own; returns the command's exit status once it and every process it
/// left are gone and the recording is closed.
pub fn record(file: &Path, filter: &str, command: &[String]) -> anyhow::Result<i32> {
    let recording = Recording::start(file, filter)?;
    // The command's first process is the PID namespace's init: when it exits, the kernel
    // ends every other process of the lab.
    unshare(CloneFlags::CLONE_NEWPID).map_err(refused)?;
    let status = run(command);
    recording.stop()?;
    status
}

/// Why the kernel would not make (or let us join) a namespace, with what to do about it.
pub fn refused(e: nix::Error) -> anyhow::Error {
    anyhow::anyhow!("{}", t!("lab-refused", reason = e.desc()))
}

/// Runs `command` (a program and its arguments) to its end; its exit status (128 when a
/// signal ended it).
pub fn run(command: &[String]) -> anyhow::Result<i32> {
    let status = Command::new(&command[0])
        .args(&command[1..])
        .status()
        .with_context(|| command[0].clone())?;
    Ok(status.code().unwrap_or(128))
}
