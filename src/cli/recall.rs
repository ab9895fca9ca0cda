//! What the printers remember of the layers they printed, so the next packet's text is
//! mostly copied rather than formatted.
//!
//! Packets of one capture repeat a few layer shapes (a SYN's TCP options, an ACK's, a data
//! segment's), and most of a shape's lines or members read the same from packet to packet
//! (versions, flags, protocol numbers, loopback addresses, TCP states). So a printer keeps,
//! per layer shape, what each item (line, member) was made of and where its text is in the
//! output buffer; an item whose inputs equal last time's is copied from there, and
//! consecutive copies go in one run. The text is not kept anywhere else: copying each
//! layer's text aside for the next packet cost as much time as the reuse saved.

use layerscope_wire::registry::FieldDef;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use layerscope_wire::{Layer, Pdu, Protocol, TcpIpLayer};

/// A printer's memories, one per layer shape, found by a hash of the shape.
pub struct Memories<M> {
    by_shape: HashMap<u64, (Vec<Part>, M), BuildHasherDefault<ShapeHasher>>,
}

/// One field of a layer's shape: its definition, compared by address, and its depth, for
/// printers whose output shows it.
pub type Part = (&'static FieldDef, usize);

impl<M> Default for Memories<M> {
    fn default() -> Self {
        Memories {
            by_shape: HashMap::default(),
        }
    }
}

/// More shapes than any capture we have seen mixes; a capture that has more (a fuzzer's)
/// starts the memories over rather than growing them without bound.
const MAX_SHAPES: usize = 1024;

impl<M: Default> Memories<M> {
    /// The memory of the layer shape `shape`, and whether it is new: a fresh memory the
    /// caller has to teach the shape's layout.
    pub fn get<I>(&mut self, shape: I) -> (&mut M, bool)
    where
        I: ExactSizeIterator<Item = Part> + Clone,
    {
        let hash = shape.clone().fold(shape.len() as u64, |h, (name, depth)| {
            (h ^ (name as *const FieldDef as u64) ^ (depth as u64) << 56)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
        if self.by_shape.len() >= MAX_SHAPES && !self.by_shape.contains_key(&hash) {
            self.by_shape.clear();
        }
        let (known, memory) = self.by_shape.entry(hash).or_default();
        let same = known.len() == shape.len()
            && (known.iter().zip(shape.clone()))
                .all(|(k, (name, depth))| std::ptr::eq(k.0, name) && k.1 == depth);
        if !same {
            known.clear();
            known.extend(shape);
            *memory = M::default();
        }
        (memory, !same)
    }

    #[cfg(test)]
    pub fn all(&self) -> impl Iterator<Item = &M> {
        self.by_shape.values().map(|(_, m)| m)
    }
}

/// The shape hash is a hash already: the table uses it as it is.
#[derive(Default)]
struct ShapeHasher(u64);

impl Hasher for ShapeHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A buffer the printers write into and copy from: what they wrote stays where it is until
/// the buffer is taken back, so an item that reads as it did in an earlier packet is copied
/// from there, without keeping a copy of its own. Each buffer has an identity of its own,
/// so a memory never copies from a buffer other than the one it remembers.
pub struct Printed {
    bytes: Vec<u8>,
    id: u64,
}

static NEXT_BUFFER: AtomicU64 = AtomicU64::new(1);

impl Printed {
    pub fn new(bytes: Vec<u8>) -> Printed {
        Printed {
            bytes,
            id: NEXT_BUFFER.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The buffer, to append to (only: the printers copy from what it holds).
    pub fn append(&mut self) -> &mut Vec<u8> {
        &mut self.bytes
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

/// Where a layer's items (lines, members) are in the buffer they were last printed into.
#[derive(Default)]
pub struct Recall {
    buffer: u64,
    items: Vec<Range<usize>>,
}

impl Recall {
    /// Starts printing the layer's `items` items into `out`.
    pub fn print<'a>(&'a mut self, out: &'a mut Printed, items: usize) -> Printing<'a> {
        let reusable = self.buffer == out.id && self.items.len() == items;
        self.buffer = out.id;
        self.items.resize(items, 0..0);
        Printing {
            items: &mut self.items,
            out: &mut out.bytes,
            reusable,
            run: 0..0,
            fresh_at: 0,
        }
    }
}

/// One layer being printed: every item either [`reuse`](Printing::reuse)d or written
/// between [`fresh`](Printing::fresh) and [`written`](Printing::written), in order.
pub struct Printing<'a> {
    items: &'a mut Vec<Range<usize>>,
    out: &'a mut Vec<u8>,
    reusable: bool,
    /// Text of an earlier packet waiting to be copied: items that read the same.
    run: Range<usize>,
    fresh_at: usize,
}

impl Printing<'_> {
    /// Whether the items' earlier text is at hand (printed with this shape into this
    /// buffer); when not, every item is written afresh.
    #[inline]
    pub fn reusable(&self) -> bool {
        self.reusable
    }

    /// Item `i` reads as last time: its text is copied. Only when [`reusable`].
    ///
    /// [`reusable`]: Printing::reusable
    #[inline]
    pub fn reuse(&mut self, i: usize) {
        let at = self.out.len() + self.run.len();
        let last = self.items[i].clone();
        if self.run.end == last.start {
            self.run.end = last.end;
        } else {
            self.flush();
            self.run = last.clone();
        }
        self.items[i] = at..at + last.len();
    }

    /// Where to write item `i` afresh; [`written`](Printing::written) follows.
    #[inline]
    pub fn fresh(&mut self) -> &mut Vec<u8> {
        self.flush();
        self.run = 0..0;
        self.fresh_at = self.out.len();
        self.out
    }

    #[inline]
    fn flush(&mut self) {
        if !self.run.is_empty() {
            self.out.extend_from_within(self.run.clone());
        }
    }

    /// Item `i`, just written after [`fresh`](Printing::fresh), ends here.
    #[inline]
    pub fn written(&mut self, i: usize) {
        self.items[i] = self.fresh_at..self.out.len();
    }

    /// Copies what remains.
    pub fn finish(mut self) {
        self.flush();
    }
}

/// A layer's description (protocol, placement in the models, byte ranges) and the text last
/// printed for it: the same for every packet of a flow.
#[derive(Default)]
pub struct Heading {
    last: Option<HeadingKey>,
    text: Vec<u8>,
}

#[derive(PartialEq)]
struct HeadingKey {
    protocol: Protocol,
    osi: u8,
    tcpip: TcpIpLayer,
    pdu: Pdu,
    header: Range<usize>,
    payload: Range<usize>,
    missing: Range<usize>,
}

impl Heading {
    /// Writes the heading of `l` as `write` formats it, or last time's text when `l` is
    /// described the same.
    pub fn write(
        &mut self,
        out: &mut Vec<u8>,
        l: &Layer,
        write: impl FnOnce(&mut Vec<u8>, &Layer),
    ) {
        let key = HeadingKey {
            protocol: l.protocol,
            osi: l.osi,
            tcpip: l.tcpip,
            pdu: l.pdu,
            header: l.header.clone(),
            payload: l.payload.clone(),
            missing: l.missing.clone(),
        };
        if self.last.as_ref() != Some(&key) {
            self.text.clear();
            write(&mut self.text, l);
            self.last = Some(key);
        }
        out.extend_from_slice(&self.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items reused and written in any mix come out as written, and later packets copy the
    /// ones they reuse from where they ended up; a new buffer has nothing to copy from.
    #[test]
    fn reused_items_read_as_last_printed() {
        let mut recall = Recall::default();
        let packets: [&[&str]; 5] = [
            &["a", "bb", "ccc", "d"],
            &["a", "XX", "ccc", "d"],
            &["a", "XX", "c", "Y"],
            &["a", "XX", "c", "Y"],
            &["a", "XX", "c", "Y"],
        ];
        let mut last: Vec<&str> = Vec::new();
        let mut out = Printed::new(b"prefix".to_vec());
        for (n, items) in packets.into_iter().enumerate() {
            if n == 4 {
                out = Printed::new(b"prefix".to_vec());
            }
            let start = out.as_bytes().len();
            let mut p = recall.print(&mut out, items.len());
            assert_eq!(p.reusable(), n > 0 && n < 4, "packet {n}");
            for (i, item) in items.iter().enumerate() {
                if p.reusable() && last.get(i) == Some(item) {
                    p.reuse(i);
                } else {
                    p.fresh().extend_from_slice(item.as_bytes());
                    p.written(i);
                }
            }
            p.finish();
            assert_eq!(
                String::from_utf8_lossy(&out.as_bytes()[start..]),
                items.concat()
            );
            last = items.to_vec();
        }
    }
}
