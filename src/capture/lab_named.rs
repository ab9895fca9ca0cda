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
pub fn folder(name: &str) -> anyhow::Result<PathBuf> {
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
        // A lab the window holds shows its traffic there and keeps no recording.
        if let Ok(recording) = recording_of(&dir) {
            crate::cli::lab_cmd::show_ladder(&recording)?;
        }
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
        if let Ok(recording) = recording_of(&dir) {
            crate::cli::lab_cmd::show_ladder(&recording)?;
        }
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
    let (mut init, listener) = open_lab(dir)?;
    std::fs::write(dir.join("recording"), file.as_os_str().as_encoded_bytes())?;
    serve(&listener, Ends::WithLastMember, || false);
    close_lab(dir, &mut init);
    let stopped = recording.stop();
    let _ = std::fs::remove_file(dir.join("pid"));
    stopped
}

/// `__lab stream`: a lab held for the window. Runs the capture helper's command line
/// `helper` on the lab's loopback with this process's standard streams (the window's
/// stop pipe, its pcap pipe and its report pipe), and holds the lab for as long as the
/// helper captures: the window closing the pipe (or going away) ends the helper, and so
/// the lab and every program in it. Programs join and leave without ending it; `--stop`
/// ends the capture. Returns the helper's exit status.
pub fn hold_streaming(dir: &Path, helper: &[String]) -> anyhow::Result<i32> {
    use nix::sys::signal::{kill, Signal};
    let (program, args) = helper.split_first().context("no capture helper to run")?;
    // Outside the lab's PID namespace, so that it sees the lab's last packets.
    let mut capture = Command::new(program).args(args).spawn()?;
    let (mut init, listener) = open_lab(dir)?;
    let stop_asked = serve(&listener, Ends::WithCapture, || {
        capture.try_wait().map_or(true, |s| s.is_some())
    });
    close_lab(dir, &mut init);
    if stop_asked {
        let _ = kill(Pid::from_raw(capture.id() as i32), Signal::SIGINT);
    }
    let status = capture.wait()?;
    let _ = std::fs::remove_file(dir.join("pid"));
    // Nothing of it is kept (the window has the packets): its folder goes with it.
    let _ = std::fs::remove_dir(dir);
    Ok(status.code().unwrap_or(128))
}

/// Makes this process the holder of the lab in `dir`: a PID namespace for the lab's
/// programs with its init started, the holder's process id written down, and the socket
/// members connect to.
fn open_lab(dir: &Path) -> anyhow::Result<(std::process::Child, UnixListener)> {
    unshare(CloneFlags::CLONE_NEWPID).map_err(refused)?;
    // No standard stream of ours: the window reads the holder's to their end.
    let init = Command::new(std::env::current_exe()?)
        .args(["__lab", "init"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::fs::write(dir.join("pid"), std::process::id().to_string())?;
    let socket = dir.join("socket");
    let _ = std::fs::remove_file(&socket);
    let listener = UnixListener::bind(&socket)?;
    listener.set_nonblocking(true)?;
    Ok((init, listener))
}

/// The end of a lab: no one joins any more, and init's end ends every process of the lab's
/// PID namespace.
fn close_lab(dir: &Path, init: &mut std::process::Child) {
    let _ = std::fs::remove_file(dir.join("socket"));
    let _ = init.kill();
    let _ = init.wait();
}

/// What ends a lab besides a `stop` sent to its socket.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// The last member leaving (or none coming within [`FIRST_MEMBER`]): a named lab.
    WithLastMember,
    /// Only its capture ending (the `over` check): the window's lab.
    WithCapture,
}

/// Serves the lab's socket until it ends as `ends` says, `over` says so, or a member asks
/// it to stop (a member is a connection held open while its command runs). True when it
/// was asked to stop.
fn serve(listener: &UnixListener, ends: Ends, mut over: impl FnMut() -> bool) -> bool {
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
            Err(_) => return false,
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
        if stop {
            return true;
        }
        let deserted = ends == Ends::WithLastMember
            && if had_any {
                members.is_empty()
            } else {
                started.elapsed() > FIRST_MEMBER
            };
        if deserted || over() {
            return false;
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

/// A program running in a lab, as the window lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabProcess {
    /// Its process id outside the lab (the one `kill` and `ps` know).
    pub pid: u32,
    /// Its command line, shortened to [`COMMAND_SHOWN`] characters.
    pub command: String,
}

/// How much of a lab program's command line the window shows.
const COMMAND_SHOWN: usize = 160;

/// The programs running in the lab held by process `holder`: every process in the PID
/// namespace the holder made for its programs, but that namespace's init. Readable by the
/// user who started the lab (its processes are theirs); empty once the lab is gone.
pub fn processes(holder: u32) -> Vec<LabProcess> {
    let Ok(lab) = std::fs::read_link(format!("/proc/{holder}/ns/pid_for_children")) else {
        return Vec::new();
    };
    // Until the holder has made the lab's PID namespace, its children's is its own.
    if std::fs::read_link(format!("/proc/{holder}/ns/pid")).is_ok_and(|own| own == lab) {
        return Vec::new();
    }
    let Ok(all) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found: Vec<LabProcess> = all
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/ns/pid")).is_ok_and(|ns| ns == lab))
        .filter_map(|pid| {
            let raw = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
            let words: Vec<String> = raw
                .split(|&b| b == 0)
                .filter(|w| !w.is_empty())
                .map(|w| String::from_utf8_lossy(w).into_owned())
                .collect();
            if words.get(1..) == Some(&["__lab".to_string(), "init".to_string()][..]) {
                return None;
            }
            let command: String = words.join(" ").chars().take(COMMAND_SHOWN).collect();
            Some(LabProcess { pid, command })
        })
        .collect();
    found.sort_by_key(|p| p.pid);
    found
}

/// The command that runs `command` (a program and its arguments) in the lab held by
/// process `holder`, through `__lab join`.
pub fn join_command(holder: u32, command: &[String]) -> anyhow::Result<Command> {
    let mut c = Command::new(std::env::current_exe()?);
    c.args(["__lab", "join", "--pid", &holder.to_string(), "--"])
        .args(command);
    Ok(c)
}
