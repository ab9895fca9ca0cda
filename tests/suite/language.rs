//! The window and the command line in English, Simplified and Traditional Chinese.

use std::path::Path;
use std::process::Command;

use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use layerscope::gui::action::Action;
use layerscope::gui::settings::Settings;
use layerscope::gui::start::MainView;
use layerscope::gui::{App, Start};
use layerscope::i18n::Lang;

use crate::util::{capture, step_until};

fn window(lang: Option<Lang>, settings: Settings) -> Harness<'static, App> {
    let start = Start {
        open: Some(capture("tcp-echo-ipv4.pcapng")),
        lang,
        ..Start::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| App::with_settings(cc.egui_ctx.clone(), settings, start));
    h.step();
    step_until(&mut h, 20, "loading", |app| !app.session.is_loading());
    h.run_steps(3);
    h
}

/// At least one node has exactly this label (a step's title is also its dot's tooltip).
fn has(h: &Harness<'static, App>, label: &str) {
    assert!(
        h.query_all_by_label(label).next().is_some(),
        "no label {label:?}"
    );
}

fn select(h: &mut Harness<'static, App>, index: u32) {
    h.state_mut().apply(Action::SelectAndShow(index));
    h.run_steps(3);
}

fn show(h: &mut Harness<'static, App>, view: MainView) {
    h.state_mut().apply(Action::ShowView(view));
    // The encapsulation view animates its first step in.
    step_until(h, 10, "the view to settle", |app| app.is_settled());
    h.run_steps(2);
}

#[test]
fn the_window_speaks_simplified_chinese() {
    let mut h = window(Some(Lang::ZhCn), Settings::default());
    for label in [
        "文件",
        "抓包",
        "视图",
        "显示过滤器",
        "数据包：10",
        "协议",
        "信息",
    ] {
        h.get_by_label(label);
    }
    select(&mut h, 3);
    h.get_by_label_contains("传输层 · OSI 第 4 层（传输层）· TCP 报文段");
    h.get_by_label_contains("L4 传输层");
    h.get_by_label_contains("应用层 · OSI 第 7 层（应用层）· Data 数据");
    show(&mut h, MainView::Ladder);
    h.get_by_label("第 1 帧 客户端 → 服务器：[SYN] Seq=0 Len=0");
    h.get_by_label_contains("第 4 帧：[PSH, ACK] Seq=1 Ack=1 Len=14");
    show(&mut h, MainView::Encapsulation);
    has(&h, "应用程序把字节交给套接字");
    h.get_by_label("第 1 步，共 9 步");
    show(&mut h, MainView::Headers);
    h.get_by_label_contains("每行 32 位");
}

#[test]
fn the_window_speaks_traditional_chinese_as_taiwan_writes_it() {
    let mut h = window(Some(Lang::ZhTw), Settings::default());
    for label in [
        "檔案",
        "擷取",
        "檢視",
        "顯示過濾器",
        "封包：10",
        "協定",
        "資訊",
    ] {
        h.get_by_label(label);
    }
    select(&mut h, 3);
    h.get_by_label_contains("傳輸層 · OSI 第 4 層（傳輸層）· TCP 區段");
    show(&mut h, MainView::Ladder);
    h.get_by_label("第 1 個訊框 用戶端 → 伺服器：[SYN] Seq=0 Len=0");
    show(&mut h, MainView::Encapsulation);
    has(&h, "應用程式把位元組交給通訊端");
}

/// The language menu switches at once, without a restart, and the choice is remembered;
/// `--lang` wins over it next time.
#[test]
fn switching_language_at_run_time_changes_every_label() {
    let mut h = window(Some(Lang::En), Settings::default());
    select(&mut h, 3);
    h.get_by_label("Packets: 10");
    h.get_by_label_contains("Transport · OSI 4 (Transport) · TCP segment");
    h.get_by_label("🌐 Language").click();
    h.run_steps(2);
    h.get_by_label("简体中文").click();
    h.run_steps(3);
    assert_eq!(h.state().lang, Lang::ZhCn);
    assert_eq!(h.state().settings.language, Some(Lang::ZhCn));
    h.get_by_label("数据包：10");
    assert!(h.query_by_label("Packets: 10").is_none());
    h.get_by_label_contains("传输层 · OSI 第 4 层（传输层）· TCP 报文段");
    // The encapsulation steps, built before the switch, are told again.
    show(&mut h, MainView::Encapsulation);
    has(&h, "应用程序把字节交给套接字");
    h.get_by_label("🌐 语言").click();
    h.run_steps(2);
    h.get_by_label("繁體中文").click();
    h.run_steps(3);
    has(&h, "應用程式把位元組交給通訊端");
    h.get_by_label("封包：10");

    // Remembered: a new window with these settings speaks Traditional Chinese …
    let settings = h.state().settings.clone();
    let again = window(None, settings.clone());
    again.get_by_label("封包：10");
    // … unless --lang says otherwise.
    let english = window(Some(Lang::En), settings);
    english.get_by_label("Packets: 10");
}

