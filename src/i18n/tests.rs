//! The three languages are complete and consistent.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::{builtin_keys, builtin_source, terms, Lang};

/// Message ids kept in the Chinese files only: their English lives with the code (the
/// field registry, clap's doc comments).
fn zh_only(key: &str) -> bool {
    key.starts_with("field-") || key.starts_with("cli-")
}

fn keys(lang: Lang) -> BTreeSet<String> {
    builtin_keys(lang).into_iter().collect()
}

#[test]
fn every_file_parses_without_errors_or_duplicates() {
    for lang in Lang::CHOICES {
        let parsed = FluentResource::try_new(builtin_source(lang).to_string());
        assert!(
            parsed.is_ok(),
            "{}: {:?}",
            lang.code(),
            parsed.err().map(|e| e.1)
        );
        let all = builtin_keys(lang);
        let unique: BTreeSet<&String> = all.iter().collect();
        assert_eq!(all.len(), unique.len(), "{} has duplicate ids", lang.code());
    }
}

#[test]
fn every_message_exists_in_all_three_languages() {
    let en = keys(Lang::En);
    let cn = keys(Lang::ZhCn);
    let tw = keys(Lang::ZhTw);
    assert!(en.len() > 300, "{}", en.len());
    let cn_shared: BTreeSet<String> = cn.iter().filter(|k| !zh_only(k)).cloned().collect();
    assert_eq!(
        en.symmetric_difference(&cn_shared).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "en and zh-CN differ"
    );
    assert_eq!(
        cn.symmetric_difference(&tw).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "zh-CN and zh-TW differ"
    );
    assert!(en.iter().all(|k| !zh_only(k)));
}

/// The `$variables` a message uses, whatever its language.
fn variables(lang: Lang) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let resource = FluentResource::try_new(builtin_source(lang).to_string()).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                collect(p, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn collect(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
            vars.insert(id.name.to_string());
        }
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                vars.insert(id.name.to_string());
            }
            for v in variants {
                collect(&v.value, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn translations_fill_in_the_same_values_as_english() {
    let en = variables(Lang::En);
    for lang in [Lang::ZhCn, Lang::ZhTw] {
        for (key, vars) in variables(lang) {
            if let Some(want) = en.get(&key) {
                assert_eq!(&vars, want, "{} {key}", lang.code());
            }
        }
    }
}

/// Every `t!` call in the sources names a message of the English file.
#[test]
fn every_message_the_code_asks_for_exists() {
    let en = keys(Lang::En);
    let mut asked = BTreeSet::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let mut rest = text.as_str();
                while let Some(at) = rest.find("t!(\"") {
                    // `t!`, not `format!` or `assert!`.
                    let standalone = rest[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    rest = &rest[at + 4..];
                    if standalone {
                        if let Some(key) = rest.split('"').next() {
                            asked.insert(key.to_string());
                        }
                    }
                }
            }
        }
    }
    assert!(asked.len() > 250, "{}", asked.len());
    let missing: Vec<&String> = asked
        .iter()
        .filter(|k| !zh_only(k) && !en.contains(*k))
        .collect();
    assert!(missing.is_empty(), "not in en.ftl: {missing:?}");
    let zh = keys(Lang::ZhCn);
    let missing: Vec<&String> = asked.iter().filter(|k| !zh.contains(*k)).collect();
    assert!(missing.is_empty(), "not in zh-CN.ftl: {missing:?}");
}

/// Every field with an explanation has it in both Chinese files, under a key no other
/// field shares, and no key explains a field that no longer exists.
#[test]
fn every_field_explanation_is_translated() {
    let defs: Vec<_> = layerscope_wire::registry::all().collect();
    let wanted: BTreeSet<String> = defs
        .iter()
        .filter(|d| !d.explanation.is_empty())
        .map(|d| terms::explanation_key(d))
        .collect();
    assert!(defs.iter().all(|d| !d.abbrev.contains('-')));
    assert_eq!(
        wanted.len(),
        defs.iter().filter(|d| !d.explanation.is_empty()).count()
    );
    for lang in [Lang::ZhCn, Lang::ZhTw] {
        let have: BTreeSet<String> = keys(lang)
            .into_iter()
            .filter(|k| k.starts_with("field-"))
            .collect();
        assert_eq!(
            wanted.symmetric_difference(&have).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "{}",
            lang.code()
        );
    }
}

/// The layer names are the textbooks' (docs/glossary.md).
#[test]
fn layers_are_named_as_the_glossary_names_them() {
    let glossary = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/glossary.md"),
    )
    .unwrap();
    let source = |lang| builtin_source(lang).to_string();
    for (key, cn, tw) in [
        ("osi-7", "应用层", "應用層"),
        ("osi-4", "传输层", "傳輸層"),
        ("osi-3", "网络层", "網路層"),
        ("osi-2", "数据链路层", "資料連結層"),
        ("osi-1", "物理层", "實體層"),
        ("pdu-segment", "报文段", "區段"),
        ("pdu-datagram", "数据报", "資料包"),
        ("pdu-frame", "帧", "訊框"),
        ("ladder-phase-handshake", "三次握手", "三向交握"),
        ("ladder-phase-teardown", "四次挥手", "四次揮手"),
    ] {
        assert!(
            source(Lang::ZhCn).contains(&format!("{key} = {cn}\n")),
            "{key}"
        );
        assert!(
            source(Lang::ZhTw).contains(&format!("{key} = {tw}\n")),
            "{key}"
        );
        assert!(glossary.contains(&format!("| {cn} | {tw} |")), "{cn} {tw}");
    }
}
