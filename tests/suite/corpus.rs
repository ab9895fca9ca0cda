//! Every file of the shared tcpdump corpus (real and deliberately malformed captures): no
//! panic, no hang, a message for unreadable files, and tshark's values for the core set.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::util::{corpus_dir, root};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Loads a file on its own thread so a hang or panic is caught and named.
fn load_bounded(path: PathBuf) -> Result<Result<usize, String>, String> {
    let (tx, rx) = mpsc::channel();
    let p2 = path.clone();
    let t = std::thread::spawn(move || {
        let r = layerscope::packets::load(&p2, None)
            .map(|c| c.packets.len())
            .map_err(|e| e.to_string());
        let _ = tx.send(r);
    });
    match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(r) => {
            let _ = t.join();
            Ok(r)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("{} took longer than 5 s", path.display()))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(format!("{} panicked", path.display())),
    }
}

#[test]
fn every_corpus_file_is_dissected_without_panic_or_hang() {
    let Some(corpus) = crate::util::require_corpus() else {
        return;
    };
    let (mut ok, mut refused, mut packets) = (0, 0, 0);
    let mut failures = Vec::new();
    for sub in ["tcpdump/core", "tcpdump/malformed"] {
        for f in files(&corpus.join(sub)) {
            match load_bounded(f.clone()) {
                Ok(Ok(n)) => {
                    ok += 1;
                    packets += n;
                }
                Ok(Err(msg)) => {
                    refused += 1;
                    assert!(
                        msg.contains(&*f.to_string_lossy()) || msg.len() > 20,
                        "unclear error for {}: {msg}",
                        f.display()
                    );
                }
                Err(e) => failures.push(e),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(ok >= 590, "only {ok} files opened ({refused} refused)");
    assert!(packets > 9000, "only {packets} packets read");
}

#[test]
fn corpus_core_fields_agree_with_tshark() {
    let Some(corpus) = crate::util::require_corpus() else {
        return;
    };
    if !crate::util::require("python3") {
        return;
    }
    let o = std::process::Command::new("bash")
        .arg(root().join("scripts/compare-corpus.sh"))
        .arg(corpus.join("tcpdump/core"))
        .arg(corpus.join("tcpdump-expected/core"))
        .args(["-q", "--fields", "core", "--threshold", "0.98"])
        .env("LAYERSCOPE", env!("CARGO_BIN_EXE_layerscope"))
        .output()
        .expect("run compare-corpus.sh");
    let out = String::from_utf8_lossy(&o.stdout);
    let verdict = out.lines().last().unwrap_or_default();
    assert!(o.status.success(), "agreement below 98%: {verdict}");
    eprintln!("{verdict}");
}

/// Loading a capture runs the conversation analysis from the quick transport path; the
/// packet details use the full dissection. Both must see the same TCP/UDP facts on every
/// real and malformed frame, or the list and the details would disagree.
#[test]
fn the_quick_transport_path_agrees_with_the_full_dissection_on_every_frame() {
    use layerscope_wire::analysis::Transport;
    let mut dirs = vec![root().join("captures")];
    if let Some(corpus) = corpus_dir() {
        for sub in ["tcpdump/core", "tcpdump/malformed"] {
            dirs.push(corpus.join(sub));
        }
    }
    let (mut frames, mut transports) = (0usize, 0usize);
    let mut mismatches = Vec::new();
    for dir in dirs {
        for f in files(&dir) {
            let Ok(mut reader) = layerscope::capture::open_file(&f) else {
                continue;
            };
            let link = reader.link;
            let mut n = 0;
            while let Some(p) = reader.next_packet() {
                n += 1;
                frames += 1;
                let full = Transport::of(&p.data, &layerscope_wire::dissect(link, &p.data));
                let quick = Transport::quick(link, &p.data);
                transports += full.is_some() as usize;
                if quick != full && mismatches.len() < 20 {
                    mismatches.push(format!("{} frame {n}: {quick:?} vs {full:?}", f.display()));
                }
                if n >= 20_000 {
                    break;
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert!(
        frames > 40 && transports > 20,
        "{frames} frames, {transports} with TCP/UDP"
    );
    eprintln!("{frames} frames agree ({transports} TCP/UDP)");
}

/// The window decides filters on addresses, ports, flags and streams from the transport
/// facts alone; on every real and malformed frame that decision must be the full
/// dissection's, for filters of every kind the quick path takes.
#[test]
fn quick_filter_decisions_equal_full_ones_on_every_frame() {
    use layerscope::packets::Decoder;
    use layerscope_wire::{Filter, QuickFacts};
    const FILTERS: &[&str] = &[
        "tcp.flags.syn == 1",
        "tcp.flags.syn == 1 && tcp.flags.ack == 0",
        "tcp.port == 8888",
        "udp.port == 53 || udp.srcport > 1024",
        "tcp",
        "udp and not ip",
        "ipv6",
        "ip.addr == 127.0.0.1",
        "ip.src == 10.0.0.0/8 or ipv6.dst == ::1",
        "tcp.stream == 0 and tcp.len > 0",
        "tcp.seq == 1 || tcp.ack == 1 || tcp.nxtseq > 100",
        "tcp.seq_raw != 0 && tcp.ack_raw < 1000000",
        "tcp.flags == 0x012 or tcp.flags.reset == 1 or tcp.flags.fin",
        "tcp.flags.res == 0 and !tcp.flags.push and tcp.flags.urg == 0",
        "tcp.window_size_value >= 512 && tcp.window_size > 1000",
        "udp.stream == 1 || udp.dstport == 9999",
        "frame.len > 100 and frame.number <= 50",
        "frame.time_relative > 0.0001 || frame.cap_len < 60",
        "tcp.flags.ece || tcp.flags.cwr || tcp.flags.ae",
        "tcp.srcport != 8888",
    ];
    let filters: Vec<Filter> = FILTERS.iter().map(|f| Filter::parse(f).unwrap()).collect();
    assert!(
        filters.iter().all(Filter::is_quick),
        "every filter here is a quick one"
    );
    let mut dirs = vec![root().join("captures")];
    if let Some(corpus) = corpus_dir() {
        for sub in ["tcpdump/core", "tcpdump/malformed"] {
            dirs.push(corpus.join(sub));
        }
    }
    let (mut decided, mut deferred, mut matched) = (0usize, 0usize, 0usize);
    let mut mismatches = Vec::new();
    for dir in dirs {
        for f in files(&dir) {
            let Ok(mut reader) = layerscope::capture::open_file(&f) else {
                continue;
            };
            let mut decoder = Decoder::new(reader.link);
            let mut first_ns = None;
            while let Some(raw) = reader.next_packet() {
                let p = decoder.decode(raw);
                let ns = p.raw.timestamp_ns();
                let first = *first_ns.get_or_insert(ns);
                let facts = QuickFacts {
                    link: decoder.link,
                    frame: &p.raw.data,
                    number: p.number,
                    orig_len: p.raw.orig_len,
                    time_relative: (ns - first) as f64 * 1e-9,
                    analysis: &p.analysis,
                };
                for (text, filter) in FILTERS.iter().zip(&filters) {
                    let full = filter.matches(&facts.with(&p.dissection));
                    match filter.matches_quick(&facts) {
                        Some(quick) => {
                            decided += 1;
                            matched += quick as usize;
                            if quick != full && mismatches.len() < 20 {
                                mismatches.push(format!(
                                    "{} frame {}: \"{text}\" quick {quick}, full {full}",
                                    f.display(),
                                    p.number
                                ));
                            }
                        }
                        None => deferred += 1,
                    }
                }
                if p.number >= 20_000 {
                    break;
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // The bundled ICMP errors (udp-unreachable) are always left to the dissection.
    assert!(
        decided > 1000 && matched > 100 && deferred > 0,
        "{decided} decided quickly ({matched} matches), {deferred} left to the dissection"
    );
    eprintln!("{decided} quick decisions agree ({matched} matches), {deferred} deferred");
}
