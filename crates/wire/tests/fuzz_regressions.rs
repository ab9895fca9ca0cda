#![allow(clippy::unwrap_used)] // tests fail loudly by design
//! Inputs the fuzzers found, kept as regression tests.

mod frames;
use frames::hex;
use layerscope_wire::{dissect, Analyzer, LinkType};

/// Every field's byte range is well-formed and inside the frame, after analysis too.
fn check(link: LinkType, frame: &[u8]) {
    let mut d = dissect(link, frame);
    let mut a = Analyzer::new();
    let analysis = a.observe(1, 0, frame, &d);
    Analyzer::annotate(&mut d, frame, &analysis);
    for l in &d.layers {
        assert!(
            l.header.start <= l.header.end,
            "{:?} header {:?}",
            l.protocol,
            l.header
        );
        for f in l.all_fields() {
            assert!(
                f.bytes.start <= f.bytes.end,
                "{} has bytes {:?}",
                f.abbrev(),
                f.bytes
            );
            assert!(
                f.bytes.end <= frame.len(),
                "{} ends past the frame: {:?}",
                f.abbrev(),
                f.bytes
            );
        }
    }
}

#[test]
fn ipv6_with_a_short_extension_header_in_an_icmp_error() {
    check(LinkType::ETHERNET, &hex("00000000000000000000000086dd60010000000000000408e55b0020064000000000000000000000000001000000000000000000000000000000000000019f3a22b8e020749e66342820801000400000002800000101080a000000010000000000000108004500003431474000008708457b000000000000000000000000007f15151515151515151515151515151515151515151515151515151515151515151515151515151515151515151515151515151515150000017f000001d9207463702e68a2d1167b6472f9135f6c656e004500003434472640004006087bec71c7ff21cb6494"));
}

#[test]
fn http_status_line_without_a_code() {
    check(LinkType::ETHERNET, &hex("0000020000000000000000000800450080348cf3400040062fce7f0000017f000001ef22bad969702e7372632068c3edffffffffffffff0a28208010000001c3801000007e29000001017408690d0d8d0d0d485454502f312e0d0d0d0d0d0d0d0d0a54686532333435363738380a423cce5bcc000078206a756d00000000000000000800450080348cf3400040062fce7f0000017f00000122bad969702e7372632068c3ed5e264ab8749e6634282070737672"));
}

#[test]
fn ipv6_jumbo_option_cut_short() {
    // Selector 221 % 9 = 5: raw IP.
    check(LinkType::RAW, &hex("60070000000a0000004500003434474000420686dd603a30003600000101ffffffeeffffff0a00000200008000c204e37b29"));
}
