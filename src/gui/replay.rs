//! Replaying a loaded capture as if it were live: only the first `shown` packets are
//! visible, and more appear at their original pace (or one a second) times `speed`.

use std::time::{Duration, Instant};

use crate::store::PacketStore;

pub struct Replay {
    pub shown: u32,
    pub playing: bool,
    /// 0.1 … 10.
    pub speed: f32,
    /// Packets at their captured timing (× speed); otherwise one per second (× speed), which
    /// suits loopback demos whose whole exchange takes a millisecond.
    pub original_timing: bool,
    /// When playing: the wall-clock instant and capture time (ns) that correspond.
    anchor: Option<(Instant, i64)>,
}

impl Default for Replay {
    /// From the first packet, playing, one packet a second.
    fn default() -> Self {
        Replay {
            shown: 0,
            playing: true,
            speed: 1.0,
            original_timing: false,
            anchor: None,
        }
    }
}

/// Packets a list may show: all `total`, or as many as a replay has reached.
pub fn visible(total: usize, replay: Option<&Replay>) -> usize {
    replay.map_or(total, |r| (r.shown as usize).min(total))
}

impl Replay {
    /// Shows the first `shown` packets of `total` (a step, or the scrubber).
    pub fn seek(&mut self, shown: u32, total: u32) {
        self.shown = shown.min(total);
        self.anchor = None;
    }

    /// Advances a playing replay to the packets whose time has come. Returns how long until
    /// the next one is due (at most a quarter second, for long gaps) while it plays.
    pub fn tick(&mut self, store: &PacketStore) -> Option<Duration> {
        if !self.playing {
            return None;
        }
        let n = store.len() as u32;
        let now = Instant::now();
        let original = self.original_timing;
        // Capture time (ns) of packet i on the replay's clock: its timestamp, or one second
        // per packet.
        let clock = |i: u32| -> i64 {
            if original {
                store.get(i).map_or(i64::MAX, |p| p.meta.ts_ns)
            } else {
                i as i64 * 1_000_000_000
            }
        };
        let (t0, c0) = *self
            .anchor
            .get_or_insert_with(|| (now, clock(self.shown.saturating_sub(1))));
        let speed = self.speed as f64;
        let target = c0 + (now.duration_since(t0).as_secs_f64() * speed * 1e9) as i64;
        while self.shown < n && clock(self.shown) <= target {
            self.shown += 1;
        }
        if self.shown >= n {
            self.playing = false;
        }
        self.playing.then(|| {
            let wait = (clock(self.shown) - target) as f64 * 1e-9 / speed;
            Duration::from_secs_f64(wait.clamp(0.0, 0.25))
        })
    }
}
