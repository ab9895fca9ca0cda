//! The messages of each language: the built-in file, then the user's overrides.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::Lang;

type Bundle = FluentBundle<FluentResource>;

const EN: &str = include_str!("../../assets/locales/en.ftl");
const ZH_CN: &str = include_str!("../../assets/locales/zh-CN.ftl");
const ZH_TW: &str = include_str!("../../assets/locales/zh-TW.ftl");

/// One bundle per language, built the first time the language is used (a run in English
/// never parses the Chinese files).
static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

static WARNINGS: Mutex<Vec<String>> = Mutex::new(Vec::new());

pub(super) fn builtin_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En | Lang::Pseudo => EN,
        Lang::ZhCn => ZH_CN,
        Lang::ZhTw => ZH_TW,
    }
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En | Lang::Pseudo => 0,
        Lang::ZhCn => 1,
        Lang::ZhTw => 2,
    }
}

fn bundle(lang: Lang) -> &'static Bundle {
    BUNDLES[slot(lang)].get_or_init(|| build(lang))
}

/// Loads a language's messages now (its override file's problems become known).
pub(super) fn ensure(lang: Lang) {
    bundle(lang);
}

fn build(lang: Lang) -> Bundle {
    let file_lang = if lang == Lang::Pseudo { Lang::En } else { lang };
    let id = file_lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps placeables in Unicode isolation marks for right-to-left scripts; in a
    // terminal or an SVG they are stray invisible characters.
    bundle.set_use_isolating(false);
    let builtin = FluentResource::try_new(builtin_source(file_lang).to_string())
        .unwrap_or_else(|(partial, _)| partial);
    // A test parses every built-in file without errors and without duplicate ids.
    let _ = bundle.add_resource(builtin);
    if let Some(path) = override_path(file_lang) {
        if let Ok(text) = std::fs::read_to_string(&path) {
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(resource) => resource,
                Err((partial, errors)) => {
                    let lines: Vec<String> = errors
                        .iter()
                        .map(|e| (text[..e.pos.start.min(text.len())].lines().count()).to_string())
                        .collect();
                    warn(format!(
                        "{}: {} message(s) could not be read and were skipped (line {})",
                        path.display(),
                        errors.len(),
                        lines.join(", ")
                    ));
                    partial
                }
            };
            bundle.add_resource_overriding(resource);
        }
    }
    bundle
}

/// `<config dir>/layerscope/locales/<code>.ftl`.
pub fn override_path(lang: Lang) -> Option<PathBuf> {
    Some(
        dirs::config_dir()?
            .join("layerscope")
            .join("locales")
            .join(format!("{}.ftl", lang.code())),
    )
}

fn warn(text: String) {
    if let Ok(mut w) = WARNINGS.lock() {
        w.push(text);
    }
}

pub(super) fn warnings() -> Vec<String> {
    WARNINGS.lock().map(|w| w.clone()).unwrap_or_default()
}

/// The message formatted, or `None` when the language has no such message.
pub(super) fn format(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

pub(super) fn builtin_keys(lang: Lang) -> Vec<String> {
    let resource = FluentResource::try_new(builtin_source(lang).to_string())
        .unwrap_or_else(|(partial, _)| partial);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}
