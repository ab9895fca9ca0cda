//! Field-by-field agreement with tshark on the bundled captures (committed oracle values),
//! and, where tshark is installed, with tshark run now on the same files.

use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{capture, compare_with_tshark, our_json, root};

/// Every bundled capture (captures/*.pcapng) by name, each with its committed expected
/// values: the recordings of the TCP expert notes and of the odd cases too, so the
/// relative numbers, windows and flags of each are compared with tshark's.
fn captures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("captures"))
        .expect("captures folder")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".pcapng")?.to_string())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 30, "bundled captures: {names:?}");
    names
}

/// Frames whose `frame.protocols` differ from tshark's, each for a reason of tshark's:
/// - it names an HTTP body of a text type as a protocol of its own ("data-text-lines")
///   where we show it as the HTTP layer's `http.file_data`: the bodies of `python3 -m
///   http.server` (frame 8) and of `http_server.py`'s chunked answer (frame 26), both
///   dissected over the bytes reassembled from their segments (6+8, 18–26), as tshark does,
///   and the HTTP demo's page (http-demo frame 6);
/// - its TLS dissector puts "tls" in the chain of a segment that only begins a record,
///   before it asks for the rest (tcp-split 18, 20: a Client Hello in three segments);
/// - its JSON dissector joins no segments and reads one value per payload, so a value cut
///   by TCP or several values in one segment become "json:data-text-lines" (tcp-split
///   31–37). Python's `json.loads` is the oracle there (tests/suite/app_protocols.rs).
///
/// Listed so that nothing else may differ, and so that the list must shrink when we or
/// tshark change.
const KNOWN_DIFFERENCES: [(&str, usize); 9] = [
    ("http-demo", 6),
    ("http", 8),
    ("http", 26),
    ("tcp-split", 18),
    ("tcp-split", 20),
    ("tcp-split", 31),
    ("tcp-split", 33),
    ("tcp-split", 35),
    ("tcp-split", 37),
];

/// The mismatches `KNOWN_DIFFERENCES` does not explain; fails when a listed one is gone.
fn unexplained(name: &str, bad: Vec<String>) -> Vec<String> {
    let listed: Vec<String> = KNOWN_DIFFERENCES
        .iter()
        .filter(|(n, _)| *n == name)
        .map(|(_, f)| format!("frame {f}: frame.protocols = "))
        .collect();
    for l in &listed {
        assert!(
            bad.iter().any(|b| b.starts_with(l.as_str())),
            "{name}: {l}… now agrees with tshark: remove it from KNOWN_DIFFERENCES"
        );
    }
    bad.into_iter()
        .filter(|b| !listed.iter().any(|l| b.starts_with(l.as_str())))
        .collect()
}

fn expected(name: &str) -> Vec<Value> {
    let path = root()
        .join("captures/expected")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("expected values committed");
    serde_json::from_str(&text).expect("expected values parse")
}

