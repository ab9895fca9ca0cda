//! Walks a frame from its link header up to the application data, using etherparse's lax
//! slicer for the structure and the `proto` modules for the fields.
//!
//! Nothing here may panic: every index is checked, and a header that does not fit becomes a
//! [`Stop`] after the layers that did.

use crate::registry as hf;
use std::ops::Range;

use etherparse::err::packet::SliceError;
use etherparse::err::Layer as EpLayer;
use etherparse::{
    EtherType, LaxIpSlice, LaxLinkExtSlice, LaxNetSlice, LaxSlicedPacket, LenSource, TransportSlice,
};

use crate::field::{Field, Value};
use crate::layer::{Dissection, Layer, Stop, StopKind};
use crate::link_type::LinkType;
use crate::proto::{self, Hdr};

/// Dissects one captured frame of the given link type.
pub fn dissect(link: LinkType, frame: &[u8]) -> Dissection {
    let mut w = Walk {
        frame,
        // Link, network, transport and data: room for the usual four layers.
        d: Dissection {
            layers: Vec::with_capacity(4),
            ..Dissection::default()
        },
    };
    w.link(link);
    w.d
}

struct Walk<'a> {
    frame: &'a [u8],
    d: Dissection,
}

impl<'a> Walk<'a> {
    fn offset_of(&self, s: &[u8]) -> usize {
        (s.as_ptr() as usize).saturating_sub(self.frame.as_ptr() as usize)
    }

    fn range_of(&self, s: &[u8]) -> Range<usize> {
        let o = self.offset_of(s);
        o..o + s.len()
    }

    fn stop(
        &mut self,
        kind: StopKind,
        protocol: &'static str,
        offset: usize,
        reason: impl Into<String>,
    ) {
        if self.d.stop.is_none() {
            self.d.stop = Some(Stop {
                kind,
                protocol,
                offset,
                reason: reason.into(),
            });
        }
    }

    /// Records that `protocol` needs `need` bytes at `offset` but fewer are there.
    fn short(&mut self, protocol: &'static str, offset: usize, need: usize) -> bool {
        let have = self.frame.len().saturating_sub(offset);
        if have >= need {
            return false;
        }
        self.stop(
            StopKind::Truncated,
            protocol,
            offset,
            format!("needs {need} bytes, {have} captured"),
        );
        true
    }

