//! Deciding a filter from a frame's transport facts, without dissecting it.
//!
//! The filters people type most (`tcp.flags.syn == 1`, `tcp.port == 8888`, `udp`,
//! `ip.addr == 127.0.0.1 && tcp.stream == 3`) name only addresses, ports, TCP header words
//! and the conversation analysis. For those, the quick transport path (tens of nanoseconds)
//! gives every value a full dissection (a microsecond or two) would, on every frame it can
//! read: one IP header carrying TCP or UDP. Any other frame (ICMP errors quoting a header,
//! tunnels, cut headers) is left to the full evaluation, so results never differ; a test
//! compares both on every fixture and corpus frame.

use std::net::IpAddr;

use super::eval::{is_frame_field, Occurrence, ALIASES};
use super::parse::{Cmp, Expr};
use super::FrameFacts;
use crate::analysis::{Analysis, Transport};
use crate::field::{Field, Value};
use crate::link_type::LinkType;
use crate::proto::tcp;

/// Everything the quick path needs of one frame.
pub struct QuickFacts<'a> {
    pub link: LinkType,
    pub frame: &'a [u8],
    /// 1-based frame number.
    pub number: u32,
    pub orig_len: u32,
    /// Seconds since the first frame.
    pub time_relative: f64,
    pub analysis: &'a Analysis,
}

/// Names decided from the transport facts and the analysis.
const QUICK_FIELDS: &[&str] = &[
    "ip.src",
    "ip.dst",
    "ipv6.src",
    "ipv6.dst",
    "tcp.srcport",
    "tcp.dstport",
    "tcp.stream",
    "tcp.len",
    "tcp.seq",
    "tcp.seq_raw",
    "tcp.nxtseq",
    "tcp.ack",
    "tcp.ack_raw",
    "tcp.flags",
    "tcp.flags.res",
    "tcp.flags.ae",
    "tcp.flags.cwr",
    "tcp.flags.ece",
    "tcp.flags.urg",
    "tcp.flags.ack",
    "tcp.flags.push",
    "tcp.flags.reset",
    "tcp.flags.syn",
    "tcp.flags.fin",
    "tcp.window_size_value",
    "tcp.window_size",
    "udp.srcport",
    "udp.dstport",
    "udp.stream",
];

/// Protocols whose presence the quick path knows.
const QUICK_PROTOCOLS: &[&str] = &["ip", "ipv6", "tcp", "udp"];

fn is_quick_field(name: &str) -> bool {
    QUICK_FIELDS.contains(&name)
        || is_frame_field(name)
        || ALIASES
            .iter()
            .any(|(a, both)| *a == name && both.iter().all(|n| QUICK_FIELDS.contains(n)))
}

/// True when every part of `e` can be decided on the quick path. `contains` reads a
/// field's bytes, so it is left to the full evaluation.
pub(super) fn is_quick(e: &Expr) -> bool {
    match e {
        Expr::And(terms) | Expr::Or(terms) => terms.iter().all(is_quick),
        Expr::Not(a) => is_quick(a),
        Expr::Present(name) => QUICK_PROTOCOLS.contains(&name.as_str()) || is_quick_field(name),
        Expr::Compare(name, op, _) => *op != Cmp::Contains && is_quick_field(name),
    }
}

/// The frame as the quick path reads it.
struct Quick<'a> {
    facts: &'a QuickFacts<'a>,
    transport: Transport,
}

/// `Some(matches)`, or `None` when this frame needs a full dissection.
pub(super) fn eval(e: &Expr, facts: &QuickFacts) -> Option<bool> {
    let transport = Transport::quick(facts.link, facts.frame)?;
    // The analysis must describe this very header (not a datagram quoted in an ICMP error).
    match (&transport, facts.analysis) {
        (Transport::Tcp(_), Analysis::Tcp(_)) => {}
        (Transport::Udp(_), Analysis::Udp(u)) if !u.quoted => {}
        _ => return None,
    }
    let q = Quick { facts, transport };
    Some(q.eval(e))
}

