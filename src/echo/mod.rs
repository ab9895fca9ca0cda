//! The classic socket demo, built in: echo and uppercase servers and their client, over TCP
//! or UDP, IPv4 or IPv6, so one command produces traffic worth watching.
//!
//! The server is bounded: it binds loopback unless told otherwise, caps concurrent clients
//! and message size, drops idle clients, and never panics on what a client sends.

pub mod client;
pub mod server;

pub use client::{run_client, ClientOptions};
pub use server::{Server, ServerOptions};

/// Which side of the demo talks which protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Proto {
    Tcp,
    Udp,
}

/// What the server does with what it receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// Send the bytes back unchanged.
    Echo,
    /// Send them back in upper case (the classic port-3234 demo).
    Upper,
}

impl Mode {
    pub fn apply(self, data: &mut [u8]) {
        if self == Mode::Upper {
            data.make_ascii_uppercase();
        }
    }
}
