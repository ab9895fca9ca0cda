//! The teaching views: the ladder against the analysis and tshark, the encapsulation steps,
//! header diagrams, and exported SVG/PNG.

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use layerscope::diagram::ladder::{self, Input, Kind};
use layerscope::diagram::{encapsulation, header};
use layerscope::gui::app::MainView;
use layerscope::gui::settings::Settings;
use layerscope::gui::{App, Start};
use layerscope_wire::analysis::{Analysis, SegmentRole, TcpState};
use layerscope_wire::proto::tcp::{ACK, FIN, PSH, RST, SYN};
use serde_json::Value;

use crate::util::{capture, have, layerscope, norm, root, stderr};

fn expected(name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(root().join(format!("captures/expected/{name}.json")))
        .expect("expected values committed");
    serde_json::from_str(&text).expect("parse")
}

fn num(v: &Value, key: &str) -> Option<u64> {
    v.get(key).map(norm).and_then(|s| s.parse().ok())
}

fn ladders_of(name: &str) -> (layerscope::packets::Capture, Vec<ladder::Ladder>) {
    let cap = layerscope::packets::load(&capture(&format!("{name}.pcapng")), None).unwrap();
    let first = cap.packets[0].raw.ts_sec * 1_000_000_000 + cap.packets[0].raw.ts_nsec as i64;
    let mut out = Vec::new();
    for s in &cap.analyzer.tcp.streams {
        let inputs = cap.packets.iter().map(|p| Input {
            index: p.number - 1,
            ts_ns: p.raw.ts_sec * 1_000_000_000 + p.raw.ts_nsec as i64,
            data: &p.raw.data,
            analysis: &p.analysis,
        });
        out.push(ladder::build(Kind::Tcp, s.index, cap.link, first, inputs).expect("ladder"));
    }
    (cap, out)
}

#[test]
fn ladder_arrows_equal_the_analysis_and_tshark() {
    for name in [
        "tcp-echo-ipv4",
        "tcp-echo-ipv6",
        "tcp-upper-two-clients",
        "tcp-refused",
    ] {
        let (cap, ladders) = ladders_of(name);
        let tshark = expected(name);
        let mut arrows = 0;
        for l in &ladders {
            let info = cap.analyzer.tcp.stream(l.stream).unwrap();
            // Every frame tshark puts in this tcp.stream is an arrow, in order.
            let frames: Vec<u32> = tshark
                .iter()
                .filter(|p| num(p, "tcp.stream") == Some(l.stream as u64))
                .filter_map(|p| num(p, "frame.number").map(|n| n as u32 - 1))
                .collect();
            let ours: Vec<u32> = l.arrows.iter().map(|a| a.index).collect();
            assert_eq!(ours, frames, "{name} stream {}", l.stream);
            for a in &l.arrows {
                let t = &tshark[a.index as usize];
                let f = |k: &str| num(t, k).unwrap_or_else(|| panic!("{name}: {k}"));
                let at = format!("{name} frame {}", a.index + 1);
                assert_eq!(a.seq as u64, f("tcp.seq"), "{at} seq");
                assert_eq!(a.raw_seq as u64, f("tcp.seq_raw"), "{at} raw seq");
                assert_eq!(a.len as u64, f("tcp.len"), "{at} len");
                if a.flags & ACK != 0 {
                    assert_eq!(a.ack as u64, f("tcp.ack"), "{at} ack");
                }
                for (bit, key) in [
                    (SYN, "tcp.flags.syn"),
                    (ACK, "tcp.flags.ack"),
                    (FIN, "tcp.flags.fin"),
                    (RST, "tcp.flags.reset"),
                    (PSH, "tcp.flags.push"),
                ] {
                    assert_eq!((a.flags & bit != 0) as u64, f(key), "{at} {key}");
                }
                // States and roles are the analysis's.
                let Analysis::Tcp(ti) = &cap.packets[a.index as usize].analysis else {
                    panic!("{at} is TCP")
                };
                assert_eq!(a.states, Some((ti.client_state, ti.server_state)), "{at}");
                assert_eq!(a.role, ti.role, "{at}");
                arrows += 1;
            }
            // The handshake frames the analysis names are the arrows labelled as such.
            let role_frame = |r: SegmentRole| {
                l.arrows
                    .iter()
                    .find(|a| a.role == Some(r))
                    .map(|a| a.index + 1)
            };
            assert_eq!(role_frame(SegmentRole::Syn), info.syn_frame, "{name}");
            assert_eq!(role_frame(SegmentRole::SynAck), info.synack_frame, "{name}");
            assert_eq!(
                role_frame(SegmentRole::HandshakeAck),
                info.ack_frame,
                "{name}"
            );
            // A reset that refuses the connection is named as such, and the stream says so.
            let rst = role_frame(SegmentRole::Rst).or(role_frame(SegmentRole::Refused));
            assert_eq!(rst, info.rst_frame, "{name}");
            assert_eq!(
                role_frame(SegmentRole::Refused).is_some(),
                info.refused,
                "{name}"
            );
            if name == "tcp-refused" {
                assert!(info.refused, "{name}: the SYN's answer is a RST");
            }
        }
        assert!(arrows >= 2, "{name}");
    }
}

