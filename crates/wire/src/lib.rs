//! layerscope-wire: layered packet dissection with Wireshark's field names, plus TCP and UDP
//! conversation analysis.
//!
//! This crate knows nothing about capture files, threads or drawing: it turns bytes into
//! [`Dissection`]s and sequences of packets into conversation facts, so the CLI, the GUI,
//! the tests and the fuzzers all share one decoder.

pub mod analysis;
pub mod app;
mod dissect;
pub mod escape;
pub mod field;
pub mod filter;
pub mod layer;
pub mod link_type;
pub mod names;
pub mod partial;
pub mod proto;
pub mod registry;
pub mod summary;
pub mod write;

pub use analysis::{Analysis, Analyzer};
pub use dissect::dissect;
pub use field::{Base, Field, Value};
pub use filter::{Filter, FilterError, FrameFacts, QuickFacts};
pub use layer::{Dissection, Layer, Pdu, Protocol, Stop, StopKind, TcpIpLayer};
pub use link_type::LinkType;
pub use summary::{summarize, Summary};
