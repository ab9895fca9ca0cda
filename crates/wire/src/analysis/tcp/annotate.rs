//! The analysis written into a frame's TCP layer: relative numbers, the stream index, the
//! scaled window and the `tcp.analysis` subtree, placed where tshark places them.

use super::TcpInfo;
use crate::field::{Field, Value};
use crate::layer::{Dissection, Protocol};
use crate::registry::{self as hf, FieldDef};

/// Fields to insert into a TCP layer, each before the field now at its index (at the end
/// for the length); at most six, kept without a heap allocation per packet.
struct Inserts {
    items: [(usize, Option<Field>); 6],
    len: usize,
}

impl Inserts {
    fn new() -> Self {
        Inserts {
            items: Default::default(),
            len: 0,
        }
    }

    fn push(&mut self, at: usize, f: Field) {
        self.items[self.len] = (at, Some(f));
        self.len += 1;
    }

    /// Inserts them all in one backward pass over `fields`, in place: each field moves at
    /// most once, and the vector (sized for them by the TCP layer) is not reallocated.
    /// Fields inserted at the same place keep the order they were pushed in.
    fn apply(mut self, fields: &mut Vec<Field>) {
        let new = &mut self.items[..self.len];
        // Stable, and on six items an insertion sort: no allocation.
        new.sort_by_key(|(at, _)| *at);
        let old_len = fields.len();
        // Placeholders, each overwritten below.
        fields.resize_with(old_len + new.len(), || {
            Field::new(&hf::tcp::ANALYSIS, Value::None, 0..0)
        });
        let mut dst = fields.len();
        let mut pending = new.len();
        // Invariant: dst == i + pending, so placing never overwrites an unmoved field.
        for i in (0..=old_len).rev() {
            while pending > 0 && new[pending - 1].0.min(old_len) == i {
                pending -= 1;
                dst -= 1;
                if let Some(f) = new[pending].1.take() {
                    fields[dst] = f;
                }
            }
            if pending == 0 {
                break;
            }
            if i > 0 {
                dst -= 1;
                fields.swap(dst, i - 1);
            }
        }
    }
}