#[test]
fn the_echo_ladder_tells_the_story_with_states_and_arithmetic() {
    let (_, ladders) = ladders_of("tcp-echo-ipv4");
    let l = &ladders[0];
    let labels: Vec<String> = l.arrows.iter().map(|a| a.label(Kind::Tcp, false)).collect();
    assert_eq!(
        labels,
        [
            "[SYN] Seq=0 Len=0",
            "[SYN, ACK] Seq=0 Ack=1 Len=0",
            "[ACK] Seq=1 Ack=1 Len=0",
            "[PSH, ACK] Seq=1 Ack=1 Len=14",
            "[ACK] Seq=1 Ack=15 Len=0",
            "[PSH, ACK] Seq=1 Ack=15 Len=14",
            "[ACK] Seq=15 Ack=15 Len=0",
            "[FIN, ACK] Seq=15 Ack=15 Len=0",
            "[FIN, ACK] Seq=15 Ack=16 Len=0",
            "[ACK] Seq=16 Ack=16 Len=0",
        ]
    );
    use TcpState::*;
    let states: Vec<(TcpState, TcpState)> = l.arrows.iter().map(|a| a.states.unwrap()).collect();
    assert_eq!(states[0], (SynSent, SynReceived));
    assert_eq!(states[1], (Established, SynReceived));
    assert_eq!(states[2], (Established, Established));
    assert_eq!(states[7], (FinWait1, CloseWait));
    assert_eq!(states[8], (TimeWait, LastAck));
    assert_eq!(states[9], (TimeWait, Closed));
    let why = |i: usize| l.arrows[i].arithmetic.join(" | ");
    assert!(
        why(1).contains("Ack 1 = the client's ISN (0) + 1, because a SYN counts as one byte"),
        "{}",
        why(1)
    );
    assert!(
        why(4).contains("Ack 15 = 1 + 14 bytes of data"),
        "{}",
        why(4)
    );
    assert!(
        why(6).contains("Seq 15 = 1 + 14 bytes of data"),
        "{}",
        why(6)
    );
    assert!(
        why(8).contains("Ack 16 = the client's FIN at 15 + 1, because a FIN counts as one byte"),
        "{}",
        why(8)
    );
    // The drawing carries every label, the lanes, the states and the phase brackets.
    let d = ladder::draw(
        &ladders,
        layerscope::diagram::Palette::new(false),
        false,
        None,
    );
    let texts: Vec<&str> = d.texts().collect();
    for want in [
        "client 127.0.0.1:40576",
        "server 127.0.0.1:8888",
        "3-way handshake",
        "teardown",
        "TIME-WAIT",
        "LAST-ACK",
    ] {
        assert!(texts.iter().any(|t| t.contains(want)), "{want} not drawn");
    }
    for label in &labels {
        assert!(texts.contains(&label.as_str()), "{label} not drawn");
    }
}

