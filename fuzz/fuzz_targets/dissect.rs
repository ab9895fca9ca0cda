//! One frame of any link type: dissection, summary, display filter, and the quick transport
//! path, which must agree with the full dissection.
#![no_main]

use layerscope_wire::analysis::Transport;
use layerscope_wire::{dissect, summarize, Analysis, Analyzer, Filter, FrameFacts, LinkType};
use libfuzzer_sys::fuzz_target;

/// Every decoded link type, and one that is not.
fn links() -> Vec<LinkType> {
    let mut v = LinkType::DECODED.to_vec();
    v.push(LinkType(147));
    v
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, frame)) = data.split_first() else {
        return;
    };
    let links = links();
    let link = links[selector as usize % links.len()];
    let mut d = dissect(link, frame);
    assert_eq!(Transport::quick(link, frame), Transport::of(frame, &d));
    let mut analyzer = Analyzer::new();
    let analysis = analyzer.observe(1, 0, frame, &d);
    Analyzer::annotate(&mut d, frame, &analysis);
    let _ = summarize(&d, frame, &analysis);
    for f in d.layers.iter().flat_map(|l| l.all_fields()) {
        let _ = f.display(frame);
        assert!(f.bytes.start <= f.bytes.end, "{} {:?}", f.abbrev, f.bytes);
        assert!(f.bytes.end <= frame.len(), "{} {:?}", f.abbrev, f.bytes);
    }
    let filter = Filter::parse("tcp.port == 8888 || ip.addr == 127.0.0.0/8 || frame contains \"GET\"")
        .expect("valid filter");
    let _ = filter.matches(&FrameFacts {
        dissection: &d,
        frame,
        number: 1,
        orig_len: frame.len() as u32,
        time_relative: 0.0,
    });
    let _ = matches!(analysis, Analysis::None);
});
