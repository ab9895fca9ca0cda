//! The private lab network, as a student without any privilege uses it: user `nobody`
//! (when the tests run as root, as in CI), binaries copied where no file capability can
//! follow them, our echo pair and the course's Python echo pair run in a lab with one
//! command; the recording holds the handshake, the data and the teardown, the ladder is
//! printed, and no process of the lab is left.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::util::{is_root, prerequisite, require, root, stderr, stdout};

/// The binaries and the course's echo programs, copied into a directory everyone may read:
/// `cp` keeps no file capability, so the lab has nothing but what the kernel gives any user.
fn unprivileged_copy() -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("layerscope-lab-test")
        .tempdir()
        .unwrap();
    for (from, name) in [
        (
            PathBuf::from(env!("CARGO_BIN_EXE_layerscope")),
            "layerscope",
        ),
        (
            PathBuf::from(env!("CARGO_BIN_EXE_layerscope-capture")),
            "layerscope-capture",
        ),
        (
            root().join("examples/python/echo_server.py"),
            "echo_server.py",
        ),
        (
            root().join("examples/python/echo_client.py"),
            "echo_client.py",
        ),
    ] {
        std::fs::copy(&from, dir.path().join(name)).unwrap();
    }
    let open = |p: &Path, mode| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    open(dir.path(), 0o777);
    for name in ["layerscope", "layerscope-capture"] {
        open(&dir.path().join(name), 0o755);
    }
    for name in ["echo_server.py", "echo_client.py"] {
        open(&dir.path().join(name), 0o644);
    }
    dir
}

/// `layerscope ARGS` from `dir` as user `nobody` when we are root (a student's account
/// otherwise), in the C locale, with no runtime folder (a named lab's folder is then found
/// the same way by every command).
fn student(dir: &Path, args: &[&str]) -> Command {
    let exe = dir.join("layerscope");
    let mut cmd = if is_root() {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            "--inh-caps=-all",
        ])
        .arg(&exe);
        c
    } else {
        Command::new(&exe)
    };
    cmd.args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("XDG_RUNTIME_DIR")
        .env("HOME", dir);
    cmd
}

/// Runs `layerscope ARGS` as the student, to its end.
fn as_student(dir: &Path, args: &[&str]) -> Output {
    student(dir, args).output().expect("run layerscope lab")
}

/// Whether the kernel lets users create namespaces here (the lab's prerequisite).
fn lab_possible() -> bool {
    let ok = Command::new("unshare")
        .args(["-Urn", "true"])
        .status()
        .is_ok_and(|s| s.success());
    prerequisite(
        ok,
        "unprivileged user namespaces are not allowed on this machine",
    )
}