fn step_titles(name: &str, frame: usize) -> Vec<String> {
    let cap = layerscope::packets::load(&capture(&format!("{name}.pcapng")), None).unwrap();
    let p = &cap.packets[frame - 1];
    encapsulation::steps(&p.dissection, &p.raw.data)
        .into_iter()
        .map(|s| s.title)
        .collect()
}

#[test]
fn encapsulation_steps_follow_the_stack_down_and_up() {
    let tcp = step_titles("tcp-echo-ipv4", 4);
    assert_eq!(
        tcp,
        [
            "Application hands its bytes to the socket",
            "Transport layer (OSI 4 Transport): TCP adds its 32-byte header",
            "Internet layer (OSI 3 Network): IPv4 adds its 20-byte header",
            "Link layer (OSI 2 Data link): Ethernet II adds its 14-byte header",
            "Physical layer (OSI 1): the wire",
            "Link layer (OSI 2 Data link): Ethernet II checks and removes its header",
            "Internet layer (OSI 3 Network): IPv4 checks and removes its header",
            "Transport layer (OSI 4 Transport): TCP checks and removes its header",
            "Application receives the bytes",
        ]
    );
    let cap = layerscope::packets::load(&capture("tcp-echo-ipv4.pcapng"), None).unwrap();
    let steps = encapsulation::steps(&cap.packets[3].dissection, &cap.packets[3].raw.data);
    let sizes: Vec<(usize, usize)> = steps.iter().map(|s| (s.before, s.after)).collect();
    assert_eq!(&sizes[..4], [(0, 14), (14, 46), (46, 66), (66, 80)]);
    assert!(
        steps[4].action.contains("no physical layer on loopback"),
        "{}",
        steps[4].action
    );
    assert!(
        steps[8].action.contains("\"Hello, server!\""),
        "{}",
        steps[8].action
    );
    assert!(
        steps[1].facts.iter().any(|f| f == "ports 40576 → 8888"),
        "{:?}",
        steps[1].facts
    );

    // A SYN carries no application data: the first step says whose segment it is.
    let syn = encapsulation::steps(&cap.packets[0].dissection, &cap.packets[0].raw.data);
    assert!(
        syn[0]
            .action
            .contains("this segment is TCP's own signalling"),
        "{}",
        syn[0].action
    );
    assert_eq!(syn[0].pieces[0].label, "no app data");

    let udp = step_titles("udp-echo", 1);
    assert!(udp[1].contains("UDP adds its 8-byte header"), "{udp:?}");
    let v6 = step_titles("tcp-echo-ipv6", 4);
    assert!(v6[2].contains("IPv6 adds its 40-byte header"), "{v6:?}");
    let icmp = step_titles("udp-unreachable", 2);
    assert_eq!(icmp.len(), 7, "{icmp:?}");
    assert!(
        icmp[0].contains("ICMP builds its 50-byte message"),
        "{icmp:?}"
    );
    assert!(
        icmp[6].contains("the kernel reads the ICMP message"),
        "{icmp:?}"
    );
}

