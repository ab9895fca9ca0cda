//! JSON payloads as Wireshark's JSON dissector shows them: objects, members with their
//! key, value and path, arrays, each over its own bytes.

use std::ops::Range;

use crate::app::json::{Kind, Node};
use crate::field::{Field, Value};
use crate::layer::{Layer, Protocol};
use crate::registry::json as hf;

/// The JSON layer over `range` of a frame whose bytes there are the `values` (their
/// ranges relative to `range.start`).
pub fn layer(values: &[Node], range: Range<usize>) -> Layer {
    let mut l = Layer::new(Protocol::Json, range.clone(), range.end..range.end);
    let at = range.start;
    l.fields = values.iter().map(|v| container(v, at, "")).collect();
    l
}

fn shift(r: &Range<usize>, at: usize) -> Range<usize> {
    r.start + at..r.end + at
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string().into())
}

/// An object or array node with everything inside it.
fn container(node: &Node, at: usize, path: &str) -> Field {
    let range = shift(&node.range, at);
    match &node.kind {
        Kind::Object(members) => Field::new(&hf::OBJECT, Value::None, range).with_children(
            members
                .iter()
                .map(|m| {
                    let path = format!("{path}/{}", m.key);
                    let mut children = value_fields(&m.value, at, &path, &m.key);
                    children.push(Field::new(&hf::KEY, text(&m.key), shift(&m.key_range, at)));
                    children.push(Field::new(&hf::PATH, text(&path), shift(&m.range, at)));
                    Field::new(&hf::MEMBER, text(&m.key), shift(&m.range, at))
                        .with_children(children)
                })
                .collect(),
        ),
        Kind::Array(items) => {
            let path = format!("{path}/[]");
            Field::new(&hf::ARRAY, Value::None, range).with_children(
                items
                    .iter()
                    .flat_map(|item| value_fields(item, at, &path, "[]"))
                    .collect(),
            )
        }
        // Only objects and arrays are containers; a scalar here is shown by value_fields.
        _ => Field::new(&hf::OBJECT, Value::None, range),
    }
}

/// A value inside a member (`name` its key) or an array (`name` is `[]`): a container as
/// itself, a scalar with its path and member-with-value first, as tshark orders them.
fn value_fields(node: &Node, at: usize, path: &str, name: &str) -> Vec<Field> {
    let range = shift(&node.range, at);
    let (def, value, shown): (_, _, &str) = match &node.kind {
        Kind::Object(_) | Kind::Array(_) => return vec![container(node, at, path)],
        Kind::String(s) => (&hf::VALUE_STRING, text(s), s),
        Kind::Number(n) => (&hf::VALUE_NUMBER, text(n), n),
        Kind::Bool(true) => (&hf::VALUE_TRUE, Value::None, "true"),
        Kind::Bool(false) => (&hf::VALUE_FALSE, Value::None, "false"),
        Kind::Null => (&hf::VALUE_NULL, Value::None, "null"),
    };
    vec![
        Field::new(
            &hf::PATH_WITH_VALUE,
            text(&format!("{path}:{shown}")),
            range.clone(),
        ),
        Field::new(
            &hf::MEMBER_WITH_VALUE,
            text(&format!("{name}:{shown}")),
            range.clone(),
        ),
        Field::new(def, value, range),
    ]
}

/// The layer's values written back as compact JSON with strings unescaped, at most
/// `limit` characters (an ellipsis when cut): what the Info column and the ladder show.
pub fn compact(layer: &Layer, limit: usize) -> String {
    let mut out = String::new();
    for (i, f) in layer.fields.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write_compact(f, &mut out, limit);
        if out.chars().count() > limit {
            break;
        }
    }
    match out.char_indices().nth(limit) {
        Some((cut, _)) => {
            out.truncate(cut);
            out.push('…');
            out
        }
        None => out,
    }
}

fn write_compact(f: &Field, out: &mut String, limit: usize) {
    if out.len() > limit * 4 {
        return;
    }
    let quoted = |out: &mut String, s: &str| {
        out.push('"');
        out.push_str(s);
        out.push('"');
    };
    let value_text = |f: &Field| match &f.value {
        Value::Text(t) => t.to_string(),
        _ => String::new(),
    };
    match f.def.abbrev {
        "json.object" | "json.array" => {
            let (open, close) = if f.def == &hf::OBJECT {
                ('{', '}')
            } else {
                ('[', ']')
            };
            out.push(open);
            let mut first = true;
            for c in &f.children {
                let is_item = matches!(
                    c.def.abbrev,
                    "json.member"
                        | "json.object"
                        | "json.array"
                        | "json.value.string"
                        | "json.value.number"
                        | "json.value.true"
                        | "json.value.false"
                        | "json.value.null"
                );
                if !is_item {
                    continue;
                }
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write_compact(c, out, limit);
            }
            out.push(close);
        }
        "json.member" => {
            quoted(out, &value_text(f));
            out.push_str(": ");
            if let Some(v) = f.children.iter().find(|c| {
                !matches!(
                    c.def.abbrev,
                    "json.key" | "json.path" | "json.path_with_value" | "json.member_with_value"
                )
            }) {
                write_compact(v, out, limit);
            }
        }
        "json.value.string" => quoted(out, &value_text(f)),
        "json.value.number" => out.push_str(&value_text(f)),
        "json.value.true" => out.push_str("true"),
        "json.value.false" => out.push_str("false"),
        "json.value.null" => out.push_str("null"),
        _ => {}
    }
}
