//! The real window, driven without a display through egui_kittest: AccessKit queries and
//! clicks on the same `App` the binary runs.

use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use layerscope::gui::settings::Settings;
use layerscope::gui::{App, Start};

use crate::util::capture;

fn harness(start: Start) -> Harness<'static, App> {
    crate::util::use_built_helper();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            App::with_settings(cc.egui_ctx.clone(), Settings::default(), start)
        });
    settle(&mut h);
    h
}

/// Steps frames until a file load (not a live capture, which runs until stopped) and
/// filtering are done (bounded).
fn settle(h: &mut Harness<'static, App>) {
    h.step();
    crate::util::step_until(h, 20, "loading and filtering", |app| {
        let loading = app.session.is_loading() && !app.session.is_live();
        !loading && !app.filter.is_busy()
    });
    // A few more frames for the layout to follow what arrived last.
    h.run_steps(3);
}

fn open(path: &Path) -> Harness<'static, App> {
    harness(Start {
        open: Some(path.to_path_buf()),
        ..Start::default()
    })
}

/// The hex pane's selected bytes, as their cells name them ("byte 34: 9e").
fn selected_bytes(h: &Harness<'static, App>) -> Vec<String> {
    h.query_all_by(|n| {
        n.label().is_some_and(|l| l.starts_with("byte "))
            && n.toggled() == Some(egui::accesskit::Toggled::True)
    })
    .map(|n| n.accesskit_node().label().unwrap_or_default())
    .collect()
}

fn echo() -> PathBuf {
    capture("tcp-echo-ipv4.pcapng")
}

#[test]
fn opening_a_capture_shows_one_row_per_packet() {
    let h = open(&echo());
    assert_eq!(h.state().session.store.len(), 10);
    // tshark's info lines for the handshake and the data, as rows of the list.
    h.get_by_label_contains("8888 [SYN] Seq=0 Win=65495 Len=0 MSS=65495");
    h.get_by_label_contains("[SYN, ACK] Seq=0 Ack=1");
    assert_eq!(
        h.query_all_by_label_contains("Len=14 \"Hello, server!\"")
            .count(),
        2
    );
    h.get_by_label("Packets: 10");
}

#[test]
fn selecting_the_syn_shows_tcp_with_the_syn_flag_set() {
    let mut h = open(&echo());
    h.get_by_label_contains("[SYN, ACK] Seq=0 Ack=1").click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(1));
    h.get_by_label_contains("8888 [SYN] Seq=0 Win=65495")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(0));
    h.get_by_label_contains("Transport · OSI 4 (Transport) · TCP segment · 40-byte header");
    // The flags line and its SYN bit.
    h.get_by_label("Flags: 0x002 (SYN)").scroll_to_me();
    h.run_steps(2);
    h.get_by_label("Syn: Set");
    assert!(h.query_by_label("Acknowledgment: Set").is_none());
    h.get_by_label("Acknowledgment: Not set");
}

#[test]
fn clicking_tcp_srcport_highlights_exactly_its_two_bytes() {
    let mut h = open(&echo());
    h.get_by_label_contains("8888 [SYN] Seq=0 Win=65495")
        .click();
    h.run_steps(2);
    h.get_by_label_contains("Source Port: ").scroll_to_me();
    h.run_steps(2);
    h.get_by_label_contains("Source Port: ").click();
    h.run_steps(2);
    let hl = h
        .state()
        .selection
        .highlight
        .clone()
        .expect("a field is highlighted");
    assert_eq!(hl.abbrev, "tcp.srcport");
    assert_eq!(hl.bytes, 34..36);
    // The hex pane marks the bytes as selected; exactly the two of the source port.
    let selected = selected_bytes(&h);
    assert_eq!(selected, ["byte 34: 9e", "byte 35: 80"]);
    // And the other way round: a click on a byte selects its field.
    h.get_by_label("byte 36: 22").click();
    h.run_steps(2);
    assert_eq!(
        h.state().selection.highlight.as_ref().map(|h| h.abbrev),
        Some("tcp.dstport")
    );
    h.get_by_label("byte 47: 02").click();
    h.run_steps(2);
    let flags = h.state().selection.highlight.clone().expect("flags byte");
    assert!(flags.abbrev.starts_with("tcp.flags"), "{}", flags.abbrev);
}

