//! Named labs (Linux): one lab that several commands join, so a server and its client run
//! in two terminals as the course has them.
//!
//! A holder process (`__lab hold`) owns the lab: its user and network namespaces, the
//! recording, and a PID namespace whose first process (`__lab init`) only waits. Each
//! `layerscope lab --name N -- CMD` connects to the holder's socket for as long as its
//! command runs and starts the command through `__lab join`, which enters the holder's
//! namespaces (single-threaded, as the kernel requires for a user namespace) and runs it
//! in the lab's PID namespace. The lab ends when the last connected command exits, or when
//! `--stop` asks; then the init process is ended, which ends every process of the lab, and
//! the recording is closed. The one that saw it end prints the ladder.

use std::io::{ErrorKind, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use nix::sched::{setns, unshare, CloneFlags};
use nix::unistd::Pid;

use super::lab::{refused, Recording};

/// How long a new lab waits for its first command before it ends.
const FIRST_MEMBER: Duration = Duration::from_secs(30);

/// The folder of lab `name`: the holder's socket and process id, and the recording when
/// no `-w` names one. In the user's runtime folder (private to the user), else a private
/// folder in the temporary one.
fn folder(name: &str) -> anyhow::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    let base = match std::env::var_os("XDG_RUNTIME_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d).join("layerscope"),
        _ => std::env::temp_dir().join(format!("layerscope-{}", nix::unistd::getuid())),
    };
    let dir = base.join("labs").join(name);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .with_context(|| dir.display().to_string())?;
    Ok(dir)
}

/// `layerscope lab --name NAME [-- CMD]`: joins the lab (creating it first if it does not
/// exist) and runs CMD in it; with no command, stops it. Returns CMD's exit status.
pub fn run(
    name: &str,
    write: Option<&Path>,
    filter: &str,
    command: Option<&[String]>,
) -> anyhow::Result<i32> {
    let dir = folder(name)?;
    let socket = dir.join("socket");
    let Some(command) = command else {
        let Ok(mut s) = UnixStream::connect(&socket) else {
            anyhow::bail!("{}", t!("lab-no-such", name = name));
        };
        s.write_all(b"stop\n")?;
        if !wait_until_gone(&dir, None) {
            anyhow::bail!("the lab {name} did not end within 10 s");
        }
        crate::cli::lab_cmd::show_ladder(&recording_of(&dir)?)?;
        return Ok(0);
    };
    ctrlc::set_handler(|| {})?;
    let member = match UnixStream::connect(&socket) {
        Ok(s) => s,
        Err(_) => {
            let file = match write {
                Some(w) => std::path::absolute(w)?,
                None => dir.join(format!("{name}.pcapng")),
            };
            create_or_wait(&dir, &file, filter)?;
            UnixStream::connect(&socket).context("the lab's socket")?
        }
    };
    let pid: i32 = std::fs::read_to_string(dir.join("pid"))?.trim().parse()?;
    let status = Command::new(std::env::current_exe()?)
        .args(["__lab", "join", "--pid", &pid.to_string(), "--"])
        .args(command)
        .status()?;
    // Leaving: the lab ends if this was its last command; the one that sees it end shows
    // what it recorded.
    drop(member);
    if wait_until_gone(&dir, Some(Duration::from_millis(500))) {
        crate::cli::lab_cmd::show_ladder(&recording_of(&dir)?)?;
    }
    Ok(status.code().unwrap_or(128))
}

/// The recording's path, as the holder wrote it down.
fn recording_of(dir: &Path) -> anyhow::Result<PathBuf> {
    Ok(PathBuf::from(
        std::fs::read_to_string(dir.join("recording"))?.trim_end(),
    ))
}

/// Whether the lab has ended: its holder takes its socket away at once when it ends (it
/// looks every 20 ms), then its process id once the recording is closed, which is waited
/// for (up to ten seconds). A command that left a lab others are still in does not know
/// whether it was the last: it gives the holder `still_open` to take the socket away.
fn wait_until_gone(dir: &Path, still_open: Option<Duration>) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let (socket, pid) = (dir.join("socket").exists(), dir.join("pid").exists());
        if !socket && !pid {
            return true;
        }
        if socket && still_open.is_some_and(|d| start.elapsed() > d) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

