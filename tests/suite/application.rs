//! `layerscope follow`: byte-for-byte tshark's `-z follow,tcp|udp,raw,N` on every bundled
//! capture and every corpus stream tshark follows, the text and save forms, and the
//! application data the course's programs send (JSON, Chinese text, GBK).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{capture, english, layerscope, require, require_corpus, stderr, stdout};

/// Link-layer protocols we decode below IP; anything else under IP (MPLS, NSH, a tunnel)
/// tshark decodes and we do not, so its streams are not comparable.
const LINK: [&str; 8] = [
    "eth",
    "ethertype",
    "vlan",
    "sll",
    "null",
    "raw",
    "ieee8021ad",
    "loop",
];

/// Corpus files where tshark's follow sees the bytes differently for a reason outside
/// following itself, each named.
const KNOWN: [(&str, &str); 3] = [
    (
        "smb_print_trans-oobr2.pcap",
        "a record longer than the file's snapshot length: libpcap cuts it, tshark does not",
    ),
    (
        "rx_serviceid_oobr.pcap",
        "UDP lengths beyond the IP packet: tshark still counts the datagram in a conversation",
    ),
    (
        "ipv6-srh-insert-cksum.pcap",
        "tshark takes a segment routing header's final destination as the address",
    ),
];

/// Why a stream cannot be compared, from tshark's view of its frames; none when it can.
fn excluded(protocols: &str, malformed: bool, fragment: bool) -> Option<&'static str> {
    let layers: Vec<&str> = protocols.split(':').collect();
    let ips = layers
        .iter()
        .filter(|l| matches!(**l, "ip" | "ipv6"))
        .count();
    let first_ip = layers.iter().position(|l| matches!(*l, "ip" | "ipv6"));
    let below_ip_ok = first_ip.is_some_and(|i| layers[..i].iter().all(|l| LINK.contains(l)));
    let eths = layers.iter().filter(|l| **l == "eth").count();
    if ips != 1 || !below_ip_ok || eths > 1 {
        Some("tunnelled or under a protocol we do not decode")
    } else if fragment {
        Some("IP fragments, which tshark reassembles and we do not")
    } else if malformed {
        Some("tshark's application dissector failed on it, which hides segments from its follow")
    } else {
        None
    }
}

/// The blocks of a raw follow output, by (protocol, stream).
fn blocks(text: &str) -> BTreeMap<(String, u32), String> {
    let rule = "\n===================================================================\nFollow: ";
    text.split(rule)
        .skip(1)
        .filter_map(|b| {
            let filter = b.lines().find_map(|l| l.strip_prefix("Filter: "))?;
            let (proto, n) = filter.split_once(".stream eq ")?;
            Some(((proto.to_string(), n.trim().parse().ok()?), b.to_string()))
        })
        .collect()
}

struct Tally {
    compared: usize,
    excluded: BTreeMap<&'static str, usize>,
    tshark_empty: usize,
    mismatches: Vec<String>,
}

