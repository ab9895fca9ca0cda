//! The course's own Python programs (`examples/python/`), run under a real capture on `lo`:
//! what the students send — `'你好'`, `json.dumps` with Chinese, three sends read by one
//! recv, a length-prefixed answer, a file — must come out of `dissect --json` and `follow`
//! as the programs wrote and read it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use layerscope_wire::app::framing::{self, Framing};
use serde_json::Value;

use crate::util::{english, layerscope, require, root, stderr, stdout};

fn example(name: &str) -> PathBuf {
    root().join("examples/python").join(name)
}

/// Starts a Python program and waits until it says it listens.
fn python_server(script: &str, args: &[&str]) -> Child {
    let mut child = Command::new("python3")
        .arg(example(script))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    assert!(
        first.contains("listening on") || first.contains("SHA-256"),
        "{script}: {first}"
    );
    if first.contains("SHA-256") {
        let second = lines.next().and_then(Result::ok).unwrap_or_default();
        assert!(second.contains("listening on"), "{script}: {second}");
    }
    // Drain the rest so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.map_while(Result::ok).count());
    child
}

fn python(script: &str, args: &[&str]) -> String {
    let o = Command::new("python3")
        .arg(example(script))
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{script}: {}", stderr(&o));
    stdout(&o)
}

/// Records `lo` for `filter` into `file` while `run` runs; None without capture
/// permission (a failure under CI).
fn record(file: &Path, filter: &str, run: impl FnOnce()) -> Option<()> {
    let mut cap = english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(["capture", "-i", "lo", "-f", filter, "-w"])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(cap.stderr.take().unwrap()).lines();
    let mut said = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap_or_default();
        let ok = line.contains("Capturing on");
        said.push(line);
        if ok {
            break;
        }
    }
    let rest = std::thread::spawn(move || lines.map_while(Result::ok).count());
    if !said.iter().any(|l| l.contains("Capturing on")) {
        let _ = cap.wait();
        assert!(said.join("\n").contains("setcap"), "{said:?}");
        crate::util::prerequisite(false, "capture permission (the course's programs)");
        return None;
    }
    run();
    // The capture writes each packet as it comes: wait until the last FIN's ACK is in,
    // or a few seconds.
    crate::util::wait_until(5, || {
        let o = layerscope(&["flow", file.to_str().unwrap()]);
        stdout(&o).contains("final ACK")
    });
    let _ = Command::new("kill")
        .args(["-INT", &cap.id().to_string()])
        .status();
    cap.wait().unwrap();
    let _ = rest.join();
    Some(())
}