#[test]
fn header_diagram_boxes_are_bit_exact() {
    let cap = layerscope::packets::load(&capture("tcp-echo-ipv4.pcapng"), None).unwrap();
    let syn = &cap.packets[0];
    let tcp = syn
        .dissection
        .layer(layerscope_wire::Protocol::Tcp)
        .unwrap();
    let tiles = header::tiles(tcp);
    let at = |abbrev: &str| {
        tiles
            .iter()
            .find(|t| t.field.abbrev() == abbrev)
            .map(|t| (t.start, t.len))
            .unwrap_or_else(|| panic!("{abbrev} has no box"))
    };
    // RFC 9293 figure 1: ports 0/16, seq 32, ack 64, data offset 96 (4 bits), flags 107..112.
    assert_eq!(at("tcp.srcport"), (0, 16));
    assert_eq!(at("tcp.dstport"), (16, 16));
    assert_eq!(at("tcp.seq_raw"), (32, 32));
    assert_eq!(at("tcp.ack_raw"), (64, 32));
    assert_eq!(at("tcp.hdr_len"), (96, 4));
    assert_eq!(at("tcp.flags.syn"), (110, 1));
    assert_eq!(at("tcp.flags.fin"), (111, 1));
    assert_eq!(at("tcp.window_size_value"), (112, 16));
    // Boxes never overlap and cover the whole header.
    let covered: usize = tiles.iter().map(|t| t.len).sum();
    assert_eq!(covered, tcp.header.len() * 8);
    let ip = syn
        .dissection
        .layer(layerscope_wire::Protocol::Ipv4)
        .unwrap();
    let ip_tiles = header::tiles(ip);
    let df = ip_tiles
        .iter()
        .find(|t| t.field.abbrev() == "ip.flags.df")
        .unwrap();
    assert_eq!((df.start, df.len), (49, 1));
    let frag = ip_tiles
        .iter()
        .find(|t| t.field.abbrev() == "ip.frag_offset")
        .unwrap();
    assert_eq!((frag.start, frag.len), (51, 13));
}

/// A SYN kept to 60 bytes: 26 of its 40 TCP header bytes. The diagram draws the whole
/// header, boxes for what was captured and greyed rows for the rest; the hex pane (through
/// the same layer) knows which bytes are missing.
#[test]
fn a_header_cut_by_the_snapshot_length_is_drawn_whole_with_its_missing_part_greyed() {
    let cap = layerscope::packets::load(&capture("tcp-echo-ipv4-s60.pcapng"), None).unwrap();
    let syn = &cap.packets[0];
    let tcp = syn
        .dissection
        .layer(layerscope_wire::Protocol::Tcp)
        .unwrap();
    assert_eq!((tcp.header.clone(), tcp.missing.clone()), (34..60, 60..74));
    let tiles = header::tiles(tcp);
    let covered: usize = tiles.iter().map(|t| t.len).sum();
    assert_eq!(covered, 26 * 8, "boxes cover exactly the captured bytes");
    assert!(tiles
        .iter()
        .any(|t| t.field.abbrev() == "tcp.options.mss_val"));
    let palette = layerscope::diagram::Palette::new(false);
    let drawing = header::draw(&syn.dissection, &syn.raw.data, palette, None, None);
    let texts: Vec<&str> = drawing.texts().collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("TCP header (RFC 9293) · 40 bytes, 26 captured")),
        "{texts:?}"
    );
    // Bytes 26..40 of the header: the rest of row 24, then rows 28, 32 and 36.
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("not captured"))
            .count(),
        4
    );
}

#[test]
fn flow_exports_svg_and_png_that_render() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("ladder.svg");
    let png = dir.path().join("ladder.png");
    let bundled = capture("tcp-echo-ipv4.pcapng");
    let o = layerscope(&[
        "flow",
        bundled.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
        "--png",
        png.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(text.contains("[SYN, ACK] Seq=0 Ack=1 Len=0"));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    for (view, name) in [("encapsulation", "steps.svg"), ("header", "header.png")] {
        let out = dir.path().join(name);
        let o = layerscope(&[
            "draw",
            bundled.to_str().unwrap(),
            "--view",
            view,
            "--frame",
            "4",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    }
    // A browser renders the SVG: Chromium draws it to a PNG with dark text on white.
    let browser = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|b| have(b));
    if crate::util::prerequisite(browser.is_some(), "chromium is not installed") {
        let browser = browser.unwrap_or_default();
        let shot = dir.path().join("browser.png");
        let o = std::process::Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                &format!("--user-data-dir={}", dir.path().join("profile").display()),
                "--window-size=1000,800",
                &format!("--screenshot={}", shot.display()),
            ])
            .arg(format!("file://{}", svg.display()))
            .output()
            .unwrap();
        assert!(
            shot.exists(),
            "chromium wrote no screenshot: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let img = resvg::tiny_skia::Pixmap::load_png(&shot).expect("a PNG");
        let dark = img
            .pixels()
            .iter()
            .filter(|p| p.red() < 90 && p.green() < 90)
            .count();
        assert!(
            dark > 500,
            "the browser drew almost nothing ({dark} dark pixels)"
        );
    }
}

fn window(file: &str, select: u32, view: MainView) -> Harness<'static, App> {
    window_sized(file, select, view, 900.0)
}

