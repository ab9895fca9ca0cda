#![allow(clippy::unwrap_used)] // tests fail loudly by design
//! Property tests: no input makes the dissector or the tracker panic, and every field points
//! inside the frame it came from.

mod frames;

use layerscope_wire::{dissect as run, Analyzer, LinkType};
use proptest::prelude::*;

/// Every decoded link type, and one that is not.
fn links() -> Vec<LinkType> {
    let mut v = LinkType::DECODED.to_vec();
    v.push(LinkType(12345));
    v
}

fn check(link: LinkType, bytes: &[u8], a: &mut Analyzer, n: u32) {
    let mut d = run(link, bytes);
    let an = a.observe(n, 0, bytes, &d);
    Analyzer::annotate(&mut d, bytes, &an);
    for l in &d.layers {
        // Ranges point into the frame, or into the message reassembly joined.
        let source = d.bytes_of(l, bytes);
        assert!(l.header.end <= source.len() && l.payload.end <= source.len());
        for f in l.all_fields() {
            assert!(
                f.bytes.start <= f.bytes.end && f.bytes.end <= source.len(),
                "{} out of range",
                f.abbrev()
            );
            let _ = f.display(source);
        }
    }
    let _ = layerscope_wire::summarize(&d, bytes, &an);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(link in 0usize..links().len(), bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check(links()[link], &bytes, &mut Analyzer::new(), 1);
    }

    #[test]
    fn mutated_real_frames_never_panic(which in 0usize..8, pos in any::<usize>(), byte in any::<u8>(), cut in any::<usize>()) {
        let frames = frames::built_frames();
        let (link, mut f) = frames[which % frames.len()].clone();
        let i = pos % f.len();
        f[i] = byte;
        f.truncate(cut % (f.len() + 1));
        check(link, &f, &mut Analyzer::new(), 1);
    }

    #[test]
    fn arbitrary_segment_sequences_never_panic(seqs in proptest::collection::vec((any::<u32>(), any::<u32>(), any::<u8>(), any::<bool>()), 1..40)) {
        let mut a = Analyzer::new();
        for (n, (seq, ack, flags, dir)) in seqs.into_iter().enumerate() {
            let mut f = frames::hex(frames::SYN);
            let (sp, dp) = if dir { (0x9e80u16, 0x22b8u16) } else { (0x22b8, 0x9e80) };
            f[34..36].copy_from_slice(&sp.to_be_bytes());
            f[36..38].copy_from_slice(&dp.to_be_bytes());
            f[38..42].copy_from_slice(&seq.to_be_bytes());
            f[42..46].copy_from_slice(&ack.to_be_bytes());
            f[47] = flags;
            check(LinkType::ETHERNET, &f, &mut a, n as u32 + 1);
        }
    }
}

#[test]
fn every_truncation_of_every_built_frame_is_handled() {
    for (link, f) in frames::built_frames() {
        for len in 0..=f.len() {
            check(link, &f[..len], &mut Analyzer::new(), 1);
        }
    }
}

/// An application payload that starts like what the course's programs send: an HTTP
/// message with random headers and body, JSON, or anything.
fn app_payload() -> impl Strategy<Value = Vec<u8>> {
    let http = (
        prop::sample::select(vec![
            "GET / HTTP/1.1",
            "POST /api HTTP/1.1",
            "HTTP/1.1 200 OK",
            "HTTP/1.0 404 Not Found",
        ]),
        proptest::collection::vec(("[A-Za-z-]{0,12}", "[ -~]{0,20}"), 0..8),
        prop::sample::select(vec![
            "",
            "Content-Length: 5\r\n",
            "Content-Length: 99999999999\r\n",
            "Transfer-Encoding: chunked\r\n",
            "Content-Type: application/json\r\n",
        ]),
        proptest::collection::vec(any::<u8>(), 0..80),
    )
        .prop_map(|(first, headers, framing, body)| {
            let mut m = format!("{first}\r\n").into_bytes();
            for (n, v) in headers {
                m.extend_from_slice(format!("{n}: {v}\r\n").as_bytes());
            }
            m.extend_from_slice(framing.as_bytes());
            m.extend_from_slice(b"\r\n");
            m.extend_from_slice(&body);
            m
        });
    let json = "[\\[\\]{}\":, 0-9a-z\\\\u]{0,80}".prop_map(String::into_bytes);
    prop_oneof![http, json, proptest::collection::vec(any::<u8>(), 0..120)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn application_layers_stay_inside_their_payload(payload in app_payload()) {
        let mut frame = vec![0u8; 10];
        frame.extend_from_slice(&payload);
        let mut layers = Vec::new();
        layerscope_wire::proto::app::push_layers(&frame, 10..frame.len(), &mut layers);
        for l in &layers {
            prop_assert!(l.header.end <= frame.len() && l.payload.end <= frame.len());
            for f in l.all_fields() {
                prop_assert!(f.bytes.start <= f.bytes.end && f.bytes.end <= frame.len(), "{}", f.abbrev());
                let _ = f.display(&frame);
            }
        }
        let (_, messages) = layerscope_wire::app::framing::split(&payload);
        for m in &messages {
            prop_assert!(m.range.end <= payload.len() && m.body.end <= m.range.end);
        }
    }
}