/// Inserts the analysis fields into the frame's TCP layer.
pub fn annotate(d: &mut Dissection, info: &TcpInfo) {
    let Some(layer) = d.layers.iter_mut().find(|l| l.protocol == Protocol::Tcp) else {
        return;
    };
    let start = layer.header.start;
    let at_header = |r: std::ops::Range<usize>| start + r.start..start + r.end;
    let seq_r = at_header(crate::proto::tcp::field::SEQ);
    let ack_r = at_header(crate::proto::tcp::field::ACK);
    let win_r = at_header(crate::proto::tcp::field::WINDOW);
    // Each field is looked for first where `proto::tcp::layer` puts it (one compare instead
    // of a scan of some twenty names for every packet), then anywhere.
    use crate::proto::tcp::position as at;
    let pos = |fields: &Vec<Field>, hint: usize, def: &FieldDef| match fields.get(hint) {
        Some(f) if f.is(def) => Some(hint),
        _ => fields.iter().position(|f| f.is(def)),
    };
    // New fields go in by the index of the original field they precede, all in one pass:
    // inserting one by one shifted the whole field list each time.
    let mut new = Inserts::new();
    let f = &layer.fields;
    if let Some(i) = pos(f, at::DST_PORT, &hf::tcp::DSTPORT) {
        new.push(
            i + 1,
            Field::new(
                &hf::tcp::STREAM,
                Value::Uint(info.stream as u64),
                start..start,
            ),
        );
    }
    if let Some(i) = pos(f, at::SEQ_RAW, &hf::tcp::SEQ_RAW) {
        new.push(
            i,
            Field::new(&hf::tcp::SEQ, Value::Uint(info.seq as u64), seq_r.clone())
                .meaning("relative sequence number"),
        );
        new.push(
            i + 1,
            Field::new(&hf::tcp::NXTSEQ, Value::Uint(info.nxtseq as u64), seq_r)
                .meaning("relative sequence number"),
        );
    }
    let mut raw_ack = 0;
    if let Some(i) = pos(f, at::ACK_RAW, &hf::tcp::ACK_RAW) {
        raw_ack = f[i].as_u64().unwrap_or(0) as u32;
        new.push(
            i,
            Field::new(&hf::tcp::ACK, Value::Uint(info.ack as u64), ack_r)
                .meaning("relative ack number"),
        );
    }
    if let Some(i) = pos(f, at::WINDOW, &hf::tcp::WINDOW_SIZE_VALUE) {
        new.push(
            i + 1,
            Field::new(
                &hf::tcp::WINDOW_SIZE,
                Value::Uint(info.window as u64),
                win_r.clone(),
            ),
        );
        if let Some(scale) = info.scale {
            let factor = scale.factor();
            let mut sf = Field::new(
                &hf::tcp::WINDOW_SIZE_SCALEFACTOR,
                Value::Uint(factor.max(0) as u64),
                win_r.clone(),
            );
            if factor < 0 {
                sf.value = Value::Int(factor);
                sf = sf.meaning(if factor == -1 {
                    "unknown"
                } else {
                    "no window scaling used"
                });
            }
            new.push(i + 1, sf);
        }
    }
    // SACK edges are relative to the peer's base, like the ACK number.
    if let Some(i) = pos(&layer.fields, at::OPTIONS, &hf::tcp::OPTIONS) {
        let base = raw_ack.wrapping_sub(info.ack);
        let sacks = layer.fields[i]
            .children
            .iter_mut()
            .filter(|x| x.is(&hf::tcp::OPTIONS_SACK));
        for sack in sacks {
            for edge in sack.children.iter_mut() {
                if edge.is(&hf::tcp::OPTIONS_SACK_LE) || edge.is(&hf::tcp::OPTIONS_SACK_RE) {
                    if let Value::Uint(v) = edge.value {
                        edge.value = Value::Uint((v as u32).wrapping_sub(base) as u64);
                    }
                }
            }
        }
    }
    new.apply(&mut layer.fields);
    let notes = info.notes.list();
    let mut children: Vec<Field> = Vec::new();
    // First, as tshark puts them: which segment this acknowledges, and how long it took.
    if let Some((frame, rtt)) = info.acks {
        children.push(Field::new(
            &hf::tcp::ANALYSIS_ACKS_FRAME,
            Value::Uint(frame as u64),
            start..start,
        ));
        // tshark leaves out a round trip of zero.
        if rtt != 0 {
            children.push(Field::new(
                &hf::tcp::ANALYSIS_ACK_RTT,
                Value::Nanos(rtt as i64),
                start..start,
            ));
        }
    }
    if let Some(role) = info.role {
        children.push(Field::new(
            &hf::tcp::CONNECTION_ROLE,
            Value::Text(role.name().into()),
            start..start,
        ));
    }
    for (def, text) in notes {
        children.push(Field::new(def, Value::Bool(true), start..start).meaning(text));
    }
    children.push(Field::new(
        &hf::tcp::STATE_CLIENT,
        Value::Text(info.client_state.name().into()),
        start..start,
    ));
    children.push(Field::new(
        &hf::tcp::STATE_SERVER,
        Value::Text(info.server_state.name().into()),
        start..start,
    ));
    layer
        .fields
        .push(Field::new(&hf::tcp::ANALYSIS, Value::None, start..start).with_children(children));
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 12] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];

    /// Fields told apart by their labels.
    fn named(name: &'static str) -> Field {
        Field::new(&hf::tcp::ANALYSIS, Value::None, 0..0).label(name)
    }

    /// In-place insertion gives the order of the obvious way: before each old field, the new
    /// ones for its index in the order pushed; past the end, the rest by index.
    #[test]
    fn inserts_land_before_their_field_in_push_order() {
        let cases: &[(usize, &[usize])] = &[
            (5, &[]),
            (5, &[0]),
            (5, &[5]),
            (5, &[9]),
            (0, &[0, 0]),
            (6, &[1, 3, 4, 4, 7, 7]),
            (6, &[7, 4, 1, 4, 0, 6]),
            (10, &[2, 2, 2, 2, 2, 2]),
        ];
        for &(old_len, at) in cases {
            let mut fields: Vec<Field> = NAMES[..old_len].iter().map(|n| named(n)).collect();
            let mut new = Inserts::new();
            let mut want: Vec<Vec<&str>> = vec![Vec::new(); old_len + 1];
            let mut sorted = Vec::new();
            for (k, &i) in at.iter().enumerate() {
                let name = ["0", "1", "2", "3", "4", "5"][k];
                new.push(i, named(name));
                sorted.push((i, name));
            }
            sorted.sort_by_key(|(i, _)| *i);
            for (i, name) in sorted {
                want[i.min(old_len)].push(name);
            }
            for (i, n) in NAMES[..old_len].iter().enumerate() {
                want[i].push(n);
            }
            new.apply(&mut fields);
            let got: Vec<&str> = fields.iter().map(|f| f.name()).collect();
            assert_eq!(got, want.concat(), "{old_len} {at:?}");
        }
    }
}