fn compare_file(path: &Path, t: &mut Tally) {
    let fields = Command::new("tshark")
        .args(["-n", "-r"])
        .arg(path)
        .args(["-T", "fields", "-E", "separator=|"])
        .args([
            "-e",
            "tcp.stream",
            "-e",
            "udp.stream",
            "-e",
            "frame.protocols",
        ])
        .args([
            "-e",
            "_ws.malformed",
            "-e",
            "ip.flags.mf",
            "-e",
            "ip.frag_offset",
        ])
        .args(["-e", "ipv6.fragment"])
        .output()
        .expect("run tshark");
    let mut streams: BTreeMap<(String, u32), Option<&'static str>> = BTreeMap::new();
    for row in String::from_utf8_lossy(&fields.stdout).lines() {
        let cols: Vec<&str> = row.split('|').collect();
        let col = |i: usize| cols.get(i).copied().unwrap_or("");
        let fragment = col(4).split(',').any(|v| v == "1")
            || col(5).split(',').any(|v| !v.is_empty() && v != "0")
            || !col(6).is_empty();
        let why = excluded(col(2), !col(3).is_empty(), fragment);
        for (proto, ids) in [("tcp", col(0)), ("udp", col(1))] {
            for id in ids.split(',').filter_map(|i| i.parse::<u32>().ok()) {
                let slot = streams.entry((proto.to_string(), id)).or_insert(None);
                *slot = slot.or(why);
            }
        }
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if KNOWN.iter().any(|(k, _)| *k == name) {
        *t.excluded.entry("named in KNOWN").or_default() += streams.len();
        return;
    }
    for proto in ["tcp", "udp"] {
        let wanted: Vec<u32> = streams
            .iter()
            .filter(|((p, _), why)| p == proto && why.is_none())
            .map(|((_, n), _)| *n)
            .collect();
        for ((p, _), why) in &streams {
            if let (true, Some(why)) = (p == proto, why) {
                *t.excluded.entry(why).or_default() += 1;
            }
        }
        if wanted.is_empty() {
            continue;
        }
        let mut tshark = Command::new("tshark");
        tshark.args(["-n", "-q", "-r"]).arg(path);
        for n in &wanted {
            tshark.args(["-z", &format!("follow,{proto},raw,{n}")]);
        }
        let theirs = blocks(&String::from_utf8_lossy(
            &tshark.output().expect("run tshark").stdout,
        ));
        let mut args = vec![
            "follow",
            path.to_str().expect("utf-8 path"),
            "--format",
            "raw",
        ];
        if proto == "udp" {
            args.push("--udp");
        }
        let ours = blocks(&stdout(&layerscope(&args)));
        for n in wanted {
            let key = (proto.to_string(), n);
            let Some(their) = theirs.get(&key) else {
                continue;
            };
            if their.contains("Node 0: :0\n") {
                // tshark followed nothing (headers cut by the snapshot length).
                t.tshark_empty += 1;
                continue;
            }
            t.compared += 1;
            if ours.get(&key) != Some(their) {
                t.mismatches
                    .push(format!("{} {proto} stream {n}", path.display()));
            }
        }
    }
}

fn pcaps(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            pcaps(&p, out);
        } else if p.extension().is_some_and(|x| x == "pcap" || x == "pcapng") {
            out.push(p);
        }
    }
}

#[test]
fn raw_follow_equals_tshark_on_every_bundled_capture_and_corpus_stream() {
    if !require("tshark") {
        return;
    }
    let Some(corpus) = require_corpus() else {
        return;
    };
    let mut files = Vec::new();
    pcaps(&crate::util::root().join("captures"), &mut files);
    let bundled = files.len();
    pcaps(&corpus, &mut files);
    files.sort();
    // Two workers: tshark runs dominate.
    let (a, b): (Vec<_>, Vec<_>) = files.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    let run = |part: Vec<(usize, &PathBuf)>| {
        let mut t = Tally {
            compared: 0,
            excluded: BTreeMap::new(),
            tshark_empty: 0,
            mismatches: Vec::new(),
        };
        for (_, f) in part {
            compare_file(f, &mut t);
        }
        t
    };
    let (mut t, u) = std::thread::scope(|s| {
        let h = s.spawn(|| run(b));
        (run(a), h.join().expect("worker"))
    });
    t.compared += u.compared;
    t.tshark_empty += u.tshark_empty;
    t.mismatches.extend(u.mismatches);
    for (k, v) in u.excluded {
        *t.excluded.entry(k).or_default() += v;
    }
    eprintln!(
        "follow vs tshark: {} streams equal over {} files ({bundled} bundled); {} tshark left empty; not comparable: {:?}",
        t.compared,
        files.len(),
        t.tshark_empty,
        t.excluded
    );
    assert!(
        t.mismatches.is_empty(),
        "differ from tshark:\n{}",
        t.mismatches.join("\n")
    );
    assert!(
        t.compared >= 350,
        "too few streams compared: {}",
        t.compared
    );
}

