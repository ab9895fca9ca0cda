//! The classic socket demos, built in: each scenario starts our own server, runs the client
//! side, and lets the connection close, on loopback ports a capture filter can select.
//! `layerscope demo SCENARIO` records one with the capture helper; the window's *Run echo
//! demo* does the same while showing the packets live.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use anyhow::Context;
use layerscope_wire::analysis::TcpState;
use layerscope_wire::Analysis;

use crate::echo::{run_client, ClientOptions, Mode, Proto, Server, ServerOptions};

pub mod lessons;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Scenario {
    /// TCP echo on 127.0.0.1:8888: "Hello, server!" and two more lines, then close.
    TcpEcho,
    /// Uppercase server on 3234, two clients one after the other.
    Upper,
    /// UDP echo on 9999: two datagrams, no connection at all.
    UdpEcho,
    /// JSON over TCP on 9999: a request object, a {"status": "success", ...} answer.
    Json,
    /// TCP echo over IPv6 loopback (::1), port 8888.
    TcpEchoV6,
    /// Connect to 8889 where nothing listens: SYN answered by RST.
    Refused,
    /// 200 KB through the echo server on 8890: window scaling and window updates at work.
    Large,
    /// "Sticky packets" (粘包) on 3234: three sends, read by the server with one recv().
    Sticky,
    /// The remote-command exercise made safe, on 3234: each answer after its 4-byte length.
    Command,
    /// A 48 KB file downloaded on 3235: its length, then its bytes.
    Download,
    /// HTTP on 8000: a GET answered with Content-Length, a JSON POST answered with JSON.
    Http,
}

pub const ALL: [Scenario; 11] = [
    Scenario::TcpEcho,
    Scenario::Upper,
    Scenario::UdpEcho,
    Scenario::Json,
    Scenario::TcpEchoV6,
    Scenario::Refused,
    Scenario::Large,
    Scenario::Sticky,
    Scenario::Command,
    Scenario::Download,
    Scenario::Http,
];

const TIMEOUT: Duration = Duration::from_secs(5);

