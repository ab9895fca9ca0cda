//! The field registry against Wireshark's own: every field we emit under a Wireshark name
//! is one tshark knows, of the same type family; every value we emit has its field's type.

use std::collections::HashMap;
use std::process::Command;

use layerscope_wire::registry::{self, FieldDef, Kind, Origin};
use layerscope_wire::Value;

use crate::util::{require, root};

/// Fields whose tshark type is of another family than ours, and why we keep ours; a name
/// ending in "." stands for every field under it.
const TYPE_DIFFERS: &[(&str, &str)] = &[
    (
        "http.file_data",
        "tshark 4 types it as text; the message body need not be text",
    ),
    (
        "icmpv6.opt",
        "a subtree in tshark; we give the option's bytes",
    ),
    (
        "ipv6.opt",
        "a subtree in tshark; we give the option's bytes",
    ),
    (
        "icmpv6.opt.linkaddr",
        "bytes in tshark; a 6-byte address reads (and prints) as a MAC",
    ),
    (
        "tcp.flags.res",
        "a boolean over a 3-bit mask in tshark; we show the 3-bit number",
    ),
    (
        "vlan.dei",
        "a boolean in tshark; we show the bit as a number, like the tag's others",
    ),
    (
        "tcp.options.",
        "each option is a protocol in tshark; we give the option's bytes",
    ),
    (
        "tcp.analysis.",
        "an expert note is a bare label in tshark; ours is set, with its text",
    ),
    (
        "tcp.connection.rst",
        "an expert note is a bare label in tshark; ours is set, with its text",
    ),
];

fn excused(abbrev: &str) -> bool {
    TYPE_DIFFERS.iter().any(|(a, _)| match a.strip_suffix('.') {
        Some(prefix) => abbrev.starts_with(prefix) && abbrev[prefix.len()..].starts_with('.'),
        None => *a == abbrev,
    })
}

/// The tshark types (`FT_UINT16`, or `PROTOCOL` for a protocol) a kind stands for.
fn family(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Uint | Kind::Int => &["FT_UINT", "FT_INT", "FT_FRAMENUM"],
        Kind::Bool => &["FT_BOOLEAN"],
        Kind::Mac => &["FT_ETHER"],
        Kind::Ipv4 => &["FT_IPv4"],
        Kind::Ipv6 => &["FT_IPv6"],
        Kind::Text => &["FT_STRING"],
        Kind::Bytes => &["FT_BYTES"],
        Kind::None => &["FT_NONE", "PROTOCOL"],
        Kind::Time => &["FT_RELATIVE_TIME"],
    }
}

/// Every field and protocol tshark registers, with its type.
fn tshark_fields() -> HashMap<String, String> {
    let out = Command::new("tshark")
        .args(["-G", "fields"])
        .output()
        .expect("tshark runs");
    assert!(out.status.success(), "tshark -G fields failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["F", _, abbrev, ty, ..] => Some((abbrev.to_string(), ty.to_string())),
                ["P", _, abbrev, ..] => Some((abbrev.to_string(), "PROTOCOL".to_string())),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn every_wireshark_field_is_tsharks_with_the_same_type_family() {
    if !require("tshark") {
        return;
    }
    let tshark = tshark_fields();
    assert!(
        tshark.len() > 10_000,
        "tshark listed {} fields",
        tshark.len()
    );
    let mut problems = Vec::new();
    let mut checked = 0;
    for def in registry::all() {
        let known = tshark.get(def.abbrev);
        match (def.origin, known) {
            (Origin::Ours, Some(ty)) => problems.push(format!(
                "{} is marked ours, but tshark has it ({ty}): use it as Wireshark's",
                def.abbrev
            )),
            (Origin::Ours, None) => {}
            (Origin::Wireshark, None) => {
                problems.push(format!("{} is not a tshark field", def.abbrev))
            }
            (Origin::Wireshark, Some(ty)) => {
                checked += 1;
                let same = family(def.kind).iter().any(|f| ty.starts_with(f));
                let excused = excused(def.abbrev);
                // A family prefix excuses fields under it that agree anyway.
                if !same && !excused
                    || same && excused && TYPE_DIFFERS.iter().any(|(a, _)| *a == def.abbrev)
                {
                    problems.push(format!(
                        "{}: ours {:?}, tshark {ty}{}",
                        def.abbrev,
                        def.kind,
                        if excused {
                            " (listed as differing, but agrees)"
                        } else {
                            ""
                        }
                    ));
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} definitions checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn value_fits(def: &FieldDef, value: &Value) -> bool {
    matches!(
        (def.kind, value),
        (Kind::Uint | Kind::Int, Value::Uint(_) | Value::Int(_))
            | (Kind::Bool, Value::Bool(_))
            | (Kind::Mac, Value::Mac(_))
            | (Kind::Ipv4, Value::Ipv4(_))
            | (Kind::Ipv6, Value::Ipv6(_))
            | (Kind::Text, Value::Text(_) | Value::Ascii)
            | (Kind::Bytes, Value::Bytes | Value::Blob(_))
            | (Kind::Time, Value::Nanos(_))
            | (Kind::None, Value::None)
    )
}

#[test]
fn every_emitted_value_has_the_type_of_its_definition() {
    let mut files: Vec<_> = std::fs::read_dir(root().join("captures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    if let Some(corpus) = crate::util::require_corpus() {
        for dir in ["tcpdump/core", "tcpdump/malformed"] {
            files.extend(
                std::fs::read_dir(corpus.join(dir))
                    .unwrap()
                    .map(|e| e.unwrap().path()),
            );
        }
    }
    let (mut fields, mut wrong) = (0, Vec::new());
    for path in &files {
        let Ok(cap) = layerscope::packets::load(path, None) else {
            continue;
        };
        for p in &cap.packets {
            for f in p.dissection.layers.iter().flat_map(|l| l.all_fields()) {
                fields += 1;
                if !value_fits(f.def, &f.value) && wrong.len() < 20 {
                    wrong.push(format!(
                        "{}: {} is {:?}",
                        path.display(),
                        f.abbrev(),
                        f.value
                    ));
                }
            }
        }
    }
    assert!(fields > 100_000, "only {fields} fields seen");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
