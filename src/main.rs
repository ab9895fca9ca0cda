//! The `layerscope` binary: parse arguments, run, map errors to exit codes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = layerscope::cli::Cli::parse_localized();
    match layerscope::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`layerscope dissect f | head`) is a normal way to stop reading.
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            // The capture helper has said why already; its status is ours.
            if let Some(failed) = e.downcast_ref::<layerscope::cli::capture_cmd::HelperFailed>() {
                return ExitCode::from(failed.0.clamp(1, 255) as u8);
            }
            // The message may quote a file name or a libpcap error: nothing in it may act on
            // the terminal.
            eprintln!(
                "layerscope: {}",
                layerscope_wire::escape::message(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}
