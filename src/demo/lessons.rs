//! The demos that are one conversation with a protocol of its own: the safe "remote
//! command" (a 4-byte length before each answer), a file download (its length, then its
//! bytes), and HTTP (a GET answered with Content-Length, a JSON POST answered with JSON).
//! Each runs a one-connection server on a thread and the client here, as
//! `examples/python/` does in Python.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use sha2::Digest;

const TIMEOUT: Duration = Duration::from_secs(5);

/// The remote-command demo's commands, one `send()` each.
pub const COMMANDS: [&str; 3] = ["date", "ls", "ipconfig"];

/// The answers of the remote-command demo: a fixed table of made-up, harmless outputs.
/// Nothing the client sends is ever executed.
fn answer(command: &str) -> String {
    match command {
        "date" => "2026-12-03 14:00:00\n".into(),
        "whoami" => "student\n".into(),
        "ls" => "client.py\nserver.py\nnotes.txt\n".into(),
        "ipconfig" => {
            "Windows IP 配置\n\n   IPv4 地址 . . . . . . . . . . . . : 127.0.0.1\n".into()
        }
        other => format!("unknown command: {other}\n"),
    }
}

/// The downloaded file: 48 KB of course notes, text in two languages.
pub fn download_file() -> Vec<u8> {
    let line = "第 1 章 套接字：socket() → bind() → listen() → accept() → recv() / send()\n";
    line.repeat(48 * 1024 / line.len() + 1).into_bytes()[..48 * 1024].to_vec()
}

/// Binds `addr`, serves one connection with `serve` on a thread, and runs `client`.
fn one_connection(
    addr: SocketAddr,
    serve: impl FnOnce(TcpStream) -> std::io::Result<()> + Send + 'static,
    client: impl FnOnce(TcpStream) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let listener = TcpListener::bind(addr).map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {addr}: {e}\nIf that is your own server, watch it with \"Capture port {}\" instead.",
            addr.port()
        )
    })?;
    let server = std::thread::Builder::new()
        .name("demo-server".into())
        .spawn(move || -> std::io::Result<()> {
            let (conn, _) = listener.accept()?;
            conn.set_read_timeout(Some(TIMEOUT))?;
            serve(conn)
        })?;
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    let result = client(stream);
    let served = server
        .join()
        .map_err(|_| anyhow::anyhow!("the demo's server stopped"))?;
    result?;
    served?;
    Ok(())
}

fn read_exactly(stream: &mut TcpStream, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    stream.read_exact(&mut buf)?;
    Ok(buf)
}

fn read_prefixed(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let len = u32::from_be_bytes(read_exactly(stream, 4)?.try_into().unwrap_or([0; 4]));
    // A demo's answers are small; a wrong length must not allocate without bound.
    if len > 16 << 20 {
        return Err(std::io::Error::other(format!(
            "length prefix {len} too large"
        )));
    }
    read_exactly(stream, len as usize)
}

/// The safe remote command: each command name sent alone; each answer behind its 4-byte
/// length in network byte order (`struct.pack('!I', n)`), read exactly.
pub fn command(addr: SocketAddr, out: &mut dyn Write) -> anyhow::Result<()> {
    one_connection(
        addr,
        |mut conn| {
            let mut buf = [0u8; 1024];
            loop {
                let n = conn.read(&mut buf)?;
                if n == 0 {
                    return Ok(());
                }
                let name = String::from_utf8_lossy(&buf[..n]).trim().to_string();
                let body = answer(&name).into_bytes();
                let mut reply = (body.len() as u32).to_be_bytes().to_vec();
                reply.extend_from_slice(&body);
                conn.write_all(&reply)?;
            }
        },
        |mut stream| {
            for c in COMMANDS {
                stream.write_all(c.as_bytes())?;
                let body = read_prefixed(&mut stream)?;
                writeln!(out, "$ {c}  ({} bytes)", body.len())?;
                write!(out, "{}", String::from_utf8_lossy(&body))?;
            }
            stream.shutdown(std::net::Shutdown::Write)?;
            let _ = stream.read_to_end(&mut Vec::new());
            Ok(())
        },
    )
}

/// The file download: the client names the file, the server sends its length and its
/// bytes; the client prints the size and SHA-256 that the follow view's *Save bytes* can
/// be checked against.
pub fn download(addr: SocketAddr, out: &mut dyn Write) -> anyhow::Result<()> {
    one_connection(
        addr,
        |mut conn| {
            let mut name = [0u8; 256];
            let _ = conn.read(&mut name)?;
            let file = download_file();
            let mut reply = (file.len() as u32).to_be_bytes().to_vec();
            reply.extend_from_slice(&file);
            conn.write_all(&reply)?;
            Ok(())
        },
        |mut stream| {
            stream.write_all(b"notes.txt")?;
            let file = read_prefixed(&mut stream)?;
            let _ = stream.read_to_end(&mut Vec::new());
            let sha = sha2::Sha256::digest(&file);
            let hex: String = sha.iter().map(|b| format!("{b:02x}")).collect();
            writeln!(out, "notes.txt: {} bytes, SHA-256 {hex}", file.len())?;
            Ok(())
        },
    )
}

/// The request the HTTP demo's client makes on each connection.
pub fn http_requests() -> [String; 2] {
    let body = crate::echo::python_json_dumps(&[("name", "小飞机")]);
    [
        "GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUser-Agent: layerscope-demo\r\nAccept: */*\r\nConnection: close\r\n\r\n".to_string(),
        format!(
            "POST /api HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUser-Agent: layerscope-demo\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    ]
}

/// A one-request HTTP/1.1 server: reads the head and the body Content-Length announces,
/// answers with headers and body in one send.
fn http_serve(mut conn: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0).min(1 << 20);
            }
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    let (kind, answer) = if first.starts_with("POST") {
        (
            "application/json",
            crate::echo::python_json_dumps(&[("status", "success"), ("message", "消息已收到")]),
        )
    } else {
        ("text/plain; charset=utf-8", "你好, HTTP!\n".to_string())
    };
    let reply = format!(
        "HTTP/1.1 200 OK\r\nServer: layerscope-demo\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    );
    conn.write_all(reply.as_bytes())
}

/// HTTP: a GET for a text file, then a JSON POST, one connection each, as curl makes them.
pub fn http(addr: SocketAddr, out: &mut dyn Write) -> anyhow::Result<()> {
    for request in http_requests() {
        one_connection(addr, http_serve, |mut stream| {
            stream.write_all(request.as_bytes())?;
            let mut reply = Vec::new();
            stream.read_to_end(&mut reply)?;
            let text = String::from_utf8_lossy(&reply);
            let first = text.lines().next().unwrap_or_default();
            let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
            writeln!(
                out,
                "{} → {first}: {}",
                request.lines().next().unwrap_or_default(),
                body.trim_end()
            )?;
            Ok(())
        })?;
    }
    Ok(())
}
