//! Echo / uppercase server: a thread per TCP client (capped), one loop for UDP.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::{Mode, Proto};

#[derive(Clone, Debug)]
pub struct ServerOptions {
    pub proto: Proto,
    pub listen: SocketAddr,
    pub mode: Mode,
    /// Concurrent TCP clients; more are refused (closed at once).
    pub max_clients: usize,
    /// Largest read at once; replies are sent per read.
    pub max_message: usize,
    /// A TCP client silent for this long is disconnected.
    pub idle_timeout: Duration,
    /// Stop after serving this many TCP clients or UDP datagrams (demos and tests).
    pub max_sessions: Option<usize>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            proto: Proto::Tcp,
            listen: SocketAddr::from(([127, 0, 0, 1], 8888)),
            mode: Mode::Echo,
            max_clients: 64,
            max_message: 64 * 1024,
            idle_timeout: Duration::from_secs(60),
            max_sessions: None,
        }
    }
}

/// A running server. Dropping it does not stop it; call [`Server::shutdown`].
pub struct Server {
    pub local_addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    proto: Proto,
}

/// Logs one line about the server's activity to stderr; the CLI shows it.
fn log(msg: impl AsRef<str>) {
    eprintln!(
        "[server] {}",
        layerscope_wire::escape::message(msg.as_ref())
    );
}

impl Server {
    /// Binds and starts serving on a background thread.
    pub fn start(opts: ServerOptions) -> anyhow::Result<Server> {
        if !opts.listen.ip().is_loopback() {
            log(format!(
                "warning: listening on {} is reachable from other machines; the demo normally uses 127.0.0.1 or ::1",
                opts.listen
            ));
        }
        let stop = Arc::new(AtomicBool::new(false));
        let proto = opts.proto;
        let (local_addr, thread) = match opts.proto {
            Proto::Tcp => {
                let listener =
                    TcpListener::bind(opts.listen).map_err(|e| bind_error(opts.listen, e))?;
                let addr = listener.local_addr()?;
                let stop2 = stop.clone();
                let t = std::thread::Builder::new()
                    .name("echo-server".into())
                    .spawn(move || serve_tcp(listener, opts, stop2))?;
                (addr, t)
            }
            Proto::Udp => {
                let sock = UdpSocket::bind(opts.listen).map_err(|e| bind_error(opts.listen, e))?;
                // Wake up regularly to notice a shutdown request.
                sock.set_read_timeout(Some(Duration::from_millis(200)))?;
                let addr = sock.local_addr()?;
                let stop2 = stop.clone();
                let t = std::thread::Builder::new()
                    .name("echo-server".into())
                    .spawn(move || serve_udp(sock, opts, stop2))?;
                (addr, t)
            }
        };
        Ok(Server {
            local_addr,
            stop,
            thread: Some(thread),
            proto,
        })
    }

