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
