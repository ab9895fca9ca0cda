//! Writes a synthetic loopback capture of N packets (TCP echo sessions and UDP exchanges),
//! the same one the benchmarks use.
//!
//!     cargo run --release --example synth -- 1000000 big.pcap

#[path = "../tests/support/synth.rs"]
mod synth;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("usage: synth PACKETS OUT.pcap"))?;
    let out = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: synth PACKETS OUT.pcap"))?;
    synth::synthesise(std::path::Path::new(&out), n)
}