    /// Asks the server to stop and waits for it.
    pub fn shutdown(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if self.proto == Proto::Tcp {
            // Unblock accept() with a connection of our own.
            let _ = TcpStream::connect_timeout(&self.local_addr, Duration::from_millis(500));
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    /// Waits until the server stops by itself (after `max_sessions`).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve_tcp(listener: TcpListener, opts: ServerOptions, stop: Arc<AtomicBool>) {
    log(format!(
        "{:?} server listening on tcp {}",
        opts.mode,
        listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default()
    ));
    let active = Arc::new(AtomicUsize::new(0));
    let mut served = 0usize;
    let mut workers: Vec<JoinHandle<()>> = Vec::new();
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let stream = match conn {
            Ok(s) => s,
            Err(e) => {
                log(format!("accept failed: {e}"));
                continue;
            }
        };
        if active.load(Ordering::SeqCst) >= opts.max_clients {
            log(format!(
                "refusing a client: {} already connected",
                opts.max_clients
            ));
            let _ = stream.shutdown(Shutdown::Both);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let (active2, opts2) = (active.clone(), opts.clone());
        let worker = std::thread::Builder::new()
            .name("echo-client".into())
            .spawn(move || {
                let peer = stream
                    .peer_addr()
                    .map(|a| a.to_string())
                    .unwrap_or_default();
                log(format!("client {peer} connected"));
                match serve_client(stream, &opts2) {
                    Ok(n) => log(format!("client {peer} closed after {n} bytes")),
                    Err(e) => log(format!("client {peer}: {e}")),
                }
                active2.fetch_sub(1, Ordering::SeqCst);
            });
        match worker {
            Ok(w) => workers.push(w),
            Err(e) => {
                active.fetch_sub(1, Ordering::SeqCst);
                log(format!("cannot start a client thread: {e}"));
            }
        }
        workers.retain(|w| !w.is_finished());
        served += 1;
        if opts.max_sessions.is_some_and(|m| served >= m) {
            break;
        }
    }
    for w in workers {
        let _ = w.join();
    }
}

/// Echoes one client until it closes; returns the bytes echoed.
fn serve_client(mut stream: TcpStream, opts: &ServerOptions) -> std::io::Result<usize> {
    stream.set_read_timeout(Some(opts.idle_timeout))?;
    // A client that sends but never reads fills its receive window and then ours: without
    // a write timeout its worker would block in write_all for ever, and enough such
    // clients would lock every real one out.
    stream.set_write_timeout(Some(opts.idle_timeout))?;
    let mut buf = vec![0u8; opts.max_message];
    let mut total = 0;
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                log("client idle too long, disconnecting");
                break;
            }
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break,
            Err(e) => return Err(e),
        };
        match stream.write_all(&opts.mode.reply(&buf[..n])) {
            Ok(()) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                log("client stopped reading its replies, disconnecting");
                break;
            }
            Err(e) => return Err(e),
        }
        total += n;
    }
    // Close our side: the client sees our FIN after its own.
    let _ = stream.shutdown(Shutdown::Write);
    Ok(total)
}

fn serve_udp(sock: UdpSocket, opts: ServerOptions, stop: Arc<AtomicBool>) {
    log(format!(
        "{:?} server listening on udp {}",
        opts.mode,
        sock.local_addr().map(|a| a.to_string()).unwrap_or_default()
    ));
    let mut buf = vec![0u8; opts.max_message.min(65_535)];
    let mut served = 0usize;
    // Reachable from elsewhere, a reply larger than its request would make this server an
    // amplifier for traffic sent with a forged source address.
    let amplify_ok = sock.local_addr().is_ok_and(|a| a.ip().is_loopback());
    while !stop.load(Ordering::SeqCst) {
        match sock.recv_from(&mut buf) {
            Ok((n, peer)) => {
                let reply = opts.mode.reply(&buf[..n]);
                if reply.len() > n && !amplify_ok {
                    log(format!(
                        "not answering {peer}: the reply ({} bytes) would be larger than its \
                         {n}-byte request, which a server reachable from other machines must not do",
                        reply.len()
                    ));
                } else if let Err(e) = sock.send_to(&reply, peer) {
                    log(format!("reply to {peer} failed: {e}"));
                }
                served += 1;
                if opts.max_sessions.is_some_and(|m| served >= m) {
                    break;
                }
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) => log(format!("receive failed: {e}")),
        }
    }
}

fn bind_error(addr: SocketAddr, e: std::io::Error) -> anyhow::Error {
    match e.kind() {
        ErrorKind::AddrInUse => anyhow::anyhow!(
            "port {} is already in use on {}: another server is running (stop it, or pick another port with --listen)",
            addr.port(),
            addr.ip()
        ),
        ErrorKind::PermissionDenied => anyhow::anyhow!("not allowed to listen on {addr}: ports below 1024 need privileges"),
        _ => anyhow::anyhow!("cannot listen on {addr}: {e}"),
    }
}
