//! The window's private lab (Linux): a lab network held for the window, whose loopback the
//! window shows live, the programs the user runs in it (a terminal, a command line, a
//! built-in demo), what they print, and the lab's processes.
//!
//! The window's own process never enters the lab (it has threads, and the kernel lets only
//! a single-threaded process into a user namespace): the lab is held by a `__lab stream`
//! process that runs the capture helper inside it, and programs are started through
//! `__lab join`. Nothing outlives the lab: ending the capture (or closing the window) ends
//! the helper, the holder, and with it every program of the lab.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::capture::lab_named::{self, LabProcess};

/// Lines of a program's output the panel keeps.
const OUTPUT_LINES: usize = 200;
/// How often the list of the lab's processes is read again.
const LIST_EVERY: Duration = Duration::from_millis(500);

pub struct LabState {
    /// The lab's name: what `layerscope lab --name` takes to join it from a terminal.
    pub name: String,
    /// The lab's folder (its socket), given to the holder.
    pub dir: PathBuf,
    /// The command line typed into *Run a program in the lab*.
    pub program: String,
    /// The demo chosen in the panel.
    pub demo: crate::demo::Scenario,
    /// Programs the window started in the lab, oldest first.
    pub runs: Vec<LabRun>,
    /// The lab's processes, as last read.
    pub processes: Vec<LabProcess>,
    listed_at: Option<Instant>,
}

/// A program the window started in the lab, and what it printed.
pub struct LabRun {
    pub command: String,
    child: Child,
    output: Arc<Mutex<Vec<String>>>,
    /// Its exit status, once it has exited.
    pub status: Option<i32>,
}

impl LabRun {
    /// The last lines it printed (standard output and error, in the order they came).
    pub fn output(&self) -> Vec<String> {
        self.output.lock().map(|o| o.clone()).unwrap_or_default()
    }
}

impl Drop for LabRun {
    fn drop(&mut self) {
        if self.status.is_none() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

impl LabState {
    /// A lab for this window, named after its process (one window, one lab); its folder is
    /// made now, private to the user.
    pub fn new() -> anyhow::Result<LabState> {
        let name = format!("window-{}", std::process::id());
        let dir = lab_named::folder(&name)?;
        Ok(LabState {
            name,
            dir,
            program: String::new(),
            demo: crate::demo::Scenario::TcpEcho,
            runs: Vec::new(),
            processes: Vec::new(),
            listed_at: None,
        })
    }

    /// What a user types in any terminal of theirs to work in this lab.
    pub fn join_line(&self) -> String {
        format!("layerscope lab --name {} -- $SHELL", self.name)
    }

    /// Runs `command` (a program and its arguments) in the lab held by process `holder`,
    /// its output collected for the panel.
    pub fn run(&mut self, holder: u32, command: Vec<String>) -> anyhow::Result<()> {
        let mut child = lab_named::join_command(holder, &command)?
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let output = Arc::new(Mutex::new(Vec::new()));
        if let Some(out) = child.stdout.take() {
            collect(out, output.clone());
        }
        if let Some(err) = child.stderr.take() {
            collect(err, output.clone());
        }
        self.runs.push(LabRun {
            command: command.join(" "),
            child,
            output,
            status: None,
        });
        self.listed_at = None;
        Ok(())
    }

    /// Opens the desktop's terminal with a shell in the lab. Terminal programs such as
    /// gnome-terminal start their shells from a server outside our namespaces, so the
    /// terminal runs `layerscope lab --name`, which joins the lab itself.
    pub fn open_terminal(&self) -> anyhow::Result<()> {
        let shell = std::env::var("SHELL").unwrap_or_else(|_| "/bin/sh".into());
        std::process::Command::new("x-terminal-emulator")
            .arg("-e")
            .arg(std::env::current_exe()?)
            .args(["lab", "--name", &self.name, "--", &shell])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        Ok(())
    }

    /// Notes programs that exited and reads the lab's process list again when it is due.
    /// Returns when to look again.
    pub fn refresh(&mut self, holder: u32) -> Duration {
        for r in &mut self.runs {
            if r.status.is_none() {
                if let Ok(Some(s)) = r.child.try_wait() {
                    r.status = Some(s.code().unwrap_or(128));
                }
            }
        }
        if self.listed_at.is_none_or(|t| t.elapsed() >= LIST_EVERY) {
            self.processes = lab_named::processes(holder);
            self.listed_at = Some(Instant::now());
        }
        LIST_EVERY
    }
}

/// Reads `from` line by line into `into` on a thread of its own, keeping the last
/// [`OUTPUT_LINES`] lines (a program printing without end costs no more).
fn collect(from: impl Read + Send + 'static, into: Arc<Mutex<Vec<String>>>) {
    let _ = std::thread::Builder::new()
        .name("lab-output".into())
        .spawn(move || {
            for line in BufReader::new(from).split(b'\n').map_while(Result::ok) {
                // Its bytes as text, control characters shown escaped (they would draw as
                // boxes, and the output is the program's, not ours to interpret).
                let line = layerscope_wire::escape::bytes(&line).into_owned();
                let Ok(mut lines) = into.lock() else { return };
                if lines.len() == OUTPUT_LINES {
                    lines.remove(0);
                }
                lines.push(line);
            }
        });
}

/// A command line typed in the panel, as a program and its arguments: run by `sh -c`, so
/// that what works in a terminal (quotes, `&`, `;`) works here.
pub fn shell_command(line: &str) -> Vec<String> {
    vec!["sh".into(), "-c".into(), line.to_string()]
}