/// A SYN kept to 60 bytes of 74: the layers pane says how much of the TCP header was
/// captured, and the hex pane draws the 14 missing header bytes as greyed cells after the
/// last real one.
#[test]
fn a_header_cut_by_the_snapshot_length_shows_its_fields_and_its_missing_bytes() {
    let mut h = open(&capture("tcp-echo-ipv4-s60.pcapng"));
    h.get_by_label_contains(
        "8888 [SYN] Seq=0 Win=65495 Len=0 MSS=65495 SACK_PERM[Packet size limited during capture]",
    )
    .click();
    h.run_steps(2);
    h.get_by_label_contains("TCP segment · 40-byte header, 26 captured");
    h.get_by_label("Destination Port: 8888");
    h.get_by_label("byte 59: 02");
    let missing: Vec<String> = h
        .query_all_by(|n| n.label().is_some_and(|l| l.ends_with(": not captured")))
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    let want: Vec<String> = (60..74)
        .map(|i| format!("byte {i}: not captured"))
        .collect();
    assert_eq!(missing, want);
}

#[test]
fn a_display_filter_keeps_only_matching_rows() {
    let mut h = open(&echo());
    let filter = h.get_by_label("Display filter");
    filter.click();
    h.run_steps(1);
    h.get_by_label("Display filter")
        .type_text("tcp.flags.syn == 1");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    assert_eq!(h.state().filter.displayed.as_ref().map(Vec::len), Some(2));
    h.get_by_label("Displayed: 2");
    h.get_by_label_contains("8888 [SYN] Seq=0");
    assert!(h.query_by_label_contains("Hello, server!").is_none());
    // Clearing shows everything again.
    h.get_by_label("Clear").click();
    settle(&mut h);
    h.get_by_label("Displayed: 10");
}

#[test]
fn an_invalid_filter_turns_the_box_red_with_the_position() {
    let mut h = open(&echo());
    h.get_by_label("Display filter").click();
    h.run_steps(1);
    h.get_by_label("Display filter")
        .type_text("tcp.port == 8888 &&");
    h.run_steps(2);
    h.get_by_label_contains("Invalid filter: column 20");
    // Enter does not apply it: every row stays.
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(h.state().filter.displayed.is_none());
    h.get_by_label("Displayed: 10");
    let err = h.state().filter.error.clone().expect("error kept");
    assert_eq!(err.position, 19);
}

#[test]
fn a_pasted_filter_nested_thousands_deep_is_an_error_not_a_crash() {
    let mut h = open(&echo());
    h.get_by_label("Display filter").click();
    h.run_steps(1);
    let deep = format!("{}tcp{}", "(".repeat(6000), ")".repeat(6000));
    h.event(egui::Event::Paste(deep));
    h.run_steps(2);
    h.get_by_label_contains("nested more than 256 levels deep");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(h.state().filter.displayed.is_none());
    h.get_by_label("Displayed: 10");
    assert_eq!(
        h.state().filter.error.as_ref().map(|e| e.position),
        Some(256)
    );
}

#[test]
fn an_unreadable_file_is_an_error_and_the_capture_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "these are my lecture notes\n").unwrap();
    let mut h = open(&echo());
    h.state_mut().open_path(&notes);
    h.run_steps(2);
    h.get_by_label_contains("is not a pcap or pcapng capture file (it looks like plain text)");
    assert_eq!(h.state().session.store.len(), 10);
    h.get_by_label("Packets: 10");
    // The app keeps working: select a row.
    h.get_by_label_contains("[SYN, ACK]").click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(1));
    // A missing file too.
    h.state_mut().open_path(&dir.path().join("missing.pcap"));
    h.run_steps(2);
    h.get_by_label_contains("cannot open");
    h.get_by_label("Packets: 10");
}

#[test]
fn a_damaged_file_shows_its_complete_packets_and_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.pcapng");
    let bytes = std::fs::read(echo()).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() - 40]).unwrap();
    let h = open(&cut);
    assert_eq!(h.state().session.store.len(), 9);
    h.get_by_label_contains("is damaged after packet 9");
    h.get_by_label("Packets: 9");
}

#[test]
fn keyboard_moves_the_selection() {
    let mut h = open(&echo());
    h.get_by_label_contains("8888 [SYN] Seq=0 Win=65495")
        .click();
    h.run_steps(2);
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(1);
    assert_eq!(h.state().selection.selected, Some(1));
    h.key_press(egui::Key::End);
    h.run_steps(1);
    assert_eq!(h.state().selection.selected, Some(9));
    h.key_press(egui::Key::Home);
    h.run_steps(1);
    assert_eq!(h.state().selection.selected, Some(0));
}