#[test]
fn bundled_captures_match_committed_tshark_values_exactly() {
    for name in captures() {
        let name = name.as_str();
        let ours = our_json(&capture(&format!("{name}.pcapng")));
        let (compared, bad) = compare_with_tshark(&ours, &expected(name));
        let bad = unexplained(name, bad);
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
            // As scripts/tshark-expected.sh: the echo port's payload is data, not what a
            // heuristic makes of its first two bytes.
            "-d",
            "tcp.port==8888,data",
            // The JSON demo's port: tshark needs telling that it carries JSON, which we
            // recognise by its shape.
            "-d",
            "tcp.port==9999,json",
            // TLS on 8443, which we recognise by its record headers.
            "-d",
            "tcp.port==8443,tls",
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
    for name in captures() {
        let name = name.as_str();
        let path = capture(&format!("{name}.pcapng"));
        let (compared, bad) = compare_with_tshark(&our_json(&path), &tshark_values(&path));
        let bad = unexplained(name, bad);
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

/// Names we emit that `tshark -G fields` does not list, each for a reason: the subtree
/// names tshark's JSON prints for TCP and IPv4 options (they are not filterable fields),
/// and the endpoint facts that are ours alone.
const NOT_IN_TSHARK_FIELDS: [&str; 21] = [
    // tshark's JSON subtree names.
    "tcp.options.eol",
    "tcp.options.nop",
    "tcp.options.mss",
    "tcp.options.wscale",
    "tcp.options.sack_perm",
    "tcp.options.sack",
    "tcp.options.timestamp",
    "tcp.options.mptcp",
    "tcp.options.unknown",
    "ip.options",
    "ip.options.eol",
    "ip.options.nop",
    "ip.opt",
    "ip.opt.data",
    "ip.opt.malformed",
    // Ours: each endpoint's TCP state and who opened the connection.
    "tcp.state.client",
    "tcp.state.server",
    "tcp.connection.role",
    // Ours: the encoding a payload's text was read in (UTF-8 or GB18030).
    "data.encoding",
    // Ours: an HTTP message's first line (tshark's is a text item without a name).
    "http.request.first_line",
    "http.response.first_line",
];

#[test]
fn every_field_name_we_emit_is_one_tshark_knows() {
    if !crate::util::require("tshark") {
        return;
    }
    let o = std::process::Command::new("tshark")
        .args(["-G", "fields"])
        .output()
        .expect("tshark -G fields");
    let known: std::collections::HashSet<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            matches!(cols.next(), Some("F" | "P")).then(|| cols.nth(1).map(str::to_string))?
        })
        .collect();
    assert!(
        known.len() > 100_000,
        "tshark listed {} fields",
        known.len()
    );
    let mut files: Vec<std::path::PathBuf> = captures()
        .iter()
        .map(|n| capture(&format!("{n}.pcapng")))
        .collect();
    if let Some(corpus) = crate::util::require_corpus() {
        for sub in ["tcpdump/core", "tcpdump/malformed"] {
            let mut dir: Vec<_> = std::fs::read_dir(corpus.join(sub))
                .expect("corpus folder")
                .filter_map(|e| Some(e.ok()?.path()))
                .collect();
            dir.sort();
            files.extend(dir);
        }
    }
    let mut unknown = std::collections::BTreeMap::new();
    for path in &files {
        let Ok(cap) = layerscope::packets::load(path, None) else {
            continue;
        };
        for p in &cap.packets {
            for l in &p.dissection.layers {
                for f in l.all_fields() {
                    if !known.contains(f.abbrev()) && !NOT_IN_TSHARK_FIELDS.contains(&f.abbrev()) {
                        unknown
                            .entry(f.abbrev())
                            .or_insert_with(|| path.display().to_string());
                    }
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "names tshark does not know: {unknown:#?}"
    );
}

/// Every bundled echo capture cut at lengths that end inside each header (Ethernet, IPv4
/// or IPv6, TCP or UDP, their options, the payload), as `tcpdump -s N` would keep them:
/// every value tshark shows for the cut frames, we show the same. tshark runs now, on the
/// files we write.
#[test]
fn frames_cut_inside_any_header_agree_with_tshark() {
    if !crate::util::require("tshark") {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let cuts: &[(&str, &[usize])] = &[
        // Ethernet 0..14, IPv4 14..34, TCP 34..66 (74 on SYNs).
        (
            "tcp-echo-ipv4",
            &[6, 13, 16, 25, 33, 36, 38, 45, 49, 52, 60, 64, 68, 71, 79],
        ),
        // IPv6 14..54, TCP 54..86.
        ("tcp-echo-ipv6", &[20, 30, 45, 53, 58, 60, 68, 72, 80, 90]),
        // UDP 34..42, data 42..56.
        ("udp-echo", &[38, 41, 50]),
        // ICMP 34..42 quoting IPv4 42..62 and UDP 62..70. (Cut inside the quoted headers,
        // tshark also names the quote's protocols in frame.protocols; we do not yet.)
        ("udp-unreachable", &[40, 70, 75]),
    ];
    let mut compared_total = 0;
    for (name, lengths) in cuts {
        let cap = layerscope::packets::load(&capture(&format!("{name}.pcapng")), None)
            .expect("bundled capture");
        for &len in *lengths {
            let path = dir.path().join(format!("{name}-s{len}.pcap"));
            write_cut(&cap, len, &path);
            let (compared, bad) = compare_with_tshark(&our_json(&path), &tshark_values(&path));
            let bad = unexplained(name, bad);
            compared_total += compared;
            assert!(
                bad.is_empty(),
                "{name} cut to {len} bytes: {} of {compared} fields differ:\n{}",
                bad.len(),
                bad.join("\n")
            );
            // The packet list: the protocol column, and whether the line says the capture
            // cut the packet.
            assert_eq!(
                our_columns(&path),
                tshark_columns(&path),
                "{name} cut to {len} bytes: protocol and cut marker per packet"
            );
        }
    }
    assert!(
        compared_total > 3000,
        "only {compared_total} fields compared"
    );
    // An ICMP error whose quoted datagram is cut inside its headers: the line says so.
    let cap = layerscope::packets::load(&capture("udp-unreachable.pcapng"), None).unwrap();
    for len in [45usize, 61, 66] {
        let path = dir.path().join(format!("quote-s{len}.pcap"));
        write_cut(&cap, len, &path);
        let ours = our_columns(&path);
        assert_eq!(ours, tshark_columns(&path), "quote cut to {len} bytes");
        assert_eq!(ours[1], ("ICMP".to_string(), true));
    }
}

/// Writes `cap` with every packet cut to `len` bytes, as `tcpdump -s LEN` keeps them.
fn write_cut(cap: &layerscope::packets::Capture, len: usize, path: &std::path::Path) {
    use layerscope::capture::writer::{Format, PacketWriter};
    let mut w = PacketWriter::create(path, Format::Pcap, cap.link, len as u32)
        .expect("write the cut capture");
    for p in &cap.packets {
        let mut raw = p.raw.clone();
        raw.data.truncate(len);
        w.write(&raw).expect("write a packet");
    }
    w.finish().expect("finish the cut capture");
}

const CUT: &str = "[Packet size limited during capture]";

/// Per packet: our protocol column, and whether our info line ends in tshark's cut marker.
fn our_columns(path: &std::path::Path) -> Vec<(String, bool)> {
    let cap = layerscope::packets::load(path, None).expect("capture");
    cap.packets
        .iter()
        .map(|p| {
            let s = layerscope_wire::summarize(&p.dissection, &p.raw.data, &p.analysis);
            (s.protocol.to_string(), s.info.ends_with(CUT))
        })
        .collect()
}

/// The same from tshark's columns.
fn tshark_columns(path: &std::path::Path) -> Vec<(String, bool)> {
    let o = Command::new("tshark")
        .args([
            "-n",
            "-d",
            "tcp.port==8888,data",
            // The JSON demo's port: tshark needs telling that it carries JSON, which we
            // recognise by its shape.
            "-d",
            "tcp.port==9999,json",
            "-d",
            "udp.port==9999,data",
            "-d",
            "udp.port==9998,data",
            "-r",
        ])
        .arg(path)
        .args([
            "-T",
            "fields",
            "-E",
            "separator=|",
            "-e",
            "_ws.col.Protocol",
            "-e",
            "_ws.col.Info",
        ])
        .stderr(Stdio::null())
        .output()
        .expect("run tshark");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let (protocol, info) = l.split_once('|').unwrap_or((l, ""));
            (protocol.to_string(), info.ends_with(CUT))
        })
        .collect()
}
