//! Which packets belong to which TCP stream and UDP conversation, for the ladder's stream
//! picker. Built only when the ladder is shown, and brought up to date with new packets
//! (a live capture) each time, so large captures pay nothing until it is used.

use layerscope_wire::Analysis;

use crate::diagram::ladder::Kind;
use crate::store::PacketStore;

#[derive(Default)]
pub struct StreamIndex {
    pub tcp: Vec<Vec<u32>>,
    pub udp: Vec<Vec<u32>>,
    indexed: usize,
}

impl StreamIndex {
    /// Indexes the packets added since the last call.
    pub fn update(&mut self, store: &PacketStore) {
        while self.indexed < store.len() {
            let Some(p) = store.get(self.indexed as u32) else {
                break;
            };
            let (list, stream) = match p.analysis {
                Analysis::Tcp(t) => (&mut self.tcp, t.stream),
                Analysis::Udp(u) => (&mut self.udp, u.stream),
                Analysis::None => {
                    self.indexed += 1;
                    continue;
                }
            };
            let s = stream as usize;
            if list.len() <= s {
                list.resize_with(s + 1, Vec::new);
            }
            list[s].push(self.indexed as u32);
            self.indexed += 1;
        }
    }

    pub fn frames(&self, kind: Kind, stream: u32) -> &[u32] {
        let list = match kind {
            Kind::Tcp => &self.tcp,
            Kind::Udp => &self.udp,
        };
        list.get(stream as usize).map_or(&[], Vec::as_slice)
    }

    /// The stream a packet belongs to.
    pub fn stream_of(analysis: &Analysis) -> Option<(Kind, u32)> {
        match analysis {
            Analysis::Tcp(t) => Some((Kind::Tcp, t.stream)),
            Analysis::Udp(u) => Some((Kind::Udp, u.stream)),
            Analysis::None => None,
        }
    }
}
