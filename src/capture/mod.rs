//! Packet sources and sinks: capture files read by libpcap, the capture helper's pipe read
//! as a pcap stream, live capture through libpcap, capture files written as pcap or pcapng,
//! and interface listing.
//!
//! pcap types stay inside this module; the rest of the program sees [`RawPacket`]s.

pub mod file;
pub mod helper;
pub mod interfaces;
#[cfg(target_os = "linux")]
pub mod lab;
#[cfg(target_os = "linux")]
pub mod lab_named;
pub mod live;
pub mod report;
pub mod stream;
pub mod writer;

pub use file::{open_file, FileReader, ReadEnd};
pub use helper::{is_permission_error, permission_fix};
pub use live::{LiveCapture, LiveOptions};
pub use stream::PcapStream;
pub use writer::{Format, PacketWriter};

/// Largest frame we keep in memory. A file may claim more: such a record is cut here, so
/// no input can make us allocate without bound.
pub const MAX_PACKET: usize = 256 * 1024;

/// One captured frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawPacket {
    /// Seconds since the Unix epoch.
    pub ts_sec: i64,
    /// Nanoseconds within the second.
    pub ts_nsec: u32,
    /// Length of the frame on the wire (may exceed `data.len()` when cut by the snaplen).
    pub orig_len: u32,
    pub data: Vec<u8>,
}

impl RawPacket {
    /// Nanoseconds since the epoch, as [`PacketView::timestamp_ns`].
    pub fn timestamp_ns(&self) -> i128 {
        self.view().timestamp_ns()
    }

    /// The packet as a [`PacketView`].
    pub fn view(&self) -> PacketView<'_> {
        PacketView {
            ts_sec: self.ts_sec,
            ts_nsec: self.ts_nsec,
            orig_len: self.orig_len,
            data: &self.data,
        }
    }
}

/// One captured frame as its reader holds it, borrowed until the next read: a loader that
/// copies frames into its own blocks need not copy each into a vector of its own first.
#[derive(Clone, Copy, Debug)]
pub struct PacketView<'a> {
    pub ts_sec: i64,
    pub ts_nsec: u32,
    pub orig_len: u32,
    pub data: &'a [u8],
}

impl<'a> PacketView<'a> {
    /// Nanoseconds since the epoch, exact for any year a capture can hold (an `f64` keeps
    /// only ~0.2 µs near 2026; differences between packets are computed from this).
    pub fn timestamp_ns(&self) -> i128 {
        self.ts_sec as i128 * 1_000_000_000 + self.ts_nsec as i128
    }

    pub fn to_owned(&self) -> RawPacket {
        RawPacket {
            ts_sec: self.ts_sec,
            ts_nsec: self.ts_nsec,
            orig_len: self.orig_len,
            data: self.data.to_vec(),
        }
    }

    // time_t and suseconds_t are i64 here but narrower on other platforms.
    #[allow(clippy::unnecessary_cast)]
    pub(crate) fn from_pcap(header: &pcap::PacketHeader, data: &'a [u8], nanos: bool) -> Self {
        let frac = header.ts.tv_usec as i64;
        let ts_nsec = if nanos { frac } else { frac * 1000 };
        // pcap stores seconds as an unsigned 32-bit number (good until 2106); libpcap hands
        // the ones past 2038 over sign-extended, as negative seconds.
        let mut ts_sec = header.ts.tv_sec as i64;
        if (i32::MIN as i64..0).contains(&ts_sec) {
            ts_sec += 1 << 32;
        }
        PacketView {
            ts_sec,
            ts_nsec: ts_nsec.clamp(0, 999_999_999) as u32,
            orig_len: header.len,
            data: &data[..data.len().min(MAX_PACKET)],
        }
    }
}
