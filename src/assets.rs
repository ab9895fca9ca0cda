//! Files that ship with layerscope: the bundled captures, the one the window and
//! `dissect` open when nothing else is named and the demos' recordings. Both the command
//! line and the window find them here, so neither front end reaches into the other.

use std::path::PathBuf;

/// The capture opened when no file is named: the echo demo over IPv4.
pub const DEFAULT_CAPTURE: &str = "tcp-echo-ipv4.pcapng";

/// The default capture.
pub fn default_capture() -> PathBuf {
    capture(DEFAULT_CAPTURE)
}

/// A bundled capture by file name: in the source tree this binary was built from, else in
/// `captures/` beside the working directory or the executable, or in an installed
/// `share/layerscope/captures`. When none exists, the source-tree path, so that the error
/// names where it was looked for first.
pub fn capture(name: &str) -> PathBuf {
    let built = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/captures")).join(name);
    if built.exists() {
        return built;
    }
    let mut candidates = vec![PathBuf::from("captures").join(name)];
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.parent() {
            candidates.push(dir.join("captures").join(name));
            candidates.push(dir.join("../share/layerscope/captures").join(name));
        }
    }
    candidates.into_iter().find(|p| p.exists()).unwrap_or(built)
}
