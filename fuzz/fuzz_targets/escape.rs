//! The terminal escaper: whatever the bytes, nothing a terminal acts on comes out (C0/C1
//! controls, DEL, bidirectional controls), printable text is kept, and it never panics.
#![no_main]

use layerscope_wire::escape;
use libfuzzer_sys::fuzz_target;

fn acts_on_terminal(c: char, keep_lines: bool) -> bool {
    let line_break = c == '\n' || c == '\t';
    (c.is_control() && !(keep_lines && line_break))
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}')
}

fuzz_target!(|data: &[u8]| {
    let shown = escape::bytes(data);
    assert!(!shown.chars().any(|c| acts_on_terminal(c, false)), "{shown:?}");
    let mut out = Vec::new();
    escape::write_bytes(&mut out, data);
    assert_eq!(out, shown.as_bytes());
    if let Ok(s) = std::str::from_utf8(data) {
        let m = escape::message(s);
        assert!(!m.chars().any(|c| acts_on_terminal(c, true)), "{m:?}");
        // Printable text passes through unchanged.
        if !s.chars().any(|c| acts_on_terminal(c, false)) {
            assert_eq!(escape::field(s), s);
        }
    }
});