#[test]
fn saving_displayed_packets_writes_a_file_tshark_reads() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("syns.pcapng");
    let mut h = harness(Start {
        open: Some(echo()),
        display_filter: Some("tcp.flags.syn == 1".into()),
        ..Start::default()
    });
    assert_eq!(h.state().list().len(), 2);
    h.state_mut().apply(layerscope::gui::app::Action::Save {
        path: out.clone(),
        displayed_only: true,
    });
    let said = h.state().notice.clone().expect("a notice");
    assert_eq!(said.text, format!("Saved 2 packets to {}", out.display()));
    let back = layerscope::packets::load(&out, None).expect("reads back");
    assert_eq!(back.packets.len(), 2);
    assert!(back.warning.is_none());
    if crate::util::require("tshark") {
        let o = std::process::Command::new("tshark")
            .args([
                "-r",
                out.to_str().unwrap(),
                "-T",
                "fields",
                "-e",
                "tcp.flags",
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(String::from_utf8_lossy(&o.stdout), "0x0002\n0x0012\n");
    }
    // Through the dialog: all packets, as pcap.
    let pcap = dir.path().join("all.pcap");
    // Ctrl+S opens it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    h.state_mut().panels.save_form.as_mut().unwrap().path = pcap.display().to_string();
    h.state_mut()
        .panels
        .save_form
        .as_mut()
        .unwrap()
        .displayed_only = false;
    h.run_steps(1);
    h.get_by_label("Save").click();
    h.run_steps(2);
    h.get_by_label_contains("Saved 10 packets");
    assert_eq!(
        layerscope::packets::load(&pcap, None)
            .unwrap()
            .packets
            .len(),
        10
    );
}

#[test]
fn live_capture_in_the_window_shows_the_echo_exchange_as_it_happens() {
    let port = crate::util::free_tcp_port();
    let mut h = harness(Start {
        live: Some(crate::util::loopback_tcp(port)),
        ..Start::default()
    });
    if let Some(problem) = h.state().capture.permission_problem.clone() {
        // Without CAP_NET_RAW the window explains the fix instead.
        assert!(problem.contains("setcap cap_net_raw+ep"), "{problem}");
        h.run_steps(2);
        h.get_by_label("Capturing needs permission");
        h.get_by_label("Open the bundled capture").click();
        h.run_steps(2);
        settle(&mut h);
        assert_eq!(h.state().session.store.len(), 10);
        crate::util::prerequisite(false, "capture permission (checked the permission panel)");
        return;
    }
    assert!(h.state().session.is_live());
    h.run_steps(2);
    h.get_by_label_contains("● Capturing on lo (tcp port");
    // The helper reports that it captures: what follows is seen.
    assert!(crate::util::capture_started(&mut h), "the capture stopped");
    // Our echo server and client: one "Hello, server!" exchange on the port.
    layerscope::echo::demo_exchange(port).unwrap();
    // Packets arrive while the capture runs.
    crate::util::step_until(&mut h, 10, "the exchange's 10 packets", |app| {
        app.session.store.len() >= 10
    });
    assert!(h.state().session.is_live());
    h.run_steps(2);
    h.get_by_label_contains(&format!("{port} [SYN] Seq=0"));
    assert_eq!(
        h.query_all_by_label_contains("Len=14 \"Hello, server!\"")
            .count(),
        2
    );
    // Ctrl+E stops it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    crate::util::step_until(&mut h, 10, "the capture to stop", |app| {
        !app.session.is_loading()
    });
    h.run_steps(2);
    h.get_by_label_contains("Capture stopped");
    assert_eq!(h.state().session.store.len(), 10);
}

#[test]
fn a_large_file_load_can_be_cancelled_and_keeps_what_it_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.pcap");
    let total = 300_000;
    crate::synth::synthesise(&big, total).unwrap();
    let mut h = open(&echo());
    h.state_mut().open_path(&big);
    // Cancel straight away, as the status bar's Cancel button does.
    h.state_mut()
        .apply(layerscope::gui::app::Action::CancelLoad);
    settle(&mut h);
    let app = h.state();
    assert_eq!(
        app.session.ending,
        Some(layerscope::pipeline::Ending::Cancelled)
    );
    assert!(
        app.session.store.len() < total,
        "{}",
        app.session.store.len()
    );
    h.get_by_label_contains("Loading cancelled: big.pcap");
    // Opening it again loads it all, with the list in order.
    h.state_mut().open_path(&big);
    settle(&mut h);
    assert_eq!(h.state().session.store.len(), total);
    assert_eq!(
        h.state().session.ending,
        Some(layerscope::pipeline::Ending::Complete)
    );
    h.get_by_label(&format!("Packets: {total}"));
}

