//! What hostile traffic, another local user and big frames could do, one test per finding:
//! each reproduces the attack and asserts the safe outcome.

use layerscope_wire::registry as hf;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use layerscope::capture::{Format, PacketWriter, RawPacket};
use layerscope_wire::LinkType;

use crate::util::{layerscope, prerequisite, stderr, stdout};

/// An Ethernet + IPv4 + TCP frame from 127.0.0.1 to 127.0.0.1 (checksums left zero, as
/// loopback offload leaves them).
fn tcp_frame(
    sport: u16,
    dport: u16,
    flags: u8,
    seq: u32,
    ack: u32,
    options: &[u8],
    payload: &[u8],
) -> Vec<u8> {
    let mut tcp = Vec::new();
    tcp.extend(sport.to_be_bytes());
    tcp.extend(dport.to_be_bytes());
    tcp.extend(seq.to_be_bytes());
    tcp.extend(ack.to_be_bytes());
    let opts_len = options.len().next_multiple_of(4);
    tcp.push((((20 + opts_len) / 4) as u8) << 4);
    tcp.push(flags);
    tcp.extend(100u16.to_be_bytes());
    tcp.extend([0, 0, 0, 0]);
    tcp.extend(options);
    tcp.resize(20 + opts_len, 1);
    tcp.extend(payload);
    let mut frame = vec![0u8; 12];
    frame.extend([0x08, 0x00]);
    frame.extend([0x45, 0]);
    frame.extend(((20 + tcp.len()) as u16).to_be_bytes());
    frame.extend([0, 1, 0x40, 0, 64, 6, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1]);
    frame.extend(tcp);
    frame
}

fn write_capture(path: &Path, frames: &[Vec<u8>]) {
    let mut w = PacketWriter::create(path, Format::for_path(path), LinkType::ETHERNET, 262_144)
        .expect("create capture");
    for (i, f) in frames.iter().enumerate() {
        w.write(&RawPacket {
            ts_sec: 1_700_000_000,
            ts_nsec: i as u32 * 1000,
            orig_len: f.len() as u32,
            data: f.clone(),
        })
        .expect("write packet");
    }
    w.finish().expect("finish capture");
}

/// Bytes a terminal acts on: C0 controls other than newline, DEL, C1 controls (as
/// UTF-8), the bidirectional override.
fn terminal_controls(out: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(out);
    text.char_indices()
        .filter(|(_, c)| {
            (c.is_control() && *c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(c)
                || ('\u{2066}'..='\u{2069}').contains(c)
        })
        .map(|(i, c)| format!("{c:?} at {i}"))
        .collect()
}

/// HTTP request lines that attack the terminal: clear screen + title, OSC 52 clipboard
/// write, BEL, C1 CSI, right-to-left override.
const ATTACKS: [&str; 5] = [
    "GET /\x1b[2J\x1b]0;owned\x07 HTTP/1.1\r\n\r\n",
    "GET /\x1b]52;c;cm0gLXJmIH4=\x07 HTTP/1.1\r\n\r\n",
    "POST /\x07\x07\x07 HTTP/1.1\r\n\r\n",
    "GET /\u{9b}2J HTTP/1.1\r\n\r\n",
    "GET /files/\u{202e}gpj.exe HTTP/1.1\r\n\r\n",
];

#[test]
fn packets_cannot_write_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attack.pcap");
    let frames: Vec<Vec<u8>> = ATTACKS
        .iter()
        .enumerate()
        .map(|(i, a)| tcp_frame(40000 + i as u16, 80, 0x18, 1, 1, &[], a.as_bytes()))
        .chain([tcp_frame(
            40100,
            9999,
            0x18,
            1,
            1,
            &[],
            "你好,服务器!".as_bytes(),
        )])
        .collect();
    write_capture(&path, &frames);
    let path = path.to_str().unwrap();
    for args in [
        vec!["dissect", path],
        vec!["dissect", "--summary", path],
        vec!["flow", path],
    ] {
        let o = layerscope(&args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let raw = terminal_controls(&o.stdout);
        assert!(raw.is_empty(), "{args:?} printed raw controls: {raw:?}");
        let text = stdout(&o);
        if args[0] == "dissect" {
            for shown in [
                "\\x1b[2J\\x1b]0;owned\\a",
                "\\x1b]52;c;",
                "\\a\\a\\a",
                "\\u009b2J",
                "\\u202egpj.exe",
            ] {
                assert!(text.contains(shown), "{args:?}: {shown} missing");
            }
        }
    }
    // Every frame is listed, the one carrying Chinese text too.
    let o = layerscope(&["dissect", "--summary", path]);
    assert_eq!(stdout(&o).lines().count(), ATTACKS.len() + 1);
}

/// Starts `layerscope capture ARGS` and waits for the helper's "Capturing on"; `None`
/// (failing under CI) when capturing is refused.
fn start_capture(args: &[&str]) -> Option<std::process::Child> {
    let mut cap = crate::util::english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .arg("capture")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = cap.stderr.take().unwrap();
    let mut said = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&said).contains("Capturing on") {
        if err.read(&mut byte).unwrap_or(0) == 0 {
            let _ = cap.wait();
            let why = String::from_utf8_lossy(&said);
            prerequisite(false, &format!("capture permission ({why})"));
            return None;
        }
        said.push(byte[0]);
    }
    // Keep reading its messages, so it never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    Some(cap)
}

