//! Every field the dissector can emit, defined once.
//!
//! Wireshark declares each field in one `hf_register_info` table (name, abbrev, type, base,
//! blurb) and every other part of it refers to that entry; this module is ours. A [`Field`]
//! points at its [`FieldDef`]; the display filter resolves names here, the explanations
//! live here, and the printers read the pieces precomputed here. Outside this module a
//! field is named by its definition (`&tcp::SRCPORT`), never by a string.
//!
//! [`Field`]: crate::field::Field

use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::field::Base;

/// The family of a field's value, as tshark types it (`FT_UINT16` and `FT_UINT32` are both
/// [`Kind::Uint`]). A test holds every definition against `tshark -G fields`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Uint,
    Int,
    Bool,
    Mac,
    Ipv4,
    Ipv6,
    Text,
    Bytes,
    /// A grouping node with no value of its own.
    None,
    /// Seconds, relative to the first frame.
    Time,
}

/// Whose name a field carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Wireshark's own field: same name, same type family.
    Wireshark,
    /// A field Wireshark does not have (the endpoints' TCP states, the option groups tshark
    /// draws as bare subtrees); exempt from the check against tshark.
    Ours,
}

/// One field's definition.
#[derive(Debug)]
pub struct FieldDef {
    /// Wireshark's display-filter name (`tcp.srcport`): the JSON key and the filter name.
    pub abbrev: &'static str,
    /// The abbrev in quotes, as JSON writes the key.
    pub json_key: &'static str,
    /// The label Wireshark shows in the packet details ("Source Port").
    pub name: &'static str,
    pub kind: Kind,
    pub base: Base,
    /// What the field is and why it exists, in plain language; other languages find their
    /// text by the abbrev.
    pub explanation: &'static str,
    pub origin: Origin,
    /// Computed from the conversation or restating other fields (Wireshark's "generated"
    /// fields, drawn in brackets), not bytes of the header of their own.
    pub generated: bool,
}

impl PartialEq for FieldDef {
    /// Definitions are statics: one is equal only to itself.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for FieldDef {}

impl std::hash::Hash for FieldDef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self, state)
    }
}

/// Declares a protocol's field definitions and the list of them, `ALL`.
macro_rules! fields {
    ($(
        $id:ident $($flag:ident)* = $abbrev:literal, $name:literal, $kind:ident,
            $base:ident $(($digits:literal))?, $explanation:expr;
    )*) => {
        $(
            pub static $id: $crate::registry::FieldDef = $crate::registry::FieldDef {
                abbrev: $abbrev,
                json_key: concat!("\"", $abbrev, "\""),
                name: $name,
                kind: $crate::registry::Kind::$kind,
                base: $crate::registry::Base::$base $(($digits))?,
                explanation: $explanation,
                origin: fields!(@origin $($flag)*),
                generated: fields!(@generated $($flag)*),
            };
        )*
        /// Every definition of this protocol.
        pub static ALL: &[&$crate::registry::FieldDef] = &[$(&$id),*];
    };
    // Flags after a definition's name: `ours` (not a Wireshark field), `generated`.
    (@origin) => { $crate::registry::Origin::Wireshark };
    (@origin ours $($rest:ident)*) => { $crate::registry::Origin::Ours };
    (@origin $other:ident $($rest:ident)*) => { fields!(@origin $($rest)*) };
    (@generated) => { false };
    (@generated generated $($rest:ident)*) => { true };
    (@generated $other:ident $($rest:ident)*) => { fields!(@generated $($rest)*) };
}

pub mod arp;
pub mod data;
pub mod dns;
pub mod eth;
pub mod frame;
pub mod http;
pub mod icmp;
pub mod icmpv6;
pub mod igmp;
pub mod ip;
pub mod ipv6;
pub mod json;
pub mod null;
pub mod sll;
pub mod tcp;
pub mod tls;
pub mod udp;
pub mod vlan;

/// Every field definition, protocol by protocol.
pub fn all() -> impl Iterator<Item = &'static FieldDef> {
    [
        eth::ALL,
        vlan::ALL,
        sll::ALL,
        null::ALL,
        arp::ALL,
        ip::ALL,
        ipv6::ALL,
        icmp::ALL,
        icmpv6::ALL,
        igmp::ALL,
        tcp::ALL,
        udp::ALL,
        data::ALL,
        http::ALL,
        json::ALL,
        dns::ALL,
        tls::ALL,
        frame::ALL,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The definition of a Wireshark field name, if we emit that field.
pub fn by_abbrev(abbrev: &str) -> Option<&'static FieldDef> {
    static INDEX: OnceLock<HashMap<&'static str, &'static FieldDef>> = OnceLock::new();
    INDEX
        .get_or_init(|| all().map(|d| (d.abbrev, d)).collect())
        .get(abbrev)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_defined_once_and_explained() {
        let mut seen = std::collections::HashSet::new();
        for d in all() {
            assert!(seen.insert(d.abbrev), "{} defined twice", d.abbrev);
            assert!(!d.explanation.is_empty(), "{} has no explanation", d.abbrev);
            assert_eq!(d.json_key, format!("\"{}\"", d.abbrev));
            assert!(by_abbrev(d.abbrev).is_some_and(|found| std::ptr::eq(found, d)));
        }
        assert!(by_abbrev("tcp.nonesuch").is_none());
    }
}
