//! HTTP, DNS and TLS against tshark, field by field and Info line by Info line, on the
//! bundled recordings of curl and python3 -m http.server, dnsmasq and dig, and openssl's
//! s_server and s_client.

use std::process::Command;

use serde_json::Value;

use crate::util::{capture, layerscope, require, stderr, stdout};

/// tshark's values for some fields of the packets a display filter selects, beside our
/// `dissect --json` and `--summary` of the same file.
struct Oracle {
    /// Per selected packet: its frame number and tshark's EK `layers` object.
    rows: Vec<(usize, Value)>,
    ours: Vec<Value>,
    summary: String,
}

impl Oracle {
    fn new(file: &str, decode_as: &[&str], filter: &str, fields: &[&str]) -> Oracle {
        let path = capture(file);
        let mut cmd = Command::new("tshark");
        cmd.arg("-n");
        for d in decode_as {
            cmd.args(["-d", d]);
        }
        cmd.arg("-r").arg(&path);
        cmd.args([
            "-Y",
            filter,
            "-T",
            "ek",
            "-e",
            "frame.number",
            "-e",
            "_ws.col.Info",
        ]);
        for f in fields {
            cmd.args(["-e", f]);
        }
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let rows = stdout(&o)
            .lines()
            .filter(|l| l.contains("\"layers\""))
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                let layers = v["layers"].clone();
                let n = layers["frame_number"][0].as_str().unwrap().parse().unwrap();
                (n, layers)
            })
            .collect();
        let file = path.to_str().unwrap();
        let json = layerscope(&["dissect", "--json", file]);
        Oracle {
            rows,
            ours: serde_json::from_slice(&json.stdout).unwrap(),
            summary: stdout(&layerscope(&["dissect", "--summary", file])),
        }
    }

    /// tshark's values of `key` in a row, as text both sides agree on.
    fn theirs(row: &Value, key: &str) -> Vec<String> {
        row[key.replace('.', "_")]
            .as_array()
            .map(|a| a.iter().map(|s| normal(s.as_str().unwrap())).collect())
            .unwrap_or_default()
    }

    /// Our values of `key` in frame `number`.
    fn ours(&self, number: usize, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for layer in self.ours[number - 1]["layers"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let items = match &layer["fields"][key] {
                Value::Array(a) => a.clone(),
                Value::Null => continue,
                v => vec![v.clone()],
            };
            out.extend(items.iter().map(|i| match i {
                Value::String(s) => normal(s),
                other => normal(&other.to_string()),
            }));
        }
        out
    }

    /// Every selected frame's `fields` and Info line equal tshark's; how many values were
    /// compared.
    fn same_fields_and_info(&self, fields: &[&str]) -> usize {
        let mut compared = 0;
        for (n, row) in &self.rows {
            for f in fields {
                let theirs = Oracle::theirs(row, f);
                assert_eq!(self.ours(*n, f), theirs, "frame {n}: {f}");
                compared += theirs.len();
            }
            self.same_info(*n, row);
        }
        compared
    }

    /// Our Info column for frame `number` ends with tshark's.
    fn same_info(&self, number: usize, row: &Value) {
        let info = row["_ws_col_Info"][0].as_str().unwrap();
        let ours = self
            .summary
            .lines()
            .find(|l| l.split_whitespace().next() == Some(&number.to_string()))
            .unwrap();
        assert!(
            ours.ends_with(info.trim_end()),
            "frame {number}: {ours:?} vs {info:?}"
        );
    }
}

/// A value as text both sides agree on: integers in decimal (tshark writes some in hex),
/// booleans as 0 and 1, bytes as bare hex (tshark's EK output has no colons).
fn normal(v: &str) -> String {
    let hex_bytes = |b: &str| b.len() == 2 && b.bytes().all(|c| c.is_ascii_hexdigit());
    if v.contains(':') && v.split(':').all(hex_bytes) {
        return v.replace(':', "");
    }
    match v {
        "true" | "True" => return "1".into(),
        "false" | "False" => return "0".into(),
        _ => {}
    }
    if let Some(hex) = v.strip_prefix("0x") {
        if let Ok(n) = u64::from_str_radix(hex, 16) {
            return n.to_string();
        }
    }
    v.to_string()
}

