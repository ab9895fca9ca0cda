//! Every file of the shared tcpdump corpus (real and deliberately malformed captures): no
//! panic, no hang, a message for unreadable files, and tshark's values for the core set.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::util::{corpus_dir, have, root};

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
    let Some(corpus) = corpus_dir() else {
        eprintln!("../shared/corpus not present: skipped");
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
    let Some(corpus) = corpus_dir() else {
        eprintln!("../shared/corpus not present: skipped");
        return;
    };
    if !have("python3") {
        eprintln!("python3 missing: skipped");
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
