//! Hostile capture files, one row each: what we say about it, and that every complete
//! packet before the damage is still shown.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::util::{layerscope, stderr, stdout};

/// The SYN of the bundled echo capture.
fn frame() -> Vec<u8> {
    hex("00000000000000000000000008004500003c401c40004006fc9d7f0000017f0000019e8022b85097afaf00000000a002ffd7fe3000000204ffd70402080a37b1f58c000000000103030a")
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn pcap_header(snaplen: u32, link: u32) -> Vec<u8> {
    let mut h = Vec::new();
    h.extend(0xa1b2c3d4u32.to_le_bytes());
    h.extend(2u16.to_le_bytes());
    h.extend(4u16.to_le_bytes());
    h.extend(0i32.to_le_bytes());
    h.extend(0u32.to_le_bytes());
    h.extend(snaplen.to_le_bytes());
    h.extend(link.to_le_bytes());
    h
}

fn record(data: &[u8], ts: u32, usec: u32, caplen: u32, orig: u32) -> Vec<u8> {
    let mut r = Vec::new();
    for v in [ts, usec, caplen, orig] {
        r.extend(v.to_le_bytes());
    }
    r.extend(data);
    r
}

fn rec(data: &[u8]) -> Vec<u8> {
    record(data, 1_700_000_000, 0, data.len() as u32, data.len() as u32)
}

fn block(kind: u32, body: &[u8]) -> Vec<u8> {
    let len = 12 + body.len() as u32;
    let mut b = Vec::new();
    b.extend(kind.to_le_bytes());
    b.extend(len.to_le_bytes());
    b.extend(body);
    b.extend(len.to_le_bytes());
    b
}

fn pcapng_start() -> Vec<u8> {
    let mut shb = Vec::new();
    shb.extend(0x1a2b3c4du32.to_le_bytes());
    shb.extend(1u16.to_le_bytes());
    shb.extend(0u16.to_le_bytes());
    shb.extend((-1i64).to_le_bytes());
    let mut idb = Vec::new();
    idb.extend(1u16.to_le_bytes());
    idb.extend(0u16.to_le_bytes());
    idb.extend(262_144u32.to_le_bytes());
    let mut out = block(0x0a0d0d0a, &shb);
    out.extend(block(1, &idb));
    out
}

fn epb(data: &[u8], ts_us: u64) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(0u32.to_le_bytes());
    body.extend(((ts_us >> 32) as u32).to_le_bytes());
    body.extend((ts_us as u32).to_le_bytes());
    body.extend((data.len() as u32).to_le_bytes());
    body.extend((data.len() as u32).to_le_bytes());
    body.extend(data);
    body.resize(body.len().next_multiple_of(4), 0);
    block(6, &body)
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// Exit code of `dissect --summary`.
    code: i32,
    /// Summary lines printed (complete packets shown).
    packets: usize,
    /// Text that must appear in stderr (or stdout for per-packet notes).
    says: &'static str,
}

