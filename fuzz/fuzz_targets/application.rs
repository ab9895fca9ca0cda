//! The application layer on any bytes: JSON values, message framing, text decoding, HTTP
//! headers and bodies, and a follow of the bytes cut into segments. Nothing panics, the
//! parsers stay inside their bounds, and every range they report lies within the input.
#![no_main]

use layerscope_wire::app::{framing, json, text};
use layerscope_wire::proto::app::push_layers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(values) = json::parse_values(data) {
        for v in &values {
            assert!(v.range.end <= data.len());
        }
    }
    let (_, messages) = framing::split(data);
    for m in &messages {
        assert!(m.range.start <= m.range.end && m.range.end <= data.len());
        assert!(m.body.start >= m.range.start && m.body.end <= m.range.end);
    }
    if let Some(enc) = text::guess(data) {
        let _ = text::decode(data, enc);
    }
    // As a TCP payload after 10 bytes of something else: every layer inside the frame.
    let mut frame = vec![0u8; 10];
    frame.extend_from_slice(data);
    let mut layers = Vec::new();
    push_layers(&frame, 10..frame.len(), &mut layers);
    for l in &layers {
        assert!(l.header.end <= frame.len() && l.payload.end <= frame.len());
        for f in l.all_fields() {
            assert!(f.bytes.end <= frame.len(), "{} {:?}", f.abbrev(), f.bytes);
        }
    }
});
