//! A frame's link header: which one the link type gives, how long it is, and what follows
//! it. Decided here once for the dissector and for the quick transport path, which then
//! build fields from it or skip straight to the network layer.

use super::{ethernet, null, sll, Hdr};
use crate::link_type::LinkType;

/// The link headers this dissector decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Ethernet,
    SllV1,
    SllV2,
    /// BSD loopback; DLT_LOOP stores the family in network byte order.
    Null {
        network_order: bool,
    },
    /// Raw IP: no link header at all.
    Raw,
}

impl LinkKind {
    #[inline]
    fn of(link: LinkType) -> Option<LinkKind> {
        Some(match link {
            LinkType::ETHERNET => LinkKind::Ethernet,
            LinkType::LINUX_SLL => LinkKind::SllV1,
            LinkType::LINUX_SLL2 => LinkKind::SllV2,
            LinkType::NULL => LinkKind::Null {
                network_order: false,
            },
            LinkType::LOOP => LinkKind::Null {
                network_order: true,
            },
            LinkType::RAW
            | LinkType::RAW_12
            | LinkType::RAW_14
            | LinkType::IPV4
            | LinkType::IPV6 => LinkKind::Raw,
            _ => return None,
        })
    }

    /// The header's length.
    #[inline]
    pub fn header_len(self) -> usize {
        match self {
            LinkKind::Ethernet => ethernet::HEADER_LEN,
            LinkKind::SllV1 => sll::v1::HEADER_LEN,
            LinkKind::SllV2 => sll::v2::HEADER_LEN,
            LinkKind::Null { .. } => null::HEADER_LEN,
            LinkKind::Raw => 0,
        }
    }

    /// The protocol name a stop inside this header reports.
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Ethernet => "Ethernet",
            LinkKind::SllV1 => "Linux cooked capture",
            LinkKind::SllV2 => "Linux cooked capture v2",
            LinkKind::Null { .. } => "BSD loopback",
            LinkKind::Raw => "Raw packet data",
        }
    }
}

/// What follows a whole link header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// A payload named by an EtherType (VLAN tags, ARP, IP …), from `at`.
    Ether { at: usize, ethertype: u16 },
    /// An IP packet from `at`.
    Ip { at: usize },
    /// An IEEE 802.3 length in the type position: an LLC header follows, not decoded.
    Llc { at: usize },
    /// A Linux protocol number that is no EtherType.
    SllProtocol { at: usize, protocol: u16 },
    /// A BSD address family other than IPv4 and IPv6.
    NullFamily { at: usize, family: u32 },
}

/// A frame's link header as far as it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// The whole header, and what follows it.
    Header { kind: LinkKind, next: Next },
    /// The frame ends inside the header.
    Short { kind: LinkKind },
    /// A link type this dissector does not decode.
    Unsupported,
}

/// Reads the link header of a frame of type `link`.
#[inline]
pub fn link(link: LinkType, frame: &[u8]) -> Link {
    let Some(kind) = LinkKind::of(link) else {
        return Link::Unsupported;
    };
    let at = kind.header_len();
    if frame.len() < at {
        return Link::Short { kind };
    }
    let h = Hdr::new(&frame[..at], 0);
    let next = match kind {
        LinkKind::Ethernet => {
            let t = h.u16(ethernet::field::ETHERTYPE.start);
            if ethernet::is_length(t) {
                Next::Llc { at }
            } else {
                Next::Ether { at, ethertype: t }
            }
        }
        LinkKind::SllV1 | LinkKind::SllV2 => {
            let protocol = h.u16(match kind {
                LinkKind::SllV1 => sll::v1::PROTOCOL.start,
                _ => sll::v2::PROTOCOL.start,
            });
            if protocol >= sll::MIN_ETHERTYPE {
                Next::Ether {
                    at,
                    ethertype: protocol,
                }
            } else {
                Next::SllProtocol { at, protocol }
            }
        }
        LinkKind::Null { network_order } => {
            let family = null::family(&h, network_order);
            match null::classify(family) {
                null::Family::Other(family) => Next::NullFamily { at, family },
                _ => Next::Ip { at },
            }
        }
        LinkKind::Raw => Next::Ip { at },
    };
    Link::Header { kind, next }
}
