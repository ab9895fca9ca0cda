//! Echo client: connect, send each message, print the reply, close.

use std::io::{BufRead, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream, UdpSocket};
use std::time::Duration;

use anyhow::Context;

use super::Proto;

#[derive(Clone, Debug)]
pub struct ClientOptions {
    pub proto: Proto,
    pub connect: SocketAddr,
    pub messages: Vec<String>,
    /// Read lines from standard input and send each one.
    pub interactive: bool,
    pub timeout: Duration,
}

/// Runs the client; returns the replies received, in order.
pub fn run_client(opts: &ClientOptions, out: &mut dyn Write) -> anyhow::Result<Vec<Vec<u8>>> {
    let mut replies = Vec::new();
    match opts.proto {
        Proto::Tcp => {
            let mut stream = TcpStream::connect_timeout(&opts.connect, opts.timeout).map_err(|e| match e.kind() {
                ErrorKind::ConnectionRefused => anyhow::anyhow!(
                    "connection to {} refused: no server is listening there (start one with `layerscope echo server`)",
                    opts.connect
                ),
                _ => anyhow::anyhow!("cannot connect to {}: {e}", opts.connect),
            })?;
            stream.set_read_timeout(Some(opts.timeout))?;
            writeln!(
                out,
                "connected to {} from {}",
                opts.connect,
                stream.local_addr()?
            )?;
            let mut send = |msg: &[u8], out: &mut dyn Write| -> anyhow::Result<()> {
                stream.write_all(msg).context("send failed")?;
                let reply = read_reply(&mut stream, msg.len())?;
                writeln!(
                    out,
                    "sent {:?}, received {:?}",
                    String::from_utf8_lossy(msg),
                    String::from_utf8_lossy(&reply)
                )?;
                replies.push(reply);
                Ok(())
            };
            for m in &opts.messages {
                send(m.as_bytes(), out)?;
            }
            if opts.interactive {
                for line in std::io::stdin().lock().lines() {
                    send(line?.as_bytes(), out)?;
                }
            }
            // Close our sending side first: the server sees our FIN, then closes too.
            stream.shutdown(Shutdown::Write).ok();
            let mut rest = Vec::new();
            let _ = stream.read_to_end(&mut rest);
        }
        Proto::Udp => {
            let bind: SocketAddr = if opts.connect.is_ipv4() {
                "127.0.0.1:0".parse()?
            } else {
                "[::1]:0".parse()?
            };
            let sock = UdpSocket::bind(bind)?;
            sock.set_read_timeout(Some(opts.timeout))?;
            let mut buf = vec![0u8; 65_535];
            let mut send = |msg: &[u8], out: &mut dyn Write| -> anyhow::Result<()> {
                sock.send_to(msg, opts.connect).context("sendto failed")?;
                let (n, from) = sock.recv_from(&mut buf).map_err(|e| match e.kind() {
                    ErrorKind::WouldBlock | ErrorKind::TimedOut => {
                        anyhow::anyhow!(
                            "no reply from {} within {:?} (is a UDP server running?)",
                            opts.connect,
                            opts.timeout
                        )
                    }
                    ErrorKind::ConnectionRefused => anyhow::anyhow!(
                        "{} answered: port unreachable (no UDP server)",
                        opts.connect
                    ),
                    _ => anyhow::anyhow!("recvfrom failed: {e}"),
                })?;
                writeln!(
                    out,
                    "sent {:?} to {}, received {:?} from {from}",
                    String::from_utf8_lossy(msg),
                    opts.connect,
                    String::from_utf8_lossy(&buf[..n])
                )?;
                replies.push(buf[..n].to_vec());
                Ok(())
            };
            for m in &opts.messages {
                send(m.as_bytes(), out)?;
            }
            if opts.interactive {
                for line in std::io::stdin().lock().lines() {
                    send(line?.as_bytes(), out)?;
                }
            }
        }
    }
    Ok(replies)
}

/// Reads until `expected` bytes arrived (an echo is as long as the message), a whole JSON
/// answer did (the JSON server's is shorter than the request), or the server closes or
/// goes quiet.
fn read_reply(stream: &mut TcpStream, expected: usize) -> anyhow::Result<Vec<u8>> {
    let mut reply = Vec::with_capacity(expected);
    let mut buf = [0u8; 4096];
    while reply.len() < expected && layerscope_wire::app::json::parse_values(&reply).is_none() {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => reply.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                if reply.is_empty() {
                    anyhow::bail!("no reply within the timeout");
                }
                break;
            }
            Err(e) => return Err(e).context("receive failed"),
        }
    }
    Ok(reply)
}
