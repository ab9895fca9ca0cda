//! Display filter text: parsing never panics or overflows the stack (nesting is bounded),
//! an error points inside the text, and a filter that parses evaluates on a real frame.
#![no_main]

use layerscope_wire::{dissect, Filter, FrameFacts, LinkType};
use libfuzzer_sys::fuzz_target;

/// The SYN of the bundled echo capture.
const FRAME: &[u8] = &[
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0x45, 0, 0, 0x3c, 0x40, 0x1c, 0x40, 0, 0x40, 6,
    0xfc, 0x9d, 127, 0, 0, 1, 127, 0, 0, 1, 0x9e, 0x80, 0x22, 0xb8, 0x50, 0x97, 0xaf, 0xaf, 0,
    0, 0, 0, 0xa0, 2, 0xff, 0xd7, 0xfe, 0x30, 0, 0, 2, 4, 0xff, 0xd7, 4, 2, 8, 10, 0x37, 0xb1,
    0xf5, 0x8c, 0, 0, 0, 0, 1, 3, 3, 10,
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Filter::parse(text) {
        Ok(f) => {
            let d = dissect(LinkType::ETHERNET, FRAME);
            let _ = f.matches(&FrameFacts {
                dissection: &d,
                frame: FRAME,
                number: 1,
                orig_len: FRAME.len() as u32,
                time_relative: 0.0,
            });
        }
        Err(e) => assert!(e.position <= text.len() && e.len >= 1, "{e:?}"),
    }
});