fn window_sized(file: &str, select: u32, view: MainView, height: f32) -> Harness<'static, App> {
    let start = Start {
        open: Some(capture(file)),
        select: Some(select),
        view: Some(view),
        ..Start::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, height))
        .with_max_steps(400)
        .build_eframe(move |cc| {
            App::with_settings(cc.egui_ctx.clone(), Settings::default(), start)
        });
    crate::util::step_until(&mut h, 20, "the selected packet", |app| {
        !app.session.is_loading() && app.selection.detail.is_some()
    });
    h.run_steps(3);
    h
}

/// Clicks "Next" through every step and returns the titles shown.
fn step_through(h: &mut Harness<'static, App>) -> Vec<String> {
    // From the first step, paused (the view starts playing by itself).
    h.get_by_label("⟲ Restart").click();
    h.run_steps(2);
    h.get_by_label("⏸ Pause").click();
    h.run_steps(2);
    assert_eq!(h.state().panels.encap.step, 0);
    assert!(!h.state().panels.encap.playing);
    let mut titles = Vec::new();
    loop {
        let app = h.state();
        let title = app.panels.encap.steps[app.panels.encap.step].title.clone();
        // The title is on screen, not just in the state.
        h.get_by_role_and_label(egui::accesskit::Role::Label, &title);
        titles.push(title);
        if app.panels.encap.step + 1 == app.panels.encap.steps.len() {
            break;
        }
        h.get_by_label("Next ⏭").click();
        h.run_steps(2);
    }
    titles
}

#[test]
fn stepping_the_encapsulation_view_shows_each_layer_in_order() {
    for (file, frame, layers) in [
        ("tcp-echo-ipv4.pcapng", 4, ["TCP", "IPv4", "Ethernet II"]),
        ("udp-echo.pcapng", 1, ["UDP", "IPv4", "Ethernet II"]),
        ("tcp-echo-ipv6.pcapng", 4, ["TCP", "IPv6", "Ethernet II"]),
    ] {
        let mut h = window(file, frame, MainView::Encapsulation);
        let titles = step_through(&mut h);
        assert_eq!(titles.len(), 9, "{file}: {titles:?}");
        for (i, l) in layers.iter().enumerate() {
            assert!(
                titles[1 + i].contains(&format!("{l} adds")),
                "{file}: {titles:?}"
            );
            assert!(
                titles[7 - i].contains(&format!("{l} checks and removes")),
                "{file}: {titles:?}"
            );
        }
        // Back goes one step back.
        h.get_by_label("⏮ Back").click();
        h.run_steps(2);
        assert_eq!(h.state().panels.encap.step, 7);
    }
    let mut h = window("udp-unreachable.pcapng", 2, MainView::Encapsulation);
    let titles = step_through(&mut h);
    assert!(titles[0].contains("ICMP builds"), "{titles:?}");
    assert!(titles[1].contains("IPv4 adds"), "{titles:?}");
    assert!(
        titles
            .last()
            .unwrap()
            .contains("the kernel reads the ICMP message"),
        "{titles:?}"
    );
}

