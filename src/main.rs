//! The `layerscope` binary: parse arguments, run, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = layerscope::cli::Cli::parse();
    match layerscope::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`layerscope dissect f | head`) is a normal way to stop reading.
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("layerscope: {e:#}");
            ExitCode::from(2)
        }
    }
}