/// The frames of a recording, as our JSON.
fn frames(file: &Path) -> Vec<Value> {
    let out = crate::util::layerscope(&["dissect", "--json", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The lab's recording holds a whole echo exchange: handshake, `message` both ways, FIN.
fn assert_whole_exchange(file: &Path, message: &str) {
    let frames = frames(file);
    let fields = |p: &Value, key: &str| -> Vec<String> {
        p["layers"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l["fields"].get(key))
            .map(|v| v.to_string().trim_matches('"').to_string())
            .collect()
    };
    let syn_acks = frames
        .iter()
        .filter(|p| {
            fields(p, "tcp.flags.syn") == ["true"] && fields(p, "tcp.flags.ack") == ["true"]
        })
        .count();
    assert_eq!(syn_acks, 1, "one SYN-ACK");
    let said = frames
        .iter()
        .filter(|p| fields(p, "data.text").iter().any(|t| t == message))
        .count();
    assert_eq!(said, 2, "{message:?} there and back");
    assert!(
        frames
            .iter()
            .any(|p| fields(p, "tcp.flags.fin") == ["true"]),
        "a FIN"
    );
}

/// No process started from `dir` is left.
fn nothing_left(dir: &Path) {
    let out = Command::new("pgrep")
        .args(["-f", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.stdout.is_empty(),
        "left over: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_student_records_our_echo_pair_in_a_lab_with_one_command() {
    if !require("setpriv") || !lab_possible() {
        return;
    }
    let dir = unprivileged_copy();
    let d = dir.path().to_str().unwrap().to_string();
    // The server is left running in the background: the lab ends it with the command.
    let script = format!(
        "{d}/layerscope echo server --listen 127.0.0.1:8888 & sleep 0.5; \
         {d}/layerscope echo client --connect 127.0.0.1:8888"
    );
    let out = as_student(
        dir.path(),
        &["lab", "-w", "echo.pcapng", "--", "sh", "-c", &script],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ladder = stdout(&out);
    assert!(ladder.contains("handshake 1/3: SYN"), "{ladder}");
    assert!(ladder.contains("teardown: final ACK"), "{ladder}");
    let file = dir.path().join("echo.pcapng");
    assert_whole_exchange(&file, "Hello, server!");
    // The recording belongs to the student, not to the lab's root.
    use std::os::unix::fs::MetadataExt;
    let owner = std::fs::metadata(&file).unwrap().uid();
    let student = if is_root() {
        65534
    } else {
        std::fs::metadata(dir.path()).unwrap().uid()
    };
    assert_eq!(owner, student);
    nothing_left(dir.path());
}

#[test]
fn a_student_records_the_courses_python_echo_pair_in_a_lab() {
    if !require("setpriv") || !require("python3") || !lab_possible() {
        return;
    }
    let dir = unprivileged_copy();
    let d = dir.path().to_str().unwrap().to_string();
    let script = format!("python3 {d}/echo_server.py & sleep 0.5; python3 {d}/echo_client.py");
    let out = as_student(
        dir.path(),
        &["lab", "-w", "py.pcapng", "--", "sh", "-c", &script],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("data 你好"), "{}", stdout(&out));
    assert_whole_exchange(&dir.path().join("py.pcapng"), "Hello, server!");
    nothing_left(dir.path());
}

#[test]
fn a_lab_sees_no_network_beyond_its_loopback_and_keeps_the_commands_status() {
    if !require("setpriv") || !lab_possible() {
        return;
    }
    let dir = unprivileged_copy();
    // Only `lo`, up; the exit status comes back.
    let out = as_student(
        dir.path(),
        &["lab", "--", "sh", "-c", "ip -o link show; exit 3"],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    // One interface, the loopback, and up (/proc/net/dev would say the same; /sys shows the
    // machine's, as sysfs was mounted outside).
    let said = stdout(&out);
    let links: Vec<&str> = said.lines().filter(|l| l.contains(": <")).collect();
    assert_eq!(links.len(), 1, "{said}");
    assert!(links[0].starts_with("1: lo: <LOOPBACK,UP"), "{said}");
    nothing_left(dir.path());
}

/// Stops named lab `.1` (run from folder `.0`) when dropped.
struct StopOnDrop(PathBuf, String);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        let _ = student(&self.0, &["lab", "--name", &self.1, "--stop"]).output();
    }
}

/// `layerscope lab ARGS` as the student, started and left running.
fn spawn_as_student(dir: &Path, args: &[&str]) -> std::process::Child {
    student(dir, args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start layerscope lab")
}

/// The course's way: the server in one terminal, the client in another, both in one named
/// lab; `--stop` ends it (the server with it) and prints the ladder.
#[test]
fn a_server_and_a_client_from_two_terminals_share_a_named_lab() {
    if !require("setpriv") || !require("python3") || !lab_possible() {
        return;
    }
    let dir = unprivileged_copy();
    let d = dir.path().to_str().unwrap().to_string();
    let name = format!("test-{}", std::process::id());
    // Should an assertion fail, the lab is stopped all the same: its server would keep it.
    let _stop = StopOnDrop(dir.path().to_path_buf(), name.clone());
    let server_py = format!("{d}/echo_server.py");
    let mut server = spawn_as_student(
        dir.path(),
        &[
            "lab",
            "--name",
            &name,
            "-w",
            "two.pcapng",
            "--",
            "python3",
            &server_py,
        ],
    );
    // Once the server listens in the lab, the client, joining it, gets through (a client
    // alone would make a lab of its own, and end it when it leaves).
    let mut said = std::io::BufReader::new(server.stdout.take().unwrap());
    let listening = crate::util::wait_until(10, || {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut said, &mut line).is_ok_and(|_| line.contains("listening"))
    });
    assert!(listening, "the server listens in the lab");
    let client_py = format!("{d}/echo_client.py");
    let client = as_student(
        dir.path(),
        &["lab", "--name", &name, "--", "python3", &client_py],
    );
    assert!(
        client.status.success(),
        "the client did not reach the server in the lab: {}\n{}",
        stdout(&client),
        stderr(&client)
    );
    assert!(stdout(&client).contains("你好"), "{}", stdout(&client));
    // Stopping the lab ends the server and prints what was recorded.
    let stop = as_student(dir.path(), &["lab", "--name", &name, "--stop"]);
    assert!(stop.status.success(), "{}", stderr(&stop));
    assert!(
        stdout(&stop).contains("handshake 1/3: SYN"),
        "{}\n{}",
        stdout(&stop),
        stderr(&stop)
    );
    let ended = crate::util::wait_until(5, || server.try_wait().unwrap().is_some());
    if !ended {
        let _ = server.kill();
    }
    assert!(ended, "the server's lab command ended with the lab");
    assert_whole_exchange(&dir.path().join("two.pcapng"), "Hello, server!");
    nothing_left(dir.path());
}

/// The processes below `pid` (children, their children, …), as /proc shows them now.
fn descendants(pid: u32) -> Vec<u32> {
    let parent_of = |p: u32| -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).ok()?;
        // After the command name in parentheses: state, then the parent's id.
        stat.rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    let all: Vec<u32> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    let mut found = vec![pid];
    let mut grew = true;
    while grew {
        grew = false;
        for &p in &all {
            if !found.contains(&p) && parent_of(p).is_some_and(|pp| found.contains(&pp)) {
                found.push(p);
                grew = true;
            }
        }
    }
    found.retain(|&p| p != pid);
    found
}

/// The window, started by a student with no privilege at all, makes a private lab, runs the
/// echo demo in it and shows its packets live; the window's process holds no capability;
/// closing the window ends the lab and everything in it.
#[test]
fn the_window_runs_a_demo_in_a_private_lab_with_no_capability() {
    if !require("setpriv") || !require("Xvfb") || !lab_possible() {
        return;
    }
    let dir = unprivileged_copy();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    let xvfb = crate::util::Xvfb::start();
    let ready = dir.path().join("ready");
    let mut window = student(
        dir.path(),
        &[
            "--lab", "--demo", "tcp-echo", "--theme", "light", "--view", "ladder",
        ],
    );
    window
        .env("DISPLAY", format!(":{}", xvfb.display))
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LAYERSCOPE_READY_FILE", &ready)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut window = window.spawn().expect("start the window");
    struct Close<'a>(&'a mut std::process::Child);
    impl Drop for Close<'_> {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let pid = window.id();
    let mut lab = Vec::new();
    let shown = crate::util::wait_until(60, || {
        lab = descendants(pid);
        ready.exists() || window.try_wait().is_ok_and(|s| s.is_some())
    });
    let guard = Close(&mut window);
    assert!(
        shown && ready.exists(),
        "the window did not settle on its lab"
    );
    // The demo's packets reached the window: the marker says how many it holds, and its
    // safety copy of the live capture holds the whole exchange.
    let said = std::fs::read_to_string(&ready).unwrap();
    let packets: usize = said
        .lines()
        .find_map(|l| l.strip_prefix("packets "))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(packets >= 10, "{said}");
    let unsaved = home.join("data/layerscope/unsaved");
    let spool = std::fs::read_dir(&unsaved)
        .unwrap_or_else(|e| panic!("{}: {e}", unsaved.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "pcapng"))
        .expect("the live capture's safety copy");
    assert_whole_exchange(&spool, "Hello, server!");
    // No capability in the window's process; the lab (holder, its init, the helper) runs
    // below it.
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let cap_eff = status
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(cap_eff, "0000000000000000", "the window's capabilities");
    assert!(lab.len() >= 3, "the lab's processes: {lab:?}");
    // Closing the window ends the lab.
    drop(guard);
    let gone = crate::util::wait_until(10, || {
        lab.iter()
            .all(|p| !Path::new(&format!("/proc/{p}")).exists())
    });
    assert!(gone, "the lab outlived its window: {lab:?}");
    nothing_left(dir.path());
}
