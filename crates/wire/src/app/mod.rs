//! What the programs said: application bytes as text in their encoding, JSON values with
//! their positions, and where one message ends and the next begins in a byte stream.
//!
//! These work on bytes, not frames: one payload, or a direction of a followed stream
//! (reassembled), so a message that spans segments is read whole.

pub mod framing;
pub mod json;
pub mod pdu;
pub mod text;