    fn hdr(&self, r: Range<usize>) -> Hdr<'a> {
        let end = r.end.min(self.frame.len());
        let start = r.start.min(end);
        Hdr::new(&self.frame[start..end], start)
    }

    fn link(&mut self, link: LinkType) {
        use proto::link::{Link, LinkKind, Next};
        let n = self.frame.len();
        let (kind, next) = match proto::link::link(link, self.frame) {
            Link::Header { kind, next } => (kind, next),
            Link::Short { kind } => {
                self.short(kind.name(), 0, kind.header_len());
                if kind == LinkKind::Ethernet {
                    self.cut_ethernet();
                }
                return;
            }
            Link::Unsupported => {
                self.stop(
                    StopKind::Unsupported,
                    "frame",
                    0,
                    format!("{link} is not a link type layerscope decodes"),
                );
                return;
            }
        };
        let h = self.hdr(0..kind.header_len());
        self.d.layers.push(match kind {
            LinkKind::Ethernet => proto::ethernet::layer(h, n),
            LinkKind::SllV1 => proto::sll::layer_v1(h, n),
            LinkKind::SllV2 => proto::sll::layer_v2(h, n),
            LinkKind::Null { network_order } => proto::null::layer(h, n, network_order),
            LinkKind::Raw => {
                let mut l = Layer::new(crate::layer::Protocol::Raw, 0..0, 0..n);
                l.fields.clear();
                l
            }
        });
        match next {
            Next::Ether { at, ethertype } => self.ether(at, ethertype),
            Next::Ip { at } => self.ip(at),
            Next::Llc { at } => self.stop(
                StopKind::Unsupported,
                "LLC",
                at,
                "IEEE 802.3 frame with an LLC header (STP, CDP, IS-IS …) is not decoded",
            ),
            Next::SllProtocol { at, protocol } => self.stop(
                StopKind::Unsupported,
                "Linux cooked capture",
                at,
                format!("Linux protocol 0x{protocol:04x} is not decoded"),
            ),
            Next::NullFamily { at, family } => self.stop(
                StopKind::Unsupported,
                "BSD loopback",
                at,
                format!("address family {family} is not decoded"),
            ),
        }
    }

    /// Everything after an EtherType: VLAN tags, then ARP or IP and above.
    fn ether(&mut self, start: usize, ethertype: u16) {
        let frame = self.frame;
        let Some(rest) = frame.get(start..) else {
            return;
        };
        if rest.is_empty() {
            // The frame ends with its link header: tshark still hands the nothing that
            // follows to the IP dissector, which shows a cut IP layer without fields.
            match ethertype {
                0x0800 => self.cut_ip(start, false),
                0x86dd => self.cut_ip(start, true),
                _ => {}
            }
        }
        let sliced = LaxSlicedPacket::from_ether_type(EtherType(ethertype), rest);
        let mut prev_type = ethertype;
        for ext in &sliced.link_exts {
            match ext {
                LaxLinkExtSlice::Vlan(v) => {
                    let r = self.range_of(v.slice());
                    let h = self.hdr(r.start..r.start + proto::vlan::HEADER_LEN);
                    self.d
                        .layers
                        .push(proto::vlan::layer(h, frame.len(), prev_type == 0x88a8));
                    prev_type = v.ether_type().0;
                }
                LaxLinkExtSlice::Macsec(m) => {
                    let off = self.offset_of(m.header.slice());
                    self.stop(
                        StopKind::Unsupported,
                        "MACsec",
                        off,
                        "MACsec-protected payload is not decoded",
                    );
                    return;
                }
            }
        }
        self.net_and_up(&sliced, start);
        if self.d.stop.is_none() && sliced.net.is_none() && sliced.stop_err.is_none() {
            // etherparse stopped without error: an EtherType it does not decode.
            let off = self.d.layers.last().map_or(start, |l| l.header.end);
            if off < frame.len() {
                let name = crate::names::ethertype(prev_type).unwrap_or("unknown");
                self.stop(
                    StopKind::Unsupported,
                    "EtherType",
                    off,
                    format!("EtherType 0x{prev_type:04x} ({name}) is not decoded"),
                );
            }
        }
        self.padding();
    }

    /// Raw IP starting at `start` (raw link types and BSD loopback).
    fn ip(&mut self, start: usize) {
        let frame = self.frame;
        let Some(rest) = frame.get(start..) else {
            return;
        };
        match LaxSlicedPacket::from_ip(rest) {
            Ok(sliced) => self.net_and_up(&sliced, start),
            Err(e) => {
                let (kind, reason) = match &e {
                    etherparse::err::ip::LaxHeaderSliceError::Len(l) => {
                        self.cut_ip_of_version(start);
                        (
                            StopKind::Truncated,
                            format!("needs {} bytes, {} captured", l.required_len, l.len),
                        )
                    }
                    etherparse::err::ip::LaxHeaderSliceError::Content(c) => {
                        (StopKind::Malformed, c.to_string())
                    }
                };
                self.stop(kind, "IP", start, reason);
            }
        }
    }

    fn net_and_up(&mut self, sliced: &LaxSlicedPacket<'a>, start: usize) {
        let mut declared_transport_len = None;
        let mut payload_fragmented = false;
        let mut ip_payload: Option<(u8, Range<usize>)> = None;
        match &sliced.net {
            Some(LaxNetSlice::Ipv4(ip)) => {
                let header = ip.header();
                let hr = self.range_of(header.slice());
                let payload = ip.payload();
                let pr = self.range_of(payload.payload);
                self.d.layers.push(proto::ipv4::layer(
                    self.hdr(hr.clone()),
                    hr.len(),
                    pr.clone(),
                ));
                let total = header.total_len() as usize;
                if total != 0 {
                    declared_transport_len = Some(total.saturating_sub(pr.start - hr.start));
                }
                payload_fragmented = payload.fragmented;
                ip_payload = Some((payload.ip_number.0, pr));
            }
            Some(LaxNetSlice::Ipv6(ip)) => {
                let hr = self.range_of(ip.header().slice());
                let payload = ip.payload();
                let pr = self.range_of(payload.payload);
                // The fixed header and the extension headers etherparse walked are contiguous.
                let ext_end = if ip.extensions().is_empty() {
                    hr.end
                } else {
                    let er = self.range_of(ip.extensions().slice());
                    er.end
                };
                self.d
                    .layers
                    .push(proto::ipv6::layer(self.hdr(hr.start..ext_end), pr.clone()));
                let plen = ip.header().payload_length() as usize;
                if plen != 0 {
                    declared_transport_len = Some(plen.saturating_sub(ext_end - hr.end));
                }
                payload_fragmented = payload.fragmented;
                ip_payload = Some((payload.ip_number.0, pr));
            }
            Some(LaxNetSlice::Arp(arp)) => {
                let r = self.range_of(arp.slice());
                self.d.layers.push(proto::arp::layer(self.hdr(r)));
            }
            None => {}
        }
        match &sliced.transport {
            Some(TransportSlice::Tcp(t)) => {
                let hr = self.range_of(t.header_slice());
                let pr = self.range_of(t.payload());
                let seg_len = declared_transport_len
                    .map(|d| d.saturating_sub(hr.len()))
                    .unwrap_or(pr.len());
                let hdr_len = hr.len();
                self.d.layers.push(proto::tcp::layer(
                    self.hdr(hr),
                    hdr_len,
                    pr.clone(),
                    seg_len,
                ));
                let ports = (t.source_port(), t.destination_port());
                self.app(pr, Some((true, ports)));
            }
            Some(TransportSlice::Udp(u)) => {
                let hr = self.range_of(u.header_slice());
                let pr = self.range_of(u.payload());
                self.d
                    .layers
                    .push(proto::udp::layer(self.hdr(hr), pr.clone()));
                let ports = (u.source_port(), u.destination_port());
                self.app(pr, Some((false, ports)));
            }
            Some(TransportSlice::Icmpv4(i)) => {
                let r = self.range_of(i.slice());
                let quoted = if proto::icmp::quotes_datagram(i.type_u8()) {
                    self.quoted(i.payload())
                } else {
                    Vec::new()
                };
                self.d.layers.push(proto::icmp::layer(self.hdr(r), quoted));
            }
            Some(TransportSlice::Icmpv6(i)) => {
                let r = self.range_of(i.slice());
                let quoted = if proto::icmpv6::quotes_datagram(i.type_u8()) {
                    self.quoted(i.payload())
                } else {
                    Vec::new()
                };
                self.d
                    .layers
                    .push(proto::icmpv6::layer(self.hdr(r), quoted));
            }
            Some(TransportSlice::Igmp(g)) => {
                let r = self.range_of(g.slice());
                self.d.layers.push(proto::igmp::layer(self.hdr(r)));
            }
            None => {}
        }
        if let (Some((SliceError::Len(l), layer)), Some((_, payload)), None) =
            (&sliced.stop_err, &ip_payload, &sliced.transport)
        {
            if l.len_source == LenSource::Slice {
                self.cut_transport(*layer, payload.clone(), declared_transport_len);
            }
        }
        if let (Some((SliceError::Len(l), layer)), None) = (&sliced.stop_err, &sliced.net) {
            if l.len_source == LenSource::Slice {
                // The EtherType, or else the version nibble, says which header was cut.
                let at = start + l.layer_start_offset;
                match layer {
                    EpLayer::Ipv4Header => self.cut_ip(at, false),
                    EpLayer::Ipv6Header => self.cut_ip(at, true),
                    EpLayer::IpHeader => self.cut_ip_of_version(at),
                    _ => {}
                }
            }
        }
        if let Some((err, layer)) = &sliced.stop_err {
            self.slice_error(err, *layer, start);
        } else if sliced.transport.is_none() {
            if let Some((number, range)) = ip_payload {
                if payload_fragmented {
                    self.stop(
                        StopKind::Unsupported,
                        "IP",
                        range.start,
                        "fragment of a larger datagram; the upper layers are in the reassembled datagram",
                    );
                } else if !range.is_empty() || number == 6 || number == 17 {
                    let name = crate::names::ip_protocol(number).unwrap_or("unknown");
                    self.stop(
                        StopKind::Unsupported,
                        "IP",
                        range.start,
                        format!("IP protocol {number} ({name}) is not decoded"),
                    );
                }
            }
        }
    }

    /// An Ethernet header the capture cut: tshark reads all 14 bytes before it shows any
    /// field, so the layer is there, with no field, and the bytes it has.
    fn cut_ethernet(&mut self) {
        let n = self.frame.len();
        if n == 0 {
            return;
        }
        let mut layer = proto::ethernet::layer(self.hdr(0..n), n);
        crate::partial::keep_captured(&mut layer, 0..proto::ethernet::HEADER_LEN, n);
        self.d.layers.push(layer);
    }

    /// An IP header the snapshot length cut at the frame's end: its captured fields, as
    /// tshark shows them (none when the frame ends where it starts: tshark still names it).
    fn cut_ip(&mut self, at: usize, v6: bool) {
        let end = self.frame.len();
        if at > end {
            return;
        }
        let h = self.hdr(at..end);
        let (mut layer, len) = if v6 {
            (proto::ipv6::layer(h, end..end), proto::ipv6::HEADER_LEN)
        } else {
            let ihl = (h.u8(0) & 0x0f) as usize * 4;
            let len = ihl.max(proto::ipv4::MIN_HEADER_LEN);
            (proto::ipv4::layer(h, len, end..end), len)
        };
        crate::partial::keep_captured(&mut layer, at..at + len, end);
        self.d.layers.push(layer);
    }

    /// [`Walk::cut_ip`] for the IP version the header's first nibble names (none when that
    /// byte was not captured, or names no IP version).
    fn cut_ip_of_version(&mut self, at: usize) {
        match self.frame.get(at).map(|b| b >> 4) {
            Some(4) => self.cut_ip(at, false),
            Some(6) => self.cut_ip(at, true),
            _ => {}
        }
    }

    /// A transport header that the snapshot length cut (`payload`, the IP payload, holds
    /// what was captured of it): its captured fields, as tshark shows them.
    fn cut_transport(&mut self, header: EpLayer, payload: Range<usize>, declared: Option<usize>) {
        let h = self.hdr(payload.clone());
        let end = payload.end;
        let (mut layer, len) = match header {
            EpLayer::TcpHeader => {
                let len = proto::tcp::Header(h).header_len();
                let seg_len = declared.map_or(0, |d| d.saturating_sub(len));
                (proto::tcp::layer(h, len, end..end, seg_len), len)
            }
            EpLayer::UdpHeader => (proto::udp::layer(h, end..end), proto::udp::HEADER_LEN),
            EpLayer::Icmpv4 => (proto::icmp::layer(h, Vec::new()), proto::icmp::HEADER_LEN),
            EpLayer::Icmpv6 => (
                proto::icmpv6::layer(h, Vec::new()),
                proto::icmpv6::HEADER_LEN,
            ),
            _ => return,
        };
        crate::partial::keep_captured(&mut layer, payload.start..payload.start + len, end);
        self.d.layers.push(layer);
    }

    /// The application layer over a transport payload; `transport` says whether it came
    /// over TCP, and its ports (DNS is known by its port, the rest by its bytes).
    fn app(&mut self, payload: Range<usize>, transport: Option<(bool, (u16, u16))>) {
        push_app_layers(self.frame, payload, transport, &mut self.d.layers);
    }

    /// Ethernet padding or trailer: bytes after the last layer's data (frames shorter than
    /// 60 bytes are padded by the sender's NIC).
    fn padding(&mut self) {
        let Some(last) = self.d.layers.last() else {
            return;
        };
        if self.d.stop.is_some() || last.protocol == crate::layer::Protocol::Ethernet {
            return;
        }
        let end = last.payload.end.max(last.header.end);
        if end >= self.frame.len() {
            return;
        }
        let r = end..self.frame.len();
        let all_zero = self.frame[r.clone()].iter().all(|&b| b == 0);
        let def = if all_zero {
            &hf::eth::PADDING
        } else {
            &hf::eth::TRAILER
        };
        if let Some(eth) = self
            .d
            .layers
            .iter_mut()
            .find(|l| l.protocol == crate::layer::Protocol::Ethernet)
        {
            eth.fields.push(Field::new(def, Value::Bytes, r));
        }
    }

    /// The fields of the datagram an ICMP error quotes (its IP header and first bytes).
    fn quoted(&self, payload: &'a [u8]) -> Vec<Field> {
        let Ok((ip, _)) = LaxIpSlice::from_slice(payload) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let (number, upper) = match &ip {
            LaxIpSlice::Ipv4(v4) => {
                let r = self.range_of(v4.header().slice());
                out.push(
                    Field::new(&hf::ip::QUOTED, Value::None, r.clone())
                        .with_children(proto::ipv4::fields(&self.hdr(r.clone()), r.len())),
                );
                (v4.payload().ip_number.0, v4.payload().payload)
            }
            LaxIpSlice::Ipv6(v6) => {
                let r = self.range_of(v6.header().slice());
                out.push(
                    Field::new(&hf::ipv6::QUOTED, Value::None, r.clone())
                        .with_children(proto::ipv6::fields(&self.hdr(r))),
                );
                (v6.payload().ip_number.0, v6.payload().payload)
            }
        };
        let h = self.hdr(self.range_of(upper));
        let have = h.len();
        let mut fields = Vec::new();
        let group = match number {
            6 => &hf::tcp::QUOTED,
            17 => &hf::udp::QUOTED,
            _ => return out,
        };
        if have >= 4 {
            let p = if number == 6 {
                [&hf::tcp::SRCPORT, &hf::tcp::DSTPORT]
            } else {
                [&hf::udp::SRCPORT, &hf::udp::DSTPORT]
            };
            fields.push(h.uint(p[0], 0..2));
            fields.push(h.uint(p[1], 2..4));
        }
        if have >= 8 {
            if number == 6 {
                fields.push(h.uint(&hf::tcp::SEQ_RAW, 4..8));
            } else {
                fields.push(h.uint(&hf::udp::LENGTH, 4..6));
                fields.push(h.uint(&hf::udp::CHECKSUM, 6..8));
            }
        }
        if !fields.is_empty() {
            out.push(Field::new(group, Value::None, h.abs(0..have.min(8))).with_children(fields));
        }
        out
    }

    fn slice_error(&mut self, err: &SliceError, layer: EpLayer, start: usize) {
        let protocol = protocol_of(layer);
        match err {
            SliceError::Len(l) => {
                let offset = start + l.layer_start_offset;
                let reason = match l.len_source {
                    LenSource::Slice => {
                        format!("needs {} bytes, {} captured", l.required_len, l.len)
                    }
                    src => format!(
                        "needs {} bytes, but {} allows only {}",
                        l.required_len,
                        len_source_name(src),
                        l.len
                    ),
                };
                let kind = if l.len_source == LenSource::Slice {
                    StopKind::Truncated
                } else {
                    StopKind::Malformed
                };
                self.stop(kind, protocol, offset, reason);
            }
            other => {
                let offset = self
                    .d
                    .layers
                    .last()
                    .map_or(start, |l| l.header.end.max(l.payload.start));
                self.stop(StopKind::Malformed, protocol, offset, other.to_string());
            }
        }
    }
}