#[test]
fn live_packets_cannot_write_to_the_terminal() {
    let port = crate::util::free_tcp_port();
    let filter = format!("tcp port {port}");
    let Some(mut cap) = start_capture(&["-i", "lo", "-f", &filter, "-c", "4"]) else {
        return;
    };
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = [0u8; 256];
        let _ = s.read(&mut buf);
    });
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.write_all(ATTACKS[0].as_bytes()).unwrap();
    server.join().unwrap();
    drop(c);
    let mut out = Vec::new();
    cap.stdout.take().unwrap().read_to_end(&mut out).unwrap();
    assert!(cap.wait().unwrap().success());
    assert!(
        String::from_utf8_lossy(&out).contains("\\x1b[2J"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    assert!(
        terminal_controls(&out).is_empty(),
        "{:?}",
        terminal_controls(&out)
    );
}

#[test]
fn the_capture_helper_never_dissects_and_refuses_to_write_pcap_without_an_output() {
    // No `-w`: the helper has nothing to do but copy packets, so it requires an output.
    let o = Command::new(env!("CARGO_BIN_EXE_layerscope-capture"))
        .args(["-i", "lo", "-c", "1"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--write"), "{}", stderr(&o));
}

#[test]
fn saves_and_demo_files_never_follow_planted_symlinks_and_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"precious").unwrap();
    // Every name the old scheme could have used for this process, planted.
    let out = dir.path().join("out.pcapng");
    for pid in [std::process::id(), std::process::id() + 1] {
        std::os::unix::fs::symlink(&victim, dir.path().join(format!(".out.pcapng.{pid}.part")))
            .unwrap();
    }
    let packets = layerscope::packets::load(&crate::util::capture("tcp-echo-ipv4.pcapng"), None)
        .unwrap()
        .packets
        .into_iter()
        .map(|p| p.raw);
    let n =
        layerscope::capture::writer::write_atomically(&out, LinkType::ETHERNET, packets).unwrap();
    assert_eq!(n, 10);
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert_eq!(
        layerscope::packets::load(&out, None).unwrap().packets.len(),
        10
    );
    assert_eq!(mode(&out), 0o600);

    // A demo without -w writes into a directory of its own under TMPDIR.
    if !crate::util::is_root() {
        prerequisite(false, "root, to capture the demo");
        return;
    }
    let _ports = crate::util::demo_ports();
    let tmp = tempfile::tempdir().unwrap();
    let o = crate::util::english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(["demo", "refused"])
        .env("TMPDIR", tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let wrote = stderr(&o)
        .lines()
        .find_map(|l| l.strip_prefix("wrote ").map(PathBuf::from))
        .expect("the demo says where it wrote");
    assert!(wrote.starts_with(tmp.path()), "{}", wrote.display());
    assert_eq!(mode(&wrote), 0o600, "{}", wrote.display());
    assert_eq!(mode(wrote.parent().unwrap()), 0o700);
    assert_ne!(wrote.parent(), Some(tmp.path()));
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_helper_planted_above_the_binary_never_runs() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("dl");
    std::fs::create_dir(&sub).unwrap();
    let bin = sub.join("layerscope");
    std::fs::copy(env!("CARGO_BIN_EXE_layerscope"), &bin).unwrap();
    let marker = dir.path().join("planted-ran");
    let planted = dir.path().join("layerscope-capture");
    std::fs::write(&planted, format!("#!/bin/sh\ntouch {}\n", marker.display())).unwrap();
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = Command::new(&bin)
        .args(["capture", "-i", "lo", "-c", "1", "-a", "duration:1"])
        .env_remove("LAYERSCOPE_CAPTURE")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(!marker.exists(), "the planted helper ran");
    assert!(
        stderr(&o).contains(&format!(
            "{} is missing",
            sub.join("layerscope-capture").display()
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_megabyte_over_loopback_saved_as_pcap_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let port = crate::util::free_tcp_port();
    for ext in ["pcap", "pcapng"] {
        let file = dir.path().join(format!("big.{ext}"));
        let filter = format!("tcp port {port}");
        let Some(mut cap) =
            start_capture(&["-i", "lo", "-f", &filter, "-w", file.to_str().unwrap()])
        else {
            return;
        };
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let server = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            let mut got = Vec::new();
            s.read_to_end(&mut got).unwrap();
            got.len()
        });
        let data: Vec<u8> = (0..1 << 20).map(|i| (i % 251) as u8).collect();
        let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
        c.write_all(&data).unwrap();
        drop(c);
        assert_eq!(server.join().unwrap(), 1 << 20);
        // The last segments reach the file: wait until the FIN/ACK exchange is in.
        let fins = |back: &layerscope::packets::Capture| {
            back.packets
                .iter()
                .filter(|p| {
                    p.dissection
                        .layer(layerscope_wire::Protocol::Tcp)
                        .and_then(|l| l.field(&hf::tcp::FLAGS))
                        .and_then(|f| f.as_u64())
                        .is_some_and(|f| f & 1 != 0)
                })
                .count()
        };
        crate::util::wait_until(10, || {
            layerscope::packets::load(&file, None).is_ok_and(|back| fins(&back) >= 2)
        });
        let back = layerscope::packets::load(&file, None).unwrap();
        assert!(fins(&back) >= 2, "{ext}: both FINs captured");
        // Every frame read back whole, and loopback's large segments are there.
        assert!(back
            .packets
            .iter()
            .all(|p| p.raw.data.len() == p.raw.orig_len as usize));
        assert!(
            back.packets.iter().any(|p| p.raw.data.len() > 65_535),
            "{ext}: no frame over 65535 bytes (largest {:?})",
            back.packets.iter().map(|p| p.raw.data.len()).max()
        );
        // Retransmissions aside, the client's bytes sum to 1 MB. Loopback rarely
        // retransmits, but does when the rest of the suite floods it at the same time.
        let payload: u64 = back
            .packets
            .iter()
            .filter_map(|p| match &p.analysis {
                layerscope_wire::Analysis::Tcp(t) if t.from_client => Some(t),
                _ => None,
            })
            .filter(|t| {
                let n = &t.notes;
                !(n.retransmission || n.fast_retransmission || n.spurious_retransmission)
            })
            .map(|t| t.len as u64)
            .sum();
        assert_eq!(payload, 1 << 20, "{ext}: the client's payload");
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(cap.id() as i32),
            nix::sys::signal::Signal::SIGINT,
        );
        assert!(cap.wait().unwrap().success());
        assert_eq!(mode(&file), 0o600, "{ext}: capture files are private");
        if crate::util::require("tshark") {
            let o = Command::new("tshark")
                .arg("-r")
                .arg(&file)
                .args(["-T", "fields", "-e", "frame.cap_len", "-e", "frame.len"])
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", stderr(&o));
            let rows = stdout(&o);
            assert!(rows.lines().all(|l| {
                let v: Vec<&str> = l.split('\t').collect();
                v.len() == 2 && v[0] == v[1]
            }));
            assert!(rows.lines().any(|l| l
                .split('\t')
                .next()
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n > 65_535)));
        }
    }
}

#[test]
fn deep_display_filters_are_refused_not_fatal() {
    use layerscope_wire::filter::{Filter as DisplayFilter, FrameFacts};

    for text in [
        format!("{}tcp{}", "(".repeat(6000), ")".repeat(6000)),
        format!("{}tcp", "!".repeat(14_000)),
    ] {
        let e = DisplayFilter::parse(&text).expect_err("too deep");
        assert!(e.message.contains("nested more than 256"), "{}", e.message);
    }
    // Long flat chains are fine, and evaluate.
    let chain = vec!["tcp.port == 8888"; 20_000].join(" || ");
    let f = DisplayFilter::parse(&chain).expect("a long chain parses");
    let cap =
        layerscope::packets::load(&crate::util::capture("tcp-echo-ipv4.pcapng"), None).unwrap();
    let p = &cap.packets[0];
    assert!(f.matches(&FrameFacts {
        dissection: &p.dissection,
        frame: &p.raw.data,
        number: 1,
        orig_len: p.raw.orig_len,
        time_relative: 0.0
    }));
    // A 60 KB `contains` pattern over a large frame: a plain search (the answer matters;
    // its speed is measured in the criterion bench, not here).
    let big: Vec<u8> = (0..200_000).map(|i| b'a' + (i % 3) as u8).collect();
    let frame = tcp_frame(1, 2, 0x18, 1, 1, &[], &big);
    let d = layerscope_wire::dissect(LinkType::ETHERNET, &frame);
    let pattern = "b".repeat(60_000);
    let f = DisplayFilter::parse(&format!("frame contains \"{pattern}\"")).unwrap();
    let at = |d, frame| FrameFacts {
        dissection: d,
        frame,
        number: 1,
        orig_len: 0,
        time_relative: 0.0,
    };
    assert!(!f.matches(&at(&d, &frame)));
    let present = String::from_utf8(big[1000..61_000].to_vec()).unwrap();
    let f = DisplayFilter::parse(&format!("frame contains \"{present}\"")).unwrap();
    assert!(f.matches(&at(&d, &frame)));
}

#[test]
fn flow_memory_is_a_small_constant_per_packet_and_pictures_are_bounded() {
    if !crate::util::require("python3") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let syns = dir.path().join("syns.pcap");
    let frames: Vec<Vec<u8>> = (0..100_000u32)
        .map(|i| {
            tcp_frame(
                1024 + (i % 60_000) as u16,
                80 + (i / 60_000) as u16,
                0x02,
                i,
                0,
                &[2, 4, 5, 0xb4],
                &[],
            )
        })
        .collect();
    write_capture(&syns, &frames);
    // Peak memory of the child, from the kernel's accounting.
    let script = format!(
        "import resource, subprocess, sys\n\
         r = subprocess.run([{bin:?}, 'flow', {file:?}], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n\
         print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
        bin = env!("CARGO_BIN_EXE_layerscope"),
        file = syns.to_str().unwrap()
    );
    let o = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    let said = stdout(&o);
    let v: Vec<u64> = said
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(v.first(), Some(&0), "{said} {}", stderr(&o));
    let peak_kb = v[1];
    // Was ~990 MB (a whole dissection per packet); rows and conversation tables now.
    assert!(
        peak_kb < 200_000,
        "flow of 100,000 SYNs peaked at {peak_kb} KB"
    );

    // Pictures: too many arrows are refused with advice, not a failed allocation.
    let png = dir.path().join("all.png");
    let o = layerscope(&[
        "flow",
        syns.to_str().unwrap(),
        "--png",
        png.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--stream N"), "{}", stderr(&o));
    assert!(!png.exists());
    // One stream draws.
    let o = layerscope(&[
        "flow",
        syns.to_str().unwrap(),
        "--stream",
        "7",
        "--png",
        png.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(png.exists());
}

#[test]
fn a_large_png_is_refused_with_advice() {
    use layerscope::diagram::{Anchor, Drawing, Rgb};
    let page = |width: f32| {
        let mut d = Drawing::new(width, 20_000.0, Rgb(255, 255, 255));
        d.text(10.0, 10.0, "x", 12.0, Rgb(0, 0, 0), Anchor::Start);
        d
    };
    let e = layerscope::diagram::export::to_png(&page(4000.0), 2.0).expect_err("80 million pixels");
    assert!(e.to_string().contains("write SVG"), "{e}");
    // Under the limit at scale 1 it is drawn at scale 1.
    let png = layerscope::diagram::export::to_png(&page(2000.0), 2.0).expect("40 million pixels");
    let img = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!((img.width(), img.height()), (2000, 20_000));
}

#[test]
fn the_echo_server_frees_clients_that_never_read_and_does_not_amplify() {
    use layerscope::echo::{self, Mode, Proto, ServerOptions};
    // Two clients that send and never read pin both workers; after the idle timeout the
    // server lets them go and a real client is served.
    let server = echo::Server::start(ServerOptions {
        listen: "127.0.0.1:0".parse().unwrap(),
        max_clients: 2,
        max_message: 64 * 1024,
        idle_timeout: Duration::from_millis(800),
        ..ServerOptions::default()
    })
    .unwrap();
    let addr = server.local_addr;
    let flood: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
            let chunk = vec![b'x'; 64 * 1024];
            // Until our own send buffer is full too: the server's replies have filled ours.
            for _ in 0..200 {
                if s.write(&chunk).is_err() {
                    break;
                }
            }
            s
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(20);
    let served = loop {
        let mut c = TcpStream::connect(addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        c.write_all(b"Hello, server!").unwrap();
        let mut buf = [0u8; 14];
        if c.read_exact(&mut buf).is_ok() {
            break buf;
        }
        assert!(Instant::now() < deadline, "a real client was never served");
    };
    assert_eq!(&served, b"Hello, server!");
    drop(flood);
    server.shutdown();

    // UDP, JSON mode: a 1-byte datagram gets a 72-byte answer only on loopback.
    for (listen, answers) in [("127.0.0.1:0", true), ("0.0.0.0:0", false)] {
        let server = echo::Server::start(ServerOptions {
            proto: Proto::Udp,
            listen: listen.parse().unwrap(),
            mode: Mode::Json,
            ..ServerOptions::default()
        })
        .unwrap();
        let port = server.local_addr.port();
        let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
        sock.set_read_timeout(Some(Duration::from_millis(700)))
            .unwrap();
        sock.send_to(b"x", ("127.0.0.1", port)).unwrap();
        let mut buf = [0u8; 2048];
        let got = sock.recv_from(&mut buf).map(|(n, _)| n);
        match answers {
            true => assert!(got.as_ref().is_ok_and(|n| *n > 1), "{got:?}"),
            false => assert!(got.is_err(), "an amplified reply of {got:?} bytes"),
        }
        server.shutdown();
    }
}

#[test]
fn absurd_durations_and_counts_are_clear_errors() {
    for (bin, args) in [
        (
            env!("CARGO_BIN_EXE_layerscope"),
            vec!["capture", "-i", "lo", "-a", "duration:1e30"],
        ),
        (
            env!("CARGO_BIN_EXE_layerscope"),
            vec!["capture", "-i", "lo", "-a", "duration:inf"],
        ),
        (
            env!("CARGO_BIN_EXE_layerscope"),
            vec!["capture", "-i", "lo", "-c", "0"],
        ),
        (
            env!("CARGO_BIN_EXE_layerscope-capture"),
            vec!["-i", "lo", "-w", "/dev/null", "-a", "duration:1e30"],
        ),
        (
            env!("CARGO_BIN_EXE_layerscope-capture"),
            vec!["-i", "lo", "-w", "/dev/null", "-s", "999999"],
        ),
    ] {
        let o = Command::new(bin).args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains("invalid value"), "{args:?}: {err}");
    }
}

#[test]
fn a_window_scale_shift_past_14_counts_as_14_as_in_tshark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.pcap");
    let ws = [3, 3, 255];
    write_capture(
        &path,
        &[
            tcp_frame(40000, 80, 0x02, 1000, 0, &ws, &[]),
            tcp_frame(80, 40000, 0x12, 5000, 1001, &ws, &[]),
            tcp_frame(40000, 80, 0x10, 1001, 5001, &[], &[]),
        ],
    );
    let cap = layerscope::packets::load(&path, None).unwrap();
    let value = |i: usize, name: &str| {
        let p = &cap.packets[i];
        p.dissection
            .layers
            .iter()
            .find_map(|l| l.field(hf::by_abbrev(name).unwrap()))
            .map(|f| f.display(&p.raw.data))
    };
    assert_eq!(
        value(0, "tcp.options.wscale.multiplier").as_deref(),
        Some("16384")
    );
    assert_eq!(
        value(2, "tcp.window_size_scalefactor").as_deref(),
        Some("16384")
    );
    assert_eq!(value(2, "tcp.window_size").as_deref(), Some("1638400"));
    if crate::util::require("tshark") {
        let o = Command::new("tshark")
            .arg("-r")
            .arg(&path)
            .args([
                "-T",
                "fields",
                "-e",
                "tcp.options.wscale.multiplier",
                "-e",
                "tcp.window_size_scalefactor",
                "-e",
                "tcp.window_size",
            ])
            .output()
            .unwrap();
        let rows: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
        assert_eq!(rows, ["16384\t\t100", "16384\t\t100", "\t16384\t1638400"]);
    }
}

#[test]
fn the_ci_script_refuses_an_empty_test_command() {
    let script = std::fs::read_to_string(crate::util::root().join(".ci/run")).unwrap();
    assert!(script.contains("no test command"), "{script}");
    // And README's marked line gives one.
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).unwrap();
    let mut lines = readme.lines();
    lines
        .find(|l| l.starts_with("# run the tests:"))
        .expect("the marker");
    let cmd = lines.next().unwrap_or_default();
    assert!(cmd.starts_with("cargo test"), "{cmd}");
}