impl Scenario {
    pub fn name(self) -> &'static str {
        match self {
            Scenario::TcpEcho => "tcp-echo",
            Scenario::Upper => "upper",
            Scenario::UdpEcho => "udp-echo",
            Scenario::Json => "json",
            Scenario::TcpEchoV6 => "tcp-echo-v6",
            Scenario::Refused => "refused",
            Scenario::Large => "large",
            Scenario::Sticky => "sticky",
            Scenario::Command => "command",
            Scenario::Download => "download",
            Scenario::Http => "http",
        }
    }

    /// A sentence for menus.
    pub fn title(self) -> String {
        match self {
            Scenario::TcpEcho => t!("demo-title-tcp-echo"),
            Scenario::Upper => t!("demo-title-upper"),
            Scenario::UdpEcho => t!("demo-title-udp-echo"),
            Scenario::Json => t!("demo-title-json"),
            Scenario::TcpEchoV6 => t!("demo-title-tcp-echo-v6"),
            Scenario::Refused => t!("demo-title-refused"),
            Scenario::Large => t!("demo-title-large"),
            Scenario::Sticky => t!("demo-title-sticky"),
            Scenario::Command => t!("demo-title-command"),
            Scenario::Download => t!("demo-title-download"),
            Scenario::Http => t!("demo-title-http"),
        }
    }

    /// What the demo shows, in a sentence or two (the menu's tooltip).
    pub fn description(self) -> String {
        match self {
            Scenario::TcpEcho => t!("demo-about-tcp-echo"),
            Scenario::Upper => t!("demo-about-upper"),
            Scenario::UdpEcho => t!("demo-about-udp-echo"),
            Scenario::Json => t!("demo-about-json"),
            Scenario::TcpEchoV6 => t!("demo-about-tcp-echo-v6"),
            Scenario::Refused => t!("demo-about-refused"),
            Scenario::Large => t!("demo-about-large"),
            Scenario::Sticky => t!("demo-about-sticky"),
            Scenario::Command => t!("demo-about-command"),
            Scenario::Download => t!("demo-about-download"),
            Scenario::Http => t!("demo-about-http"),
        }
    }

    /// The bundled recording of this scenario, in `captures/`.
    pub fn recording(self) -> &'static str {
        match self {
            Scenario::TcpEcho => "tcp-echo-ipv4.pcapng",
            Scenario::Upper => "tcp-upper-two-clients.pcapng",
            Scenario::UdpEcho => "udp-echo.pcapng",
            Scenario::Json => "tcp-json.pcapng",
            Scenario::TcpEchoV6 => "tcp-echo-ipv6.pcapng",
            Scenario::Refused => "tcp-refused.pcapng",
            Scenario::Large => "tcp-large.pcapng",
            Scenario::Sticky => "tcp-sticky.pcapng",
            Scenario::Command => "tcp-command.pcapng",
            Scenario::Download => "tcp-download.pcapng",
            Scenario::Http => "http-demo.pcapng",
        }
    }

    pub fn proto(self) -> Proto {
        match self {
            Scenario::UdpEcho => Proto::Udp,
            _ => Proto::Tcp,
        }
    }

    pub fn port(self) -> u16 {
        match self {
            Scenario::TcpEcho | Scenario::TcpEchoV6 => 8888,
            Scenario::Upper | Scenario::Sticky | Scenario::Command => 3234,
            Scenario::Download => 3235,
            Scenario::Http => 8000,
            Scenario::UdpEcho | Scenario::Json => 9999,
            Scenario::Refused => 8889,
            Scenario::Large => 8890,
        }
    }

    /// The BPF capture filter that shows this scenario and nothing else.
    pub fn filter(self) -> String {
        let proto = match self.proto() {
            Proto::Tcp => "tcp",
            Proto::Udp => "udp",
        };
        format!("{proto} port {}", self.port())
    }

    pub fn address(self) -> SocketAddr {
        match self {
            Scenario::TcpEchoV6 => SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, self.port())),
            _ => SocketAddr::from(([127, 0, 0, 1], self.port())),
        }
    }

    fn mode(self) -> Mode {
        match self {
            Scenario::Upper => Mode::Upper,
            Scenario::Json => Mode::Json,
            _ => Mode::Echo,
        }
    }

    /// What the client sends, per connection (TCP) or in all (UDP).
    pub fn messages(self) -> Vec<Vec<String>> {
        let s = |v: &[&str]| v.iter().map(|m| m.to_string()).collect::<Vec<_>>();
        match self {
            // The course's students send Chinese next: UTF-8 on the wire, three bytes a
            // character.
            Scenario::TcpEcho => vec![s(&["Hello, server!", "你好，服务器！", "Goodbye!"])],
            Scenario::Upper => vec![s(&["hello from client one"]), s(&["hello from client two"])],
            Scenario::UdpEcho => vec![s(&["Hello, server!", "Are you there?"])],
            // `json.dumps({'name': '小飞机', 'message': '你好,服务器!'})`, byte for byte.
            Scenario::Json => vec![vec![crate::echo::python_json_dumps(&[
                ("name", "小飞机"),
                ("message", "你好,服务器!"),
            ])]],
            Scenario::TcpEchoV6 => vec![s(&["Hello, server!"])],
            Scenario::Refused => vec![s(&["Hello, server!"])],
            Scenario::Large => vec![vec![large_message()]],
            Scenario::Sticky => vec![s(&STICKY_SENDS)],
            Scenario::Command => vec![s(&lessons::COMMANDS)],
            Scenario::Download => vec![s(&["notes.txt"])],
            Scenario::Http => lessons::http_requests()
                .into_iter()
                .map(|r| vec![r])
                .collect(),
        }
    }

    /// What the client makes: TCP connections, or UDP datagrams (each echoed once).
    pub fn exchanges(self) -> usize {
        match self.proto() {
            Proto::Udp => self.messages().iter().map(Vec::len).sum(),
            Proto::Tcp => self.messages().len(),
        }
    }

    /// Starts the scenario's server (none for `refused`).
    pub fn start_server(self) -> anyhow::Result<Option<Server>> {
        if matches!(
            self,
            Scenario::Refused
                | Scenario::Sticky
                | Scenario::Command
                | Scenario::Download
                | Scenario::Http
        ) {
            return Ok(None);
        }
        let server = Server::start(ServerOptions {
            proto: self.proto(),
            listen: self.address(),
            mode: self.mode(),
            max_sessions: Some(self.exchanges()),
            idle_timeout: TIMEOUT,
            ..ServerOptions::default()
        })
        .map_err(|e| {
            anyhow::anyhow!(
                "{e:#}\nIf that is your own server, watch it with \"Capture port {}\" instead.",
                self.port()
            )
        })?;
        Ok(Some(server))
    }

    /// Runs the whole exchange: server, client(s), teardown. `out` gets the client's log.
    pub fn run(self, out: &mut dyn Write) -> anyhow::Result<()> {
        match self {
            Scenario::Sticky => return sticky(self.address(), out),
            Scenario::Command => return lessons::command(self.address(), out),
            Scenario::Download => return lessons::download(self.address(), out),
            Scenario::Http => return lessons::http(self.address(), out),
            _ => {}
        }
        let server = self.start_server()?;
        let mut result = Ok(());
        for messages in self.messages() {
            let r = run_client(
                &ClientOptions {
                    proto: self.proto(),
                    connect: self.address(),
                    messages,
                    interactive: false,
                    timeout: TIMEOUT,
                },
                out,
            );
            if let Err(e) = r {
                result = Err(e);
                break;
            }
        }
        if self == Scenario::Refused {
            // The refusal is the point of this one.
            return match result {
                Err(e) if e.to_string().contains("refused") => {
                    writeln!(out, "{e}")?;
                    Ok(())
                }
                Err(e) => Err(e),
                Ok(()) => {
                    anyhow::bail!("port {} unexpectedly accepted the connection", self.port())
                }
            };
        }
        if let Some(s) = server {
            if result.is_ok() {
                s.wait();
            } else {
                s.shutdown();
            }
        }
        result
    }
}