fn packets(file: &Path) -> Vec<Value> {
    let o = layerscope(&["dissect", "--json", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Every value of field `key` in the capture, in frame order.
fn values(packets: &[Value], key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in packets {
        for layer in p["layers"].as_array().into_iter().flatten() {
            match &layer["fields"][key] {
                Value::String(s) => out.push(s.clone()),
                Value::Array(v) => {
                    out.extend(v.iter().filter_map(|s| s.as_str().map(String::from)))
                }
                _ => {}
            }
        }
    }
    out
}

fn follow(file: &Path, args: &[&str]) -> String {
    let mut all = vec!["follow", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = layerscope(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// The bytes one side sent, as `follow --save` writes them.
fn saved(file: &Path, direction: &str) -> Vec<u8> {
    let out = file.with_extension(format!("{direction}.bin"));
    let o = layerscope(&[
        "follow",
        file.to_str().unwrap(),
        "--stream",
        "0",
        "--save",
        out.to_str().unwrap(),
        "--direction",
        direction,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read(out).unwrap()
}

/// The lines of `text` that hold `needles`, in order.
fn in_order(text: &str, needles: &[&str]) {
    let mut at = 0;
    for n in needles {
        let Some(found) = text[at..].find(n) else {
            panic!("{n:?} not after byte {at} of:\n{text}");
        };
        at += found + n.len();
    }
}

#[test]
fn the_course_python_programs_are_seen_as_they_wrote_and_read() {
    if !require("python3") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let port = crate::util::free_tcp_port().to_string();
    let filter = format!("tcp port {port}");
    let args = ["--port", port.as_str()];

    // Echo: "Hello, server!" and '你好'.encode('utf-8').
    let echo = dir.path().join("echo.pcapng");
    let Some(()) = record(&echo, &filter, || {
        let mut server = python_server("echo_server.py", &["--port", &port, "--once"]);
        let said = python("echo_client.py", &args);
        assert!(said.contains("received: 你好"), "{said}");
        server.wait().unwrap();
    }) else {
        return;
    };
    let p = packets(&echo);
    let texts = values(&p, "data.text");
    assert_eq!(
        texts,
        ["Hello, server!", "Hello, server!", "你好", "你好"],
        "{texts:?}"
    );
    in_order(
        &follow(&echo, &[]),
        &[
            "▶ client",
            "Hello, server!",
            "◀ server",
            "Hello, server!",
            "▶ client",
            "你好",
            "◀ server",
            "你好",
        ],
    );

    // JSON: json.dumps with Chinese, escaped on the wire, read back as the program wrote it.
    let json = dir.path().join("json.pcapng");
    record(&json, &filter, || {
        let mut server = python_server("json_server.py", &["--port", &port, "--once"]);
        let said = python("json_client.py", &args);
        assert!(said.contains("消息已收到"), "{said}");
        server.wait().unwrap();
    });
    let strings = values(&packets(&json), "json.value.string");
    assert_eq!(strings, ["小飞机", "你好,服务器!", "success", "消息已收到"]);
    in_order(
        &follow(&json, &["--stream", "0"]),
        &[
            r#"{"name": "\u5c0f\u98de\u673a""#,
            r#""message": "\u6d88\u606f\u5df2\u6536\u5230"}"#,
        ],
    );

    // Sticky packets: three sends, one recv.
    let sticky = dir.path().join("sticky.pcapng");
    record(&sticky, &filter, || {
        let mut server = python_server("sticky_server.py", &args);
        let said = python("sticky_client.py", &args);
        assert!(said.contains("helloworld中文"), "{said}");
        server.wait().unwrap();
    });
    let client_bytes = saved(&sticky, "client");
    assert_eq!(client_bytes, "helloworld中文".as_bytes());
    // Nothing in the bytes says where the sends ended.
    assert_eq!(framing::split(&client_bytes).0, Framing::None);
    assert_eq!(saved(&sticky, "server"), "helloworld中文".as_bytes());

    // The safe remote command: each answer behind a 4-byte length, in network order.
    let command = dir.path().join("command.pcapng");
    record(&command, &filter, || {
        let mut server = python_server("command_server.py", &["--port", &port, "--once"]);
        let said = python(
            "command_client.py",
            &["--port", &port, "date", "ls", "ipconfig"],
        );
        assert!(said.contains("Windows IP 配置"), "{said}");
        server.wait().unwrap();
    });
    let answers = saved(&command, "server");
    let (found, messages) = framing::split(&answers);
    assert_eq!(found, Framing::LengthPrefix { big_endian: true });
    assert_eq!(messages.len(), 3);
    let last = &answers[messages[2].body.clone()];
    assert!(String::from_utf8_lossy(last).starts_with("Windows IP 配置"));

    // Download: the server's side, saved from the capture, is the file behind its length.
    let download = dir.path().join("download.pcapng");
    let original: Vec<u8> = (0..150_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let source = dir.path().join("file.bin");
    std::fs::write(&source, &original).unwrap();
    let got = dir.path().join("got.bin");
    record(&download, &filter, || {
        let mut server = python_server(
            "download_server.py",
            &[source.to_str().unwrap(), "--port", &port],
        );
        python(
            "download_client.py",
            &[got.to_str().unwrap(), "--port", &port],
        );
        server.wait().unwrap();
    });
    assert_eq!(std::fs::read(&got).unwrap(), original);
    let sent = saved(&download, "server");
    assert_eq!(&sent[4..], &original[..]);
    assert_eq!(u32::from_be_bytes(sent[..4].try_into().unwrap()), 150_000);
}