/// The fields of a registry module that carry a value (grouping nodes have none).
fn valued(all: &[&'static layerscope_wire::registry::FieldDef]) -> Vec<&'static str> {
    all.iter()
        .filter(|d| d.kind != layerscope_wire::registry::Kind::None)
        .map(|d| d.abbrev)
        .collect()
}

/// The HTTP fields compared with tshark.
const HTTP_FIELDS: [&str; 25] = [
    "tcp.segment",
    "tcp.segment.count",
    "tcp.reassembled.length",
    "tcp.reassembled.data",
    "http.request.method",
    "http.request.uri",
    "http.request.version",
    "http.request.full_uri",
    "http.request.line",
    "http.response.version",
    "http.response.code",
    "http.response.phrase",
    "http.response.line",
    "http.host",
    "http.user_agent",
    "http.accept",
    "http.content_type",
    "http.content_length_header",
    "http.content_length",
    "http.connection",
    "http.transfer_encoding",
    "http.server",
    "http.date",
    "http.last_modified",
    "json.key",
];

#[test]
fn http_headers_and_bodies_equal_tshark_on_the_recorded_exchange() {
    if !require("tshark") {
        return;
    }
    // Every message, those joined from several segments included (headers in one segment
    // and the body in the next; a chunked answer over five).
    let o = Oracle::new("http.pcapng", &[], "http", &HTTP_FIELDS);
    let mut compared = 0;
    for (n, row) in &o.rows {
        for f in HTTP_FIELDS {
            let theirs = Oracle::theirs(row, f);
            assert_eq!(o.ours(*n, f), theirs, "frame {n}: {f}");
            compared += theirs.len();
        }
    }
    // Two GETs and their answers (one reassembled from 2 segments, one chunked from 5),
    // a JSON POST and its JSON answer.
    assert_eq!(o.rows.len(), 6, "HTTP messages");
    assert!(compared > 60, "{compared} values compared");
    let reassembled: Vec<_> = o
        .rows
        .iter()
        .filter(|(_, row)| !Oracle::theirs(row, "tcp.segment.count").is_empty())
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(reassembled, [8, 26], "the messages tshark reassembles");
}

#[test]
fn dns_fields_and_info_lines_equal_tshark_on_the_recorded_exchange() {
    if !require("tshark") {
        return;
    }
    let fields = valued(layerscope_wire::registry::dns::ALL);
    let o = Oracle::new("dns.pcapng", &[], "dns", &fields);
    let compared = o.same_fields_and_info(&fields);
    // Six questions and their answers: A, CNAME, AAAA and TXT over UDP, one over TCP,
    // one refused.
    assert_eq!(o.rows.len(), 12, "DNS messages");
    assert!(compared > 300, "{compared} values compared");
}

#[test]
fn tls_hellos_and_records_equal_tshark_on_the_recorded_exchange() {
    if !require("tshark") {
        return;
    }
    let mut fields = valued(layerscope_wire::registry::tls::ALL);
    fields.push("tls.record.opaque_type");
    let o = Oracle::new("tls.pcapng", &["tcp.port==8443,tls"], "tls", &fields);
    let mut compared = 0;
    let mut names = Vec::new();
    for (n, row) in &o.rows {
        for f in fields.iter().filter(|f| **f != "tls.record.opaque_type") {
            let mut theirs = Oracle::theirs(row, f);
            if *f == "tls.record.content_type" {
                // Once the Server Hello has chosen TLS 1.3, tshark calls the type of the
                // encrypted records that follow `tls.record.opaque_type`: a fact about the
                // connection, where we read each record's header as it is. They come after
                // the records in the clear, so the two lists join in record order.
                theirs.extend(Oracle::theirs(row, "tls.record.opaque_type"));
            }
            let ours = o.ours(*n, f);
            assert_eq!(ours, theirs, "frame {n}: {f}");
            compared += theirs.len();
            if f.ends_with("extensions_server_name") || f.ends_with("extensions_alpn_str") {
                names.extend(ours);
            }
        }
        o.same_info(*n, row);
    }
    // The SNI and the protocols offered in the Client Hello.
    assert_eq!(names, ["course.lab", "h2", "http/1.1"]);
    assert!(o.rows.len() >= 8, "{} TLS frames", o.rows.len());
    assert!(compared > 100, "{compared} values compared");
}

/// The fields reassembly adds to the frame that completes a message.
const REASSEMBLY_FIELDS: [&str; 4] = [
    "tcp.segment",
    "tcp.segment.count",
    "tcp.reassembled.length",
    "tcp.reassembled.data",
];

#[test]
fn dns_and_tls_messages_cut_by_tcp_equal_tshark_once_reassembled() {
    if !require("tshark") {
        return;
    }
    // DNS over TCP: the query's length alone, then the message in two pieces; the answer
    // cut inside its name.
    let mut fields = valued(layerscope_wire::registry::dns::ALL);
    fields.extend(REASSEMBLY_FIELDS);
    let o = Oracle::new("tcp-split.pcapng", &["tcp.port==8443,tls"], "dns", &fields);
    let frames: Vec<usize> = o.rows.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        frames,
        [8, 12],
        "the frames that complete the two DNS messages"
    );
    let compared = o.same_fields_and_info(&fields);
    assert_eq!(o.ours(8, "tcp.segment"), ["4", "6", "8"]);
    assert!(compared > 40, "{compared} values compared");
    // A Client Hello in three segments, the first cut inside the record header.
    let mut fields = valued(layerscope_wire::registry::tls::ALL);
    fields.extend(REASSEMBLY_FIELDS);
    let o = Oracle::new(
        "tcp-split.pcapng",
        &["tcp.port==8443,tls"],
        "tls.handshake",
        &fields,
    );
    let frames: Vec<usize> = o.rows.iter().map(|(n, _)| *n).collect();
    assert_eq!(frames, [22], "the frame that completes the Client Hello");
    for f in &fields {
        assert_eq!(
            o.ours(22, f),
            Oracle::theirs(&o.rows[0].1, f),
            "frame 22: {f}"
        );
    }
    assert_eq!(
        o.ours(22, "tls.handshake.extensions_server_name"),
        ["course.lab"]
    );
    assert_eq!(o.ours(22, "tcp.segment"), ["18", "20", "22"]);
    // The joined layers point into the reassembled bytes, and say so.
    let sources: Vec<&str> = o.ours[21]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["source"].as_str().unwrap_or("frame"))
        .collect();
    assert_eq!(sources, ["frame", "frame", "frame", "reassembled"]);
}