/// Watches a demo's packets, as the analysis describes them, for the demo's end: every
/// TCP connection it makes torn down (both endpoints CLOSED or in TIME_WAIT: the last FIN
/// acknowledged, or a reset), or every UDP datagram and its echo seen. The client's return
/// does not say that: its last segments may still be on their way to the capture.
#[derive(Debug)]
pub struct Teardown {
    proto: Proto,
    /// Connections (TCP) or datagrams sent (UDP) the demo makes.
    expected: usize,
    closed: std::collections::BTreeSet<u32>,
    datagrams: usize,
}

impl Teardown {
    /// For `scenario`; an interactive demo makes one connection.
    pub fn new(scenario: Scenario, interactive: bool) -> Teardown {
        Teardown {
            proto: scenario.proto(),
            expected: if interactive { 1 } else { scenario.exchanges() },
            closed: Default::default(),
            datagrams: 0,
        }
    }

    pub fn observe(&mut self, analysis: &Analysis) {
        match analysis {
            Analysis::Tcp(t) => {
                let over = |s: TcpState| matches!(s, TcpState::Closed | TcpState::TimeWait);
                if over(t.client_state) && over(t.server_state) {
                    self.closed.insert(t.stream);
                }
            }
            Analysis::Udp(_) => self.datagrams += 1,
            Analysis::None => {}
        }
    }

    /// TCP connections seen torn down.
    pub fn closed_connections(&self) -> usize {
        self.closed.len()
    }

    /// True once the whole demo has been seen.
    pub fn complete(&self) -> bool {
        match self.proto {
            Proto::Tcp => self.closed_connections() >= self.expected,
            Proto::Udp => self.datagrams >= 2 * self.expected,
        }
    }
}

/// How long a demo's last packets may take to reach the capture after its client returns.
pub const TEARDOWN_WAIT: Duration = Duration::from_secs(3);

/// 200 KB of readable text, so the payload still means something in the hex view.
fn large_message() -> String {
    let line = "The quick brown fox jumps over the lazy dog. 0123456789\n";
    line.repeat(200 * 1024 / line.len() + 1)[..200 * 1024].to_string()
}

