//! The selected packet, dissected in full, and the field a click or the pointer marks in
//! every pane.

use std::ops::Range;

use layerscope_wire::layer::Source;
use layerscope_wire::{Dissection, Field};

use crate::store::PacketStore;

/// The bytes a clicked field covers, shared by the layers tree, the header diagram and the
/// hex pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub bytes: Range<usize>,
    /// For flags and other sub-byte fields: first bit and width.
    pub bits: Option<(u8, u8)>,
    /// The field's or protocol's Wireshark name.
    pub abbrev: &'static str,
    /// Which bytes `bytes` counts in: the frame, or the message reassembled from several
    /// segments (the hex pane's second tab).
    pub source: Source,
}

impl Highlight {
    /// A field of a layer dissected from `source`.
    pub fn of(field: &Field, source: Source) -> Highlight {
        Highlight {
            bytes: field.bytes.clone(),
            bits: field.bits,
            abbrev: field.abbrev(),
            source,
        }
    }
}

/// The selected packet, dissected in full.
pub struct Detail {
    pub index: u32,
    pub dissection: Dissection,
    pub data: Vec<u8>,
    pub orig_len: u32,
}

#[derive(Default)]
pub struct Selection {
    /// The packet selected (0-based position in the store).
    pub selected: Option<u32>,
    pub detail: Option<Detail>,
    /// The field a click chose.
    pub highlight: Option<Highlight>,
    /// The field under the pointer in any pane, shown outlined in the others: `hover_next`
    /// collects this frame's, `hover` is last frame's.
    pub hover: Option<Highlight>,
    pub hover_next: Option<Highlight>,
}

impl Selection {
    /// Selects packet `index` and dissects it for the detail panes.
    pub fn select(&mut self, store: &PacketStore, index: u32) {
        if self.selected == Some(index) && self.detail.is_some() {
            return;
        }
        let Some(p) = store.get(index) else {
            return;
        };
        let d = crate::store::dissect_annotated(store.link, p.data, p.analysis);
        self.detail = Some(Detail {
            index,
            dissection: d,
            data: p.data.to_vec(),
            orig_len: p.meta.orig_len,
        });
        self.selected = Some(index);
        self.highlight = None;
    }

    /// Nothing selected.
    pub fn clear(&mut self) {
        self.selected = None;
        self.detail = None;
        self.highlight = None;
    }

    /// The most specific field covering a byte of the selected packet's `source` (or its
    /// layer's header when no field does).
    pub fn field_at(&self, source: Source, offset: usize) -> Option<Highlight> {
        let detail = self.detail.as_ref()?;
        detail
            .dissection
            .field_at_in(source, offset)
            .map(|f| Highlight::of(f, source))
            .or_else(|| {
                let l = detail.dissection.layer_at_in(source, offset)?;
                Some(Highlight {
                    bytes: l.header.clone(),
                    bits: None,
                    abbrev: l.protocol.abbrev(),
                    source,
                })
            })
    }

    /// Makes this frame's hover the one the panes show; true when it changed.
    pub fn end_hover_frame(&mut self) -> bool {
        let hover = self.hover_next.take();
        let changed = hover != self.hover;
        self.hover = hover;
        changed
    }
}
