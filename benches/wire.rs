//! Per-packet costs, with criterion: full dissection of each kind of frame, the quick
//! transport path, summary lines, the conversation analysis, display filters, and loading
//! a capture into the store.
//!
//!     cargo bench --bench wire

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use layerscope::capture::open_file;
use layerscope_wire::analysis::Transport;
use layerscope_wire::{dissect, summarize, Analyzer, Filter, FrameFacts, LinkType, QuickFacts};

#[path = "../tests/support/synth.rs"]
mod synth;

fn frames() -> Vec<(&'static str, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("captures");
    let pick = |file: &str, n: usize| -> Vec<u8> {
        let mut r = open_file(&root.join(file)).expect("bundled capture");
        r.nth(n).expect("packet").data
    };
    vec![
        ("tcp syn", pick("tcp-echo-ipv4.pcapng", 0)),
        ("tcp data", pick("tcp-echo-ipv4.pcapng", 3)),
        ("tcp ipv6 data", pick("tcp-echo-ipv6.pcapng", 3)),
        ("udp", pick("udp-echo.pcapng", 0)),
        ("icmp error", pick("udp-unreachable.pcapng", 1)),
    ]
}

/// One capture file's packets: its link type, and each packet's timestamp (nanoseconds)
/// and bytes.
type Recording = (LinkType, Vec<(i128, Vec<u8>)>);

/// Every packet of the bundled captures and of the corpus' core captures, by file.
fn recorded() -> Vec<Recording> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for dir in [
        root.join("captures"),
        root.join("../shared/corpus/tcpdump/core"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        paths.extend(entries.filter_map(|e| Some(e.ok()?.path())));
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let r = open_file(p).ok()?;
            let link = r.link;
            let packets = r.map(|p| (p.timestamp_ns(), p.data)).collect();
            Some((link, packets))
        })
        .collect()
}

fn per_packet(c: &mut Criterion) {
    let frames = frames();
    let mut g = c.benchmark_group("per packet");
    for (name, f) in &frames {
        g.bench_function(format!("dissect {name}"), |b| {
            b.iter(|| dissect(LinkType::ETHERNET, black_box(f)))
        });
        g.bench_function(format!("quick transport {name}"), |b| {
            b.iter(|| Transport::quick(LinkType::ETHERNET, black_box(f)))
        });
    }
    let (_, data) = &frames[1];
    g.bench_function("summary line, tcp data", |b| {
        let mut a = Analyzer::new();
        let d = dissect(LinkType::ETHERNET, data);
        let analysis = a.observe(1, 0, data, &d);
        b.iter(|| summarize(black_box(&d), data, &analysis))
    });
    let filter = Filter::parse("tcp.flags.syn == 1 && ip.addr == 127.0.0.1").expect("filter");
    g.bench_function("display filter, tcp data", |b| {
        let d = dissect(LinkType::ETHERNET, data);
        b.iter(|| {
            filter.matches(&FrameFacts {
                dissection: black_box(&d),
                frame: data,
                number: 1,
                orig_len: data.len() as u32,
                time_relative: 0.0,
            })
        })
    });
    // The same filter decided from the frame's transport facts, dissection not needed.
    g.bench_function("display filter without dissecting, tcp data", |b| {
        let analysis = Analyzer::new().observe_frame(1, 0, LinkType::ETHERNET, data);
        b.iter(|| {
            filter.matches_quick(&QuickFacts {
                link: LinkType::ETHERNET,
                frame: black_box(data),
                number: 1,
                orig_len: data.len() as u32,
                time_relative: 0.0,
                analysis: &analysis,
            })
        })
    });
    // `frame contains` with a 60 KB pattern over a 64 KB frame: a substring search, linear
    // in the frame (comparing the pattern at every offset took seconds a frame).
    let mut big = data.clone();
    // All but one byte of every window matches: the worst case for a naive search.
    big.extend(std::iter::repeat_n(b'b', 64_000));
    let pattern = format!("{}c", "b".repeat(59_999));
    let contains = Filter::parse(&format!("frame contains \"{pattern}\"")).expect("filter");
    g.bench_function("display filter, 60 KB contains over 64 KB", |b| {
        let d = dissect(LinkType::ETHERNET, &big);
        b.iter(|| {
            contains.matches(&FrameFacts {
                dissection: black_box(&d),
                frame: &big,
                number: 1,
                orig_len: big.len() as u32,
                time_relative: 0.0,
            })
        })
    });
    g.finish();
}

fn capture(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("synth-20000.pcap");
    if !path.exists() {
        synth::synthesise(&path, 20_000).expect("synthesise");
    }
    let mut g = c.benchmark_group("20,000 packets");
    g.throughput(Throughput::Elements(20_000));
    g.sample_size(10);
    g.bench_function("analysis (quick path)", |b| {
        let packets: Vec<Vec<u8>> = open_file(&path).expect("open").map(|p| p.data).collect();
        b.iter(|| {
            let mut a = Analyzer::new();
            for (i, p) in packets.iter().enumerate() {
                black_box(a.observe_frame(i as u32 + 1, 0, LinkType::ETHERNET, p));
            }
        })
    });
    g.finish();

    // Real recorded traffic: every bundled capture and, where it is checked out beside us,
    // the corpus' real-world captures, each file through a fresh analyzer as when it is
    // opened (synthetic sessions are all alike and may flatter the analysis).
    let files = recorded();
    let packets: u64 = files.iter().map(|(_, p)| p.len() as u64).sum();
    let mut g = c.benchmark_group(format!("{packets} recorded packets"));
    g.throughput(Throughput::Elements(packets));
    g.sample_size(10);
    g.bench_function("analysis (quick path)", |b| {
        b.iter(|| {
            for (link, packets) in &files {
                let mut a = Analyzer::new();
                for (i, (ts, p)) in packets.iter().enumerate() {
                    black_box(a.observe_frame(i as u32 + 1, *ts, *link, p));
                }
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("20,000 packets");
    g.throughput(Throughput::Elements(20_000));
    g.sample_size(10);
    g.bench_function("load into the store (file → blocks)", |b| {
        b.iter(|| {
            let reader = open_file(&path).expect("open");
            let loading = layerscope::pipeline::Loading::file(reader, path.clone(), || {});
            let mut n = 0;
            for ev in loading.events.iter() {
                match ev {
                    layerscope::pipeline::Event::Block(b) => n += b.len(),
                    layerscope::pipeline::Event::Finished(..) => break,
                    _ => {}
                }
            }
            assert_eq!(n, 20_000);
        })
    });
    g.finish();
}

criterion_group!(benches, per_packet, capture);
criterion_main!(benches);