/// What the sticky demo's client sends, one `send()` each.
pub const STICKY_SENDS: [&str; 3] = ["hello", "world", "中文"];

/// The "sticky packets" lesson: the client makes three `send()` calls at once; the server,
/// busy for a moment (as the course's `time.sleep(1)`), then reads with one `recv(1024)`
/// and gets all three run together — TCP kept the bytes, not the boundaries. It answers
/// with what that one read returned.
fn sticky(addr: SocketAddr, out: &mut dyn Write) -> anyhow::Result<()> {
    let listener = std::net::TcpListener::bind(addr).map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {addr}: {e}\nIf that is your own server, watch it with \"Capture port {}\" instead.",
            addr.port()
        )
    })?;
    let server = std::thread::Builder::new()
        .name("sticky-server".into())
        .spawn(move || -> std::io::Result<Vec<u8>> {
            let (mut conn, _) = listener.accept()?;
            conn.set_read_timeout(Some(TIMEOUT))?;
            std::thread::sleep(Duration::from_millis(300));
            let mut buf = [0u8; 1024];
            let n = conn.read(&mut buf)?;
            conn.write_all(&buf[..n])?;
            let mut rest = Vec::new();
            let _ = conn.read_to_end(&mut rest);
            Ok(buf[..n].to_vec())
        })?;
    let mut client = TcpStream::connect_timeout(&addr, TIMEOUT)
        .with_context(|| format!("cannot connect to {addr}"))?;
    client.set_read_timeout(Some(TIMEOUT))?;
    for part in STICKY_SENDS {
        client.write_all(part.as_bytes())?;
        writeln!(out, "sent {part:?}")?;
    }
    let mut reply = vec![0u8; 1024];
    let n = client.read(&mut reply)?;
    writeln!(
        out,
        "the server's one recv() returned {:?}",
        String::from_utf8_lossy(&reply[..n])
    )?;
    client.shutdown(std::net::Shutdown::Write)?;
    let mut rest = Vec::new();
    let _ = client.read_to_end(&mut rest);
    server
        .join()
        .map_err(|_| anyhow::anyhow!("the sticky demo's server stopped"))??;
    Ok(())
}

/// A client connection the user types into while the capture runs.
pub struct Interactive {
    lines: Sender<String>,
    pub replies: Receiver<anyhow::Result<String>>,
}

impl Interactive {
    /// Starts the scenario's server and connects one client (TCP scenarios only).
    pub fn start(scenario: Scenario) -> anyhow::Result<Interactive> {
        if scenario.proto() != Proto::Tcp || scenario == Scenario::Refused {
            anyhow::bail!("interactive mode needs a TCP scenario with a server");
        }
        let server = Server::start(ServerOptions {
            proto: Proto::Tcp,
            listen: scenario.address(),
            mode: scenario.mode(),
            max_sessions: Some(1),
            idle_timeout: Duration::from_secs(600),
            ..ServerOptions::default()
        })?;
        let mut stream = TcpStream::connect_timeout(&scenario.address(), TIMEOUT)
            .with_context(|| format!("cannot connect to {}", scenario.address()))?;
        stream.set_read_timeout(Some(TIMEOUT))?;
        let (lines, rx) = mpsc::channel::<String>();
        let (tx, replies) = mpsc::channel();
        std::thread::Builder::new()
            .name("demo-client".into())
            .spawn(move || {
                for line in rx {
                    let mut buf = vec![0u8; 64 * 1024];
                    let r = stream
                        .write_all(line.as_bytes())
                        .and_then(|_| stream.read(&mut buf))
                        .map(|n| String::from_utf8_lossy(&buf[..n]).into_owned())
                        .map_err(anyhow::Error::from);
                    if tx.send(r).is_err() {
                        break;
                    }
                }
                // The user is done: close, and let the server close too.
                let _ = stream.shutdown(std::net::Shutdown::Write);
                let mut rest = Vec::new();
                let _ = stream.read_to_end(&mut rest);
                server.wait();
            })?;
        Ok(Interactive { lines, replies })
    }

    pub fn send(&self, line: &str) {
        let _ = self.lines.send(line.to_string());
    }
}