#[test]
fn clicking_a_ladder_arrow_selects_its_packet() {
    let mut h = window("tcp-echo-ipv4.pcapng", 1, MainView::Ladder);
    h.get_by_label("frame 2 server → client: [SYN, ACK] Seq=0 Ack=1 Len=0")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(1));
    h.get_by_label("frame 4 client → server: [PSH, ACK] Seq=1 Ack=1 Len=14")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(3));
    // The selected arrow's arithmetic is spelled out above the ladder.
    h.get_by_label("Frame 4: [PSH, ACK] Seq=1 Ack=1 Len=14");
    // And the packet details follow.
    h.get_by_label("Frame 4: 80 bytes on the wire, 80 captured");
    // Raw numbers on request.
    h.get_by_label("Raw numbers").click();
    h.run_steps(2);
    h.get_by_label("frame 1 client → server: [SYN] Seq=1352118191 Len=0");
}

#[test]
fn the_header_diagram_shows_the_syn_bit_set_for_a_syn() {
    // Tall enough for the Ethernet, IPv4 and TCP diagrams to be on screen at once.
    let mut h = window_sized("tcp-echo-ipv4.pcapng", 1, MainView::Headers, 1900.0);
    h.get_by_label("tcp.flags.syn = 1");
    h.get_by_label("tcp.flags.ack = 0");
    h.get_by_label("ip.flags.df = 1");
    // Clicking a box selects the field everywhere (hex pane and layers tree).
    h.get_by_label("tcp.dstport = 8888").click();
    h.run_steps(2);
    let hl = h
        .state()
        .selection
        .highlight
        .clone()
        .expect("a field is selected");
    assert_eq!((hl.abbrev, hl.bytes), ("tcp.dstport", 36..38));
}

#[test]
fn three_clicks_from_start_to_the_handshake_and_a_segment_going_through_the_stack() {
    // `layerscope` with no arguments: the bundled echo capture.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(5000)
        .build_eframe(|cc| {
            App::with_settings(cc.egui_ctx.clone(), Settings::default(), Start::default())
        });
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.state().session.is_loading() {
        assert!(Instant::now() < deadline);
        h.step();
    }
    h.run_steps(3);
    // Click 1: the ladder, which opens on the handshake.
    h.get_by_label("TCP ladder").click();
    h.run_steps(3);
    h.get_by_label("frame 1 client → server: [SYN] Seq=0 Len=0");
    h.get_by_label("frame 3 client → server: [ACK] Seq=1 Ack=1 Len=0");
    // Click 2: the data segment.
    h.get_by_label("frame 4 client → server: [PSH, ACK] Seq=1 Ack=1 Len=14")
        .click();
    h.run_steps(2);
    // Click 3: encapsulation, which plays by itself down the sender's stack and back up.
    h.get_by_label("Encapsulation").click();
    h.run_steps(2);
    assert_eq!(h.state().panels.encap.packet, Some(3));
    assert!(h.state().panels.encap.playing);
    let mut seen = vec![h.state().panels.encap.step];
    for _ in 0..4000 {
        h.step();
        let s = h.state().panels.encap.step;
        if seen.last() != Some(&s) {
            seen.push(s);
        }
        if !h.state().panels.encap.playing {
            break;
        }
    }
    assert_eq!(seen, (0..9).collect::<Vec<_>>(), "every step in order");
    h.run_steps(2);
    h.get_by_role_and_label(
        egui::accesskit::Role::Label,
        "Application receives the bytes",
    );
}

/// The field under the pointer, as every pane shows it.
fn pointed_at(h: &Harness<'static, App>) -> Option<layerscope::gui::app::Highlight> {
    h.state().selection.hover.clone()
}

#[test]
fn pointing_at_a_field_in_one_pane_marks_it_in_the_others() {
    let mut h = window_sized("tcp-echo-ipv4.pcapng", 1, MainView::Headers, 1900.0);
    // The pointer over a header-diagram box…
    h.get_by_label("tcp.srcport = 40576").hover();
    h.run_steps(3);
    let hover = pointed_at(&h).expect("something is pointed at");
    assert_eq!((hover.abbrev, hover.bytes), ("tcp.srcport", 34..36));
    // …and over a byte in the hex pane.
    h.get_by_label("byte 23: 06").hover();
    h.run_steps(3);
    let hover = pointed_at(&h).expect("something is pointed at");
    assert_eq!(hover.abbrev, "ip.proto");
    // Pointing at nothing clears it.
    h.get_by_label("Packets").hover();
    h.run_steps(3);
    assert!(pointed_at(&h).is_none());
}