#[test]
fn text_follow_prints_each_side_in_order_with_client_and_server() {
    let out = layerscope(&[
        "follow",
        capture("tcp-upper-two-clients.pcapng").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let expected = "TCP stream 0: client 127.0.0.1:58096 ⇄ server 127.0.0.1:3234\n\
client 127.0.0.1:58096 sent 21 bytes (UTF-8) · server 127.0.0.1:3234 sent 21 bytes (UTF-8)\n\
\n\
▶ client 127.0.0.1:58096 · frame 4 · 21 bytes\n\
hello from client one\n\
\n\
◀ server 127.0.0.1:3234 · frame 6 · 21 bytes\n\
\tHELLO FROM CLIENT ONE\n\n";
    assert!(text.starts_with(expected), "{text}");
    assert!(text.contains("TCP stream 1: client 127.0.0.1:58106"));
    // A display filter picks the streams with a matching packet.
    let one = stdout(&layerscope(&[
        "follow",
        capture("tcp-upper-two-clients.pcapng").to_str().unwrap(),
        "-Y",
        "tcp.payload contains \"two\"",
    ]));
    assert!(
        one.contains("TCP stream 1") && !one.contains("TCP stream 0"),
        "{one}"
    );
    let chinese = stdout(&layerscope(&[
        "follow",
        capture("tcp-echo-chinese.pcapng").to_str().unwrap(),
    ]));
    assert!(chinese.contains("\n你好，服务器！\n"), "{chinese}");
    assert!(chinese.contains("\t你好，服务器！\n"), "{chinese}");
}

#[test]
fn save_writes_one_side_with_its_size_and_sha256() {
    if !require("tshark") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("reply.bin");
    let o = layerscope(&[
        "follow",
        capture("tcp-large.pcapng").to_str().unwrap(),
        "--stream",
        "0",
        "--save",
        out_file.to_str().unwrap(),
        "--direction",
        "server",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let saved = std::fs::read(&out_file).unwrap();
    // The large demo echoes 200 KB: what the server sent back is what tshark follows.
    let tshark = Command::new("tshark")
        .args(["-n", "-q", "-r"])
        .arg(capture("tcp-large.pcapng"))
        .args(["-z", "follow,tcp,raw,0"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&tshark.stdout).into_owned();
    let hex: String = text.lines().filter_map(|l| l.strip_prefix('\t')).collect();
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    assert_eq!(saved, bytes);
    assert_eq!(saved.len(), 204_800);
    let sha = Command::new("sha256sum").arg(&out_file).output().unwrap();
    let sha = String::from_utf8_lossy(&sha.stdout);
    let said = stderr(&o);
    assert!(said.contains("204800 bytes"), "{said}");
    assert!(
        said.contains(sha.split_whitespace().next().unwrap()),
        "{said}"
    );
    // Two streams and no --stream: refused, saying how to choose.
    let two = layerscope(&[
        "follow",
        capture("tcp-upper-two-clients.pcapng").to_str().unwrap(),
        "--save",
        out_file.to_str().unwrap(),
        "--direction",
        "client",
    ]);
    assert!(!two.status.success());
    assert!(stderr(&two).contains("--stream"), "{}", stderr(&two));
}

#[test]
fn follow_text_in_chinese_says_it_in_chinese() {
    let o = english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(["--lang", "zh-CN", "follow"])
        .arg(capture("tcp-echo-chinese.pcapng"))
        .output()
        .unwrap();
    let text = stdout(&o);
    assert!(text.contains("客户端") && text.contains("服务器"), "{text}");
}

/// Every JSON string, number and key of a packet, in document order, as our `dissect --json`
/// has them.
fn our_json_values(packet: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for layer in packet["layers"].as_array().into_iter().flatten() {
        if layer["protocol"] != "json" {
            continue;
        }
        for key in ["json.key", "json.value.string", "json.value.number"] {
            if let Some(v) = layer["fields"][key].as_array() {
                out.extend(
                    v.iter()
                        .map(|s| format!("{key}={}", s.as_str().unwrap_or(""))),
                );
            } else if let Some(s) = layer["fields"][key].as_str() {
                out.push(format!("{key}={s}"));
            }
        }
    }
    out
}

#[test]
fn json_values_equal_python_json_loads_not_tsharks_cut_strings() {
    if !require("python3") {
        return;
    }
    let path = capture("tcp-json.pcapng");
    let ours: serde_json::Value = serde_json::from_str(&stdout(&layerscope(&[
        "dissect",
        "--json",
        path.to_str().unwrap(),
    ])))
    .unwrap();
    let mut checked = 0;
    for packet in ours.as_array().unwrap() {
        let values = our_json_values(packet);
        if values.is_empty() {
            continue;
        }
        // The payload's bytes, as our own dissection saw them, through Python's json.
        let payload = packet["layers"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|l| l["fields"]["tcp.payload"].as_str())
            .unwrap()
            .replace(':', "");
        let script = r#"
import json, sys
def walk(v, out):
    if isinstance(v, dict):
        for k, x in v.items():
            out.setdefault("json.key", []).append(k)
            walk(x, out)
    elif isinstance(v, list):
        for x in v: walk(x, out)
    elif isinstance(v, str): out.setdefault("json.value.string", []).append(v)
    elif isinstance(v, bool) or v is None: pass
    else: out.setdefault("json.value.number", []).append(json.dumps(v))
out = {}
walk(json.loads(bytes.fromhex(sys.argv[1])), out)
for key in ["json.key", "json.value.string", "json.value.number"]:
    for v in out.get(key, []): print(key + "=" + v)
"#;
        let py = Command::new("python3")
            .args(["-c", script, &payload])
            .output()
            .unwrap();
        let expected: Vec<String> = String::from_utf8(py.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(values, expected);
        checked += 1;
    }
    assert_eq!(checked, 2, "the request and the answer");
    let text = serde_json::to_string(&ours).unwrap();
    for s in ["小飞机", "你好,服务器!", "消息已收到"] {
        assert!(text.contains(&format!("\"{s}\"")), "{s}");
    }
}

#[test]
fn chinese_text_and_gbk_are_read_and_control_bytes_never_reach_the_terminal() {
    // A UTF-8 payload shows as text, a GBK one as GB18030 text, an ESC sequence escaped.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("payloads.pcap");
    let gbk = [0xc4u8, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7];
    let payloads: [&[u8]; 4] = [
        "你好".as_bytes(),
        &gbk,
        b"\x1b[2J the screen stays as it was, gotcha",
        &[0xe4, 0xbd, 0xa0, 0xe5],
    ];
    crate::synth::write_udp_payloads(&file, &payloads);
    let o = layerscope(&["dissect", file.to_str().unwrap()]);
    let text = stdout(&o);
    assert!(text.contains("Text: 你好"), "{text}");
    assert!(text.contains("Text: 你好，世界"), "{text}");
    assert!(text.contains("Text encoding: GB18030"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "raw control bytes printed"
    );
    assert!(text.contains("[2J the screen stays"), "{text}");
    // A character cut at the end of a payload does not make it GB18030.
    assert!(text.contains("Text encoding: UTF-8"), "{text}");
    assert_eq!(text.matches("GB18030").count(), 1, "{text}");
    // The JSON output keeps the control characters, escaped as JSON does.
    let json = stdout(&layerscope(&["dissect", "--json", file.to_str().unwrap()]));
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert!(parsed.to_string().contains("gotcha"));
    // Follow's text escapes them too.
    let follow = stdout(&layerscope(&["follow", "--udp", file.to_str().unwrap()]));
    assert!(!follow.contains('\u{1b}'), "{follow}");
    assert!(
        follow.contains("\\x1b") || follow.contains("\\u{1b}") || follow.contains("\\e"),
        "{follow}"
    );
}

/// Frame numbers tshark displays for a display filter (`-d` makes port 9999 JSON, as our
/// dissector finds it on any port).
fn tshark_matches(path: &Path, filter: &str) -> Vec<u32> {
    let o = Command::new("tshark")
        .args(["-n", "-d", "tcp.port==9999,json", "-r"])
        .arg(path)
        .args(["-Y", filter, "-T", "fields", "-e", "frame.number"])
        .output()
        .unwrap();
    assert!(o.status.success(), "tshark -Y {filter}: {}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| l.trim().parse().unwrap())
        .collect()
}

/// Every frame of the TCP streams and UDP conversations that have a packet `filter`
/// matches, by tshark.
fn tshark_stream_frames(path: &Path, filter: &str) -> Vec<u32> {
    let o = Command::new("tshark")
        .args(["-n", "-d", "tcp.port==9999,json", "-r"])
        .arg(path)
        .args([
            "-Y",
            filter,
            "-T",
            "fields",
            "-e",
            "tcp.stream",
            "-e",
            "udp.stream",
        ])
        .output()
        .unwrap();
    let mut terms = std::collections::BTreeSet::new();
    for line in stdout(&o).lines() {
        let (tcp, udp) = line.split_once('\t').unwrap_or((line, ""));
        if !tcp.is_empty() {
            terms.insert(format!("tcp.stream == {tcp}"));
        } else if !udp.is_empty() {
            terms.insert(format!("udp.stream == {udp}"));
        }
    }
    if terms.is_empty() {
        return Vec::new();
    }
    let all = terms.into_iter().collect::<Vec<_>>().join(" || ");
    tshark_matches(path, &all)
}

#[test]
fn dissect_and_flow_take_a_display_filter_as_tshark_does() {
    if !require("tshark") {
        return;
    }
    let cases = [
        ("tcp-echo-ipv4.pcapng", "tcp.flags.syn == 1"),
        ("tcp-echo-ipv4.pcapng", "tcp.len > 0 && tcp.srcport == 8888"),
        (
            "tcp-upper-two-clients.pcapng",
            "tcp.stream == 1 && tcp.flags.fin == 1",
        ),
        ("tcp-json.pcapng", "json"),
        ("tcp-sticky.pcapng", "frame contains \"world\""),
        ("udp-echo.pcapng", "udp.dstport == 9999"),
        ("tcp-echo-chinese.pcapng", "udp"),
    ];
    for (file, filter) in cases {
        let path = capture(file);
        let expected = tshark_matches(&path, filter);
        // The summary lines keep each packet's own frame number.
        let summary = layerscope(&["dissect", "--summary", "-Y", filter, path.to_str().unwrap()]);
        assert!(
            summary.status.success(),
            "{file} {filter}: {}",
            stderr(&summary)
        );
        let ours: Vec<u32> = stdout(&summary)
            .lines()
            .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(ours, expected, "{file}: -Y {filter}");
        // JSON stays one valid array, empty when nothing matches.
        let json = layerscope(&["dissect", "--json", "-Y", filter, path.to_str().unwrap()]);
        let packets: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout)
            .unwrap_or_else(|e| panic!("{file} -Y {filter}: not JSON ({e})"));
        let numbers: Vec<u32> = packets
            .iter()
            .map(|p| p["frame.number"].as_u64().unwrap() as u32)
            .collect();
        assert_eq!(numbers, expected, "{file}: --json -Y {filter}");
        // The text dissection has one block per matching packet.
        let text = layerscope(&["dissect", "-Y", filter, path.to_str().unwrap()]);
        let blocks = stdout(&text)
            .lines()
            .filter(|l| l.starts_with("Frame "))
            .count();
        assert_eq!(blocks, expected.len(), "{file}: text -Y {filter}");
        // flow draws the streams with a matching packet, and only those: every frame of
        // each, as tshark numbers them.
        let flow = layerscope(&["flow", "-Y", filter, path.to_str().unwrap()]);
        assert!(flow.status.success(), "{file} {filter}: {}", stderr(&flow));
        let mut drawn: Vec<u32> = stdout(&flow)
            .lines()
            .filter_map(|l| l.split_whitespace().next()?.parse().ok())
            .collect();
        drawn.sort_unstable();
        assert_eq!(
            drawn,
            tshark_stream_frames(&path, filter),
            "{file}: flow -Y {filter}"
        );
    }
    // An invalid filter is refused with its position, by each command.
    for cmd in ["dissect", "flow", "follow"] {
        let o = layerscope(&[
            cmd,
            "-Y",
            "tcp.port ==",
            capture("tcp-echo-ipv4.pcapng").to_str().unwrap(),
        ]);
        assert!(!o.status.success());
        assert!(
            stderr(&o).contains("invalid display filter \"tcp.port ==\""),
            "{cmd}: {}",
            stderr(&o)
        );
    }
}
