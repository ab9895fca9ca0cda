//! The learner's language: English, Simplified Chinese or Traditional Chinese.
//!
//! Every sentence a person reads (the window, the teaching views, the command line's human
//! text) is a message in `assets/locales/<lang>.ftl`, written in Project Fluent's format and
//! compiled in; a file of the same name in the user's config directory
//! (`~/.config/layerscope/locales/zh-CN.ftl`) overrides single messages at start, so a
//! teacher can correct a translation without touching Rust. What programs read stays as it
//! is in every language: Wireshark field names, JSON, `--summary` lines, protocol names.
//!
//! The language is one process-wide choice, read by [`t!`](crate::t) wherever text is
//! made: the command line sets it once from `--lang` or the locale, the window whenever its
//! menu changes it.

/// Text in the current language: `t!("menu-file")`, `t!("status-packets", n = 3)`.
///
/// Arguments are anything Fluent takes as a value (numbers, `String`, `&str`); numbers
/// select plural forms in English.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::text($key, Some(&args))
    }};
}

mod catalog;
pub mod detect;
pub mod terms;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::FluentArgs as Args;

/// A language layerscope speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    /// English with every message marked `⟦…⟧`: a test can see which visible text came from
    /// the translation files and which did not. Never offered in a menu.
    #[serde(rename = "pseudo")]
    Pseudo,
}

impl Lang {
    /// The languages a person can choose, in menu order.
    pub const CHOICES: [Lang; 3] = [Lang::En, Lang::ZhCn, Lang::ZhTw];

    /// The BCP 47 tag, also the name of the locale file.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::Pseudo => "pseudo",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
            Lang::ZhTw => "繁體中文",
            Lang::Pseudo => "⟦Pseudo⟧",
        }
    }

    /// Reads a `--lang` value: the tags above, case and `_`/`-` aside.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        match tag.as_str() {
            "en" | "en-us" | "en-gb" | "english" => Some(Lang::En),
            "zh-cn" | "zh-hans" | "zh-sg" | "zh" => Some(Lang::ZhCn),
            "zh-tw" | "zh-hant" | "zh-hk" | "zh-mo" => Some(Lang::ZhTw),
            "pseudo" => Some(Lang::Pseudo),
            _ => None,
        }
    }

    fn from_index(i: u8) -> Lang {
        match i {
            1 => Lang::ZhCn,
            2 => Lang::ZhTw,
            3 => Lang::Pseudo,
            _ => Lang::En,
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::ZhCn => 1,
            Lang::ZhTw => 2,
            Lang::Pseudo => 3,
        }
    }

    /// Whether the language is written in Chinese characters.
    pub fn is_chinese(self) -> bool {
        matches!(self, Lang::ZhCn | Lang::ZhTw)
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A window's own language on the thread that draws it, over the process's: tests run
    /// windows in several languages at once, one per thread.
    static ON_THIS_THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language text is made in now.
pub fn current() -> Lang {
    ON_THIS_THREAD
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(CURRENT.load(Ordering::Relaxed)))
}

/// Makes `lang` the language of all text made from now on, on every thread that has not
/// chosen its own.
pub fn set(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

/// Makes `lang` the language of the text made on this thread (a window, each frame).
pub fn set_on_this_thread(lang: Lang) {
    ON_THIS_THREAD.with(|l| l.set(Some(lang)));
}

/// The message `key` in the current language, its `{ $name }` placeables filled from `args`.
///
/// A key missing from a language (a test keeps every key in all three) falls back to
/// English, then to the key itself, so a broken override file degrades visibly, never
/// with a panic.
pub fn text(key: &str, args: Option<&Args<'_>>) -> String {
    let lang = current();
    let made = catalog::format(lang, key, args)
        .or_else(|| catalog::format(Lang::En, key, args))
        .unwrap_or_else(|| key.to_string());
    mark(lang, made)
}

/// The message `key` in the current language if it has one (the field explanations, whose
/// English lives in the field registry).
pub fn text_if_any(key: &str) -> Option<String> {
    let lang = current();
    catalog::format(lang, key, None).map(|made| mark(lang, made))
}

/// Wraps text made in the pseudo-locale.
pub(crate) fn mark(lang: Lang, made: String) -> String {
    if lang == Lang::Pseudo {
        format!("⟦{made}⟧")
    } else {
        made
    }
}

/// Problems met while loading the user's override files, for the window's banner and the
/// command line's standard error.
pub fn load_warnings() -> Vec<String> {
    catalog::ensure(current());
    catalog::warnings()
}

/// Every message id of a language's built-in file (for the tests that keep the three
/// languages complete).
pub fn builtin_keys(lang: Lang) -> Vec<String> {
    catalog::builtin_keys(lang)
}

/// The built-in source of a language's file.
pub fn builtin_source(lang: Lang) -> &'static str {
    catalog::builtin_source(lang)
}

#[cfg(test)]
mod tests;