#[test]
fn ladder_arrows_quote_what_the_program_said() {
    let text = |name: &str| -> Vec<(u32, String)> {
        let (_, ladders) = ladders_of(name);
        ladders[0]
            .arrows
            .iter()
            .filter_map(|a| Some((a.index + 1, a.text.clone()?)))
            .collect()
    };
    assert_eq!(
        text("tcp-echo-chinese"),
        [
            (4, "你好，服务器！".to_string()),
            (6, "你好，服务器！".to_string())
        ]
    );
    // JSON with its strings as json.loads reads them, cut to the arrow's width.
    let json = text("tcp-json");
    assert_eq!(json.len(), 2, "{json:?}");
    assert!(json[0].1.starts_with(r#"{"name": "小飞机""#), "{json:?}");
    assert!(json[1].1.contains("消息已收到"), "{json:?}");
    // The handshake and the ACKs carry no message.
    assert!(text("tcp-refused").is_empty());
}

/// The odd connections of a real trace drawn as RFC 9293 has them: a refused connection
/// has no listener (never LISTEN or SYN-RECEIVED); two sockets that open at once both go
/// through SYN-RECEIVED; a RST outside the window is ignored, not a reset; two sides that
/// close at once both go through CLOSING to TIME-WAIT.
#[test]
fn odd_connections_follow_the_rfc_in_the_ladder() {
    let flow = |name: &str| {
        let o = layerscope(&[
            "flow",
            "--lang",
            "en",
            capture(&format!("{name}.pcapng")).to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8(o.stdout).expect("utf-8")
    };
    // The row of frame `n`: the client's state, and what follows the arrow (the server's
    // state, then the notes).
    let row = |text: &str, n: u32| -> (String, String) {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(&n.to_string()))
            .unwrap_or_else(|| panic!("no frame {n} in\n{text}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        let arrow_end = words
            .iter()
            .rposition(|w| w.starts_with('─') || w.ends_with('▶') || w.starts_with('◀'))
            .expect("an arrow");
        (words[2].to_string(), words[arrow_end + 1..].join(" "))
    };
    let refused = flow("tcp-refused");
    assert!(refused.contains("no listener"), "{refused}");
    assert!(
        !refused.contains("SYN-RECEIVED") && !refused.contains("LISTEN"),
        "{refused}"
    );
    assert!(refused.contains("refused: RST, no listener"), "{refused}");

    let odd = flow("tcp-odd");
    let states = |n: u32| {
        let (client, server) = row(&odd, n);
        (client, server.split(' ').next().unwrap_or("").to_string())
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    // Stream 1, 7010 ⇄ 7011: the two SYNs cross (10, 11), then each side's SYN-ACK.
    assert_eq!(states(11), s("SYN-RECEIVED", "SYN-RECEIVED"), "{odd}");
    assert_eq!(states(13), s("SYN-RECEIVED", "SYN-RECEIVED"), "{odd}");
    // The first SYN-ACK establishes the side it reaches; the second, the other.
    let after_first = states(14);
    assert!(
        after_first == s("SYN-RECEIVED", "ESTABLISHED")
            || after_first == s("ESTABLISHED", "SYN-RECEIVED"),
        "{odd}"
    );
    assert_eq!(states(15), s("ESTABLISHED", "ESTABLISHED"), "{odd}");
    // Stream 2: the injected RST (28) changes nothing; the FINs cross (32, 33).
    assert_eq!(states(28), s("ESTABLISHED", "ESTABLISHED"), "{odd}");
    assert!(
        row(&odd, 28).1.contains("RST outside the window: ignored"),
        "{odd}"
    );
    assert_eq!(states(33), s("CLOSING", "CLOSING"), "{odd}");
    assert_eq!(states(37), s("TIME-WAIT", "TIME-WAIT"), "{odd}");
}
