//! Live capture under a bounded loopback flood, in the real window (egui_kittest drives the
//! same `App` the binary runs, capturing through the `layerscope-capture` helper): packets
//! kept against `tcpdump -w` on the same traffic, the kernel's drop counters, and the UI
//! frame time while packets pour in.
//!
//!     cargo bench --bench capture_flood              # 300,000 datagrams
//!     cargo bench --bench capture_flood -- 100000    # another count
//!
//! Needs capture permission (root, or the helper with CAP_NET_RAW); skipped without it.
//! Under `cargo test` it runs once with 20,000 datagrams and checks that the window keeps
//! at least 98% of what tcpdump keeps. Only 127.0.0.1 is used.

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, UdpSocket};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use layerscope::capture::LiveOptions;
use layerscope::gui::Start;

#[path = "support/window.rs"]
mod support;
use support::window;

/// A capture program started beside the window, with what it says on standard error.
struct Recorder {
    child: Child,
    said: std::thread::JoinHandle<Vec<String>>,
}

impl Recorder {
    /// Starts `cmd` and waits until it prints `ready` (false if it never does).
    fn start(cmd: &mut Command, ready: &str) -> Option<Recorder> {
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .ok()?;
        let mut lines = BufReader::new(child.stderr.take()?).lines();
        if !lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.contains(ready))
        {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        // Keep draining so it never blocks on a full pipe; the last lines carry its counts.
        let said = std::thread::spawn(move || lines.map_while(Result::ok).collect());
        Some(Recorder { child, said })
    }

    /// Stops it with SIGINT, as Ctrl-C would, and returns the first number of the line
    /// that mentions `counter` ("123 packets dropped by kernel").
    fn stop(mut self, counter: &str) -> Option<u64> {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        let said = self.said.join().unwrap_or_default();
        let line = said.iter().find(|l| l.contains(counter))?;
        // "60000 packets captured, 0 dropped by the kernel …": the number before the words.
        let before = &line[..line.find(counter)?];
        before
            .split(|c: char| !c.is_ascii_digit())
            .rev()
            .find(|w| !w.is_empty())?
            .parse()
            .ok()
    }
}

/// Sends `total` numbered 120-byte datagrams as fast as bursts of 1,000 every 10 ms allow.
fn flood(to: SocketAddr, total: u64) -> Duration {
    let sock = UdpSocket::bind("127.0.0.1:0").expect("bind");
    let start = Instant::now();
    let mut msg = [b'x'; 120];
    for n in 0..total {
        msg[..8].copy_from_slice(&n.to_be_bytes());
        let _ = sock.send_to(&msg, to);
        if n % 1000 == 999 {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    start.elapsed()
}

fn packets_in(path: &Path) -> usize {
    layerscope::capture::open_file(path).map_or(0, |r| r.count())
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let total: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(if bench { 300_000 } else { 20_000 });
    let port = UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .expect("free port")
        .port();
    let filter = format!("udp port {port}");
    let mut h = window(Start {
        live: Some(LiveOptions {
            interface: "lo".into(),
            filter: filter.clone(),
            ..Default::default()
        }),
        ..Start::default()
    });
    h.step();
    if let Some(problem) = &h.state().capture.permission_problem {
        // Under CI every prerequisite must be there: a machine that lost the permission
        // must not pass.
        let ci = ["CI", "LAYERSCOPE_REQUIRE_ALL"]
            .iter()
            .any(|v| std::env::var(v).is_ok_and(|x| !x.is_empty() && x != "0" && x != "false"));
        assert!(
            !ci,
            "capture_flood: no capture permission under CI ({problem})"
        );
        println!("capture_flood SKIPPED: no capture permission ({problem})");
        return;
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while !h
        .state()
        .session
        .loading
        .as_ref()
        .is_some_and(|l| l.is_ready())
    {
        assert!(
            Instant::now() < deadline,
            "the capture helper did not start"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let theirs = dir.path().join("tcpdump.pcap");
    let ours = dir.path().join("layerscope.pcap");
    let dump = Recorder::start(
        Command::new("tcpdump")
            .args(["-i", "lo", "-U", "-n", "-w"])
            .arg(&theirs)
            .arg(&filter),
        "listening on",
    );
    let cli = Recorder::start(
        Command::new(env!("CARGO_BIN_EXE_layerscope"))
            .args(["capture", "-i", "lo", "-f", &filter, "-w"])
            .arg(&ours),
        "Capturing on",
    );
    // Both said they capture: what is sent from now on is seen.

    let to: SocketAddr = ([127, 0, 0, 1], port).into();
    let sender = std::thread::spawn(move || flood(to, total));
    // The UI keeps drawing while the flood runs, following the newest packet.
    let mut frames = Vec::new();
    while !sender.is_finished() {
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed());
    }
    let sent_in = sender.join().expect("flood");
    let settle = Instant::now() + Duration::from_millis(800);
    while Instant::now() < settle {
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed());
    }
    h.state_mut().stop_capture();
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.state().session.is_loading() {
        assert!(Instant::now() < deadline, "the capture did not stop");
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    let kept = h.state().session.store.len();
    let stats = h.state().session.stats;
    let dumped = dump.map(|d| (d.stop("dropped by kernel"), packets_in(&theirs)));
    let captured = cli.map(|c| (c.stop("dropped by the kernel"), packets_in(&ours)));

    frames.sort();
    let mean = frames.iter().sum::<Duration>() / frames.len().max(1) as u32;
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "flood: {total} datagrams of 120 bytes on lo in {:.2} s ({:.0}/s)",
        sent_in.as_secs_f64(),
        total as f64 / sent_in.as_secs_f64()
    );
    println!(
        "  window (live capture): kept {kept}, kernel drops {}, interface drops {}",
        stats.dropped, stats.if_dropped
    );
    let drops = |d: Option<u64>| d.map_or("?".to_string(), |d| d.to_string());
    if let Some((d, n)) = captured {
        println!(
            "  layerscope capture -w:  kept {n}, kernel drops {}",
            drops(d)
        );
    }
    match dumped {
        Some((d, n)) => println!(
            "  tcpdump -w (same run):  kept {n}, kernel drops {}",
            drops(d)
        ),
        None => println!("  tcpdump not available: no comparison"),
    }
    println!(
        "  UI frames while capturing: {} frames, mean {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        frames.len(),
        ms(mean),
        ms(frames[frames.len() * 99 / 100]),
        ms(*frames.last().expect("frames"))
    );
    if let Some((_, n)) = dumped {
        assert!(
            kept >= n * 98 / 100,
            "the window kept {kept} of {total}, tcpdump {n}"
        );
        if let Some((_, c)) = captured {
            assert!(
                c >= n * 98 / 100,
                "capture -w kept {c} of {total}, tcpdump {n}"
            );
        }
    }
}
