//! Capture link types (the `LINKTYPE_*` / DLT numbers in pcap and pcapng headers).

use std::fmt;

/// An open set of link types: unknown numbers survive and are named in errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LinkType(pub u32);

impl LinkType {
    /// BSD loopback, family in host byte order.
    pub const NULL: LinkType = LinkType(0);
    pub const ETHERNET: LinkType = LinkType(1);
    /// Raw IP as OpenBSD and some Linux tools number it.
    pub const RAW_12: LinkType = LinkType(12);
    pub const RAW_14: LinkType = LinkType(14);
    pub const RAW: LinkType = LinkType(101);
    /// BSD loopback, family in network byte order.
    pub const LOOP: LinkType = LinkType(108);
    pub const LINUX_SLL: LinkType = LinkType(113);
    pub const IPV4: LinkType = LinkType(228);
    pub const IPV6: LinkType = LinkType(229);
    pub const LINUX_SLL2: LinkType = LinkType(276);

    /// Every link type [`crate::dissect()`] decodes.
    pub const DECODED: [LinkType; 10] = [
        LinkType::ETHERNET,
        LinkType::LINUX_SLL,
        LinkType::LINUX_SLL2,
        LinkType::NULL,
        LinkType::LOOP,
        LinkType::RAW,
        LinkType::RAW_12,
        LinkType::RAW_14,
        LinkType::IPV4,
        LinkType::IPV6,
    ];

    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            LinkType::NULL => "BSD loopback (NULL)",
            LinkType::ETHERNET => "Ethernet",
            LinkType::RAW | LinkType::RAW_12 | LinkType::RAW_14 => "Raw IP",
            LinkType::LOOP => "OpenBSD loopback (LOOP)",
            LinkType::LINUX_SLL => "Linux cooked capture v1 (SLL)",
            LinkType::IPV4 => "Raw IPv4",
            LinkType::IPV6 => "Raw IPv6",
            LinkType::LINUX_SLL2 => "Linux cooked capture v2 (SLL2)",
            _ => return None,
        })
    }

    /// Whether this dissector can decode frames of this link type.
    pub fn is_supported(self) -> bool {
        self.name().is_some()
    }
}

impl fmt::Display for LinkType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => write!(f, "{n} ({})", self.0),
            None => write!(f, "link type {}", self.0),
        }
    }
}
