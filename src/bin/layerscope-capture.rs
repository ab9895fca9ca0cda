//! `layerscope-capture`: the only part of layerscope that needs CAP_NET_RAW.
//!
//! The window never opens an interface itself: it runs this small program (as Wireshark
//! runs dumpcap) and reads the pcap stream it writes to standard output. Grant the
//! capability to this binary alone:
//!
//!     sudo setcap cap_net_raw,cap_net_admin=eip layerscope-capture
//!
//! and the window, which parses untrusted packets, runs without it.

use std::process::ExitCode;

use clap::Parser;

#[derive(Parser, Debug)]
#[command(
    name = "layerscope-capture",
    version,
    about = "Capture packets with libpcap and write them as pcap (the privileged half of layerscope)"
)]
struct Args {
    #[command(flatten)]
    capture: layerscope::cli::capture_cmd::CaptureArgs,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match layerscope::cli::capture_cmd::run(args.capture) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("layerscope-capture: {e:#}");
            ExitCode::from(2)
        }
    }
}
