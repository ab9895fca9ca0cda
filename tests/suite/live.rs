//! Live capture on `lo` with libpcap while our own echo server and client talk. Needs
//! CAP_NET_RAW (CI runs as root); without it the test says so and checks the error instead.

use layerscope_wire::registry as hf;
use std::time::Duration;

use layerscope::capture::{permission_fix, Format, LiveCapture, PacketWriter};
use layerscope::demo::{Scenario, Teardown};
use layerscope::echo::{run_client, ClientOptions, Mode, Proto, Server, ServerOptions};
use layerscope::packets::Decoder;
use layerscope_wire::analysis::{Analysis, SegmentRole, TcpState};
use layerscope_wire::{Analyzer, Protocol};

#[test]
fn capture_on_loopback_sees_handshake_echo_and_teardown() {
    let port = crate::util::free_tcp_port();
    let opts = crate::util::loopback_tcp(port);
    let mut cap = match LiveCapture::open(&opts) {
        Ok(c) => c,
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.contains("setcap cap_net_raw+ep"),
                "a refusal names the fix: {msg}"
            );
            crate::util::prerequisite(
                false,
                &format!(
                    "capture permission ({})",
                    permission_fix().lines().next().unwrap_or_default()
                ),
            );
            return;
        }
    };
    let link = cap.link;
    let stopper = cap.stopper();
    // The capture is open: what follows is captured. The reader ends at the teardown.
    let reader = std::thread::spawn(move || {
        let (mut analyzer, mut teardown) =
            (Analyzer::new(), Teardown::new(Scenario::TcpEcho, false));
        let mut got = Vec::new();
        while let Some(p) = cap.next_packet() {
            let p = p.unwrap();
            let number = got.len() as u32 + 1;
            teardown.observe(&analyzer.observe_frame(number, p.timestamp_ns(), link, &p.data));
            got.push(p);
            if teardown.closed_connections() > 0 || got.len() >= 200 {
                break;
            }
        }
        got
    });
    let server = Server::start(ServerOptions {
        proto: Proto::Tcp,
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        mode: Mode::Echo,
        max_sessions: Some(1),
        ..Default::default()
    })
    .unwrap();
    let replies = run_client(
        &ClientOptions {
            proto: Proto::Tcp,
            connect: server.local_addr,
            messages: vec!["Hello, server!".into()],
            interactive: false,
            timeout: Duration::from_secs(5),
        },
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!(replies, vec![b"Hello, server!".to_vec()]);
    server.wait();
    // Should the teardown never be seen, the assertions below say what was.
    crate::util::wait_until(10, || reader.is_finished());
    stopper.stop();
    let raw = reader.join().unwrap();

    let mut decoder = Decoder::new(link);
    let decoded: Vec<_> = raw.iter().cloned().map(|p| decoder.decode(p)).collect();
    let roles: Vec<SegmentRole> = decoded
        .iter()
        .filter_map(|p| match &p.analysis {
            Analysis::Tcp(t) => t.role,
            _ => None,
        })
        .collect();
    assert_eq!(
        &roles[..3],
        &[
            SegmentRole::Syn,
            SegmentRole::SynAck,
            SegmentRole::HandshakeAck
        ],
        "handshake in order"
    );
    assert!(
        roles.contains(&SegmentRole::Fin) && roles.last() == Some(&SegmentRole::FinalAck),
        "teardown: {roles:?}"
    );

    let hello = |from_client: bool| {
        decoded.iter().any(|p| {
            let Analysis::Tcp(t) = &p.analysis else {
                return false;
            };
            let app = p.dissection.layer(Protocol::Data);
            t.from_client == from_client
                && app
                    .and_then(|l| l.field(&hf::data::TEXT))
                    .is_some_and(|f| f.text(&p.raw.data) == Some("Hello, server!"))
        })
    };
    assert!(
        hello(true),
        "client → server segment carries Hello, server!"
    );
    assert!(hello(false), "server → client segment carries the echo");

    let states: Vec<(TcpState, TcpState)> = decoded
        .iter()
        .filter_map(|p| match &p.analysis {
            Analysis::Tcp(t) => Some((t.client_state, t.server_state)),
            _ => None,
        })
        .collect();
    assert_eq!(states[0], (TcpState::SynSent, TcpState::SynReceived));
    assert_eq!(states[2], (TcpState::Established, TcpState::Established));
    assert!(states
        .iter()
        .any(|s| s.0 == TcpState::FinWait1 || s.1 == TcpState::FinWait1));
    assert_eq!(
        *states.last().unwrap(),
        (TcpState::TimeWait, TcpState::Closed)
    );

    // What we captured, written and read by tshark, agrees with our dissection field by field.
    if crate::util::require("tshark") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("live.pcapng");
        let mut w = PacketWriter::create(&path, Format::PcapNg, link, 262_144).unwrap();
        for p in &raw {
            w.write(p).unwrap();
        }
        w.finish().unwrap();
        let ours = crate::util::our_json(&path);
        let theirs = crate::tshark_fixtures::tshark_values(&path);
        let (compared, bad) = crate::util::compare_with_tshark(&ours, &theirs);
        assert!(
            bad.is_empty(),
            "{} of {compared} live fields differ from tshark:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }
}

/// Sequence numbers carried by the flood's datagrams in a capture file.
fn flood_numbers(path: &std::path::Path) -> std::collections::BTreeSet<u64> {
    let cap = layerscope::packets::load(path, None).expect("capture reads back");
    cap.packets
        .iter()
        .filter_map(|p| {
            let udp = p.dissection.layer(Protocol::Udp)?;
            let payload = p.raw.data.get(udp.payload.clone())?;
            Some(u64::from_be_bytes(payload.get(..8)?.try_into().ok()?))
        })
        .collect()
}

#[test]
fn capture_keeps_up_with_tcpdump_under_a_bounded_flood() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    if !crate::util::require("tcpdump") {
        return;
    }
    let probe = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours.pcap");
    let theirs = dir.path().join("theirs.pcap");
    let filter = format!("udp port {port}");
    let start = |cmd: &mut Command, ready: &'static str| {
        let mut child = cmd
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut said = Vec::new();
        for line in lines.by_ref() {
            let line = line.unwrap_or_default();
            let ok = line.contains(ready);
            said.push(line);
            if ok {
                break;
            }
        }
        // Keep draining so the child never blocks on a full pipe.
        let rest = std::thread::spawn(move || lines.map_while(Result::ok).collect::<Vec<_>>());
        (child, said, rest)
    };
    let (mut our_cap, said, our_rest) = start(
        crate::util::english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
            .args(["capture", "-i", "lo", "-f", &filter, "-w"])
            .arg(&ours),
        "Capturing on",
    );
    if !said.iter().any(|l| l.contains("Capturing on")) {
        assert!(said.join("\n").contains("setcap"), "{said:?}");
        crate::util::prerequisite(false, "capture permission");
        return;
    }
    let (mut dump, said, dump_rest) = start(
        Command::new("tcpdump")
            .args(["-i", "lo", "-U", "-n", "-w"])
            .arg(&theirs)
            .arg(&filter),
        "listening on",
    );
    assert!(said.iter().any(|l| l.contains("listening on")), "{said:?}");
    // The flood: 60,000 numbered datagrams of 120 bytes in about two seconds, loopback only.
    let sock = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let to: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let total = 60_000u64;
    for n in 0..total {
        let mut msg = n.to_be_bytes().to_vec();
        msg.resize(120, b'x');
        let _ = sock.send_to(&msg, to);
        if n % 600 == 599 {
            // Paces the flood (about 30,000 datagrams a second); not a wait.
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    // Both write every packet as it comes (pcap: 24-byte header, 16 + 162 bytes a
    // datagram): wait until both files hold the whole flood, or give up after a few
    // seconds, which the drop counters then explain.
    let whole = 24 + total * (16 + 162);
    let size = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len());
    crate::util::wait_until(5, || size(&ours) >= whole && size(&theirs) >= whole);
    for pid in [our_cap.id(), dump.id()] {
        let _ = Command::new("kill")
            .args(["-INT", &pid.to_string()])
            .status();
    }
    our_cap.wait().unwrap();
    dump.wait().unwrap();
    let our_log = our_rest.join().unwrap().join("\n");
    let _ = dump_rest.join();
    let dropped: u64 = our_log
        .lines()
        .find(|l| l.contains("packets captured"))
        .and_then(|l| {
            l.split(", ")
                .nth(1)?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or(0);
    let (a, b) = (flood_numbers(&ours), flood_numbers(&theirs));
    eprintln!(
        "flood of {total}: ours {} (kernel drops {dropped}), tcpdump {}",
        a.len(),
        b.len()
    );
    let missing = b.difference(&a).count() as u64;
    assert!(
        missing == 0 || missing <= dropped,
        "we lack {missing} packets tcpdump has, and our drop counter says {dropped}"
    );
    // At least as well as tcpdump under the same load (other tests may be running too).
    assert!(
        a.len() >= b.len() * 98 / 100,
        "we kept {} of {total}, tcpdump {}",
        a.len(),
        b.len()
    );
}