#[test]
fn json_values_cut_or_joined_by_tcp_equal_python_json() {
    if !require("python3") {
        return;
    }
    // Python's json reads the client's bytes, value after value (tshark's JSON dissector
    // joins no segments and reads one value per payload, so it cannot be the oracle).
    let path = capture("tcp-split.pcapng");
    let file = path.to_str().unwrap();
    let saved = std::env::temp_dir().join(format!("layerscope-split-{}", std::process::id()));
    let out = layerscope(&[
        "follow",
        file,
        "--stream",
        "2",
        "--save",
        saved.to_str().unwrap(),
        "--direction",
        "client",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let script = "import json,sys\n\
        data = open(sys.argv[1], encoding='utf-8').read()\n\
        d, at, out = json.JSONDecoder(), 0, []\n\
        while at < len(data):\n\
        \x20   v, at = d.raw_decode(data, at)\n\
        \x20   for k, x in v.items(): out.append(k); out.append(str(x))\n\
        print(json.dumps(out, ensure_ascii=False))";
    let py = Command::new("python3")
        .args(["-c", script])
        .arg(&saved)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&saved);
    assert!(py.status.success(), "{}", stderr(&py));
    let python: Vec<String> = serde_json::from_slice(&py.stdout).unwrap();
    // Ours: the keys and values of every JSON member, frame after frame.
    let json = layerscope(&["dissect", "--json", "-Y", "json", file]);
    let packets: Vec<Value> = serde_json::from_slice(&json.stdout).unwrap();
    let mut ours = Vec::new();
    for p in &packets {
        for l in p["layers"].as_array().unwrap() {
            let f = &l["fields"];
            let list = |k: &str| match &f[k] {
                Value::Array(a) => a.clone(),
                Value::Null => Vec::new(),
                v => vec![v.clone()],
            };
            let (keys, strings, numbers) = (
                list("json.key"),
                list("json.value.string"),
                list("json.value.number"),
            );
            let (mut s, mut n) = (strings.iter(), numbers.iter());
            for k in keys {
                ours.push(k.as_str().unwrap().to_string());
                // Members alternate: "name"/"message" hold strings, "seq" a number.
                let v = if k == "seq" { n.next() } else { s.next() };
                ours.push(match v.unwrap() {
                    Value::String(t) => t.clone(),
                    other => other.to_string(),
                });
            }
        }
    }
    assert_eq!(ours, python);
    assert!(python.contains(&"小飞机".to_string()), "{python:?}");
    // The first value spans frames 31 and 33 and is read once, in 33.
    let frames: Vec<u64> = packets
        .iter()
        .map(|p| p["frame.number"].as_u64().unwrap())
        .collect();
    assert_eq!(frames, [33, 35, 37]);
}