fn protocol_of(layer: EpLayer) -> &'static str {
    use EpLayer::*;
    match layer {
        LinuxSllHeader => "Linux cooked capture",
        Ethernet2Header | EtherPayload => "Ethernet",
        VlanHeader => "VLAN",
        MacsecHeader | MacsecPacket => "MACsec",
        IpHeader | Ipv4Header | Ipv4Packet => "IPv4",
        IpAuthHeader => "IP Authentication Header",
        Ipv6Header | Ipv6Packet => "IPv6",
        Ipv6ExtHeader
        | Ipv6HopByHopHeader
        | Ipv6DestOptionsHeader
        | Ipv6RouteHeader
        | Ipv6FragHeader => "IPv6 extension header",
        UdpHeader | UdpPayload => "UDP",
        TcpHeader => "TCP",
        Icmpv4 | Icmpv4Timestamp | Icmpv4TimestampReply => "ICMP",
        Icmpv6 => "ICMPv6",
        Igmp => "IGMP",
        Arp => "ARP",
    }
}

fn len_source_name(src: LenSource) -> &'static str {
    match src {
        LenSource::Ipv4HeaderTotalLen => "the IPv4 Total Length",
        LenSource::Ipv6HeaderPayloadLen => "the IPv6 Payload Length",
        LenSource::UdpHeaderLen => "the UDP Length",
        LenSource::TcpHeaderLen => "the TCP header length",
        _ => "a length field",
    }
}

