//! A sequence of frames through the TCP/UDP analysis: each frame is a 2-byte length then
//! that many bytes, on raw IP (so most inputs reach the tracker quickly).
#![no_main]

use layerscope_wire::{dissect, Analyzer, LinkType};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut analyzer = Analyzer::new();
    let mut rest = data;
    let mut number = 0u32;
    while rest.len() >= 2 {
        let len = u16::from_be_bytes([rest[0], rest[1]]) as usize;
        let frame = &rest[2..(2 + len).min(rest.len())];
        rest = &rest[(2 + len).min(rest.len())..];
        number += 1;
        let mut d = dissect(LinkType::RAW, frame);
        let quick = analyzer.observe_frame(number, i128::from(number) * 1_000_000_000, LinkType::RAW, frame);
        Analyzer::annotate(&mut d, frame, &quick);
    }
    for s in &analyzer.tcp.streams {
        assert!(s.frames.iter().all(|&f| f >= 1 && f <= number));
    }
});
