//! The window's follow view, driven through egui_kittest: a conversation's two directions,
//! the sticky-packets demo's messages against its segments, JSON as `json.loads` reads it,
//! and a live capture followed as it happens.

use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use layerscope::gui::action::Action;
use layerscope::gui::settings::Settings;
use layerscope::gui::start::MainView;
use layerscope::gui::{App, Start};

use crate::util::{capture, step_until};

fn window(start: Start) -> Harness<'static, App> {
    crate::util::use_built_helper();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            App::with_settings(cc.egui_ctx.clone(), Settings::default(), start)
        });
    h.step();
    step_until(&mut h, 20, "loading", |app| {
        !app.session.is_loading() || app.session.is_live()
    });
    h.run_steps(3);
    h
}

fn follow(file: &str, messages: bool) -> Harness<'static, App> {
    window(Start {
        open: Some(capture(file)),
        view: Some(MainView::Follow),
        follow_messages: messages,
        ..Start::default()
    })
}

/// Every node's text: a label's is its value in AccessKit, other widgets' their label.
fn labels(h: &Harness<'static, App>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let n = n.accesskit_node();
            if n.role() == egui::accesskit::Role::Label {
                n.value()
            } else {
                n.label()
            }
        })
        .collect()
}

#[test]
fn the_follow_view_shows_both_directions_in_order_with_their_segments() {
    let mut h = follow("tcp-echo-chinese.pcapng", false);
    let all = labels(&h);
    let heads: Vec<&String> = all
        .iter()
        .filter(|l| (l.starts_with('▶') || l.starts_with('◀')) && l.contains(" · frame "))
        .collect();
    assert_eq!(heads.len(), 2, "{all:#?}");
    assert!(
        heads[0].starts_with("▶ client 127.0.0.1:53242 · frame 4 · 21 bytes"),
        "{heads:?}"
    );
    assert!(
        heads[1].starts_with("◀ server 127.0.0.1:8888 · frame 6 · 21 bytes"),
        "{heads:?}"
    );
    // Each side's text, decoded from UTF-8.
    assert_eq!(
        all.iter()
            .filter(|l| l.as_str() == "你好，服务器！")
            .count(),
        2,
        "{all:#?}"
    );
    h.get_by_label_contains("client 127.0.0.1:53242 sent 21 bytes (UTF-8)");
    // A segment's header selects its frame.
    h.get_by_label_contains("◀ server 127.0.0.1:8888 · frame 6")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(5));
    // Search marks the chunks that hold the text.
    h.state_mut().panels.follow.search = "服务器".into();
    h.run_steps(2);
    h.get_by_label("2 chunks match");
}

#[test]
fn json_with_escapes_is_shown_as_the_receiving_program_reads_it() {
    let h = follow("tcp-json.pcapng", false);
    // The bytes as sent, escapes and all …
    h.get_by_label_contains(r#""name": "\u5c0f\u98de\u673a""#);
    // … and the values json.loads gives the receiver.
    h.get_by_label_contains(r#"JSON, as json.loads reads it: {"name": "小飞机""#);
    h.get_by_label_contains(r#""message": "消息已收到"}"#);
}

#[test]
fn the_messages_view_shows_the_three_sends_of_the_sticky_demo_and_why_they_merge() {
    let h = follow("tcp-sticky.pcapng", true);
    // The three sends, each its own segment on the wire …
    h.get_by_label(r#"frame 4 · 5 bytes · "hello""#);
    h.get_by_label(r#"frame 6 · 5 bytes · "world""#);
    h.get_by_label(r#"frame 8 · 6 bytes · "中文""#);
    // … and the one message the receiver can tell apart, across all three.
    h.get_by_label(r#"#1 · 16 bytes · frames 4, 6, 8 (3 segments) · "helloworld中文""#);
    let all = labels(&h);
    assert!(
        all.iter()
            .any(|l| l.starts_with("client 127.0.0.1:") && l.ends_with("3 segments, 1 message")),
        "{all:#?}"
    );
    // Why: no framing, send()/recv() are not on the wire, Nagle may merge sends.
    // (Said for each direction.)
    assert!(h
        .query_all_by_label_contains(
            "No framing: nothing in these bytes marks where one send() ended"
        )
        .next()
        .is_some());
    h.get_by_label_contains("Nagle's algorithm may merge small sends");
}

#[test]
fn chinese_payload_text_appears_in_the_layers_tree() {
    let mut h = window(Start {
        open: Some(capture("tcp-echo-chinese.pcapng")),
        select: Some(4),
        ..Start::default()
    });
    h.run_steps(2);
    if h.query_by_label("Text: 你好，服务器！").is_none() {
        // The application layer's lines open with its heading.
        h.get_by_label_contains("Application · OSI 7").click();
        h.run_steps(3);
    }
    h.get_by_label("Text: 你好，服务器！");
    h.get_by_label("Text encoding: UTF-8");
}

#[test]
fn the_follow_view_follows_a_live_capture_as_packets_arrive() {
    let port = crate::util::free_tcp_port();
    let mut h = window(Start {
        live: Some(crate::util::loopback_tcp(port)),
        view: Some(MainView::Follow),
        ..Start::default()
    });
    let permitted = h.state().capture.permission_problem.is_none();
    if !crate::util::prerequisite(permitted, "capture permission (the follow view live)") {
        return;
    }
    assert!(crate::util::capture_started(&mut h), "the capture stopped");
    layerscope::echo::demo_exchange(port).unwrap();
    step_until(&mut h, 10, "the exchange's 10 packets", |app| {
        app.session.store.len() >= 10
    });
    h.run_steps(3);
    let all = labels(&h);
    assert_eq!(
        all.iter()
            .filter(|l| l.as_str() == "Hello, server!")
            .count(),
        2,
        "{all:#?}"
    );
    h.get_by_label_contains(&format!("◀ server 127.0.0.1:{port} · frame 6 · 14 bytes"));
    // A second exchange is a second stream, offered by the picker and followed on demand.
    layerscope::echo::demo_exchange(port).unwrap();
    step_until(&mut h, 10, "the second exchange", |app| {
        app.session.store.len() >= 20
    });
    h.state_mut().panels.follow.stream = Some((layerscope::diagram::ladder::Kind::Tcp, 1));
    h.run_steps(3);
    h.get_by_label_contains("frame 14 · 14 bytes");
    h.state_mut().apply(Action::StopCapture);
    h.run_steps(2);
}
