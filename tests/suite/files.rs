//! Capture files we write: libpcap and tshark must read them back unchanged.

use std::process::Command;

use layerscope::capture::{open_file, Format, PacketWriter};

use crate::util::capture;

fn roundtrip(format: Format, ext: &str) {
    let reader = open_file(&capture("tcp-echo-ipv4.pcapng")).unwrap();
    let link = reader.link;
    let packets: Vec<_> = reader.collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("out.{ext}"));
    let mut w = PacketWriter::create(&path, format, link, 262_144).unwrap();
    for p in &packets {
        w.write(p).unwrap();
    }
    w.finish().unwrap();
    let back: Vec<_> = open_file(&path).unwrap().collect();
    assert_eq!(
        back, packets,
        "{ext}: what we read back equals what we wrote, timestamps included"
    );
    if crate::util::require("tshark") {
        let o = Command::new("tshark")
            .args(["-r"])
            .arg(&path)
            .args(["-T", "fields", "-e", "frame.time_epoch", "-e", "tcp.len"])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "tshark refused our {ext}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = String::from_utf8_lossy(&o.stdout);
        assert_eq!(text.lines().count(), packets.len());
        let first = text.lines().next().unwrap();
        let want = format!("{}.{:09}", packets[0].ts_sec, packets[0].ts_nsec);
        assert!(
            first.starts_with(&want),
            "tshark sees time {first}, we wrote {want}"
        );
    }
}

#[test]
fn pcap_written_by_libpcap_reads_back_in_tshark() {
    roundtrip(Format::Pcap, "pcap");
}

#[test]
fn pcapng_written_reads_back_in_tshark() {
    roundtrip(Format::PcapNg, "pcapng");
}

/// The window's loader reads and analyses on two threads, block by block: every packet
/// must come out in order with the analysis the command line gives it reading the file
/// front to back (conversation numbers, TCP states, relative sequence numbers).
#[test]
fn the_window_loader_analyses_every_packet_as_a_front_to_back_read() {
    use layerscope::pipeline::{Ending, Event, Loading};
    use layerscope_wire::Analyzer;

    let dir = tempfile::tempdir().unwrap();
    let synth = dir.path().join("synth.pcap");
    // Several blocks: the small first one and more after it.
    crate::synth::synthesise(&synth, 40_000).unwrap();
    for path in [
        synth,
        capture("udp-unreachable.pcapng"),
        capture("tcp-refused.pcapng"),
    ] {
        let reader = open_file(&path).unwrap();
        let link = reader.link;
        let loading = Loading::file(reader, path.clone(), || {});
        let mut blocks = Vec::new();
        let ending = loop {
            match loading
                .events
                .recv()
                .expect("the loader ends with Finished")
            {
                Event::Block(b) => blocks.push(b),
                Event::Finished(ending, _) => break ending,
                _ => {}
            }
        };
        assert_eq!(ending, Ending::Complete, "{}", path.display());

        let mut analyzer = Analyzer::new();
        let mut read = open_file(&path).unwrap();
        let mut number = 0u32;
        for block in &blocks {
            assert_eq!(block.first, number, "blocks in order");
            for i in 0..block.len() {
                let raw = read.next_packet().expect("as many packets as the file");
                number += 1;
                let want = analyzer.observe_frame(number, raw.timestamp_ns(), link, &raw.data);
                assert_eq!(block.data(i), &raw.data[..], "frame {number}");
                assert_eq!(
                    block.analyses[i],
                    want,
                    "frame {number} of {}",
                    path.display()
                );
            }
        }
        assert!(read.next_packet().is_none(), "every packet loaded");
        assert!(number > 0);
        if number > 20_000 {
            assert!(blocks.len() > 2, "{} blocks", blocks.len());
        }
    }
}
