//! Opening a large loopback capture in the real window (no display: egui_kittest drives the
//! same `App` the binary runs): time to the first rows, time to fully loaded, UI frame time
//! while scrolling through the list, and peak memory; then the same file through
//! `tshark -r` for comparison.
//!
//!     cargo bench --bench open_large                  # 1,000,000 packets
//!     cargo bench --bench open_large -- 200000        # another size
//!     cargo bench --bench open_large -- 200000 --no-tshark
//!
//! Under `cargo test` it runs once on a small capture, so the code path stays tested.
//!
//! The capture is synthesised with pnet's packet builders (`tests/support/synth.rs`): TCP
//! echo sessions on 127.0.0.1, like a busy loopback demo. It is written once to
//! target/bench/.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use layerscope::gui::Start;

#[path = "support/window.rs"]
mod support;
use support::window;

#[path = "../tests/support/synth.rs"]
mod synth;
use synth::synthesise;

/// Peak and current resident memory of this process, in bytes.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
            * 1024
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn mb(b: u64) -> f64 {
    b as f64 / 1e6
}

struct Figures {
    first_rows: Duration,
    loaded: Duration,
    frame_mean: Duration,
    frame_p99: Duration,
    frame_max: Duration,
    peak_growth: u64,
    peak_total: u64,
    /// `tcp.flags.syn == 1` over the whole capture: time until applied, packets shown.
    filter: Duration,
    filter_matches: usize,
}

fn measure(path: &Path, packets: usize, scroll_frames: usize) -> Figures {
    let mut h = window(Start::default());
    while h.state().session.is_loading() {
        h.step();
    }
    h.run_steps(3);
    let (_, rss_before) = memory();
    let start = Instant::now();
    h.state_mut().open_path(path);
    let mut first_rows = None;
    let deadline = Instant::now() + Duration::from_secs(120);
    while h.state().session.is_loading() {
        h.step();
        if first_rows.is_none() && !h.state().list().is_empty() {
            first_rows = Some(start.elapsed());
        }
        assert!(Instant::now() < deadline, "load took over two minutes");
    }
    let loaded = start.elapsed();
    assert_eq!(
        h.state().session.store.len(),
        packets,
        "every packet loaded"
    );
    // Scroll: a page at a time, then big jumps, as a user dragging the scroll bar does.
    let n = h.state().list().len();
    let mut times = Vec::with_capacity(scroll_frames);
    for i in 0..scroll_frames {
        let row = if i % 2 == 0 {
            (i * 37) % n
        } else {
            (i * 7919 * 131) % n
        };
        h.state_mut().scroll_to = Some(row);
        let t = Instant::now();
        h.step();
        times.push(t.elapsed());
    }
    times.sort();
    // Display filter over every packet, as typed in the filter box and applied with Enter.
    h.state_mut().filter.text = "tcp.flags.syn == 1".into();
    let start = Instant::now();
    h.state_mut().apply_filter();
    while h.state().filter.is_busy() {
        h.step();
        assert!(
            Instant::now() < deadline + Duration::from_secs(120),
            "filter took minutes"
        );
    }
    let filter = start.elapsed();
    let filter_matches = h.state().list().len();
    let (peak, _) = memory();
    Figures {
        first_rows: first_rows.unwrap_or(loaded),
        loaded,
        frame_mean: times.iter().sum::<Duration>() / times.len().max(1) as u32,
        frame_p99: times[times.len() * 99 / 100],
        frame_max: *times.last().expect("frames"),
        peak_growth: peak.saturating_sub(rss_before),
        peak_total: peak,
        filter,
        filter_matches,
    }
}

/// `tshark -r FILE` wall time and peak memory (through GNU time), if installed.
fn tshark(path: &Path) -> Option<(Duration, u64)> {
    let start = Instant::now();
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M", "tshark", "-r"])
        .arg(path)
        .stdout(std::process::Stdio::null())
        .output()
        .ok()?;
    let elapsed = start.elapsed();
    let kb: u64 = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()?;
    out.status.success().then_some((elapsed, kb * 1024))
}

fn main() -> anyhow::Result<()> {
    let bench = std::env::args().any(|a| a == "--bench");
    let packets: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(if bench { 1_000_000 } else { 20_000 });
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("synth-{packets}.pcap"));
    if !path.exists() {
        let t = Instant::now();
        synthesise(&path, packets)?;
        eprintln!(
            "synthesised {} in {:.1} s",
            path.display(),
            t.elapsed().as_secs_f64()
        );
    }
    let size = std::fs::metadata(&path)?.len();
    let f = measure(&path, packets, if bench { 600 } else { 30 });
    let budget = size + 100 * packets as u64;
    println!(
        "capture: {packets} packets, {:.1} MB ({})",
        mb(size),
        path.display()
    );
    println!("layerscope window (release, 2 cores):");
    println!(
        "  first rows shown after   {:>8.1} ms",
        f.first_rows.as_secs_f64() * 1e3
    );
    println!(
        "  fully loaded after       {:>8.3} s",
        f.loaded.as_secs_f64()
    );
    println!(
        "  UI frame while scrolling  mean {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        f.frame_mean.as_secs_f64() * 1e3,
        f.frame_p99.as_secs_f64() * 1e3,
        f.frame_max.as_secs_f64() * 1e3
    );
    println!(
        "  filter tcp.flags.syn == 1 {:>8.3} s ({} packets shown)",
        f.filter.as_secs_f64(),
        f.filter_matches
    );
    // Two SYNs (SYN and SYN-ACK) for every session started.
    let sessions = packets.div_ceil(synth::PACKETS_PER_SESSION);
    assert!(
        (2 * sessions - 1..=2 * sessions).contains(&f.filter_matches),
        "{} SYN packets shown, {sessions} sessions",
        f.filter_matches
    );
    println!(
        "  memory added by the capture {:.1} MB (budget: file + 100 B/packet = {:.1} MB)",
        mb(f.peak_growth),
        mb(budget)
    );
    println!(
        "  process peak (window, fonts and capture) {:.1} MB",
        mb(f.peak_total)
    );
    if bench && !std::env::args().any(|a| a == "--no-tshark") {
        match tshark(&path) {
            Some((t, peak)) => {
                println!("tshark -r (same file, same run):");
                println!(
                    "  wall time {:.3} s, peak memory {:.1} MB",
                    t.as_secs_f64(),
                    mb(peak)
                );
                println!(
                    "  ratios: fully loaded {:.1}x faster, memory {:.1}x smaller",
                    t.as_secs_f64() / f.loaded.as_secs_f64(),
                    peak as f64 / f.peak_growth.max(1) as f64
                );
            }
            None => println!("tshark or /usr/bin/time not available: no comparison"),
        }
    }
    Ok(())
}
