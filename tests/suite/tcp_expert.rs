//! Every TCP expert note (`tcp.analysis.*` flag), and which frame an ACK acknowledges with
//! its round trip (`acks_frame`, `ack_rtt`), against tshark's, frame by frame, on the
//! bundled captures and every corpus file with TCP. The differences that are understood
//! are listed with their reasons in `tests/support/tcp-expert-known.txt`; any other, or a
//! listed one that went away, fails (scripts/tcp-expert-report.py does the comparing and
//! prints the count per flag).

use std::process::Command;

use crate::util::{require, require_corpus, root, stderr, stdout};

#[test]
fn every_expert_note_agrees_with_tshark_on_the_captures_and_the_corpus() {
    if !require("tshark") || !require("python3") {
        return;
    }
    let Some(corpus) = require_corpus() else {
        return;
    };
    let out = Command::new("python3")
        .arg(root().join("scripts/tcp-expert-report.py"))
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_layerscope"))
        .arg("--known")
        .arg(root().join("tests/support/tcp-expert-known.txt"))
        .arg(root().join("captures"))
        .arg(corpus.join("tcpdump"))
        .output()
        .expect("run scripts/tcp-expert-report.py");
    let report = stdout(&out);
    assert!(out.status.success(), "{report}\n{}", stderr(&out));
    // It did compare: the bundled captures' window notes and the corpus' lost segments.
    let count = |flag: &str| -> u32 {
        report
            .lines()
            .find(|l| l.split_whitespace().next() == Some(flag))
            .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            .unwrap_or(0)
    };
    assert!(
        count("zero_window") > 0 && count("ack_lost_segment") > 0,
        "{report}"
    );
    assert!(
        count("out_of_order") > 0 && count("retransmission") > 0,
        "{report}"
    );
    assert!(
        count("acks_frame") > 900 && count("ack_rtt") > 900,
        "{report}"
    );
    // The kernel's own keep-alives and zero-window traffic (tcp-keepalive, tcp-zero-window),
    // loss, reordering and duplication through a relay (tcp-impaired-client, -server), a
    // client that binds its port twice (tcp-reused-ports), a one-byte zero-window probe
    // that a real receiver answers (tcp-odd): each note on real traffic.
    for flag in [
        "keep_alive",
        "keep_alive_ack",
        "window_update",
        "window_full",
        "fast_retransmission",
        "spurious_retransmission",
        "duplicate_ack",
        "lost_segment",
        "reused_ports",
        "zero_window",
        "zero_window_probe",
        "zero_window_probe_ack",
    ] {
        assert!(count(flag) > 0, "no {flag} compared:\n{report}");
    }
}
