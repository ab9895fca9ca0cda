//! Sequence numbers as TCP compares them: 32 bits that wrap, so "later" means "less than
//! half the number space ahead" (RFC 9293 §3.4), the way smoltcp's `SeqNumber` does it.
//! Plain `u32` comparisons go wrong once a connection's numbers wrap past 2³²; this type
//! makes the wrapping comparison the only one there is.

use std::cmp::Ordering;
use std::ops::{Add, Sub};

/// A raw TCP sequence or acknowledgment number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SeqNumber(pub u32);

impl SeqNumber {
    /// The number as it is on the wire.
    #[inline]
    pub fn raw(self) -> u32 {
        self.0
    }
}

impl Add<u32> for SeqNumber {
    type Output = SeqNumber;

    /// `n` octets further on, wrapping.
    #[inline]
    fn add(self, n: u32) -> SeqNumber {
        SeqNumber(self.0.wrapping_add(n))
    }
}

impl Sub<u32> for SeqNumber {
    type Output = SeqNumber;

    /// `n` octets before, wrapping.
    #[inline]
    fn sub(self, n: u32) -> SeqNumber {
        SeqNumber(self.0.wrapping_sub(n))
    }
}

impl Sub for SeqNumber {
    type Output = u32;

    /// How far `self` is past `base`, wrapping: a number relative to `base`.
    #[inline]
    fn sub(self, base: SeqNumber) -> u32 {
        self.0.wrapping_sub(base.0)
    }
}

impl PartialOrd for SeqNumber {
    /// Ordered by the signed distance between the two, so 5 comes after 2³² − 5. Not a
    /// total order (numbers exactly 2³¹ apart are each "before" the other), hence no `Ord`.
    #[inline]
    fn partial_cmp(&self, other: &SeqNumber) -> Option<Ordering> {
        Some((self.0.wrapping_sub(other.0) as i32).cmp(&0))
    }
}

#[cfg(test)]
mod tests {
    use super::SeqNumber as S;

    #[test]
    fn comparisons_wrap_around_the_number_space() {
        assert!(S(2) > S(1));
        assert!(S(5) > S(u32::MAX - 5), "5 comes after the wrap");
        assert!(S(u32::MAX - 5) < S(5));
        assert!(S(7) >= S(7) && S(7) <= S(7));
        assert_eq!(S(u32::MAX) + 2, S(1));
        assert_eq!(S(1) - 2, S(u32::MAX));
        assert_eq!(S(3) - S(u32::MAX), 4);
    }
}
