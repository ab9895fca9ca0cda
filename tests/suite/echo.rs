//! The echo demo's server and client, over TCP and UDP, IPv4 and IPv6.

use std::net::SocketAddr;
use std::time::Duration;

use layerscope::echo::{run_client, ClientOptions, Mode, Proto, Server, ServerOptions};

fn server(proto: Proto, addr: &str, mode: Mode) -> Server {
    Server::start(ServerOptions {
        proto,
        listen: addr.parse().unwrap(),
        mode,
        ..Default::default()
    })
    .unwrap()
}

fn client(proto: Proto, to: SocketAddr, msgs: &[&str]) -> Vec<Vec<u8>> {
    let opts = ClientOptions {
        proto,
        connect: to,
        messages: msgs.iter().map(|s| s.to_string()).collect(),
        interactive: false,
        timeout: Duration::from_secs(5),
    };
    run_client(&opts, &mut Vec::new()).unwrap()
}

#[test]
fn tcp_echo_over_ipv4_and_ipv6() {
    for addr in ["127.0.0.1:0", "[::1]:0"] {
        let s = server(Proto::Tcp, addr, Mode::Echo);
        let replies = client(Proto::Tcp, s.local_addr, &["Hello, server!", "second line"]);
        assert_eq!(
            replies,
            vec![b"Hello, server!".to_vec(), b"second line".to_vec()]
        );
        s.shutdown();
    }
}

#[test]
fn uppercase_server_serves_two_clients_one_after_another() {
    let s = server(Proto::Tcp, "127.0.0.1:0", Mode::Upper);
    assert_eq!(
        client(Proto::Tcp, s.local_addr, &["hello one"]),
        vec![b"HELLO ONE".to_vec()]
    );
    assert_eq!(
        client(Proto::Tcp, s.local_addr, &["hello two"]),
        vec![b"HELLO TWO".to_vec()]
    );
    s.shutdown();
}

#[test]
fn udp_echo_over_ipv4_and_ipv6() {
    for addr in ["127.0.0.1:0", "[::1]:0"] {
        let s = server(Proto::Udp, addr, Mode::Echo);
        assert_eq!(
            client(Proto::Udp, s.local_addr, &["ping", "pong"]),
            vec![b"ping".to_vec(), b"pong".to_vec()]
        );
        s.shutdown();
    }
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let s = server(Proto::Tcp, "127.0.0.1:0", Mode::Echo);
    let err = Server::start(ServerOptions {
        listen: s.local_addr,
        ..Default::default()
    })
    .err()
    .unwrap();
    assert!(
        err.to_string()
            .contains(&format!("port {} is already in use", s.local_addr.port())),
        "{err}"
    );
    s.shutdown();
}

#[test]
fn many_concurrent_clients_all_get_their_own_echo() {
    let s = server(Proto::Tcp, "127.0.0.1:0", Mode::Echo);
    let addr = s.local_addr;
    let handles: Vec<_> = (0..40)
        .map(|i| {
            std::thread::spawn(move || (i, client(Proto::Tcp, addr, &[&format!("client {i}")])))
        })
        .collect();
    for h in handles {
        let (i, replies) = h.join().unwrap();
        assert_eq!(replies, vec![format!("client {i}").into_bytes()]);
    }
    s.shutdown();
}

#[test]
fn connecting_to_a_closed_port_explains_the_refusal() {
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let opts = ClientOptions {
        proto: Proto::Tcp,
        connect: free,
        messages: vec!["x".into()],
        interactive: false,
        timeout: Duration::from_secs(2),
    };
    let err = run_client(&opts, &mut Vec::new()).unwrap_err();
    assert!(
        err.to_string()
            .contains("refused: no server is listening there"),
        "{err}"
    );
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[test]
fn the_server_under_200_concurrent_clients_answers_all_correctly_in_flat_memory() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    // The real server binary, so its memory is its own.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = probe.local_addr().unwrap();
    drop(probe);
    let mut server =
        crate::util::english(std::process::Command::new(env!("CARGO_BIN_EXE_layerscope")))
            .args([
                "echo",
                "server",
                "--listen",
                &addr.to_string(),
                "--max-clients",
                "256",
                "--mode",
                "upper",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
    let listening = crate::util::wait_until(5, || std::net::TcpStream::connect(addr).is_ok());
    assert!(listening, "server did not start");
    let run_round = |round: u32| -> u64 {
        let start = Instant::now();
        let handles: Vec<_> = (0..200u32)
            .map(|c| {
                std::thread::spawn(move || -> u64 {
                    let mut s = std::net::TcpStream::connect(addr).expect("connect");
                    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                    let mut checked = 0;
                    for m in 0..25u32 {
                        // Different sizes, and garbage bytes too: the server must not care.
                        let mut msg = format!("r{round} c{c} m{m} ").into_bytes();
                        msg.extend((0..(m * 37 % 500)).map(|i| b'a' + (i % 26) as u8));
                        msg.extend([0xff, 0x00, 0x80]);
                        s.write_all(&msg).unwrap();
                        let mut got = vec![0u8; msg.len()];
                        s.read_exact(&mut got).expect("a full reply");
                        assert_eq!(got, msg.to_ascii_uppercase(), "client {c} message {m}");
                        checked += 1;
                    }
                    checked
                })
            })
            .collect();
        let n: u64 = handles
            .into_iter()
            .map(|h| h.join().expect("client ok"))
            .sum();
        assert!(start.elapsed() < Duration::from_secs(30));
        n
    };
    assert_eq!(run_round(0), 5000);
    let after_first = rss_kib(server.id());
    for round in 1..4 {
        assert_eq!(run_round(round), 5000);
    }
    let after_last = rss_kib(server.id());
    // A client that vanishes mid-message does not disturb it.
    {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.write_all(b"half a mess").unwrap();
    }
    assert_eq!(run_round(9), 5000);
    let _ = server.kill();
    let _ = server.wait();
    eprintln!("server RSS after round 1: {after_first} KiB, after round 4: {after_last} KiB");
    assert!(
        after_last <= after_first + 4 * 1024,
        "memory grows with rounds: {after_first} KiB then {after_last} KiB"
    );
}