#[test]
fn a_live_capture_keeps_a_safety_copy_until_it_is_closed() {
    let spool_dir = tempfile::tempdir().unwrap();
    let port = crate::util::free_tcp_port();
    let mut h = harness(Start {
        live: Some(crate::util::loopback_tcp(port)),
        recovery_dir: Some(spool_dir.path().to_path_buf()),
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
    // While the capture runs (as at a crash right now), the copy holds every packet.
    let spool = h.state().session.spool.clone().expect("a safety copy");
    assert!(spool.starts_with(spool_dir.path()));
    let copy = layerscope::packets::load(&spool, None).expect("the copy reads");
    assert_eq!(copy.packets.len(), 10);
    // Readable by its owner alone: it holds other programs' traffic.
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&spool), 0o600);
    assert_eq!(mode(spool.parent().unwrap()), 0o700);
    // This window's own copy is not offered as a leftover.
    assert!(layerscope::recovery::leftovers(spool_dir.path()).is_empty());
    drop(h);
    assert!(!spool.exists(), "closing normally removes the copy");
}

#[test]
fn a_live_capture_stops_at_its_limits_with_a_banner_and_keeps_its_packets() {
    let spool_dir = tempfile::tempdir().unwrap();
    let port = crate::util::free_tcp_port();
    let mut h = harness(Start {
        recovery_dir: Some(spool_dir.path().to_path_buf()),
        ..Start::default()
    });
    // A safety copy of about three packets, and memory for about eight.
    h.state_mut().capture.live_limits = layerscope::pipeline::LiveLimits {
        spool_bytes: 400,
        memory_bytes: 1_500,
    };
    h.state_mut().settings.interface = "lo".into();
    h.state_mut().settings.capture_filter = format!("tcp port {port}");
    h.state_mut().start_capture();
    if !crate::util::capture_started(&mut h) {
        crate::util::prerequisite(false, "capture permission");
        return;
    }
    layerscope::echo::demo_exchange(port).unwrap();
    crate::util::step_until(&mut h, 10, "the capture stopping at its limit", |app| {
        !app.session.is_loading()
    });
    h.run_steps(2);
    let kept = h.state().session.store.len();
    assert!((5..10).contains(&kept), "{kept} packets kept");
    h.get_by_label_contains("the safety copy reached its limit");
    h.get_by_label_contains("the capture stopped: it holds");
    let spool = h.state().session.spool.clone().expect("a safety copy");
    let copy = layerscope::packets::load(&spool, None).expect("the copy reads");
    assert!(copy.packets.len() < kept, "the copy stopped first");
}

#[test]
fn without_a_home_directory_a_capture_says_it_keeps_no_safety_copy() {
    let port = crate::util::free_tcp_port();
    let mut h = harness(Start::default());
    h.state_mut().capture.recovery_dir = None;
    h.state_mut().settings.interface = "lo".into();
    h.state_mut().settings.capture_filter = format!("tcp port {port}");
    h.state_mut().start_capture();
    if !crate::util::capture_started(&mut h) {
        crate::util::prerequisite(false, "capture permission");
        return;
    }
    h.run_steps(2);
    h.get_by_label_contains("no safety copy of this capture is kept");
    assert!(h.state().session.spool.is_none());
    h.state_mut().stop_capture();
}

#[test]
fn a_capture_left_by_a_crash_is_offered_and_opens() {
    let spool_dir = tempfile::tempdir().unwrap();
    // What a killed window leaves: a spool file of a process that is gone.
    let left = spool_dir
        .path()
        .join("capture-1700000000-999999999-0.pcapng");
    std::fs::copy(echo(), &left).unwrap();
    let mut h = harness(Start {
        recovery_dir: Some(spool_dir.path().to_path_buf()),
        ..Start::default()
    });
    h.get_by_label_contains("was not closed properly");
    h.get_by_label("Open it").click();
    settle(&mut h);
    assert_eq!(h.state().session.store.len(), 10);
    assert!(!left.exists(), "no longer offered");
    assert!(h
        .query_by_label_contains("was not closed properly")
        .is_none());
    // Offered again? No: the next start finds nothing.
    let h2 = harness(Start {
        recovery_dir: Some(spool_dir.path().to_path_buf()),
        ..Start::default()
    });
    assert!(h2.state().capture.leftover.is_none());
}

