//! Capture files we write: libpcap and tshark must read them back unchanged.

use std::process::Command;

use layerscope::capture::{open_file, Format, PacketWriter};

use crate::util::{capture, have};

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
    if have("tshark") {
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