/// Chinese typed through an input method (fcitx, ibus) arrives as IME events: the filter
/// box takes the committed text.
#[test]
fn chinese_typed_through_an_input_method_reaches_the_filter_box() {
    let mut h = window(Some(Lang::ZhCn), Settings::default());
    h.state_mut().panels.focus_filter = true;
    h.run_steps(2);
    for event in [
        egui::ImeEvent::Preedit {
            text: "ni hao".into(),
            active_range_chars: None,
        },
        egui::ImeEvent::Commit("你好".into()),
    ] {
        h.event(egui::Event::Ime(event));
        h.run_steps(1);
    }
    assert_eq!(h.state().filter.text, "你好");
}

/// Every visible label of every main view came from the translation files: in the
/// pseudo-locale each message is marked ⟦…⟧, and what is left unmarked is the capture's own
/// data (addresses, Wireshark's field lines and info columns, the bytes), protocol and
/// language names.
#[test]
fn every_visible_label_comes_from_the_translation_files() {
    let mut h = window(Some(Lang::Pseudo), Settings::default());
    select(&mut h, 3);
    let data = capture_data(&capture("tcp-echo-ipv4.pcapng"));
    let mut unmarked = std::collections::BTreeSet::new();
    let mut marked = 0;
    for view in [
        MainView::Packets,
        MainView::Ladder,
        MainView::Encapsulation,
        MainView::Headers,
        MainView::Follow,
    ] {
        show(&mut h, view);
        for node in h.query_all_by(|n| n.label().is_some()) {
            let label = node.accesskit_node().label().unwrap_or_default();
            marked += usize::from(label.contains('⟦'));
            if label.contains('⟦')
                || !label.chars().any(|c| c.is_ascii_alphabetic())
                || data.iter().any(|d| label == *d || label.contains(d.as_str()))
                || is_field_line(&label, &data)
                // egui's own accessibility name for a panel's resize handle.
                || label == "Resize panel"
            {
                continue;
            }
            unmarked.insert(label);
        }
    }
    assert!(
        marked > 60,
        "only {marked} labels came from the translation files"
    );
    assert!(
        unmarked.is_empty(),
        "labels not from the translation files: {unmarked:#?}"
    );
}

/// A field as the header diagram names its boxes (`ip.ttl = 64`) or the tree its lines
/// (`Reserved: 0`): a Wireshark field name or label from the capture's dissection, then its
/// value.
fn is_field_line(label: &str, data: &[String]) -> bool {
    let name = label
        .split_once(" = ")
        .or_else(|| label.split_once(": "))
        .map(|(name, _)| name);
    name.is_some_and(|name| {
        data.iter().any(|d| d == name)
            || layerscope_wire::registry::all().any(|f| f.abbrev == name || f.name == name)
    })
}

/// What the window shows from the capture itself rather than from the translation files:
/// every field line and value, the packet list's cells, protocol names.
fn capture_data(path: &Path) -> Vec<String> {
    let json = crate::util::layerscope(&["dissect", "--json", path.to_str().unwrap()]);
    let summary = crate::util::layerscope(&["dissect", "--summary", path.to_str().unwrap()]);
    let text = crate::util::layerscope(&["dissect", path.to_str().unwrap()]);
    let mut out: Vec<String> = Vec::new();
    for line in crate::util::stdout(&text).lines() {
        // "    Source Port: 8888  [tcp.srcport]": the label, and the value after the colon.
        let line = line.trim();
        if let Some((label, _)) = line.rsplit_once("  [") {
            out.push(label.to_string());
            if let Some((_, value)) = label.split_once(": ") {
                out.push(value.to_string());
            }
        }
    }
    for line in crate::util::stdout(&summary).lines() {
        out.extend(line.split_whitespace().map(str::to_string));
        if let Some(info) = line.split("  ").last() {
            out.push(info.trim().to_string());
        }
    }
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for packet in json.as_array().unwrap() {
        for (key, value) in packet.as_object().unwrap() {
            out.push(key.clone());
            if let Some(v) = value.as_str() {
                out.push(v.to_string());
            }
        }
    }
    out.extend(
        [
            "Ethernet II",
            "IPv4",
            "IPv6",
            "TCP",
            "UDP",
            "Data",
            "SVG",
            "PNG",
            "OSI",
            "TCP/IP",
            "English",
            "简体中文",
            "繁體中文",
            "layerscope",
            "lo",
            "Seq",
            "Ack",
            "Len",
            "CLOSED",
            "LISTEN",
            "SYN-SENT",
            "SYN-RECEIVED",
            "ESTABLISHED",
            "FIN-WAIT-1",
            "FIN-WAIT-2",
            "CLOSE-WAIT",
            "LAST-ACK",
            "TIME-WAIT",
            "tcp-echo-ipv4.pcapng",
        ]
        .map(String::from),
    );
    out.retain(|s| s.chars().any(|c| c.is_ascii_alphabetic()) && s.len() > 1);
    out
}

