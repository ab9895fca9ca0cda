//! Privilege separation: the window runs without capabilities while the capture helper,
//! which alone was given CAP_NET_RAW and which only one group may run, captures for it and
//! drops the capability once its interface is open. Checked on the real binaries under
//! Xvfb as an unprivileged user (needs root to set that up: CI runs as root).

use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::util::is_root;

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
}

/// A capability mask of a process ("CapEff", "CapPrm").
fn caps_of(pid: u32, set: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status
        .lines()
        .find(|l| l.strip_prefix(set).is_some_and(|r| r.starts_with(':')))?;
    u64::from_str_radix(line.split_whitespace().nth(1)?, 16).ok()
}

/// The effective capability mask of a process.
fn cap_eff(pid: u32) -> Option<u64> {
    caps_of(pid, "CapEff")
}

fn parent(pid: u32) -> Option<u32> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("PPid:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Processes running this executable.
fn running(exe: &Path) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|rd| {
            rd.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
                .filter(|pid| {
                    std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe)
                })
                .collect()
        })
        .unwrap_or_default()
}

struct Reap(Vec<Child>);

impl Drop for Reap {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

#[test]
fn the_window_captures_with_no_capabilities_of_its_own() {
    use std::os::unix::fs::PermissionsExt;
    if !crate::util::prerequisite(
        is_root() && on_path("su") && on_path("setcap") && on_path("Xvfb"),
        "root, su, setcap and Xvfb",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mode =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    mode(dir.path(), 0o755);
    let gui = dir.path().join("layerscope");
    let helper = dir.path().join("layerscope-capture");
    std::fs::copy(env!("CARGO_BIN_EXE_layerscope"), &gui).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_layerscope-capture"), &helper).unwrap();
    mode(&gui, 0o755);
    // README's setup, with nobody's own group standing in for `layerscope`: only members
    // may run the helper, and it gets cap_net_raw alone.
    let o = Command::new("chgrp")
        .arg("nogroup")
        .arg(&helper)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    mode(&helper, 0o750);
    let o = Command::new("setcap")
        .arg("cap_net_raw+ep")
        .arg(&helper)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Another local user cannot run it at all.
    let o = Command::new("su")
        .args(["daemon", "-s", "/bin/sh", "-c"])
        .arg(format!("{} -i lo -w /dev/null -c 1", helper.display()))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Permission denied"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    mode(&home, 0o777);
    let xvfb = crate::util::Xvfb::start();
    let display = xvfb.display;
    let mut reap = Reap(Vec::new());
    let script = format!(
        "HOME={h} XDG_DATA_HOME={h} XDG_CONFIG_HOME={h} DISPLAY=:{display} exec {gui} -i lo -f 'tcp port 9' --theme light",
        h = home.display(),
        gui = gui.display()
    );
    reap.0.push(
        Command::new("su")
            .args(["nobody", "-s", "/bin/sh", "-c", &script])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    // Wait for the window and its capture helper.
    let mut found = None;
    crate::util::wait_until(20, || {
        let windows = running(&gui);
        found = running(&helper)
            .into_iter()
            .find_map(|h| parent(h).filter(|p| windows.contains(p)).map(|p| (p, h)));
        found.is_some()
    });
    let (window, capture): (u32, u32) = found.expect("the window did not start its capture helper");
    // The helper starts with CAP_NET_RAW and gives it up once the interface is open.
    let dropped = crate::util::wait_until(10, || caps_of(capture, "CapPrm").is_none_or(|c| c == 0));
    assert!(dropped, "the helper kept its capabilities");
    assert_eq!(
        cap_eff(window),
        Some(0),
        "the window process has no capabilities"
    );
    assert_eq!(cap_eff(capture), Some(0), "the helper dropped CAP_NET_RAW");
    // And it does capture: it gave up its capabilities after opening the interface, and
    // is still running (a refusal would have ended it).
    assert!(
        std::fs::read_link(format!("/proc/{capture}/exe")).is_ok_and(|p| p == helper),
        "the helper is still capturing"
    );
    // The window goes; its helper sees the standard input it held close, and ends too.
    let _ = Command::new("kill").arg(window.to_string()).status();
    let gone = crate::util::wait_until(10, || {
        std::fs::read_link(format!("/proc/{capture}/exe")).map_or(true, |p| p != helper)
    });
    assert!(gone, "the helper outlived its window");
}
