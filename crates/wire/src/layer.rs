//! The layered result of dissecting one frame.

use std::fmt;
use std::ops::Range;

use crate::field::Field;
use crate::registry::FieldDef;

/// The protocols this dissector knows. `abbrev()` is Wireshark's protocol filter name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Protocol {
    Ethernet,
    /// IEEE 802.1Q VLAN tag (customer tag).
    Vlan,
    /// IEEE 802.1ad service tag (the outer tag of QinQ).
    Ieee8021ad,
    /// Linux "cooked" capture, version 1.
    Sll,
    /// Linux "cooked" capture, version 2.
    Sll2,
    /// BSD loopback encapsulation (DLT_NULL / DLT_LOOP).
    Null,
    /// Raw IP: no link header at all.
    Raw,
    Arp,
    Ipv4,
    Ipv6,
    Icmp,
    Icmpv6,
    Igmp,
    Tcp,
    Udp,
    Http,
    /// TLS records (on any port, recognised by their header).
    Tls,
    /// The Domain Name System, on port 53 (UDP, or TCP with a length prefix).
    Dns,
    /// JavaScript Object Notation, on any port (recognised by its shape).
    Json,
    /// Application bytes that no dissector claims.
    Data,
}

impl Protocol {
    /// Wireshark's filter name for the protocol, also used in `frame.protocols`.
    pub fn abbrev(self) -> &'static str {
        match self {
            Protocol::Ethernet => "eth",
            Protocol::Vlan => "vlan",
            Protocol::Ieee8021ad => "ieee8021ad",
            Protocol::Sll | Protocol::Sll2 => "sll",
            Protocol::Null => "null",
            Protocol::Raw => "raw",
            Protocol::Arp => "arp",
            Protocol::Ipv4 => "ip",
            Protocol::Ipv6 => "ipv6",
            Protocol::Icmp => "icmp",
            Protocol::Icmpv6 => "icmpv6",
            Protocol::Igmp => "igmp",
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Http => "http",
            Protocol::Json => "json",
            Protocol::Dns => "dns",
            Protocol::Tls => "tls",
            Protocol::Data => "data",
        }
    }

    /// The name a person reads.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Ethernet => "Ethernet II",
            Protocol::Vlan => "802.1Q VLAN",
            Protocol::Ieee8021ad => "802.1ad Service VLAN",
            Protocol::Sll => "Linux cooked capture v1",
            Protocol::Sll2 => "Linux cooked capture v2",
            Protocol::Null => "BSD loopback",
            Protocol::Raw => "Raw packet data",
            Protocol::Arp => "ARP",
            Protocol::Ipv4 => "IPv4",
            Protocol::Ipv6 => "IPv6",
            Protocol::Icmp => "ICMP",
            Protocol::Icmpv6 => "ICMPv6",
            Protocol::Igmp => "IGMP",
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
            Protocol::Http => "HTTP",
            Protocol::Json => "JavaScript Object Notation",
            Protocol::Dns => "Domain Name System",
            Protocol::Tls => "Transport Layer Security",
            Protocol::Data => "Data",
        }
    }

    /// Where the protocol sits in both layer models, and what its unit is called.
    pub fn placement(self) -> (u8, TcpIpLayer, Pdu) {
        use Protocol::*;
        match self {
            Ethernet | Vlan | Ieee8021ad | Sll | Sll2 | Null | Raw => {
                (2, TcpIpLayer::Link, Pdu::Frame)
            }
            // ARP resolves network addresses but travels directly in link frames:
            // Wireshark and most textbooks place it between layers 2 and 3; we say 3
            // because it carries network-layer addresses, and TCP/IP calls it link.
            Arp => (3, TcpIpLayer::Link, Pdu::Packet),
            Ipv4 | Ipv6 | Icmp | Icmpv6 | Igmp => (3, TcpIpLayer::Internet, Pdu::Packet),
            Tcp => (4, TcpIpLayer::Transport, Pdu::Segment),
            Udp => (4, TcpIpLayer::Transport, Pdu::Datagram),
            // Encryption is the presentation layer's job in the OSI model; TCP/IP leaves it
            // to the application.
            Tls => (6, TcpIpLayer::Application, Pdu::Data),
            Http | Dns | Json | Data => (7, TcpIpLayer::Application, Pdu::Data),
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The four layers of the TCP/IP (Internet) model, RFC 1122.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TcpIpLayer {
    Link,
    Internet,
    Transport,
    Application,
}

impl TcpIpLayer {
    pub fn name(self) -> &'static str {
        match self {
            TcpIpLayer::Link => "Link",
            TcpIpLayer::Internet => "Internet",
            TcpIpLayer::Transport => "Transport",
            TcpIpLayer::Application => "Application",
        }
    }
}

/// The protocol data unit's textbook name at each layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pdu {
    Frame,
    Packet,
    Segment,
    Datagram,
    Data,
}

impl Pdu {
    pub fn name(self) -> &'static str {
        match self {
            Pdu::Frame => "frame",
            Pdu::Packet => "packet",
            Pdu::Segment => "segment",
            Pdu::Datagram => "datagram",
            Pdu::Data => "data",
        }
    }
}

/// The OSI layer's name, 1..=7.
pub fn osi_name(layer: u8) -> &'static str {
    match layer {
        1 => "Physical",
        2 => "Data link",
        3 => "Network",
        4 => "Transport",
        5 => "Session",
        6 => "Presentation",
        7 => "Application",
        _ => "?",
    }
}

