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
    /// Read a JSON object and answer `{"status": "success", ...}` (the port-9999 demo).
    Json,
}

impl Mode {
    /// The server's answer to one message.
    pub fn reply(self, data: &[u8]) -> Vec<u8> {
        match self {
            Mode::Echo => data.to_vec(),
            Mode::Upper => data.to_ascii_uppercase(),
            Mode::Json => json_reply(data),
        }
    }
}

/// The course's JSON server: `json.dumps({'status': 'success', 'message': '消息已收到'})`
/// for a JSON object, written byte for byte as Python writes it, and
/// `{"status": "error", ...}` for anything else.
fn json_reply(data: &[u8]) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(data) {
        Ok(_) => python_json_dumps(&[("status", "success"), ("message", "消息已收到")]),
        Err(e) => python_json_dumps(&[("status", "error"), ("error", &format!("not JSON: {e}"))]),
    }
    .into_bytes()
}

/// What Python's `json.dumps(dict)` writes for a dict of strings, with its defaults:
/// `", "` and `": "` separators and every character beyond ASCII as a `\uXXXX` escape
/// (a surrogate pair above U+FFFF), which is what the course's programs put on the wire.
pub fn python_json_dumps(pairs: &[(&str, &str)]) -> String {
    fn string(out: &mut String, s: &str) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                ' '..='\u{7f}' => out.push(c),
                c => {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{u:04x}"));
                    }
                }
            }
        }
        out.push('"');
    }
    let mut out = String::from("{");
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(&mut out, k);
        out.push_str(": ");
        string(&mut out, v);
    }
    out.push('}');
    out
}

/// One round of the classic demo on 127.0.0.1:`port`: an echo server for one client and a
/// client that sends "Hello, server!" and reads the echo. If a server already listens on
/// the port (the user started one), the client talks to that one.
pub fn demo_exchange(port: u16) -> anyhow::Result<()> {
    use std::net::SocketAddr;
    use std::time::Duration;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let server = Server::start(ServerOptions {
        listen: addr,
        max_sessions: Some(1),
        idle_timeout: Duration::from_secs(5),
        ..ServerOptions::default()
    })
    .ok();
    let result = run_client(
        &ClientOptions {
            proto: Proto::Tcp,
            connect: addr,
            messages: vec!["Hello, server!".into()],
            interactive: false,
            timeout: Duration::from_secs(5),
        },
        &mut std::io::sink(),
    );
    if let Some(s) = server {
        // The server ends after its one client; if the client never got through, stop it.
        if result.is_ok() {
            s.wait();
        } else {
            s.shutdown();
        }
    }
    result.map(|_| ())
}
