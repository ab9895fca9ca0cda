//! UDP conversations: `udp.stream` numbers in order of first appearance.

use crate::registry as hf;
use std::collections::HashMap;

use super::endpoint::{Datagram, Endpoint};
use crate::field::{Field, Value};
use crate::layer::{Dissection, Protocol};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UdpInfo {
    pub stream: u32,
    /// True when this datagram goes from the conversation's first sender.
    pub from_initiator: bool,
    /// The datagram is quoted in an ICMP error rather than carried by this frame.
    pub quoted: bool,
}

/// One UDP conversation.
#[derive(Clone, Debug)]
pub struct UdpConversation {
    pub initiator: Endpoint,
    pub responder: Endpoint,
    pub frames: Vec<u32>,
}

#[derive(Default)]
pub struct Tracker {
    index: HashMap<(Endpoint, Endpoint), u32>,
    pub conversations: Vec<UdpConversation>,
}

impl Tracker {
    pub fn observe(&mut self, number: u32, d: &Datagram) -> UdpInfo {
        let key = if d.src <= d.dst {
            (d.src, d.dst)
        } else {
            (d.dst, d.src)
        };
        let next = self.conversations.len() as u32;
        let stream = *self.index.entry(key).or_insert(next);
        if stream == next {
            self.conversations.push(UdpConversation {
                initiator: d.src,
                responder: d.dst,
                frames: Vec::new(),
            });
        }
        let conv = &mut self.conversations[stream as usize];
        conv.frames.push(number);
        UdpInfo {
            stream,
            from_initiator: conv.initiator == d.src,
            quoted: false,
        }
    }
}

pub fn annotate(d: &mut Dissection, info: &UdpInfo) {
    if info.quoted {
        // tshark adds the stream to the quoted UDP header inside the ICMP error.
        let group = d
            .layers
            .iter_mut()
            .filter(|l| matches!(l.protocol, Protocol::Icmp | Protocol::Icmpv6))
            .flat_map(|l| l.fields.iter_mut())
            .find(|f| f.is(&hf::udp::QUOTED));
        if let Some(g) = group {
            let r = g.bytes.start..g.bytes.start;
            g.children.push(Field::new(
                &hf::udp::STREAM,
                Value::Uint(info.stream as u64),
                r,
            ));
        }
        return;
    }
    let Some(layer) = d.layers.iter_mut().find(|l| l.protocol == Protocol::Udp) else {
        return;
    };
    let at = layer
        .fields
        .iter()
        .position(|f| f.is(&hf::udp::CHECKSUM))
        .map_or(layer.fields.len(), |i| i + 1);
    let r = layer.header.start..layer.header.start;
    layer.fields.insert(
        at,
        Field::new(&hf::udp::STREAM, Value::Uint(info.stream as u64), r),
    );
}
