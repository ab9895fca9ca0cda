//! Display filters in Wireshark's syntax (a useful subset): protocol names, field
//! comparisons, `contains`, and the boolean operators with parentheses.
//!
//! ```text
//! tcp.port == 8888 && tcp.flags.syn == 1
//! ip.addr == 127.0.0.1 or ipv6
//! !(udp) and frame.len > 100
//! tcp.payload contains "Hello"
//! ```
//!
//! Parsing is separate from matching so the GUI can show an error, with its position, on
//! every keystroke and only apply a filter that parsed.

mod eval;
mod parse;
mod quick;

pub use eval::FrameFacts;
pub use parse::{Cmp, Expr, Literal, Name};
pub use quick::QuickFacts;

use std::fmt;

/// A parsed display filter.
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    pub(crate) expr: Expr,
    text: String,
    /// Every name in it can be decided without a dissection (see [`QuickFacts`]).
    quick: bool,
}

/// Why a filter text does not parse, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterError {
    /// Byte offset into the filter text where the problem starts.
    pub position: usize,
    /// Length of the offending token (at least 1, so it can be underlined).
    pub len: usize,
    pub message: String,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.position + 1, self.message)
    }
}

impl std::error::Error for FilterError {}

impl Filter {
    /// Parses a filter. An empty or all-blank text is an error: "no filter" is `None` to the
    /// caller, not a filter that matches everything.
    pub fn parse(text: &str) -> Result<Filter, FilterError> {
        let expr = parse::parse(text)?;
        Ok(Filter {
            quick: quick::is_quick(&expr),
            expr,
            text: text.to_string(),
        })
    }

    /// The text the filter was parsed from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the packet matches.
    pub fn matches(&self, facts: &FrameFacts) -> bool {
        eval::eval(&self.expr, facts)
    }

    /// True when the filter names only what [`Filter::matches_quick`] can decide.
    pub fn is_quick(&self) -> bool {
        self.quick
    }

    /// Decides the filter from the frame's transport facts and analysis: `Some(matches)`,
    /// exactly what [`Filter::matches`] says of the full dissection, or `None` when this
    /// frame (or this filter) needs the full dissection.
    pub fn matches_quick(&self, facts: &QuickFacts) -> Option<bool> {
        if !self.quick {
            return None;
        }
        quick::eval(&self.expr, facts)
    }
}
