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
