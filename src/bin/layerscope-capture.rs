//! `layerscope-capture`: the only part of layerscope that needs CAP_NET_RAW.
//!
//! The window, `layerscope capture` and `layerscope demo` never open an interface
//! themselves: they run this small program (as Wireshark runs dumpcap) and read the pcap
//! stream or file it writes. It opens the interface, drops every capability, and only
//! copies packets: it never dissects them. Let one group run it (see README):
//!
//!     sudo chgrp layerscope layerscope-capture && sudo chmod 750 layerscope-capture
//!     sudo setcap cap_net_raw+ep layerscope-capture

use std::process::ExitCode;

use clap::Parser;
use layerscope::capture::helper::Report;

#[derive(Parser, Debug)]
#[command(
    name = "layerscope-capture",
    version,
    about = "Capture packets with libpcap and write them as pcap or pcapng (the privileged half of layerscope; it never dissects)"
)]
struct Args {
    #[command(flatten)]
    capture: layerscope::capture::helper::HelperArgs,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let reports = args.capture.reports;
    match layerscope::capture::helper::run(args.capture) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if layerscope::capture::helper::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let message = format!("{e:#}");
            let message = if reports {
                message
            } else {
                format!("layerscope-capture: {message}")
            };
            layerscope::capture::helper::say(reports, &Report::Failed { message });
            ExitCode::from(2)
        }
    }
}
