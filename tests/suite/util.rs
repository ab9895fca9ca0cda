//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn capture(name: &str) -> PathBuf {
    root().join("captures").join(name)
}

/// The shared corpus beside the checkout, if present.
pub fn corpus_dir() -> Option<PathBuf> {
    let d = root().join("../shared/corpus");
    d.is_dir().then_some(d)
}

pub fn layerscope(args: &[&str]) -> Output {
    english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(args)
        .output()
        .expect("run layerscope")
}

/// The command in the C locale: tests that compare text read English, whatever the
/// machine's locale (LANGUAGE, LC_ALL and LC_MESSAGES would win over LANG).
pub fn english(mut cmd: Command) -> Command {
    cmd.env("LANG", "C")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// True where every test prerequisite must be present: under CI (`CI=true`), or when
/// `LAYERSCOPE_REQUIRE_ALL=1` (which `.ci/run` exports too).
pub fn in_ci() -> bool {
    let set =
        |name: &str| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    set("CI") || set("LAYERSCOPE_REQUIRE_ALL")
}

/// Whether a test's prerequisite (a tool, the corpus, capture permission) is here. Without
/// it the test fails under CI, naming what is missing, and skips loudly elsewhere: a CI
/// machine that lost a tool must not stay green.
pub fn prerequisite(available: bool, what: &str) -> bool {
    if available {
        return true;
    }
    assert!(!in_ci(), "prerequisite missing under CI: {what}");
    eprintln!("SKIPPED (prerequisite missing): {what}");
    false
}

/// A tool on PATH, as a prerequisite.
pub fn require(tool: &str) -> bool {
    prerequisite(have(tool), &format!("{tool} is not installed"))
}

/// The shared corpus, as a prerequisite.
pub fn require_corpus() -> Option<PathBuf> {
    let dir = corpus_dir();
    prerequisite(dir.is_some(), "../shared/corpus is not present").then_some(())?;
    dir
}

/// Makes the library's capture code (the window under kittest) run the helper built with
/// these tests: the test binary lives in `target/*/deps/`, not beside it.
pub fn use_built_helper() {
    layerscope::capture::helper::use_helper(PathBuf::from(env!(
        "CARGO_BIN_EXE_layerscope-capture"
    )));
}

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Every `a.b` key of a packet object (ours nested per layer, or tshark's flat values),
/// first occurrence first.
pub fn flatten(v: &Value, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let is_field = k.contains('.') && !k.starts_with('_');
                match x {
                    Value::Object(_) => flatten(x, out),
                    Value::Array(items) if is_field && items.iter().all(|i| !i.is_object()) => {
                        for i in items {
                            out.push((k.clone(), i.clone()));
                        }
                    }
                    Value::Array(_) => flatten(x, out),
                    _ if is_field => out.push((k.clone(), x.clone())),
                    _ => {}
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| flatten(i, out)),
        _ => {}
    }
}

/// A comparable form: booleans as 0/1, hex strings as numbers, text lower-cased.
pub fn norm(v: &Value) -> String {
    match v {
        Value::Bool(b) => (*b as u8).to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let l = s.to_ascii_lowercase();
            if let Some(h) = l.strip_prefix("0x") {
                if let Ok(n) = u64::from_str_radix(h, 16) {
                    return n.to_string();
                }
            }
            match l.as_str() {
                "true" => "1".into(),
                "false" => "0".into(),
                _ => l,
            }
        }
        other => other.to_string(),
    }
}

/// Our `dissect --json` for a file, as parsed JSON.
pub fn our_json(path: &Path) -> Vec<Value> {
    let o = layerscope(&["dissect", "--json", path.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "dissect --json failed: {}", stderr(&o));
    serde_json::from_slice::<Vec<Value>>(&o.stdout).expect("dissect --json is a JSON array")
}

/// Compares our packets with tshark's flat values field by field; returns the mismatches.
pub fn compare_with_tshark(ours: &[Value], expected: &[Value]) -> (usize, Vec<String>) {
    let mut compared = 0;
    let mut bad = Vec::new();
    assert_eq!(
        ours.len(),
        expected.len(),
        "packet count differs from tshark"
    );
    for (i, (o, e)) in ours.iter().zip(expected).enumerate() {
        let mut of = Vec::new();
        flatten(o, &mut of);
        let Value::Object(em) = e else {
            panic!("expected values are objects")
        };
        for (k, ev) in em {
            compared += 1;
            let ev = match ev {
                Value::Array(a) => a.first().cloned().unwrap_or(Value::Null),
                v => v.clone(),
            };
            match of.iter().find(|(ok, _)| ok == k) {
                Some((_, ov)) if norm(ov) == norm(&ev) => {}
                Some((_, ov)) => bad.push(format!("frame {}: {k} = {ov}, tshark says {ev}", i + 1)),
                None => bad.push(format!("frame {}: {k} missing, tshark says {ev}", i + 1)),
            }
        }
    }
    (compared, bad)
}

/// Tests that bind the demos' fixed ports (8888, 3234, 9999 …) take this lock, so they
/// never run at the same time.
pub fn demo_ports() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Waits until `done` holds, looking every few milliseconds, for at most `secs` seconds;
/// false when it did not. The one place the tests wait on a condition outside the window.
pub fn wait_until(secs: u64, mut done: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if done() {
            return true;
        }
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Steps the window until `done` holds (it sees the window after every frame), failing
/// after `secs` seconds.
pub fn step_until(
    h: &mut egui_kittest::Harness<'static, layerscope::gui::App>,
    secs: u64,
    what: &str,
    mut done: impl FnMut(&layerscope::gui::App) -> bool,
) {
    let reached = wait_until(secs, || {
        if done(h.state()) {
            return true;
        }
        h.step();
        false
    });
    assert!(reached, "timed out waiting: {what}");
}

/// Waits until the window's capture helper captures; false when capturing is refused here.
pub fn capture_started(h: &mut egui_kittest::Harness<'static, layerscope::gui::App>) -> bool {
    step_until(h, 10, "the capture helper", |app| {
        let s = &app.session;
        !s.is_loading() || s.loading.as_ref().is_some_and(|l| l.is_ready())
    });
    h.state().session.is_loading()
}

/// A TCP port on 127.0.0.1 that nothing listens on now: each test captures its own port,
/// so parallel tests and other programs do not mix in.
pub fn free_tcp_port() -> u16 {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a probe");
    probe.local_addr().expect("probe address").port()
}

/// Live capture options for TCP on `port` on the loopback interface.
pub fn loopback_tcp(port: u16) -> layerscope::capture::LiveOptions {
    layerscope::capture::LiveOptions {
        interface: "lo".into(),
        filter: format!("tcp port {port}"),
        ..Default::default()
    }
}

/// An X server of the test's own (Xvfb, on a display number nobody uses), ended when
/// dropped.
pub struct Xvfb {
    child: std::process::Child,
    pub display: u32,
}

impl Xvfb {
    /// Starts one and waits until it listens.
    pub fn start() -> Xvfb {
        let display = (150..250)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("a free display number");
        let child = Command::new("Xvfb")
            .args([
                format!(":{display}").as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                "-ac",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start Xvfb");
        let socket = format!("/tmp/.X11-unix/X{display}");
        assert!(
            wait_until(10, || Path::new(&socket).exists()),
            "Xvfb did not start"
        );
        Xvfb { child, display }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
