//! The frame itself (filter names only): field definitions.

fields! {
    CAP_LEN = "frame.cap_len", "Frame length stored into the capture file", Uint, Dec,
        "How many of its bytes the capture kept (fewer than on the wire when a snapshot length cut it).";
    LEN = "frame.len", "Frame length on the wire", Uint, Dec,
        "How many bytes the frame had on the wire.";
    NUMBER = "frame.number", "Frame Number", Uint, Dec,
        "The number of this frame in the capture, counted from 1.";
    TIME_RELATIVE = "frame.time_relative", "Time since reference or first frame", Time, Dec,
        "Seconds since the first frame of the capture.";
}