#[test]
fn the_window_has_glyphs_for_chinese_text() {
    // Payloads the course's students send, and the words of its textbooks, Simplified and
    // Traditional: drawn, not as boxes, on a machine with no CJK font.
    let mut h = open(&echo());
    h.run_steps(1);
    let text = "你好，服务器！{\"name\": \"小飞机\"} 传输层 應用層 三向交握 粘包";
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let font = egui::FontId::new(14.0, family.clone());
        let all = h.ctx.fonts_mut(|f| f.has_glyphs(&font, text));
        assert!(all, "{family:?} lacks glyphs for {text}");
    }
}

/// A Client Hello that TCP carried in three segments: the frame that completes it has a
/// second bytes tab, the reassembled message, where its fields are marked.
#[test]
fn a_message_joined_from_segments_has_its_own_bytes_tab() {
    let mut h = harness(Start {
        open: Some(capture("tcp-split.pcapng")),
        select: Some(22),
        ..Start::default()
    });
    assert_eq!(h.state().selection.selected, Some(21));
    h.get_by_label("Frame (325 bytes)");
    h.get_by_label("Reassembled TCP (517 bytes from 3 segments)");
    h.get_by_label_contains("in the reassembled message");
    // The message's tab: its first byte is the record's type (22, a handshake), where the
    // frame's is Ethernet's; a click on byte 5 picks the handshake type, one byte marked.
    h.get_by_label("byte 0: 00");
    h.get_by_label("Reassembled TCP (517 bytes from 3 segments)")
        .click();
    h.run_steps(3);
    h.get_by_label("byte 0: 16");
    h.get_by_label("byte 5: 01").click();
    h.run_steps(3);
    let hl = h.state().selection.highlight.clone().expect("a field");
    assert_eq!(hl.abbrev, "tls.handshake.type", "{hl:?}");
    assert_eq!(hl.source, layerscope_wire::layer::Source::Reassembled);
    assert_eq!(hl.bytes, 5..6);
    let selected = selected_bytes(&h);
    assert_eq!(selected, ["byte 5: 01"]);
    // Back to the frame's tab: the frame's bytes, nothing of the message marked.
    h.get_by_label("Frame (325 bytes)").click();
    h.run_steps(3);
    assert!(h.state().selection.highlight.is_none());
    h.get_by_label("byte 0: 00");
    assert!(selected_bytes(&h).is_empty());
}

/// Without a desktop portal or zenity (CI's case: no session bus), Open shows the dialog
/// drawn in the window, and a capture chosen in it opens.
#[test]
fn without_a_desktop_portal_the_window_draws_its_own_file_dialog_and_opens_a_capture() {
    use layerscope::gui::file_dialog;
    file_dialog::start_probe();
    assert!(
        crate::util::wait_until(10, || file_dialog::probed().is_some()),
        "the probe answers"
    );
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let zenity = crate::util::have("zenity");
    if !bus && !zenity {
        assert_eq!(file_dialog::probed(), Some(false), "no portal, no zenity");
    }
    let native = file_dialog::native_available();
    if !crate::util::prerequisite(
        !native,
        "a desktop file dialog is present (portal or zenity)",
    ) {
        return;
    }
    let mut h = harness(Start::default());
    h.state_mut()
        .apply(layerscope::gui::action::Action::OpenDialog);
    h.run_steps(3);
    // Its title (a label: AccessKit gives a label's text as its value), in the folder of
    // the last capture opened (the bundled one the window started with).
    let titled = |h: &Harness<'static, App>| {
        h.query_all_by(|n| {
            let has = |t: Option<String>| t.is_some_and(|v| v.contains("Open a capture"));
            has(n.value()) || has(n.label())
        })
        .count()
        .min(1)
    };
    assert_eq!(titled(&h), 1, "the dialog drawn in the window");
    let folder = capture("").display().to_string();
    assert!(
        h.query_all_by(|n| n.value().is_some_and(|v| v == folder.trim_end_matches('/')))
            .count()
            > 0,
        "the dialog starts in {folder}"
    );
    h.get_by_label_contains("tcp-echo-chinese.pcapng").click();
    h.run_steps(2);
    h.get_by_label("Open").click();
    settle(&mut h);
    assert_eq!(titled(&h), 0, "the dialog closed");
    assert!(
        h.state()
            .session
            .origin
            .title()
            .contains("tcp-echo-chinese"),
        "{}",
        h.state().session.origin.title()
    );
    assert_eq!(h.state().session.store.len(), 10);
}
