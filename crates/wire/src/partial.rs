//! Headers cut short by the snapshot length, shown as far as their bytes go.
//!
//! Captures taken with `tcpdump -s 60` (or 68, 96: old defaults still found in course
//! material) keep only the first bytes of each frame. tshark still shows every field of a
//! cut header whose bytes were captured, in order, and stops at the first one that was not
//! ("[Packet size limited during capture]"). We do the same in one place for every
//! protocol: the protocol module builds its layer as if the header were whole (its byte
//! readers give 0 past the captured bytes), and [`keep_captured`] then cuts the field list
//! where tshark's dissector would have stopped reading.

use std::ops::Range;

use crate::field::Field;
use crate::layer::{Layer, Protocol};

/// Cuts `layer`, whose header should span `declared` but whose bytes end at `captured`,
/// down to the fields tshark shows, and records the missing part of the header.
pub fn keep_captured(layer: &mut Layer, declared: Range<usize>, captured: usize) {
    let captured = captured.clamp(declared.start, declared.end);
    layer.header = declared.start..captured;
    layer.missing = captured..declared.end;
    layer.payload = captured..captured;
    let have = captured - declared.start;
    // The dissector reads a run of first bytes into variables before it adds the fields
    // past some point: with fewer captured, only the fields before that point appear.
    if let Some(&(_, shown)) = reads_before_tree(layer.protocol)
        .iter()
        .find(|(needs, _)| have < *needs)
    {
        layer.fields.truncate(shown);
    }
    prune(&mut layer.fields, captured);
}

/// For protocols whose dissector reads runs of header bytes before adding fields: (bytes
/// it reads up front, fields added before that read), in the order it reads them.
///
/// TCP and UDP read both ports before adding either; TCP then reads sequence and
/// acknowledgment numbers, flags and window (16 bytes) before it looks up the conversation
/// and adds anything past the ports. ICMP reads type, code and checksum first; Ethernet
/// its whole header.
fn reads_before_tree(protocol: Protocol) -> &'static [(usize, usize)] {
    match protocol {
        Protocol::Tcp => &[(4, 0), (16, 2)],
        Protocol::Udp | Protocol::Icmp | Protocol::Icmpv6 => &[(4, 0)],
        Protocol::Ethernet => &[(14, 0)],
        _ => &[],
    }
}

/// Keeps the fields whose bytes end within `captured`, in order, up to the first that
/// does not. A grouping field that starts within the captured bytes (TCP options, an
/// option whose value was cut) stays, clipped, with the children that fit: tshark adds
/// such a node before it reads inside it. Returns whether the list was cut.
fn prune(fields: &mut Vec<Field>, captured: usize) -> bool {
    for i in 0..fields.len() {
        let f = &mut fields[i];
        if f.bytes.end <= captured {
            continue;
        }
        let keep = f.bytes.start < captured && !f.children.is_empty();
        if keep {
            f.bytes.end = captured;
            prune(&mut f.children, captured);
        }
        fields.truncate(i + keep as usize);
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Value;

    /// Fields told apart by their labels.
    fn leaf(name: &'static str, bytes: Range<usize>) -> Field {
        Field::new(&crate::registry::udp::LENGTH, Value::Uint(0), bytes).label(name)
    }

    #[test]
    fn fields_past_the_cut_go_and_a_cut_group_keeps_what_fits() {
        let mut l = Layer::new(Protocol::Udp, 0..8, 8..20);
        l.fields = vec![
            leaf("a", 0..2),
            leaf("b", 2..4),
            Field::new(&crate::registry::udp::PAYLOAD, Value::Bytes, 4..10)
                .label("g")
                .with_children(vec![leaf("g1", 4..5), leaf("g2", 5..7), leaf("g3", 7..10)]),
            leaf("c", 10..12),
        ];
        keep_captured(&mut l, 0..12, 6);
        let names: Vec<_> = l.all_fields().map(|f| f.name()).collect();
        assert_eq!(names, ["a", "b", "g", "g1"]);
        assert_eq!(l.fields[2].bytes, 4..6);
        assert_eq!((l.header.clone(), l.missing.clone()), (0..6, 6..12));
        assert!(l.payload.is_empty());
    }

    #[test]
    fn tcp_shows_only_its_ports_until_the_window_was_captured() {
        let mut l = Layer::new(Protocol::Tcp, 0..20, 20..20);
        l.fields = vec![
            leaf("tcp.srcport", 0..2),
            leaf("tcp.dstport", 2..4),
            leaf("tcp.seq_raw", 4..8),
            leaf("tcp.window_size_value", 14..16),
        ];
        let mut cut = l.clone();
        keep_captured(&mut cut, 0..20, 14);
        assert_eq!(cut.fields.len(), 2);
        keep_captured(&mut l, 0..20, 16);
        assert_eq!(l.fields.len(), 4);
    }
}
