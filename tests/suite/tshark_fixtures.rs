//! Field-by-field agreement with tshark on the bundled captures (committed oracle values),
//! and, where tshark is installed, with tshark run now on the same files.

use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{capture, compare_with_tshark, our_json, root};

const CAPTURES: [&str; 8] = [
    "tcp-echo-ipv4",
    "tcp-echo-ipv6",
    "tcp-upper-two-clients",
    "udp-echo",
    "tcp-refused",
    "udp-unreachable",
    "tcp-json",
    "tcp-large",
];

fn expected(name: &str) -> Vec<Value> {
    let path = root()
        .join("captures/expected")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("expected values committed");
    serde_json::from_str(&text).expect("expected values parse")
}

#[test]
fn bundled_captures_match_committed_tshark_values_exactly() {
    for name in CAPTURES {
        let ours = our_json(&capture(&format!("{name}.pcapng")));
        let (compared, bad) = compare_with_tshark(&ours, &expected(name));
        assert!(
            compared > 40,
            "{name}: too few fields compared ({compared})"
        );
        assert!(
            bad.is_empty(),
            "{name}: {} of {compared} fields differ:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }
}

/// tshark's values for a file, flattened by the same script that made the fixtures.
pub fn tshark_values(path: &std::path::Path) -> Vec<Value> {
    let tshark = Command::new("tshark")
        .args([
            "-n",
            "-o",
            "tcp.relative_sequence_numbers:TRUE",
            "-o",
            "tcp.analyze_sequence_numbers:TRUE",
            "-T",
            "json",
            "-r",
        ])
        .arg(path)
        .stderr(Stdio::null())
        .output()
        .expect("run tshark");
    let mut py = Command::new("python3")
        .arg(root().join("scripts/tshark_flatten.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run python3");
    {
        use std::io::Write;
        py.stdin
            .take()
            .expect("stdin")
            .write_all(&tshark.stdout)
            .expect("feed flattener");
    }
    let out = py.wait_with_output().expect("flattener output");
    serde_json::from_slice(&out.stdout).expect("flattened tshark values")
}

#[test]
fn bundled_captures_match_tshark_run_now() {
    if !crate::util::require("tshark") {
        return;
    }
    for name in CAPTURES {
        let path = capture(&format!("{name}.pcapng"));
        let (compared, bad) = compare_with_tshark(&our_json(&path), &tshark_values(&path));
        assert!(
            bad.is_empty(),
            "{name}: {} of {compared} fields differ:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }
}

#[test]
fn tcp_echo_handshake_frames_and_streams_agree_with_tshark() {
    let ours = our_json(&capture("tcp-upper-two-clients.pcapng"));
    let streams: Vec<u64> = ours
        .iter()
        .filter_map(|p| {
            let mut f = Vec::new();
            crate::util::flatten(p, &mut f);
            f.into_iter()
                .find(|(k, _)| k == "tcp.stream")
                .and_then(|(_, v)| v.as_u64())
        })
        .collect();
    assert_eq!(streams.iter().filter(|&&s| s == 0).count(), 10);
    assert_eq!(streams.iter().filter(|&&s| s == 1).count(), 10);
}
