//! layerscope: see what really happens on the wire when two programs talk over sockets.
//!
//! The library half of the `layerscope` binary: capture sources and writers, the built-in
//! echo demo, and the command-line front end. Dissection lives in `layerscope-wire`.

// First, so that every module below can make text with `t!`.
#[macro_use]
pub mod i18n;

pub mod assets;
pub mod capture;
pub mod cli;
pub mod demo;
pub mod diagram;
pub mod echo;
pub mod fonts;
#[cfg(feature = "gui")]
pub mod gui;
pub mod packets;
pub mod pipeline;
pub mod recovery;
pub mod store;
