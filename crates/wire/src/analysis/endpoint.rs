//! The transport facts analysis needs, read straight from a dissected frame's bytes.

use crate::registry as hf;
use std::net::IpAddr;

use crate::layer::{Dissection, Protocol};
use crate::proto::{ipv4, ipv6, tcp, udp, Hdr};

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
    /// The snapshot length cut the header: its options were read only as far as they were
    /// captured, and tshark's dissector stopped before the checks that follow them.
    pub header_cut: bool,
    /// Where the captured part of the payload lies in the frame (empty when none was
    /// captured): what reassembly reads.
    pub payload: std::ops::Range<usize>,
}

impl Segment {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// The segment whose header's captured bytes are `h` (`header_len` long when whole),
    /// carrying `len` bytes of data. Needs the first 16 bytes (ports to window), as tshark
    /// does before it counts a segment in a stream.
    #[inline]
    pub(super) fn read(
        (src, dst): (IpAddr, IpAddr),
        h: &Hdr,
        header_len: usize,
        len: u32,
        payload: std::ops::Range<usize>,
    ) -> Option<Segment> {
        let tcp = tcp::Header(*h);
        if tcp.captured() < tcp::field::WINDOW.end {
            return None;
        }
        let (mut wscale, mut has_sack) = (None, false);
        for option in tcp.captured_options() {
            match option.value(h) {
                Some(tcp::OptionValue::WindowScale(shift)) => wscale = Some(shift),
                Some(tcp::OptionValue::Sack) => has_sack = true,
                _ => {}
            }
        }
        Some(Segment {
            src: Endpoint {
                addr: src,
                port: tcp.src_port(),
            },
            dst: Endpoint {
                addr: dst,
                port: tcp.dst_port(),
            },
            seq: tcp.seq(),
            ack: tcp.ack(),
            flags: tcp.flags(),
            window: tcp.window(),
            len,
            wscale,
            has_sack,
            header_cut: tcp.captured() < header_len,
            payload,
        })
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
                    addrs = Some((
                        IpAddr::V4(h.ipv4(ipv4::field::SRC.start)),
                        IpAddr::V4(h.ipv4(ipv4::field::DST.start)),
                    ));
                }
                Protocol::Ipv6 if addrs.is_none() => {
                    addrs = Some((
                        IpAddr::V6(h.ipv6(ipv6::field::SRC.start)),
                        IpAddr::V6(h.ipv6(ipv6::field::DST.start)),
                    ));
                }
                Protocol::Tcp => {
                    let len = layer
                        .field(&hf::tcp::LEN)
                        .and_then(|f| f.as_u64())
                        .unwrap_or(0) as u32;
                    return Segment::read(
                        addrs?,
                        &h,
                        layer.full_header_len(),
                        len,
                        layer.payload.clone(),
                    )
                    .map(Transport::Tcp);
                }
                Protocol::Udp if !layer.is_cut() => {
                    let (s, t) = addrs?;
                    return Some(Transport::Udp(Datagram {
                        src: Endpoint {
                            addr: s,
                            port: h.u16(udp::field::SRC_PORT.start),
                        },
                        dst: Endpoint {
                            addr: t,
                            port: h.u16(udp::field::DST_PORT.start),
                        },
                    }));
                }
                _ => {}
            }
        }
        None
    }
}

impl Transport {
    /// The UDP datagram an ICMP or ICMPv6 error quotes (port unreachable, time exceeded …),
    /// found by dissecting the frame: tshark counts it in the datagram's `udp.stream`.
    pub fn quoted_of(frame: &[u8], d: &Dissection) -> Option<Datagram> {
        let icmp = d
            .layers
            .iter()
            .find(|l| matches!(l.protocol, Protocol::Icmp | Protocol::Icmpv6))?;
        let icmp_type = *frame.get(icmp.header.start)?;
        let quotes = match icmp.protocol {
            Protocol::Icmp => crate::proto::icmp::quotes_datagram(icmp_type),
            _ => crate::proto::icmpv6::quotes_datagram(icmp_type),
        };
        if !quotes {
            return None;
        }
        quoted_datagram(frame.get(icmp.header.start + 8..icmp.header.end)?)
    }
}

/// The addresses and ports of a datagram quoted in an ICMP error: its IP header and the
/// first bytes of its UDP header.
pub(super) fn quoted_datagram(quote: &[u8]) -> Option<Datagram> {
    use etherparse::LaxIpSlice;
    let (ip, _) = LaxIpSlice::from_slice(quote).ok()?;
    let (src, dst, number, upper) = match &ip {
        LaxIpSlice::Ipv4(v4) => (
            IpAddr::V4(v4.header().source_addr()),
            IpAddr::V4(v4.header().destination_addr()),
            v4.payload().ip_number.0,
            v4.payload().payload,
        ),
        LaxIpSlice::Ipv6(v6) => (
            IpAddr::V6(v6.header().source_addr()),
            IpAddr::V6(v6.header().destination_addr()),
            v6.payload().ip_number.0,
            v6.payload().payload,
        ),
    };
    // tshark counts the quoted datagram in its conversation only when the whole UDP
    // header was quoted (and captured).
    if number != 17 || upper.len() < 8 {
        return None;
    }
    let port = |at: usize| u16::from_be_bytes([upper[at], upper[at + 1]]);
    Some(Datagram {
        src: Endpoint {
            addr: src,
            port: port(0),
        },
        dst: Endpoint {
            addr: dst,
            port: port(2),
        },
    })
}

#[cfg(test)]
impl Segment {
    /// A segment between client 127.0.0.1:5000 and server 127.0.0.1:80, with raw numbers
    /// and a window of 1000: what the analysis tests feed.
    pub(crate) fn on_loopback(
        from_client: bool,
        seq: u32,
        ack: u32,
        flags: u16,
        len: u32,
    ) -> Segment {
        let at = |port| Endpoint {
            addr: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
            port,
        };
        let (src, dst) = if from_client {
            (at(5000), at(80))
        } else {
            (at(80), at(5000))
        };
        Segment {
            src,
            dst,
            seq,
            ack,
            flags,
            window: 1000,
            len,
            wscale: None,
            has_sack: false,
            header_cut: false,
            payload: 0..0,
        }
    }
}