/// Creates the lab, unless another command (a second terminal started at the same moment)
/// is creating it: the one that makes the `creating` marker starts the holder, the others
/// wait for its socket. A marker left by a creator that died is taken over after 15 s.
fn create_or_wait(dir: &Path, file: &Path, filter: &str) -> anyhow::Result<()> {
    let marker = dir.join("creating");
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let made = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&marker);
        match made {
            Ok(_) => {
                let started = start_holder(dir, file, filter);
                let _ = std::fs::remove_file(&marker);
                return started;
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                if dir.join("socket").exists() {
                    return Ok(());
                }
                if Instant::now() > deadline {
                    let _ = std::fs::remove_file(&marker);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e).context(marker.display().to_string()),
        }
    }
}

/// Starts the holder of lab `name` in a process group of its own (the terminal's Ctrl-C is
/// for the command, not the lab) and waits until it listens.
fn start_holder(dir: &Path, file: &Path, filter: &str) -> anyhow::Result<()> {
    use std::os::unix::process::CommandExt;
    let log = std::fs::File::create(dir.join("log"))?;
    let mut holder = Command::new(std::env::current_exe()?)
        .args(["__lab", "hold", "-f", filter, "--dir"])
        .arg(dir)
        .arg("-w")
        .arg(file)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .process_group(0)
        .spawn()?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !dir.join("socket").exists() {
        if let Some(status) = holder.try_wait()? {
            let said = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
            anyhow::bail!("{} ({status})", said.trim());
        }
        if Instant::now() > deadline {
            anyhow::bail!("the lab did not start within 10 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(())
}

/// `__lab hold`: in the new lab (its namespaces entered), records it, starts its PID
/// namespace's init, and serves the socket until the lab ends.
pub fn hold(dir: &Path, file: &Path, filter: &str) -> anyhow::Result<()> {
    let recording = Recording::start(file, filter)?;
    unshare(CloneFlags::CLONE_NEWPID).map_err(refused)?;
    let mut init = Command::new(std::env::current_exe()?)
        .args(["__lab", "init"])
        .stdin(Stdio::null())
        .spawn()?;
    std::fs::write(dir.join("pid"), std::process::id().to_string())?;
    std::fs::write(dir.join("recording"), file.as_os_str().as_encoded_bytes())?;
    let socket = dir.join("socket");
    let _ = std::fs::remove_file(&socket);
    let listener = UnixListener::bind(&socket)?;
    listener.set_nonblocking(true)?;
    serve(&listener);
    // The end: no one joins any more; init's end ends every process of the lab's PID
    // namespace; the recording is closed; then the lab is gone.
    let _ = std::fs::remove_file(&socket);
    let _ = init.kill();
    let _ = init.wait();
    let stopped = recording.stop();
    let _ = std::fs::remove_file(dir.join("pid"));
    stopped
}

/// Serves the lab's socket until its last member has left (a member is a connection held
/// open while its command runs) or one asks it to stop.
fn serve(listener: &UnixListener) {
    let started = Instant::now();
    let mut members: Vec<UnixStream> = Vec::new();
    let mut had_any = false;
    loop {
        match listener.accept() {
            Ok((s, _)) => {
                let _ = s.set_nonblocking(true);
                members.push(s);
                had_any = true;
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(_) => return,
        }
        let mut stop = false;
        members.retain_mut(|m| {
            let mut buf = [0u8; 16];
            match m.read(&mut buf) {
                Ok(0) => false,
                Ok(n) => {
                    stop |= buf[..n].starts_with(b"stop");
                    true
                }
                Err(e) => e.kind() == ErrorKind::WouldBlock,
            }
        });
        let empty = members.is_empty();
        if stop || (had_any && empty) || (!had_any && started.elapsed() > FIRST_MEMBER) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `__lab join`: enters the namespaces of the lab held by process `pid` and runs the
/// command in its PID namespace. Must run single-threaded (the user namespace).
pub fn join(pid: i32, command: &[String]) -> anyhow::Result<i32> {
    let ns = |kind: &str| {
        std::fs::File::open(format!("/proc/{pid}/ns/{kind}"))
            .with_context(|| format!("the lab's {kind} namespace"))
    };
    let (user, net, pids) = (ns("user")?, ns("net")?, ns("pid_for_children")?);
    setns(user, CloneFlags::CLONE_NEWUSER).map_err(refused)?;
    setns(net, CloneFlags::CLONE_NEWNET).context("the lab's network")?;
    setns(pids, CloneFlags::CLONE_NEWPID).context("the lab's processes")?;
    super::lab::run(command)
}

/// `__lab init`: the first process of a named lab's PID namespace. It only reaps the lab's
/// orphans (as an init must, or they stay zombies): when the holder ends it, the kernel
/// ends every other process of the lab.
pub fn init() -> i32 {
    loop {
        if nix::sys::wait::waitpid(Pid::from_raw(-1), None).is_err() {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}
