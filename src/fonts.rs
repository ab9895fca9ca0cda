//! The fonts layerscope ships: egui's own, plus a CJK fallback so that Chinese text
//! (a student's `'你好'`, `json.dumps({'name': '小飞机'})`, the translations) is drawn on a
//! machine with no CJK font installed, in the window and in exported pictures alike.
//!
//! Droid Sans Fallback (Apache-2.0, `assets/fonts/LICENSE-DroidSansFallback.txt`) covers
//! the common Simplified and Traditional characters (GB2312 and Big5 level 1 and beyond)
//! in one 4 MB file; Noto Sans CJK would draw them better but weighs four times as much
//! per script.

/// Droid Sans Fallback, whole.
pub const CJK_FALLBACK: &[u8] = include_bytes!("../assets/fonts/DroidSansFallbackFull.ttf");

/// Its family name, for font stacks.
pub const CJK_FALLBACK_NAME: &str = "Droid Sans Fallback";

/// A CJK font installed on the system, in the form the language writes.
#[derive(Clone)]
pub struct SystemFont {
    pub family: String,
    /// The font file's bytes (a collection's, for `.ttc`), shared by the window and the
    /// PNG exports.
    pub data: std::sync::Arc<Vec<u8>>,
    /// The face's index within a collection.
    pub index: u32,
}

/// The families to look for, best first: the language's own form (Traditional glyphs for
/// zh-TW: 骨, 說 and 將 are drawn differently in Taiwan), on Linux, Windows and macOS.
fn preferred_families(lang: crate::i18n::Lang) -> &'static [&'static str] {
    match lang {
        crate::i18n::Lang::ZhTw => &[
            "Noto Sans CJK TC",
            "Noto Sans TC",
            "Source Han Sans TC",
            "Source Han Sans TW",
            "Microsoft JhengHei",
            "Microsoft JhengHei UI",
            "PingFang TC",
            "AR PL UMing TW",
        ],
        _ => &[
            "Noto Sans CJK SC",
            "Noto Sans SC",
            "Source Han Sans SC",
            "Source Han Sans CN",
            "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei",
            "Microsoft YaHei",
            "Microsoft YaHei UI",
            "PingFang SC",
        ],
    }
}

/// The system's best CJK font for `lang`, looked for once per language and only when a
/// Chinese language is shown (scanning the system's fonts costs milliseconds a window in
/// English need not pay). `None` when the system has none of the preferred families: the
/// bundled fallback draws everything.
pub fn system_cjk(lang: crate::i18n::Lang) -> Option<SystemFont> {
    let cell = cell(lang)?;
    cell.get_or_init(|| find_system_font(preferred_families(lang)))
        .clone()
}

/// [`system_cjk`] without waiting: `None` while the search (started by
/// [`look_for_system_cjk`]) is still going, then what it found.
pub fn system_cjk_if_known(lang: crate::i18n::Lang) -> Option<Option<SystemFont>> {
    match cell(lang) {
        Some(cell) => cell.get().cloned(),
        None => Some(None),
    }
}

/// Starts looking for the system's CJK font for `lang` on a thread of its own, so that a
/// window does not wait for the scan (tens of milliseconds on a machine with many fonts)
/// before its first frame; the bundled fallback draws until the answer is in.
pub fn look_for_system_cjk(lang: crate::i18n::Lang) {
    if system_cjk_if_known(lang).is_some() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("system-fonts".into())
        .spawn(move || system_cjk(lang));
}

fn cell(lang: crate::i18n::Lang) -> Option<&'static std::sync::OnceLock<Option<SystemFont>>> {
    use std::sync::OnceLock;
    static SC: OnceLock<Option<SystemFont>> = OnceLock::new();
    static TC: OnceLock<Option<SystemFont>> = OnceLock::new();
    match lang {
        crate::i18n::Lang::ZhCn => Some(&SC),
        crate::i18n::Lang::ZhTw => Some(&TC),
        _ => None,
    }
}

fn find_system_font(families: &[&str]) -> Option<SystemFont> {
    if std::env::var_os("LAYERSCOPE_NO_SYSTEM_FONTS").is_some() {
        return None;
    }
    // Only files whose names say CJK are opened: parsing every installed font (what a
    // full system scan does) costs tens of milliseconds on a desktop with many fonts.
    let mut db = fontdb::Database::new();
    for dir in font_dirs() {
        visit(&dir, 0, &mut |path| {
            if looks_cjk(path) {
                let _ = db.load_font_file(path);
            }
        });
    }
    for family in families {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            ..Default::default()
        };
        let Some(id) = db.query(&query) else {
            continue;
        };
        if let Some(font) = db.with_face_data(id, |data, index| SystemFont {
            family: family.to_string(),
            data: std::sync::Arc::new(data.to_vec()),
            index,
        }) {
            return Some(font);
        }
    }
    None
}

/// Where the system keeps fonts, per platform.
fn font_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> = if cfg!(windows) {
        let windir = std::env::var_os("WINDIR").unwrap_or_else(|| "C:\\Windows".into());
        vec![std::path::PathBuf::from(windir).join("Fonts")]
    } else if cfg!(target_os = "macos") {
        ["/System/Library/Fonts", "/Library/Fonts"]
            .map(Into::into)
            .to_vec()
    } else {
        ["/usr/share/fonts", "/usr/local/share/fonts"]
            .map(Into::into)
            .to_vec()
    };
    if let Some(home) = dirs::home_dir() {
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join(".fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    dirs
}

fn visit(dir: &std::path::Path, depth: u32, found: &mut dyn FnMut(&std::path::Path)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() && depth < 6 => visit(&path, depth + 1, found),
            Ok(t) if t.is_file() => found(&path),
            _ => {}
        }
    }
}

/// Font files of the preferred families, by the names their packages give them.
fn looks_cjk(path: &std::path::Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let is_font = [".ttf", ".ttc", ".otf", ".otc"]
        .iter()
        .any(|ext| name.ends_with(ext));
    is_font
        && [
            "cjk",
            "wqy",
            "sourcehan",
            "msyh",
            "msjh",
            "pingfang",
            "notosanssc",
            "notosanstc",
            "uming",
            "ukai",
        ]
        .iter()
        .any(|hint| name.contains(hint))
}

/// True for characters that take two cells of a monospace grid (CJK ideographs, kana,
/// Hangul, full-width forms): they are drawn a full em wide.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_wide_and_ascii_is_not() {
        assert!("你好小飞机傳輸層，".chars().all(is_wide));
        assert!(!"Hello, server!".chars().any(is_wide));
    }
}
