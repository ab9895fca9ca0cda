//! The built-in demos recorded through the capture helper, checked with tshark; replay and
//! the helper's behaviour when it is killed.

use std::process::{Command, Stdio};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use layerscope::gui::settings::Settings;
use layerscope::gui::{App, Start};

use crate::util::{capture, demo_ports, have, is_root, layerscope, stderr, stdout};

/// tshark's view of a capture: one line per packet with the fields asked for, `|`-separated.
fn tshark_fields(path: &std::path::Path, fields: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec![
        "-r".to_string(),
        path.display().to_string(),
        "-T".into(),
        "fields".into(),
        "-E".into(),
        "separator=|".into(),
    ];
    for f in fields {
        args.push("-e".into());
        args.push(f.to_string());
    }
    let o = Command::new("tshark")
        .args(&args)
        .output()
        .expect("tshark runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| l.split('|').map(str::to_string).collect())
        .collect()
}

fn payloads(path: &std::path::Path) -> Vec<String> {
    tshark_fields(path, &["tcp.payload", "udp.payload"])
        .into_iter()
        .flat_map(|row| row.into_iter())
        .filter(|h| !h.is_empty())
        .map(|hex| {
            let bytes: Vec<u8> = (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect()
}

/// What the server sent in a capture's first TCP stream, as `follow --save` writes it.
fn server_side(capture: &std::path::Path) -> Vec<u8> {
    let saved = capture.with_extension("server.bin");
    let o = layerscope(&[
        "follow",
        capture.to_str().unwrap(),
        "--stream",
        "0",
        "--save",
        saved.to_str().unwrap(),
        "--direction",
        "server",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read(&saved).unwrap()
}

#[test]
fn every_demo_records_the_shape_it_promises() {
    let _ports = demo_ports();
    let dir = tempfile::tempdir().unwrap();
    if !is_root() {
        let out = dir.path().join("x.pcapng");
        let o = layerscope(&["demo", "tcp-echo", "-w", out.to_str().unwrap()]);
        if !o.status.success() {
            assert!(
                stderr(&o).contains("setcap cap_net_raw+ep"),
                "{}",
                stderr(&o)
            );
            crate::util::prerequisite(false, "capture permission (checked the refusal)");
            return;
        }
    }
    assert!(have("tshark"), "tshark is the oracle here");
    let flags = |p: &std::path::Path| -> Vec<String> {
        tshark_fields(p, &["tcp.flags.str"])
            .into_iter()
            .map(|r| r.join(""))
            .collect()
    };
    for s in layerscope::demo::ALL {
        let out = dir.path().join(format!("{}.pcapng", s.name()));
        let o = layerscope(&["demo", s.name(), "-w", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", s.name(), stderr(&o));
        let streams: std::collections::BTreeSet<String> = tshark_fields(&out, &["tcp.stream"])
            .into_iter()
            .map(|r| r.join(""))
            .filter(|v| !v.is_empty())
            .collect();
        let f = flags(&out);
        let text = payloads(&out).join("");
        let name = s.name();
        match s {
            layerscope::demo::Scenario::UdpEcho => {
                assert!(streams.is_empty(), "{name}: UDP has no TCP stream");
                let n = tshark_fields(&out, &["udp.length"]).len();
                assert_eq!(n, 4, "{name}: two datagrams each way");
                assert_eq!(text.matches("Hello, server!").count(), 2, "{name}");
            }
            layerscope::demo::Scenario::Refused => {
                assert_eq!(f.len(), 2, "{name}: {f:?}");
                assert!(f[0].contains('S') && !f[0].contains('A'), "{name}: {f:?}");
                assert!(f[1].contains('R'), "{name}: {f:?}");
            }
            _ => {
                let expected_streams = match s {
                    layerscope::demo::Scenario::Upper | layerscope::demo::Scenario::Http => 2,
                    _ => 1,
                };
                assert_eq!(streams.len(), expected_streams, "{name}");
                // Handshake first, teardown last.
                assert!(
                    f[0].ends_with("··S·") || f[0].contains('S'),
                    "{name}: {f:?}"
                );
                assert!(f[1].contains('S') && f[1].contains('A'), "{name}: {f:?}");
                assert!(
                    f.iter().filter(|x| x.contains('F')).count() >= 2 * expected_streams,
                    "{name}: {f:?}"
                );
                assert!(!f.iter().any(|x| x.contains('R')), "{name}: {f:?}");
            }
        }
        match s {
            layerscope::demo::Scenario::TcpEcho | layerscope::demo::Scenario::TcpEchoV6 => {
                assert_eq!(
                    text.matches("Hello, server!").count(),
                    2,
                    "{name}: both ways"
                );
                if s == layerscope::demo::Scenario::TcpEcho {
                    assert_eq!(text.matches("你好，服务器！").count(), 2, "{name}: {text}");
                }
            }
            layerscope::demo::Scenario::Upper => {
                assert!(
                    text.contains("hello from client one")
                        && text.contains("HELLO FROM CLIENT ONE"),
                    "{name}: {text}"
                );
                assert!(text.contains("HELLO FROM CLIENT TWO"), "{name}");
            }
            layerscope::demo::Scenario::Json => {
                // Python's json.dumps, byte for byte, both ways.
                assert!(
                    text.contains(r#"{"name": "\u5c0f\u98de\u673a", "message": "\u4f60\u597d,\u670d\u52a1\u5668!"}"#),
                    "{name}: {text}"
                );
                assert!(
                    text.contains(
                        r#"{"status": "success", "message": "\u6d88\u606f\u5df2\u6536\u5230"}"#
                    ),
                    "{name}: {text}"
                );
            }
            layerscope::demo::Scenario::Sticky => {
                // Three sends; the server's one recv() got them run together and echoed
                // that in one answer.
                assert_eq!(text, "helloworld中文helloworld中文", "{name}");
                let lens: Vec<String> = tshark_fields(&out, &["tcp.len"])
                    .into_iter()
                    .map(|r| r.join(""))
                    .filter(|l| l != "0")
                    .collect();
                assert_eq!(
                    lens.last().map(String::as_str),
                    Some("16"),
                    "{name}: {lens:?}"
                );
            }
            layerscope::demo::Scenario::Command => {
                // Each answer behind its 4-byte length, as the framing analysis finds it.
                let bytes = server_side(&out);
                let (framing, messages) = layerscope_wire::app::framing::split(&bytes);
                assert_eq!(
                    framing,
                    layerscope_wire::app::framing::Framing::LengthPrefix { big_endian: true },
                    "{name}"
                );
                assert_eq!(messages.len(), 3, "{name}");
                assert!(
                    text.contains("dateWindows") || text.contains("Windows IP 配置"),
                    "{name}: {text}"
                );
            }
            layerscope::demo::Scenario::Download => {
                // The server's side saved from the capture is the length, then the file.
                let bytes = server_side(&out);
                let file = layerscope::demo::lessons::download_file();
                assert_eq!(&bytes[4..], &file[..], "{name}");
                assert_eq!(
                    u32::from_be_bytes(bytes[..4].try_into().unwrap()) as usize,
                    file.len()
                );
            }
            layerscope::demo::Scenario::Http => {
                let summary = stdout(&layerscope(&[
                    "dissect",
                    "--summary",
                    out.to_str().unwrap(),
                ]));
                for line in [
                    "HTTP     176 GET /hello.txt HTTP/1.1",
                    "POST /api HTTP/1.1 {\"name\": \"小飞机\"}",
                    "HTTP/1.1 200 OK {\"status\": \"success\", \"message\": \"消息已收到\"}",
                ] {
                    assert!(summary.contains(line), "{name}: {line} not in\n{summary}");
                }
            }
            layerscope::demo::Scenario::Large => {
                // Bytes carried each way: the highest sequence number reached, so a
                // retransmission on a busy machine does not count twice.
                let mut reach = std::collections::BTreeMap::<String, u64>::new();
                for r in tshark_fields(&out, &["tcp.srcport", "tcp.seq", "tcp.len"]) {
                    let (seq, len) = (
                        r[1].parse::<u64>().unwrap_or(0),
                        r[2].parse::<u64>().unwrap_or(0),
                    );
                    if len > 0 {
                        let e = reach.entry(r[0].clone()).or_default();
                        *e = (*e).max(seq + len - 1);
                    }
                }
                assert_eq!(
                    reach.values().copied().collect::<Vec<_>>(),
                    [204_800, 204_800],
                    "{name}: 200 KB each way"
                );
                let ws = tshark_fields(&out, &["tcp.options.wscale.shift"]);
                assert!(
                    ws.iter().any(|r| !r[0].is_empty()),
                    "{name}: window scaling offered"
                );
            }
            _ => {}
        }
        if s == layerscope::demo::Scenario::TcpEchoV6 {
            let v6 = tshark_fields(&out, &["ipv6.src"]);
            assert!(v6.iter().all(|r| r[0] == "::1"), "{name}: {v6:?}");
        }
    }
}

#[test]
fn a_killed_capture_helper_leaves_every_packet_it_wrote() {
    let port = crate::util::free_tcp_port();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cut.pcap");
    let helper = env!("CARGO_BIN_EXE_layerscope-capture");
    let mut child = Command::new(helper)
        .args(["-i", "lo", "-f", &format!("tcp port {port}"), "-w"])
        .arg(&file)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Whatever happens below, the helper does not outlive the test.
    struct KillOnDrop(u32);
    impl Drop for KillOnDrop {
        fn drop(&mut self) {
            let _ = Command::new("kill")
                .args(["-9", &self.0.to_string()])
                .output();
        }
    }
    let _guard = KillOnDrop(child.id());
    // Wait until it captures (or refuses).
    let mut ended = None;
    let started = crate::util::wait_until(5, || {
        ended = child.try_wait().unwrap();
        ended.is_some() || std::fs::metadata(&file).is_ok_and(|m| m.len() > 0)
    });
    if !started || ended.is_some() {
        if let Some(status) = ended {
            let mut err = String::new();
            use std::io::Read;
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            assert!(!status.success());
            assert!(err.contains("setcap"), "{err}");
            crate::util::prerequisite(false, "capture permission (checked the refusal)");
            return;
        }
        panic!("the helper never started writing");
    }
    // Our echo server and client: one "Hello, server!" exchange on the port.
    layerscope::echo::demo_exchange(port).unwrap();
    // Every packet reaches the file as it comes: wait for the teardown's final ACK.
    let ten = crate::util::wait_until(10, || {
        layerscope::packets::load(&file, None).is_ok_and(|c| c.packets.len() >= 10)
    });
    assert!(ten, "the exchange did not reach the file");
    // SIGKILL: no chance to flush or close anything.
    child.kill().unwrap();
    child.wait().unwrap();
    let back = layerscope::packets::load(&file, None).expect("the file reads back");
    assert_eq!(
        back.packets.len(),
        10,
        "every packet of the exchange is in the file"
    );
    assert!(back.warning.is_none());
    if crate::util::require("tshark") {
        let o = Command::new("tshark")
            .arg("-r")
            .arg(&file)
            .output()
            .unwrap();
        assert!(o.status.success());
        assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 10);
    }
}

/// `layerscope capture` holds its helper's standard input: killed outright (no handler
/// runs), the pipe closes with it and the helper completes its file and ends, on any
/// system, with no signal sent to it.
#[test]
fn a_killed_capture_command_takes_its_helper_with_it() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("parent-gone.pcapng");
    let port = crate::util::free_tcp_port();
    let mut cmd = crate::util::english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(["capture", "-f", &format!("tcp port {port}"), "-w"])
        .arg(&file)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(cmd.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    if !line.starts_with("Capturing on") {
        let _ = cmd.wait();
        crate::util::prerequisite(false, &format!("capture permission ({})", line.trim()));
        return;
    }
    let children =
        std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", cmd.id())).unwrap();
    let helper: u32 = children.split_whitespace().next().unwrap().parse().unwrap();
    cmd.kill().unwrap();
    cmd.wait().unwrap();
    // The helper sees its standard input close: it finishes and exits.
    let gone = crate::util::wait_until(10, || {
        std::fs::read_to_string(format!("/proc/{helper}/stat")).map_or(true, |s| s.contains(") Z "))
    });
    assert!(gone, "the helper outlived its parent");
    let back = layerscope::packets::load(&file, None).expect("the file reads back");
    assert!(back.warning.is_none(), "{:?}", back.warning);
}

fn harness(start: Start) -> Harness<'static, App> {
    crate::util::use_built_helper();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(10_000)
        .build_eframe(move |cc| {
            App::with_settings(cc.egui_ctx.clone(), Settings::default(), start)
        });
    crate::util::step_until(&mut h, 20, "the file loaded", |app| {
        !app.session.is_loading() || app.session.is_live()
    });
    h.run_steps(3);
    h
}

#[test]
fn the_demo_button_shows_the_exchange_and_the_ladder_fills() {
    let _ports = demo_ports();
    let mut h = harness(Start::default());
    h.get_by_label("▶ Run echo demo").click();
    h.run_steps(2);
    // The demo runs, then stops the capture by itself after the teardown.
    crate::util::step_until(&mut h, 20, "the demo's end", |app| {
        app.demo.is_none() && !app.session.is_loading()
    });
    h.run_steps(2);
    if let Some(problem) = h.state().capture.permission_problem.clone() {
        assert!(problem.contains("setcap"), "{problem}");
        // The panel offers the recording instead, labelled as one.
        h.get_by_label("Replay the recording of this demo").click();
        crate::util::step_until(&mut h, 20, "the recording replayed", |app| {
            app.replay.as_ref().is_some_and(|r| !r.playing)
        });
        h.get_by_label_contains("This is a recording of the");
        crate::util::prerequisite(false, "capture permission (checked the recording instead)");
        return;
    }
    let n = h.state().session.store.len();
    assert_eq!(
        n, 14,
        "handshake, three messages and their echoes and ACKs, teardown"
    );
    // The list followed the capture to its end; Home goes back to the handshake.
    h.key_press(egui::Key::Home);
    h.run_steps(3);
    h.get_by_label_contains("8888 [SYN] Seq=0");
    assert_eq!(
        h.query_all_by_label_contains("Len=14 \"Hello, server!\"")
            .count(),
        2
    );
    h.get_by_label("TCP ladder").click();
    h.run_steps(3);
    h.get_by_label("frame 1 client → server: [SYN] Seq=0 Len=0");
    h.get_by_label("frame 2 server → client: [SYN, ACK] Seq=0 Ack=1 Len=0");
    h.get_by_label("frame 3 client → server: [ACK] Seq=1 Ack=1 Len=0");
}

#[test]
fn replay_shows_packets_in_order_and_stops_at_the_end() {
    let mut h = harness(Start {
        open: Some(capture("tcp-upper-two-clients.pcapng")),
        ..Start::default()
    });
    let total = h.state().session.store.len() as u32;
    h.state_mut().start_replay();
    h.state_mut().replay.as_mut().unwrap().speed = 10.0;
    h.run_steps(2);
    h.get_by_label("Replay");
    let mut seen = vec![];
    crate::util::step_until(&mut h, 20, "the replay's end", |app| {
        let replay = app.replay.as_ref().unwrap();
        if seen.last() != Some(&replay.shown) {
            seen.push(replay.shown);
            // The list shows exactly the packets replayed so far, the newest selected.
            assert_eq!(app.list().len(), replay.shown as usize);
            assert_eq!(app.selection.selected, replay.shown.checked_sub(1));
        }
        !replay.playing
    });
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "in order: {seen:?}");
    assert_eq!(*seen.last().unwrap(), total, "to the end");
    assert!(!h.state().replay.as_ref().unwrap().playing, "stops there");
    // Step back and forward: the previous and next packets are selected.
    h.run_steps(2);
    h.get_by_label("⏮ Back").click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(total - 2));
    assert_eq!(h.state().list().len(), total as usize - 1);
    h.get_by_label("⏮ Back").click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(total - 3));
    h.get_by_label("Next ⏭").click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(total - 2));
    // The ladder follows the replay: only arrows already replayed.
    h.get_by_label("TCP ladder").click();
    h.run_steps(3);
    // (the second client's stream: frames 11 to 20, the last not replayed yet)
    assert!(h
        .query_by_label_contains(&format!("frame {} ", total))
        .is_none());
    h.get_by_label_contains("frame 11 client → server: [SYN]");
    h.get_by_label("Exit replay").click();
    h.run_steps(2);
    assert_eq!(h.state().list().len(), total as usize);
}

#[test]
fn the_window_reports_a_killed_capture_helper_and_keeps_its_packets() {
    let port = crate::util::free_tcp_port();
    let mut h = harness(Start {
        live: Some(crate::util::loopback_tcp(port)),
        ..Start::default()
    });
    if !crate::util::capture_started(&mut h) {
        crate::util::prerequisite(false, "capture permission");
        return;
    }
    // Our echo server and client: one "Hello, server!" exchange on the port.
    layerscope::echo::demo_exchange(port).unwrap();
    crate::util::step_until(&mut h, 10, "the ten packets of the exchange", |app| {
        app.session.store.len() >= 10
    });
    let pid = h
        .state()
        .session
        .loading
        .as_ref()
        .unwrap()
        .child_pid()
        .unwrap();
    assert_ne!(
        pid,
        std::process::id(),
        "the capture runs in another process"
    );
    let o = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .output()
        .unwrap();
    assert!(o.status.success());
    crate::util::step_until(&mut h, 10, "the capture's end", |app| {
        !app.session.is_loading()
    });
    h.run_steps(2);
    assert_eq!(h.state().session.store.len(), 10, "what arrived stays");
    h.get_by_label_contains("the capture helper stopped unexpectedly");
    h.get_by_label("Packets: 10");
}
