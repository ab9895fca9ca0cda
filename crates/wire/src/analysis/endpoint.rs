//! The transport facts analysis needs, read straight from a dissected frame's bytes.

use std::net::IpAddr;

use crate::layer::{Dissection, Protocol};
use crate::proto::{tcp, Hdr};

/// An address and port.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Endpoint {
    pub addr: IpAddr,
    pub port: u16,
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.addr {
            IpAddr::V4(a) => write!(f, "{a}:{}", self.port),
            IpAddr::V6(a) => write!(f, "[{a}]:{}", self.port),
        }
    }
}

/// One TCP segment as the tracker sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub src: Endpoint,
    pub dst: Endpoint,
    pub seq: u32,
    pub ack: u32,
    /// The 12 flag bits.
    pub flags: u16,
    pub window: u16,
    /// Payload length as the IP header declares it.
    pub len: u32,
    /// Window scale shift, if the segment carries the option.
    pub wscale: Option<u8>,
    /// SACK blocks present.
    pub has_sack: bool,
}

impl Segment {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// One UDP datagram's addressing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Datagram {
    pub src: Endpoint,
    pub dst: Endpoint,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Transport {
    Tcp(Segment),
    Udp(Datagram),
}

impl Transport {
    /// The frame's outermost TCP or UDP header with its IP addresses, if any.
    pub fn of(frame: &[u8], d: &Dissection) -> Option<Transport> {
        let mut addrs = None;
        for layer in &d.layers {
            let h = Hdr::new(frame.get(layer.header.clone())?, layer.header.start);
            match layer.protocol {
                Protocol::Ipv4 if addrs.is_none() => {
                    addrs = Some((IpAddr::V4(h.ipv4(12)), IpAddr::V4(h.ipv4(16))));
                }
                Protocol::Ipv6 if addrs.is_none() => {
                    addrs = Some((IpAddr::V6(h.ipv6(8)), IpAddr::V6(h.ipv6(24))));
                }
                Protocol::Tcp => {
                    let (s, t) = addrs?;
                    let len = layer.field("tcp.len").and_then(|f| f.as_u64()).unwrap_or(0) as u32;
                    let (wscale, has_sack) = scan_options(&h);
                    return Some(Transport::Tcp(Segment {
                        src: Endpoint {
                            addr: s,
                            port: h.u16(0),
                        },
                        dst: Endpoint {
                            addr: t,
                            port: h.u16(2),
                        },
                        seq: h.u32(4),
                        ack: h.u32(8),
                        flags: h.u16(12) & 0x0fff,
                        window: h.u16(14),
                        len,
                        wscale,
                        has_sack,
                    }));
                }
                Protocol::Udp => {
                    let (s, t) = addrs?;
                    return Some(Transport::Udp(Datagram {
                        src: Endpoint {
                            addr: s,
                            port: h.u16(0),
                        },
                        dst: Endpoint {
                            addr: t,
                            port: h.u16(2),
                        },
                    }));
                }
                _ => {}
            }
        }
        None
    }
}

/// Window scale shift and whether SACK blocks are present, from a TCP header's options.
pub(super) fn scan_options(h: &Hdr) -> (Option<u8>, bool) {
    let mut off = tcp::MIN_HEADER_LEN;
    let (mut ws, mut sack) = (None, false);
    while off < h.len() {
        match h.u8(off) {
            0 => break,
            1 => off += 1,
            kind => {
                let len = h.u8(off + 1) as usize;
                if len < 2 || off + len > h.len() {
                    break;
                }
                if kind == 3 && len == 3 {
                    ws = Some(h.u8(off + 2));
                }
                if kind == 5 {
                    sack = true;
                }
                off += len;
            }
        }
    }
    (ws, sack)
}
