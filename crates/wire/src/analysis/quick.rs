//! The transport facts of a frame without building its field tree.
//!
//! Opening a capture runs the conversation analysis over every packet before the user sees
//! the whole list; building every field of every packet for that costs ten times more than
//! the analysis needs. This path slices the frame with etherparse exactly as
//! [`crate::dissect()`] does and reads only the addresses, ports and TCP header words. A test
//! checks that it agrees with [`Transport::of`] on every fixture and corpus frame.

use std::net::IpAddr;

use etherparse::err::packet::SliceError;
use etherparse::err::Layer as EpLayer;
use etherparse::{
    EtherType, LaxLinkExtSlice, LaxNetSlice, LaxSlicedPacket, LenSource, TransportSlice,
};

use super::endpoint::{quoted_datagram, Datagram, Endpoint, Segment, Transport};
use crate::link_type::LinkType;
use crate::proto::link::{Link, Next};
use crate::proto::{self, tcp, Hdr};

/// Slices the network and transport layers of a frame, following the link header the way
/// the dissector does (SLL, SLL2, BSD loopback, raw IP, Ethernet with VLAN tags). Like the
/// dissector, it stops at MACsec, whose payload is usually encrypted.
fn slice(link: LinkType, frame: &[u8]) -> Option<LaxSlicedPacket<'_>> {
    let sliced = slice_link(link, frame)?;
    let macsec = sliced
        .link_exts
        .iter()
        .any(|e| matches!(e, LaxLinkExtSlice::Macsec(_)));
    (!macsec).then_some(sliced)
}

fn slice_link(link: LinkType, frame: &[u8]) -> Option<LaxSlicedPacket<'_>> {
    match proto::link::link(link, frame) {
        Link::Header {
            next: Next::Ether { at, ethertype },
            ..
        } => Some(LaxSlicedPacket::from_ether_type(
            EtherType(ethertype),
            frame.get(at..)?,
        )),
        Link::Header {
            next: Next::Ip { at },
            ..
        } => LaxSlicedPacket::from_ip(frame.get(at..)?).ok(),
        _ => None,
    }
}

impl Transport {
    /// The frame's outermost TCP or UDP header with its IP addresses, read without a full
    /// dissection. Agrees with [`Transport::of`].
    pub fn quick(link: LinkType, frame: &[u8]) -> Option<Transport> {
        let sliced = slice(link, frame)?;
        let (src, dst, declared) = match &sliced.net {
            Some(LaxNetSlice::Ipv4(ip)) => {
                let h = ip.header();
                let header_len = h.slice().len();
                let total = h.total_len() as usize;
                let declared = (total != 0).then(|| total.saturating_sub(header_len));
                (
                    IpAddr::V4(h.source_addr()),
                    IpAddr::V4(h.destination_addr()),
                    declared,
                )
            }
            Some(LaxNetSlice::Ipv6(ip)) => {
                let h = ip.header();
                let ext_len = ip.extensions().slice().len();
                let plen = h.payload_length() as usize;
                let declared = (plen != 0).then(|| plen.saturating_sub(ext_len));
                (
                    IpAddr::V6(h.source_addr()),
                    IpAddr::V6(h.destination_addr()),
                    declared,
                )
            }
            _ => return None,
        };
        match &sliced.transport {
            Some(TransportSlice::Tcp(t)) => {
                let header = t.header_slice();
                let len = declared
                    .map(|d| d.saturating_sub(header.len()))
                    .unwrap_or(t.payload().len());
                let at = (t.payload().as_ptr() as usize).saturating_sub(frame.as_ptr() as usize);
                let payload = at..at + t.payload().len();
                Segment::read(
                    (src, dst),
                    &Hdr::new(header, 0),
                    header.len(),
                    len as u32,
                    payload,
                )
                .map(Transport::Tcp)
            }
            None => {
                // A TCP header the snapshot length cut, read as far as it goes (as the
                // dissector's partial layer is).
                let (Some((SliceError::Len(l), EpLayer::TcpHeader)), Some(net)) =
                    (&sliced.stop_err, &sliced.net)
                else {
                    return None;
                };
                if l.len_source != LenSource::Slice {
                    return None;
                }
                let captured = match net {
                    LaxNetSlice::Ipv4(ip) => ip.payload().payload,
                    LaxNetSlice::Ipv6(ip) => ip.payload().payload,
                    LaxNetSlice::Arp(_) => return None,
                };
                let h = Hdr::new(captured, 0);
                let header_len = tcp::Header(h).header_len();
                let len = declared.map_or(0, |d| d.saturating_sub(header_len));
                // Nothing of the payload was captured: an empty range where the capture ends,
                // as the dissector's cut layer has it.
                let end = (captured.as_ptr() as usize).saturating_sub(frame.as_ptr() as usize)
                    + captured.len();
                Segment::read((src, dst), &h, header_len, len as u32, end..end).map(Transport::Tcp)
            }
            Some(TransportSlice::Udp(u)) => Some(Transport::Udp(Datagram {
                src: Endpoint {
                    addr: src,
                    port: u.source_port(),
                },
                dst: Endpoint {
                    addr: dst,
                    port: u.destination_port(),
                },
            })),
            _ => None,
        }
    }
}

impl Transport {
    /// [`Transport::quoted_of`] without a full dissection.
    pub fn quick_quoted(link: LinkType, frame: &[u8]) -> Option<Datagram> {
        let sliced = slice(link, frame)?;
        match &sliced.transport {
            Some(TransportSlice::Icmpv4(i)) if crate::proto::icmp::quotes_datagram(i.type_u8()) => {
                quoted_datagram(i.payload())
            }
            Some(TransportSlice::Icmpv6(i))
                if crate::proto::icmpv6::quotes_datagram(i.type_u8()) =>
            {
                quoted_datagram(i.payload())
            }
            _ => None,
        }
    }
}