impl Quick<'_> {
    fn eval(&self, e: &Expr) -> bool {
        match e {
            Expr::And(terms) => terms.iter().all(|t| self.eval(t)),
            Expr::Or(terms) => terms.iter().any(|t| self.eval(t)),
            Expr::Not(a) => !self.eval(a),
            Expr::Present(name) => match name.as_str() {
                "ip" | "ipv6" | "tcp" | "udp" => self.has_protocol(name),
                _ => self.any(name, &mut |_| true),
            },
            Expr::Compare(name, Cmp::Ne, lit) => {
                !self.any(name, &mut |o| o.compare(Cmp::Eq, lit, &[]))
            }
            Expr::Compare(name, op, lit) => self.any(name, &mut |o| o.compare(*op, lit, &[])),
        }
    }

    fn has_protocol(&self, name: &str) -> bool {
        let (src, _) = self.addresses();
        match name {
            "ip" => src.is_ipv4(),
            "ipv6" => src.is_ipv6(),
            "tcp" => matches!(self.transport, Transport::Tcp(_)),
            "udp" => matches!(self.transport, Transport::Udp(_)),
            _ => false,
        }
    }

    fn addresses(&self) -> (IpAddr, IpAddr) {
        match &self.transport {
            Transport::Tcp(s) => (s.src.addr, s.dst.addr),
            Transport::Udp(d) => (d.src.addr, d.dst.addr),
        }
    }

    /// Calls `test` on the value of `name` in this frame, if it has one.
    fn any(&self, name: &str, test: &mut dyn FnMut(&Occurrence) -> bool) -> bool {
        if let Some((_, both)) = ALIASES.iter().find(|(a, _)| *a == name) {
            return both.iter().any(|n| self.any(n, test));
        }
        let f = self.facts;
        // Frame numbers compare as numbers, exactly as in the full evaluation.
        let number = match name {
            "frame.number" => Some(f.number as f64),
            "frame.len" => Some(f.orig_len as f64),
            "frame.cap_len" => Some(f.frame.len() as f64),
            "frame.time_relative" => Some(f.time_relative),
            _ => None,
        };
        if let Some(n) = number {
            return test(&Occurrence::Number(n));
        }
        match self.value(name) {
            Some(value) => test(&Occurrence::Field(&Field::new("", "", value, 0..0))),
            None => false,
        }
    }

    /// The value a full dissection gives `name` in this frame (frames of this shape have
    /// each of these fields at most once).
    fn value(&self, name: &str) -> Option<Value> {
        let uint = |v: u64| Some(Value::Uint(v));
        let (src, dst) = self.addresses();
        let addr = |a: IpAddr, v6: bool| match a {
            IpAddr::V4(a) if !v6 => Some(Value::Ipv4(a)),
            IpAddr::V6(a) if v6 => Some(Value::Ipv6(a)),
            _ => None,
        };
        match name {
            "ip.src" => return addr(src, false),
            "ip.dst" => return addr(dst, false),
            "ipv6.src" => return addr(src, true),
            "ipv6.dst" => return addr(dst, true),
            _ => {}
        }
        match (&self.transport, self.facts.analysis) {
            (Transport::Tcp(s), Analysis::Tcp(a)) => {
                let flag = |bit: u16| Some(Value::Bool(s.flags & bit != 0));
                match name {
                    "tcp.srcport" => uint(s.src.port as u64),
                    "tcp.dstport" => uint(s.dst.port as u64),
                    "tcp.stream" => uint(a.stream as u64),
                    "tcp.len" => uint(s.len as u64),
                    "tcp.seq" => uint(a.seq as u64),
                    "tcp.seq_raw" => uint(s.seq as u64),
                    "tcp.nxtseq" => uint(a.nxtseq as u64),
                    "tcp.ack" => uint(a.ack as u64),
                    "tcp.ack_raw" => uint(s.ack as u64),
                    "tcp.flags" => uint(s.flags as u64),
                    "tcp.flags.res" => uint((s.flags >> 9) as u64 & 0b111),
                    "tcp.flags.ae" => flag(tcp::AE),
                    "tcp.flags.cwr" => flag(tcp::CWR),
                    "tcp.flags.ece" => flag(tcp::ECE),
                    "tcp.flags.urg" => flag(tcp::URG),
                    "tcp.flags.ack" => flag(tcp::ACK),
                    "tcp.flags.push" => flag(tcp::PSH),
                    "tcp.flags.reset" => flag(tcp::RST),
                    "tcp.flags.syn" => flag(tcp::SYN),
                    "tcp.flags.fin" => flag(tcp::FIN),
                    "tcp.window_size_value" => uint(s.window as u64),
                    "tcp.window_size" => uint(a.window as u64),
                    _ => None,
                }
            }
            (Transport::Udp(d), Analysis::Udp(a)) => match name {
                "udp.srcport" => uint(d.src.port as u64),
                "udp.dstport" => uint(d.dst.port as u64),
                "udp.stream" => uint(a.stream as u64),
                _ => None,
            },
            _ => None,
        }
    }
}

impl QuickFacts<'_> {
    /// The same frame for the full evaluation.
    pub fn with<'d>(&'d self, dissection: &'d crate::Dissection) -> FrameFacts<'d> {
        FrameFacts {
            dissection,
            frame: self.frame,
            number: self.number,
            orig_len: self.orig_len,
            time_relative: self.time_relative,
        }
    }
}
