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

use super::eval::{alias, frame_number, Occurrence};
use super::parse::{Cmp, Expr, Name};
use super::FrameFacts;
use crate::analysis::endpoint::{Datagram, Segment};
use crate::analysis::{Analysis, TcpInfo, Transport, UdpInfo};
use crate::field::{Field, Value};
use crate::link_type::LinkType;
use crate::proto::tcp;
use crate::registry::{self as hf, FieldDef};

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

/// Reads one field's value from the transport facts and the analysis.
type Reader = fn(&Quick) -> Option<Value>;

/// The fields decided from the transport facts and the analysis, each with its reader:
/// the value a full dissection gives it in a frame of this shape (where each of these
/// fields occurs at most once).
static QUICK_FIELDS: [(&FieldDef, Reader); 29] = [
    (&hf::ip::SRC, |q| q.address(false, 0)),
    (&hf::ip::DST, |q| q.address(false, 1)),
    (&hf::ipv6::SRC, |q| q.address(true, 0)),
    (&hf::ipv6::DST, |q| q.address(true, 1)),
    (&hf::tcp::SRCPORT, |q| q.tcp(|s, _| s.src.port as u64)),
    (&hf::tcp::DSTPORT, |q| q.tcp(|s, _| s.dst.port as u64)),
    (&hf::tcp::STREAM, |q| q.tcp(|_, a| a.stream as u64)),
    (&hf::tcp::LEN, |q| q.tcp(|s, _| s.len as u64)),
    (&hf::tcp::SEQ, |q| q.tcp(|_, a| a.seq as u64)),
    (&hf::tcp::SEQ_RAW, |q| q.tcp(|s, _| s.seq as u64)),
    (&hf::tcp::NXTSEQ, |q| q.tcp(|_, a| a.nxtseq as u64)),
    (&hf::tcp::ACK, |q| q.tcp(|_, a| a.ack as u64)),
    (&hf::tcp::ACK_RAW, |q| q.tcp(|s, _| s.ack as u64)),
    (&hf::tcp::FLAGS, |q| q.tcp(|s, _| s.flags as u64)),
    (&hf::tcp::FLAGS_RES, |q| {
        q.tcp(|s, _| (s.flags >> 9) as u64 & 0b111)
    }),
    (&hf::tcp::FLAGS_AE, |q| q.tcp_flag(tcp::AE)),
    (&hf::tcp::FLAGS_CWR, |q| q.tcp_flag(tcp::CWR)),
    (&hf::tcp::FLAGS_ECE, |q| q.tcp_flag(tcp::ECE)),
    (&hf::tcp::FLAGS_URG, |q| q.tcp_flag(tcp::URG)),
    (&hf::tcp::FLAGS_ACK, |q| q.tcp_flag(tcp::ACK)),
    (&hf::tcp::FLAGS_PUSH, |q| q.tcp_flag(tcp::PSH)),
    (&hf::tcp::FLAGS_RESET, |q| q.tcp_flag(tcp::RST)),
    (&hf::tcp::FLAGS_SYN, |q| q.tcp_flag(tcp::SYN)),
    (&hf::tcp::FLAGS_FIN, |q| q.tcp_flag(tcp::FIN)),
    (&hf::tcp::WINDOW_SIZE_VALUE, |q| {
        q.tcp(|s, _| s.window as u64)
    }),
    (&hf::tcp::WINDOW_SIZE, |q| q.tcp(|_, a| a.window as u64)),
    (&hf::udp::SRCPORT, |q| q.udp(|d, _| d.src.port as u64)),
    (&hf::udp::DSTPORT, |q| q.udp(|d, _| d.dst.port as u64)),
    (&hf::udp::STREAM, |q| q.udp(|_, a| a.stream as u64)),
];

fn reader(def: &FieldDef) -> Option<Reader> {
    QUICK_FIELDS
        .iter()
        .find(|(d, _)| std::ptr::eq(*d, def))
        .map(|(_, read)| *read)
}

/// Protocols whose presence the quick path knows.
const QUICK_PROTOCOLS: &[&str] = &["ip", "ipv6", "tcp", "udp"];

fn is_quick_name(name: &Name) -> bool {
    match name {
        Name::Protocol(p, _) => QUICK_PROTOCOLS.contains(p),
        Name::Field(def) => {
            reader(def).is_some()
                || frame_number(def, 0, 0, 0, 0.0).is_some()
                || alias(def).is_some_and(|both| both.iter().all(|d| reader(d).is_some()))
        }
    }
}

/// True when every part of `e` can be decided on the quick path. `contains` reads a
/// field's bytes, so it is left to the full evaluation.
pub(super) fn is_quick(e: &Expr) -> bool {
    match e {
        Expr::And(terms) | Expr::Or(terms) => terms.iter().all(is_quick),
        Expr::Not(a) => is_quick(a),
        Expr::Present(name) => is_quick_name(name),
        Expr::Compare(name, op, _) => *op != Cmp::Contains && is_quick_name(name),
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
            Expr::Present(Name::Protocol(p, _)) => self.has_protocol(p),
            Expr::Present(Name::Field(def)) => self.any(def, &mut |_| true),
            Expr::Compare(Name::Field(def), Cmp::Ne, lit) => {
                !self.any(def, &mut |o| o.compare(Cmp::Eq, lit))
            }
            Expr::Compare(Name::Field(def), op, lit) => self.any(def, &mut |o| o.compare(*op, lit)),
            // A protocol compares only by its bytes, which `is_quick` leaves to the full path.
            Expr::Compare(Name::Protocol(..), ..) => false,
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

    /// Calls `test` on the value of `def` in this frame, if it has one.
    fn any(&self, def: &'static FieldDef, test: &mut dyn FnMut(&Occurrence) -> bool) -> bool {
        if let Some(both) = alias(def) {
            return both.iter().any(|d| self.any(d, test));
        }
        let f = self.facts;
        // Frame numbers compare as numbers, exactly as in the full evaluation.
        if let Some(n) = frame_number(def, f.number, f.orig_len, f.frame.len(), f.time_relative) {
            return test(&Occurrence::Number(n));
        }
        match reader(def).and_then(|read| read(self)) {
            Some(value) => test(&Occurrence::Field(&Field::new(def, value, 0..0), &[])),
            None => false,
        }
    }

    /// The source (0) or destination (1) address, when it is of the version asked for.
    fn address(&self, v6: bool, which: usize) -> Option<Value> {
        let (src, dst) = self.addresses();
        match ([src, dst][which], v6) {
            (IpAddr::V4(a), false) => Some(Value::Ipv4(a)),
            (IpAddr::V6(a), true) => Some(Value::Ipv6(a)),
            _ => None,
        }
    }

    fn tcp(&self, read: fn(&Segment, &TcpInfo) -> u64) -> Option<Value> {
        match (&self.transport, self.facts.analysis) {
            (Transport::Tcp(s), Analysis::Tcp(a)) => Some(Value::Uint(read(s, a))),
            _ => None,
        }
    }

    fn tcp_flag(&self, bit: u16) -> Option<Value> {
        match &self.transport {
            Transport::Tcp(s) => Some(Value::Bool(s.flags & bit != 0)),
            _ => None,
        }
    }

    fn udp(&self, read: fn(&Datagram, &UdpInfo) -> u64) -> Option<Value> {
        match (&self.transport, self.facts.analysis) {
            (Transport::Udp(d), Analysis::Udp(a)) => Some(Value::Uint(read(d, a))),
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