/// One protocol layer of a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    pub protocol: Protocol,
    /// OSI layer number, 1..=7.
    pub osi: u8,
    pub tcpip: TcpIpLayer,
    pub pdu: Pdu,
    /// The bytes of this layer's own header (for application data: the data itself).
    pub header: Range<usize>,
    /// The bytes this layer carries for the layers above it.
    pub payload: Range<usize>,
    /// The part of the header the capture did not keep, past the frame's end: the snapshot
    /// length cut the frame inside this header (`header` holds what was captured). Empty
    /// when the header is whole.
    pub missing: Range<usize>,
    pub fields: Vec<Field>,
    /// Which bytes `header`, `payload` and the fields' ranges point into.
    pub source: Source,
}

/// The bytes a layer was dissected from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Source {
    /// The captured frame.
    #[default]
    Frame,
    /// The application message reassembly joined from several segments
    /// ([`Dissection::reassembled`]), Wireshark's "Reassembled TCP" bytes tab.
    Reassembled,
}

impl Layer {
    pub fn new(protocol: Protocol, header: Range<usize>, payload: Range<usize>) -> Self {
        let (osi, tcpip, pdu) = protocol.placement();
        Layer {
            protocol,
            osi,
            tcpip,
            pdu,
            header,
            payload,
            missing: 0..0,
            fields: Vec::new(),
            source: Source::Frame,
        }
    }

    /// Every field of the layer, nested ones included, depth first.
    pub fn all_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().flat_map(|f| f.walk())
    }

    /// The first occurrence of a field.
    pub fn field(&self, def: &FieldDef) -> Option<&Field> {
        // Recursion rather than `all_fields()`: this runs for every name a printer or a
        // filter asks for, and a plain loop is cheaper than the resumable walk.
        fn find<'a>(fields: &'a [Field], def: &FieldDef) -> Option<&'a Field> {
            fields
                .iter()
                .find_map(|f| f.is(def).then_some(f).or_else(|| find(&f.children, def)))
        }
        find(&self.fields, def)
    }

    /// Whether the snapshot length cut this layer's header.
    pub fn is_cut(&self) -> bool {
        !self.missing.is_empty()
    }

    /// The header's whole length: what was captured plus what the snapshot length cut off.
    pub fn full_header_len(&self) -> usize {
        self.header.len() + self.missing.len()
    }

    /// A heading such as "Transport · OSI 4 · TCP segment".
    pub fn heading(&self) -> String {
        format!(
            "{} · OSI {} ({}) · {} {}",
            self.tcpip.name(),
            self.osi,
            osi_name(self.osi),
            self.protocol.name(),
            self.pdu.name()
        )
    }
}

/// Why dissection ended early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopKind {
    /// Fewer bytes were captured than the header needs (snaplen, or a cut file).
    Truncated,
    /// The bytes contradict themselves (a length field that cannot be right).
    Malformed,
    /// Well-formed, but a protocol this dissector does not decode.
    Unsupported,
}

/// Where and why dissection ended before the end of the frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    pub kind: StopKind,
    /// The protocol whose header could not be read.
    pub protocol: &'static str,
    /// Offset in the frame where that header starts.
    pub offset: usize,
    pub reason: String,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stopped in {} at byte {}: {}",
            self.protocol, self.offset, self.reason
        )
    }
}

/// Everything learnt from one frame's bytes alone (no cross-packet analysis).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dissection {
    pub layers: Vec<Layer>,
    pub stop: Option<Stop>,
    /// The message that this frame completes, joined from the segments that carried it:
    /// the bytes the layers of [`Source::Reassembled`] point into.
    pub reassembled: Option<std::sync::Arc<crate::analysis::reassembly::Reassembled>>,
}

impl Dissection {
    /// The bytes a layer's ranges point into: the frame, or the reassembled message.
    pub fn bytes_of<'a>(&'a self, layer: &Layer, frame: &'a [u8]) -> &'a [u8] {
        self.bytes_of_source(layer.source, frame)
    }

    /// The bytes of `source`: the frame, or the reassembled message (empty when there is
    /// none).
    pub fn bytes_of_source<'a>(&'a self, source: Source, frame: &'a [u8]) -> &'a [u8] {
        match (source, &self.reassembled) {
            (Source::Frame, _) => frame,
            (Source::Reassembled, Some(r)) => &r.bytes,
            (Source::Reassembled, None) => &[],
        }
    }

    pub fn layer(&self, protocol: Protocol) -> Option<&Layer> {
        self.layers.iter().find(|l| l.protocol == protocol)
    }

    /// The first occurrence of a field in any layer.
    pub fn field(&self, def: &FieldDef) -> Option<&Field> {
        self.layers.iter().find_map(|l| l.field(def))
    }

    /// The innermost layer, which names the packet in a packet list.
    pub fn top(&self) -> Option<&Layer> {
        self.layers.last()
    }

    /// The layer that owns a byte of the frame, for click-a-byte-select-its-field.
    pub fn layer_at(&self, offset: usize) -> Option<&Layer> {
        self.layer_at_in(Source::Frame, offset)
    }

    /// The layer that owns a byte of `source`.
    pub fn layer_at_in(&self, source: Source, offset: usize) -> Option<&Layer> {
        self.layers
            .iter()
            .rev()
            .find(|l| l.source == source && l.header.contains(&offset))
    }

    /// The most specific field covering a byte of the frame.
    pub fn field_at(&self, offset: usize) -> Option<&Field> {
        self.field_at_in(Source::Frame, offset)
    }

    /// The most specific field covering a byte of `source`.
    pub fn field_at_in(&self, source: Source, offset: usize) -> Option<&Field> {
        let layer = self.layer_at_in(source, offset)?;
        layer
            .all_fields()
            .filter(|f| f.bytes.contains(&offset))
            .min_by_key(|f| (f.bytes.len(), f.bits.map_or(u8::MAX, |(_, w)| w)))
    }
}