fn cases() -> Vec<Case> {
    let f = frame();
    let cat = |parts: &[Vec<u8>]| parts.concat();
    let mut absurd_block = Vec::new();
    absurd_block.extend(6u32.to_le_bytes());
    absurd_block.extend(0xffff_fff0u32.to_le_bytes());
    absurd_block.extend([0u8; 64]);
    vec![
        Case {
            name: "a header claiming a 4 GB snaplen",
            bytes: cat(&[pcap_header(u32::MAX, 1), rec(&f)]),
            code: 0,
            packets: 1,
            says: "",
        },
        Case {
            name: "a packet claiming 4 GB captured",
            bytes: cat(&[pcap_header(65535, 1), rec(&f), record(&f[..10], 1, 0, 0xffff_fff0, 10)]),
            code: 0,
            packets: 1,
            says: "is damaged after packet 1: libpcap error: invalid packet capture length 4294967280, bigger than snaplen of 65535; the 1 complete packets before it are shown",
        },
        Case {
            name: "a packet claiming 4 GB on the wire",
            bytes: cat(&[pcap_header(65535, 1), record(&f, 1, 0, f.len() as u32, u32::MAX)]),
            code: 0,
            packets: 1,
            says: "4294967295",
        },
        Case {
            name: "a pcapng block of absurd length",
            bytes: cat(&[pcapng_start(), epb(&f, 0), absurd_block]),
            code: 0,
            packets: 1,
            says: "is damaged after packet 1: libpcap error: pcapng block size 4294967280 > maximum 16777216; the 1 complete packets before it are shown",
        },
        Case {
            name: "zero-length packets",
            bytes: cat(&[pcap_header(65535, 1), rec(&[]), rec(&f), rec(&[])]),
            code: 0,
            packets: 3,
            says: "stopped in Ethernet at byte 0: needs 14 bytes, 0 captured",
        },
        Case {
            name: "timestamps after 2038 and at the end of 2106",
            bytes: cat(&[
                pcap_header(65535, 1),
                record(&f, 0x8000_0001, 0, f.len() as u32, f.len() as u32),
                record(&f, u32::MAX, 999_999, f.len() as u32, f.len() as u32),
            ]),
            code: 0,
            packets: 2,
            says: "4294967295.999999",
        },
        Case {
            name: "a pcapng timestamp in the year 2500",
            bytes: cat(&[pcapng_start(), epb(&f, 16_725_225_600_000_000)]),
            code: 0,
            packets: 1,
            says: "16725225600",
        },
        Case {
            name: "an unknown link type",
            bytes: cat(&[pcap_header(65535, 65000), rec(&f)]),
            code: 0,
            packets: 1,
            says: "link type 65000 is not a link type layerscope decodes",
        },
        Case {
            name: "a file cut inside its header",
            bytes: pcap_header(65535, 1)[..10].to_vec(),
            code: 2,
            packets: 0,
            says: "is cut short before its first packet: libpcap error: truncated dump file; tried to read 24 file header bytes, only got 6",
        },
        Case {
            name: "an empty file",
            bytes: Vec::new(),
            code: 2,
            packets: 0,
            says: "is cut short before its first packet: libpcap error: truncated dump file; tried to read 4 file header bytes, only got 0",
        },
        Case {
            name: "an HTML page",
            bytes: b"<!DOCTYPE html><html><body>not a capture</body></html>".to_vec(),
            code: 2,
            packets: 0,
            says: "is not a pcap or pcapng capture file (it looks like html data, text/html)",
        },
    ]
}

#[test]
fn hostile_files_get_a_clear_message_and_keep_their_complete_packets() {
    let dir = tempfile::tempdir().unwrap();
    let mut table = Vec::new();
    for c in cases() {
        let path = dir.path().join("hostile.pcap");
        std::fs::write(&path, &c.bytes).unwrap();
        // Summary lines, and the JSON (epoch seconds) for the timestamp rows.
        let o = layerscope(&["dissect", "--summary", path.to_str().unwrap()]);
        let j = layerscope(&["dissect", "--json", path.to_str().unwrap()]);
        let out = stdout(&o);
        let all = format!("{out}{}{}", stderr(&o), stdout(&j));
        table.push(format!(
            "{}: exit {:?}, {} packets",
            c.name,
            o.status.code(),
            out.lines().count()
        ));
        assert_eq!(o.status.code(), Some(c.code), "{}: {}", c.name, stderr(&o));
        assert_eq!(out.lines().count(), c.packets, "{}:\n{out}", c.name);
        assert!(
            all.contains(c.says),
            "{}: expected {:?} in\n{all}",
            c.name,
            c.says
        );
    }
    eprintln!("{}", table.join("\n"));
}

#[test]
fn an_endless_stream_on_stdin_is_read_only_as_far_as_asked() {
    let mut child = crate::util::english(Command::new(env!("CARGO_BIN_EXE_layerscope")))
        .args(["dissect", "--summary", "-c", "1000", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // Packets without end, until the reader goes away.
        let _ = stdin.write_all(&pcap_header(65535, 1));
        let packet = rec(&frame());
        let mut sent = 0u64;
        while stdin.write_all(&packet).is_ok() && sent < 50_000_000 {
            sent += 1;
        }
        sent
    });
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1000);
    let sent = writer.join().unwrap();
    assert!(
        sent < 50_000_000,
        "the reader stopped reading ({sent} packets offered)"
    );
}
