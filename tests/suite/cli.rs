//! The command line as a user types it.

use crate::util::{capture, layerscope, root, stderr, stdout};

#[test]
fn without_a_display_the_window_explains_what_to_run_instead() {
    let o = crate::util::english(std::process::Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run layerscope");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no display"), "{err}");
    assert!(err.contains("layerscope dissect FILE"), "{err}");
}

#[test]
fn an_invalid_display_filter_on_the_command_line_is_refused_with_its_position() {
    let o = crate::util::english(std::process::Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(["-Y", "tcp.port == ", "captures/tcp-echo-ipv4.pcapng"])
        .env_remove("DISPLAY")
        .output()
        .expect("run layerscope");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("invalid display filter"), "{err}");
    assert!(err.contains("column 13"), "{err}");
}

#[test]
fn flow_shows_the_bundled_echo_as_a_ladder() {
    let bundled = capture("tcp-echo-ipv4.pcapng");
    let o = layerscope(&["flow", bundled.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("TCP stream 0: client 127.0.0.1:"), "{out}");
    for step in [
        "handshake 1/3: SYN",
        "handshake 2/3: SYN-ACK",
        "handshake 3/3: ACK",
        "teardown: FIN",
        "teardown: final ACK",
    ] {
        assert!(out.contains(step), "missing {step} in\n{out}");
    }
    assert!(out.contains("data Hello, server!"));
}

#[test]
fn text_dissection_heads_each_layer_with_osi_and_tcpip_names() {
    let f = capture("tcp-echo-ipv4.pcapng");
    let o = layerscope(&["dissect", "-c", "4", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.matches("Frame ").count(), 4, "-c 4 prints four packets");
    assert!(out.contains("Ethernet II · OSI 2 Data link · TCP/IP Link"));
    assert!(out.contains("IPv4 · OSI 3 Network · TCP/IP Internet"));
    assert!(out.contains("TCP · OSI 4 Transport · TCP/IP Transport"));
    assert!(out.contains("Data · OSI 7 Application · TCP/IP Application"));
    assert!(out.contains(".... .... .... ..1. = Syn: Set  [tcp.flags.syn]"));
    assert!(out.contains("Text: Hello, server!  [data.text]"));
}

#[test]
fn json_is_keyed_by_wireshark_names_with_tshark_conventions() {
    let v = crate::util::our_json(&capture("tcp-echo-ipv4.pcapng"));
    let syn = &v[0];
    assert_eq!(syn["frame.number"], 1);
    assert_eq!(syn["frame.protocols"], "eth:ethertype:ip:tcp");
    let tcp = syn["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["protocol"] == "tcp")
        .unwrap();
    assert_eq!(tcp["osi"], 4);
    assert_eq!(tcp["tcpip"], "transport");
    assert_eq!(tcp["pdu"], "segment");
    assert_eq!(tcp["fields"]["tcp.flags.syn"], true);
    assert_eq!(tcp["fields"]["tcp.ack"], 0);
    assert_eq!(tcp["fields"]["tcp.seq"], 0);
    assert!(tcp["fields"]["tcp.seq_raw"].as_u64().unwrap() > 0);
    let eth = &syn["layers"][0];
    assert_eq!(eth["fields"]["eth.src"], "00:00:00:00:00:00");
}

#[test]
fn a_file_that_is_not_a_capture_says_what_it_is() {
    let o = layerscope(&["dissect", root().join("Cargo.toml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("is not a pcap or pcapng capture file (it looks like plain text)"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let o = layerscope(&["dissect", "/nonexistent/x.pcap"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot open /nonexistent/x.pcap: No such file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_truncated_file_shows_every_complete_packet_and_warns() {
    let full = std::fs::read(capture("tcp-echo-ipv4.pcapng")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.pcapng");
    // Cut into the middle of the last packet block.
    std::fs::write(&cut, &full[..full.len() - 30]).unwrap();
    let o = layerscope(&["dissect", "--summary", cut.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().count(),
        9,
        "nine complete packets of ten"
    );
    assert!(
        stderr(&o).contains("is damaged after packet 9"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stdin_reads_a_pcap_stream() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let bytes = std::fs::read(capture("udp-echo.pcapng")).unwrap();
    let mut child = crate::util::english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(["dissect", "--summary", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let o = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.contains("→ 9999 Len=14 \"Hello, server!\""), "{out}");
}

#[test]
fn flow_draws_a_refused_connection_as_syn_then_rst() {
    let o = layerscope(&["flow", capture("tcp-refused.pcapng").to_str().unwrap()]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains('[')).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("[SYN] Seq=0") && lines[0].contains('▶'));
    assert!(
        lines[1].contains("[RST, ACK]") && lines[1].contains('◀') && lines[1].contains("CLOSED")
    );
}

#[test]
fn interfaces_lists_loopback_first() {
    let o = layerscope(&["interfaces"]);
    assert!(o.status.success());
    let first = stdout(&o).lines().next().unwrap_or_default().to_string();
    assert!(first.starts_with("1. lo (loopback)"), "{first}");
    assert!(stdout(&o).contains("127.0.0.1/8"));
}

#[test]
fn capture_without_permission_prints_the_group_restricted_fix() {
    use std::os::unix::fs::PermissionsExt;
    if !crate::util::prerequisite(
        crate::util::is_root() && crate::util::have("su"),
        "root and su, to run as an unprivileged user",
    ) {
        return;
    }
    // As root, drop to `nobody` with copies of both binaries it may execute; the helper
    // has no capability.
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = dir.path().join("layerscope");
    let helper = dir.path().join("layerscope-capture");
    std::fs::copy(env!("CARGO_BIN_EXE_layerscope"), &bin).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_layerscope-capture"), &helper).unwrap();
    for b in [&bin, &helper] {
        std::fs::set_permissions(b, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let o = std::process::Command::new("su")
        .args(["nobody", "-s", "/bin/sh", "-c"])
        .arg(format!("{} capture -i lo -c 1", bin.display()))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("Operation not permitted"), "{err}");
    // The fix: the helper alone, one group, cap_net_raw only; never the main binary.
    for line in [
        "sudo groupadd -f --system layerscope".to_string(),
        format!("sudo chgrp layerscope {}", helper.display()),
        format!("sudo chmod 750 {}", helper.display()),
        format!("sudo setcap cap_net_raw+ep {}", helper.display()),
    ] {
        assert!(err.contains(&line), "{line} in {err}");
    }
    assert!(!err.contains("cap_net_admin"), "{err}");
    assert!(
        !err.contains(&format!("setcap cap_net_raw+ep {}\n", bin.display())),
        "{err}"
    );
}

/// `dissect` prints batches on several threads: across many batches the output must stay in
/// capture order, with times relative to the first packet and to the one before, and `-c`
/// must stop exactly where asked.
#[test]
fn dissect_output_keeps_capture_order_across_batches() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("synth.pcap");
    let total = 2_000;
    crate::synth::synthesise(&file, total).unwrap();
    let path = file.to_str().unwrap();

    let o = layerscope(&["dissect", "--json", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let packets: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(packets.len(), total);
    // One object a line; times as written, to the nanosecond (the synthetic capture puts
    // 7 µs between packets).
    let text = stdout(&o);
    let objects: Vec<&str> = text.lines().filter(|l| l.starts_with('{')).collect();
    assert_eq!(objects.len(), total);
    for (i, (p, line)) in packets.iter().zip(objects).enumerate() {
        assert_eq!(p["frame.number"], i + 1, "packet {i}");
        let ns = i * 7_000;
        let relative = format!(
            "\"frame.time_relative\":{}.{:09},",
            ns / 1_000_000_000,
            ns % 1_000_000_000
        );
        assert!(
            line.contains(&relative),
            "packet {i}: {relative} in {line:.200}"
        );
        let delta = if i == 0 { "0.000000000" } else { "0.000007000" };
        let delta = format!("\"frame.time_delta\":{delta},");
        assert!(line.contains(&delta), "packet {i}: {delta} in {line:.200}");
    }

    let o = layerscope(&["dissect", path]);
    let frames: Vec<u32> = stdout(&o)
        .lines()
        .filter_map(|l| l.strip_prefix("Frame ")?.split(':').next()?.parse().ok())
        .collect();
    assert_eq!(frames, (1..=total as u32).collect::<Vec<_>>());

    let o = layerscope(&["dissect", "--summary", "-c", "700", path]);
    let lines: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 700);
    assert!(
        lines[699].trim_start().starts_with("700 "),
        "{}",
        lines[699]
    );
}

#[test]
fn a_pcapng_mixing_snapshot_lengths_is_explained_not_called_damaged() {
    if !crate::util::require("mergecap") || !crate::util::require("editcap") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mixed = dir.path().join("mixed.pcapng");
    // Two interfaces, 262144 and 60 bytes of snapshot: libpcap refuses the second.
    let o = std::process::Command::new("mergecap")
        .args(["-F", "pcapng", "-w"])
        .arg(&mixed)
        .arg(crate::util::capture("tcp-echo-ipv4.pcapng"))
        .arg(crate::util::capture("tcp-echo-ipv4-s60.pcapng"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    let o = crate::util::layerscope(&["dissect", "--summary", mixed.to_str().unwrap()]);
    let err = crate::util::stderr(&o);
    assert!(
        err.contains("is not damaged, but libpcap cannot read it"),
        "{err}"
    );
    assert!(!err.contains("is damaged"), "{err}");
    // The fix it names works.
    let copy = dir.path().join("copy.pcap");
    let o = std::process::Command::new("editcap")
        .args(["-F", "pcap"])
        .arg(&mixed)
        .arg(&copy)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    let o = crate::util::layerscope(&["dissect", "--summary", copy.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(crate::util::stdout(&o).lines().count(), 20);
}