fn draw_encapsulation(env: &[(&str, &str)], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("encapsulation.svg");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_layerscope"));
    cmd.env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", dir.path().join("config"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let capture = capture("tcp-echo-ipv4.pcapng");
    let o = cmd
        .args([
            "draw",
            capture.to_str().unwrap(),
            "--view",
            "encapsulation",
            "--frame",
            "4",
        ])
        .arg("-o")
        .arg(&out)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(&out).unwrap()
}

#[test]
fn drawings_follow_the_locale_and_lang_wins() {
    let svg = draw_encapsulation(&[("LANG", "zh_CN.UTF-8")], &[]);
    assert!(svg.contains("传输层") && svg.contains("应用层"), "{svg}");
    assert!(!svg.contains(">Transport<"));
    let svg = draw_encapsulation(&[("LANG", "zh_CN.UTF-8")], &["--lang", "zh-TW"]);
    assert!(svg.contains("傳輸層") && svg.contains("應用層"));
    assert!(!svg.contains("传输层"));
    let svg = draw_encapsulation(&[("LANG", "zh_HK.UTF-8")], &[]);
    assert!(svg.contains("傳輸層"));
    let svg = draw_encapsulation(&[("LANG", "C")], &[]);
    assert!(svg.contains("Transport") && svg.contains("Application"));
    assert!(!svg.contains("传输层") && !svg.contains("傳輸層"));
    // LANGUAGE lists the user's languages in order; LC_ALL=C turns translation off.
    let svg = draw_encapsulation(&[("LANG", "C"), ("LANGUAGE", "fr:zh_TW")], &[]);
    assert!(svg.contains("Transport"), "the C locale keeps English");
    let svg = draw_encapsulation(&[("LANG", "fr_FR.UTF-8"), ("LANGUAGE", "fr:zh_TW")], &[]);
    assert!(svg.contains("傳輸層"));
}

/// A teacher corrects a translation in the config directory without touching Rust; a
/// broken line in the file is reported and skipped, the rest still applies.
#[test]
fn a_teachers_file_overrides_single_messages() {
    let dir = tempfile::tempdir().unwrap();
    let locales = dir.path().join("layerscope/locales");
    std::fs::create_dir_all(&locales).unwrap();
    std::fs::write(
        locales.join("zh-CN.ftl"),
        "osi-4 = 运输层\nthis line is not fluent\nencap-app-send-title = 应用程序调用 send()\n",
    )
    .unwrap();
    let out = dir.path().join("e.svg");
    let capture = capture("tcp-echo-ipv4.pcapng");
    let o = Command::new(env!("CARGO_BIN_EXE_layerscope"))
        .env("XDG_CONFIG_HOME", dir.path())
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["draw", capture.to_str().unwrap(), "--frame", "4", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("zh-CN.ftl") && stderr.contains("skipped (line 2)"),
        "{stderr}"
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("运输层") && svg.contains("应用程序调用 send()"));
    // Messages the file does not name keep their built-in text.
    assert!(svg.contains("网络层"));
}

#[test]
fn help_and_human_text_follow_the_language_and_programs_output_does_not() {
    let capture = capture("tcp-echo-chinese.pcapng");
    let run = |lang: &str, args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_layerscope"))
            .env("LANG", "C")
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--lang")
            .arg(lang)
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let help = run("zh-CN", &["flow", "--help"]);
    assert!(help.contains("用法：") && help.contains("时序图"), "{help}");
    let help = run("zh-TW", &["dissect", "--help"]);
    assert!(help.contains("逐層解析"), "{help}");
    let flow = run("zh-CN", &["flow", capture.to_str().unwrap()]);
    assert!(
        flow.contains("TCP 流 0：客户端") && flow.contains("三次握手 1/3：SYN"),
        "{flow}"
    );
    assert!(flow.contains("数据 你好，服务器！"));
    let text = run("zh-TW", &["dissect", "-c", "4", capture.to_str().unwrap()]);
    assert!(text.contains("TCP/IP 傳輸層 · TCP 區段"), "{text}");
    // What programs read is the same in every language.
    for args in [&["dissect", "--json"][..], &["dissect", "--summary"][..]] {
        let mut a = args.to_vec();
        a.push(capture.to_str().unwrap());
        assert_eq!(run("zh-CN", &a), run("en", &a), "{args:?}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_layerscope"))
        .args(["--lang", "fr", "interfaces"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("en, zh-CN or zh-TW"));
}
