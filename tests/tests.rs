#![allow(clippy::unwrap_used)] // tests fail loudly by design
//! The integration tests, in one binary: CLI and dissection against tshark's values, the
//! capture corpus, live capture on `lo`, capture files, and the echo demo.

#[path = "support/synth.rs"]
mod synth;
#[path = "suite/util.rs"]
mod util;

#[path = "suite/app_protocols.rs"]
mod app_protocols;
#[path = "suite/application.rs"]
mod application;
#[path = "suite/cli.rs"]
mod cli;
#[path = "suite/corpus.rs"]
mod corpus;
#[path = "suite/course.rs"]
mod course;
#[path = "suite/demo.rs"]
mod demo;
#[path = "suite/echo.rs"]
mod echo;
#[path = "suite/files.rs"]
mod files;
#[path = "suite/follow_view.rs"]
mod follow_view;
#[path = "suite/gui.rs"]
mod gui;
#[path = "suite/hostile.rs"]
mod hostile;
#[path = "suite/lab.rs"]
mod lab;
#[path = "suite/language.rs"]
mod language;
#[path = "suite/live.rs"]
mod live;
#[path = "suite/privilege.rs"]
mod privilege;
#[path = "suite/registry.rs"]
mod registry;
#[path = "suite/security.rs"]
mod security;
#[path = "suite/tcp_expert.rs"]
mod tcp_expert;
#[path = "suite/teaching.rs"]
mod teaching;
#[path = "suite/tshark_fixtures.rs"]
mod tshark_fixtures;