/// The application layers over `range` of `bytes` (a frame, or a reassembled message),
/// pushed onto `out`; `transport` says whether they came over TCP, and its ports (DNS is
/// known by its port, the rest by its bytes).
fn push_app_layers(
    bytes: &[u8],
    range: Range<usize>,
    transport: Option<(bool, (u16, u16))>,
    out: &mut Vec<Layer>,
) {
    if let Some((over_tcp, (src, dst))) = transport {
        if src == proto::dns::PORT || dst == proto::dns::PORT {
            if let Some(l) = proto::dns::layer(bytes, range.clone(), over_tcp) {
                out.push(l);
                return;
            }
        }
    }
    if matches!(transport, Some((true, _))) {
        if let Some(l) = proto::tls::layer(bytes, range.clone()) {
            out.push(l);
            return;
        }
    }
    if !range.is_empty() {
        proto::app::push_layers(bytes, range, out);
    }
}

/// Dissects a TCP segment's application bytes again as reassembly split them: the message
/// this segment completes, over its reassembled bytes (a second byte source), then the
/// messages of the segment's own, and none for bytes that begin a message later segments
/// finish (those are "TCP segment data", as in Wireshark).
pub(crate) fn redo_app_layers(
    d: &mut Dissection,
    frame: &[u8],
    split: &crate::analysis::reassembly::PduSplit,
) {
    use crate::layer::{Protocol, Source};
    let Some(t) = d.layers.iter().position(|l| l.protocol == Protocol::Tcp) else {
        return;
    };
    d.layers.truncate(t + 1);
    let tcp = &mut d.layers[t];
    let payload = tcp.payload.clone();
    let h = Hdr::new(
        frame.get(tcp.header.clone()).unwrap_or_default(),
        tcp.header.start,
    );
    let ports = (h.u16(0), h.u16(2));
    let own = split.own(payload.len());
    let own = payload.start + own.start..payload.start + own.end;
    // This segment's parts of messages that span segments.
    for part in [payload.start..own.start, own.end..payload.end] {
        if !part.is_empty() {
            tcp.fields
                .push(Field::new(&hf::tcp::SEGMENT_DATA, Value::Bytes, part));
        }
    }
    if let Some(r) = &split.completed {
        let tail = payload.start..own.start;
        let mut children: Vec<Field> = r
            .segments
            .iter()
            .map(|p| Field::new(&hf::tcp::SEGMENT, Value::Uint(p.frame as u64), tail.clone()))
            .collect();
        children.extend([
            Field::new(
                &hf::tcp::SEGMENT_COUNT,
                Value::Uint(r.segments.len() as u64),
                tail.clone(),
            ),
            Field::new(
                &hf::tcp::REASSEMBLED_LENGTH,
                Value::Uint(r.bytes.len() as u64),
                tail.clone(),
            ),
            Field::new(
                &hf::tcp::REASSEMBLED_DATA,
                Value::Blob(r.bytes.clone()),
                tail.clone(),
            ),
        ]);
        tcp.fields.push(
            Field::new(&hf::tcp::SEGMENTS, Value::None, tail)
                .meaning(segments_label(r))
                .with_children(children),
        );
        let first = d.layers.len();
        push_app_layers(
            &r.bytes,
            0..r.bytes.len(),
            Some((true, ports)),
            &mut d.layers,
        );
        for l in &mut d.layers[first..] {
            l.source = Source::Reassembled;
        }
        d.reassembled = Some(r.clone());
    }
    if !own.is_empty() {
        push_app_layers(frame, own, Some((true, ports)), &mut d.layers);
    }
}

/// "199 bytes from #6(186), #8(13)": the message's size and each frame's part, as
/// Wireshark heads the list ("[2 Reassembled TCP Segments (199 bytes): #6(186), #8(13)]").
fn segments_label(r: &crate::analysis::reassembly::Reassembled) -> String {
    use std::fmt::Write;
    let mut s = format!("{} bytes from ", r.bytes.len());
    for (i, p) in r.segments.iter().enumerate() {
        let sep = if i > 0 { ", " } else { "" };
        let _ = write!(s, "{sep}#{}({})", p.frame, p.len);
    }
    s
}
