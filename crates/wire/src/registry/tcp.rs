//! TCP, with the conversation analysis: field definitions.

const RETRANSMISSION_TEXT: &str =
    "The sender sent data it had sent before, because it saw no acknowledgment in time.";

const UNDECODED_OPTION_TEXT: &str = "An option this dissector does not decode.";

const MSS_TEXT: &str =
    "Maximum segment size: the largest data block the sender wants to receive in one segment.";

const SACK_TEXT: &str =
    "Selective acknowledgment: blocks of data that arrived beyond a gap, so only the missing part is resent.";

const TIMESTAMP_TEXT: &str =
    "Timestamps: the sender's clock and the echo of the peer's, used to measure round-trip time and protect against wrapped sequence numbers.";

const WSCALE_TEXT: &str =
    "Window scale: the window field is shifted left by this many bits, so windows can exceed 64 KiB.";

const ENDPOINT_STATE_TEXT: &str =
    "The endpoint's TCP state (RFC 9293) after this segment, as the segments on the wire imply it.";

fields! {
    QUOTED = "tcp", "Original TCP header (first bytes)", None, Dec,
        "The start of the packet that caused this ICMP error, quoted so the sender can tell which connection it concerns.";
    ACK generated = "tcp.ack", "Acknowledgment Number", Uint, Dec,
        "Relative acknowledgment number: the next byte the sender expects from its peer, i.e. everything before it arrived.";
    ACK_RAW = "tcp.ack_raw", "Acknowledgment number (raw)", Uint, Dec,
        "The acknowledgment number as sent.";
    ANALYSIS generated = "tcp.analysis", "SEQ/ACK analysis", None, Dec,
        "What the whole conversation says about this segment: its role, expert notes and both endpoints' states.";
    ANALYSIS_ACKS_FRAME generated = "tcp.analysis.acks_frame", "This is an ACK to the segment in frame", Uint, Dec,
        "The frame whose data this acknowledgment covers, exactly to its last byte.";
    ANALYSIS_ACK_RTT generated = "tcp.analysis.ack_rtt", "The RTT to ACK the segment was", Time, Dec,
        "Round-trip time: how long after that segment this acknowledgment was captured, in seconds.";
    ANALYSIS_ACK_LOST_SEGMENT generated = "tcp.analysis.ack_lost_segment", "Expert note", Bool, Dec,
        "This acknowledges data the capture never saw.";
    ANALYSIS_DUPLICATE_ACK generated = "tcp.analysis.duplicate_ack", "Expert note", Bool, Dec,
        "The same acknowledgment again: the receiver is missing data and asks for it.";
    ANALYSIS_FAST_RETRANSMISSION generated = "tcp.analysis.fast_retransmission", "Expert note", Bool, Dec,
        RETRANSMISSION_TEXT;
    ANALYSIS_KEEP_ALIVE generated = "tcp.analysis.keep_alive", "Expert note", Bool, Dec,
        "A probe that checks an idle connection is still alive.";
    ANALYSIS_KEEP_ALIVE_ACK generated = "tcp.analysis.keep_alive_ack", "Expert note", Bool, Dec,
        "The answer to a keep-alive probe: the same acknowledgment again, saying the connection is still there.";
    ANALYSIS_LOST_SEGMENT generated = "tcp.analysis.lost_segment", "Expert note", Bool, Dec,
        "Data before this segment is missing from the capture.";
    ANALYSIS_OUT_OF_ORDER generated = "tcp.analysis.out_of_order", "Expert note", Bool, Dec,
        "This segment is behind what the sender had already sent, but came too soon after it (within the connection's first round trip) to be a resend: the network delivered it out of order.";
    ANALYSIS_REUSED_PORTS generated = "tcp.analysis.reused_ports", "Expert note", Bool, Dec,
        "A new connection on the same two addresses and ports as an earlier one in this capture: a client that binds its port, or one whose ports came round again.";
    ANALYSIS_RETRANSMISSION generated = "tcp.analysis.retransmission", "Expert note", Bool, Dec,
        RETRANSMISSION_TEXT;
    ANALYSIS_SPURIOUS_RETRANSMISSION generated = "tcp.analysis.spurious_retransmission", "Expert note", Bool, Dec,
        RETRANSMISSION_TEXT;
    ANALYSIS_WINDOW_FULL generated = "tcp.analysis.window_full", "Expert note", Bool, Dec,
        "This segment fills the receiver's advertised window.";
    ANALYSIS_WINDOW_UPDATE generated = "tcp.analysis.window_update", "Expert note", Bool, Dec,
        "Only the window changed: the receiver has room again.";
    ANALYSIS_ZERO_WINDOW generated = "tcp.analysis.zero_window", "Expert note", Bool, Dec,
        "The receiver's buffer is full: the sender must stop until the window opens.";
    ANALYSIS_ZERO_WINDOW_PROBE generated = "tcp.analysis.zero_window_probe", "Expert note", Bool, Dec,
        "A one-byte probe asking whether a zero window has opened.";
    ANALYSIS_ZERO_WINDOW_PROBE_ACK generated = "tcp.analysis.zero_window_probe_ack", "Expert note", Bool, Dec,
        "The answer to a zero-window probe: the receiver's window is still closed.";
    CHECKSUM = "tcp.checksum", "Checksum", Uint, Hex(4),
        "Detects corruption of the segment; on loopback it is often left for the kernel to skip, so it is not verified here.";
    CONNECTION_ROLE ours generated = "tcp.connection.role", "Role", Text, Dec,
        "This segment's part in opening or closing the connection.";
    CONNECTION_RST generated = "tcp.connection.rst", "Expert note", Bool, Dec,
        "The connection was reset.";
    DSTPORT = "tcp.dstport", "Destination Port", Uint, Dec,
        "The receiving program's port (8888 for the echo server demo).";
    FLAGS = "tcp.flags", "Flags", Uint, Hex(3),
        "Control bits that open, close and steer the connection.";
    FLAGS_ACK = "tcp.flags.ack", "Acknowledgment", Bool, Dec,
        "The acknowledgment number is valid; set on every segment after the first SYN.";
    FLAGS_AE = "tcp.flags.ae", "Accurate ECN", Bool, Dec,
        "Accurate ECN (formerly the nonce sum bit).";
    FLAGS_CWR = "tcp.flags.cwr", "Congestion Window Reduced", Bool, Dec,
        "Congestion window reduced: the sender slowed down after an ECN echo.";
    FLAGS_ECE = "tcp.flags.ece", "ECN-Echo", Bool, Dec,
        "ECN echo: tells the peer a router signalled congestion.";
    FLAGS_FIN = "tcp.flags.fin", "Fin", Bool, Dec,
        "Finish: the sender has no more data to send; each side sends one to close.";
    FLAGS_PUSH = "tcp.flags.push", "Push", Bool, Dec,
        "Push: deliver the data to the application now instead of waiting for more.";
    FLAGS_RES = "tcp.flags.res", "Reserved", Uint, Dec,
        "Reserved, zero.";
    FLAGS_RESET = "tcp.flags.reset", "Reset", Bool, Dec,
        "Reset: abort the connection at once (also the answer to a SYN for a port where nobody listens).";
    FLAGS_STR = "tcp.flags.str", "TCP Flags", Text, Dec,
        "The flags as letters, as Wireshark shows them.";
    FLAGS_SYN = "tcp.flags.syn", "Syn", Bool, Dec,
        "Synchronize: opens a connection and carries the initial sequence number; the first two segments of the handshake have it.";
    FLAGS_URG = "tcp.flags.urg", "Urgent", Bool, Dec,
        "The urgent pointer is valid (rarely used).";
    HDR_LEN = "tcp.hdr_len", "Header Length", Uint, Dec,
        "Length of the TCP header with options, stored in 4-byte words, so the receiver knows where the data starts.";
    LEN generated = "tcp.len", "TCP Segment Len", Uint, Dec,
        "How many bytes of application data this segment carries.";
    NXTSEQ generated = "tcp.nxtseq", "Next Sequence Number", Uint, Dec,
        "The sequence number the sender will use next: this one plus the data length (a SYN or FIN counts as one byte).";
    OPTION_KIND = "tcp.option_kind", "Kind", Uint, Dec,
        "Which option this is.";
    OPTION_LEN = "tcp.option_len", "Length", Uint, Dec,
        "Length of the option in bytes.";
    OPTIONS = "tcp.options", "Options", Bytes, Dec,
        "Optional header extensions negotiated mostly in the SYN segments.";
    OPTIONS_EOL = "tcp.options.eol", "End of Option List (EOL)", Bytes, Dec,
        "End of the option list.";
    OPTIONS_MALFORMED ours = "tcp.options.malformed", "Malformed option", Bytes, Dec,
        UNDECODED_OPTION_TEXT;
    OPTIONS_MPTCP ours = "tcp.options.mptcp", "Multipath TCP", Bytes, Dec,
        "Multipath TCP: one connection over several paths.";
    OPTIONS_MSS = "tcp.options.mss", "Maximum segment size", Bytes, Dec,
        MSS_TEXT;
    OPTIONS_MSS_VAL = "tcp.options.mss_val", "MSS Value", Uint, Dec,
        MSS_TEXT;
    OPTIONS_NOP = "tcp.options.nop", "No-Operation (NOP)", Bytes, Dec,
        "No-operation: one byte of padding that aligns the next option.";
    OPTIONS_SACK = "tcp.options.sack", "SACK", Bytes, Dec,
        SACK_TEXT;
    OPTIONS_SACK_LE = "tcp.options.sack_le", "left edge", Uint, Dec,
        SACK_TEXT;
    OPTIONS_SACK_PERM = "tcp.options.sack_perm", "SACK permitted", Bytes, Dec,
        "The sender can handle selective acknowledgments.";
    OPTIONS_SACK_RE = "tcp.options.sack_re", "right edge", Uint, Dec,
        SACK_TEXT;
    OPTIONS_TFO = "tcp.options.tfo", "TCP Fast Open", Bytes, Dec,
        "TCP Fast Open: a cookie that lets data ride in the SYN.";
    OPTIONS_TIMESTAMP = "tcp.options.timestamp", "Timestamps", Bytes, Dec,
        TIMESTAMP_TEXT;
    OPTIONS_TIMESTAMP_TSECR = "tcp.options.timestamp.tsecr", "Timestamp echo reply", Uint, Dec,
        TIMESTAMP_TEXT;
    OPTIONS_TIMESTAMP_TSVAL = "tcp.options.timestamp.tsval", "Timestamp value", Uint, Dec,
        TIMESTAMP_TEXT;
    OPTIONS_UNKNOWN = "tcp.options.unknown", "Unknown option", Bytes, Dec,
        UNDECODED_OPTION_TEXT;
    OPTIONS_WSCALE = "tcp.options.wscale", "Window scale", Bytes, Dec,
        WSCALE_TEXT;
    OPTIONS_WSCALE_MULTIPLIER generated = "tcp.options.wscale.multiplier", "Multiplier", Uint, Dec,
        "The window field is multiplied by this (2 to the shift count).";
    OPTIONS_WSCALE_SHIFT = "tcp.options.wscale.shift", "Shift count", Uint, Dec,
        WSCALE_TEXT;
    PAYLOAD = "tcp.payload", "TCP payload", Bytes, Dec,
        "The application's bytes carried by this segment.";
    PORT = "tcp.port", "Source or Destination Port", Uint, Dec,
        "Either TCP port: matches the source or the destination.";
    REASSEMBLED_DATA generated = "tcp.reassembled.data", "Reassembled TCP Data", Bytes, Dec,
        "The application message joined from the segments that carried it, as the receiving program reads it.";
    REASSEMBLED_LENGTH generated = "tcp.reassembled.length", "Reassembled TCP length", Uint, Dec,
        "How many bytes the joined message has.";
    SEGMENT generated = "tcp.segment", "TCP Segment", Uint, Dec,
        "A frame that carried part of the joined message.";
    SEGMENT_COUNT generated = "tcp.segment.count", "Segment count", Uint, Dec,
        "How many segments the message was cut into: TCP sends a byte stream, so one message may need several.";
    SEGMENT_DATA = "tcp.segment_data", "TCP segment data", Bytes, Dec,
        "This segment's part of an application message that spans several segments.";
    SEGMENTS generated = "tcp.segments", "Reassembled TCP Segments", None, Dec,
        "The segments joined to make one application message, so it is read whole, once, in the frame that completed it.";
    SEQ generated = "tcp.seq", "Sequence Number", Uint, Dec,
        "Sequence number relative to the sender's first one: the position of this segment's first data byte in the sender's byte stream.";
    SEQ_RAW = "tcp.seq_raw", "Sequence Number (raw)", Uint, Dec,
        "The sequence number as sent; each side starts from a random initial sequence number (ISN).";
    SRCPORT = "tcp.srcport", "Source Port", Uint, Dec,
        "The sending program's port: together with the IP address it identifies the socket that sent this segment.";
    STATE_CLIENT ours generated = "tcp.state.client", "Client state after this segment", Text, Dec,
        ENDPOINT_STATE_TEXT;
    STATE_SERVER ours generated = "tcp.state.server", "Server state after this segment", Text, Dec,
        ENDPOINT_STATE_TEXT;
    STREAM generated = "tcp.stream", "Stream index", Uint, Dec,
        "Wireshark's index of the TCP connection this segment belongs to, counted from 0 in the capture.";
    URGENT_POINTER = "tcp.urgent_pointer", "Urgent Pointer", Uint, Dec,
        "Where urgent data ends, when the URG flag is set.";
    WINDOW_SIZE generated = "tcp.window_size", "Calculated window size", Uint, Dec,
        "The receive window in bytes after applying the window scale agreed in the handshake.";
    WINDOW_SIZE_SCALEFACTOR generated = "tcp.window_size_scalefactor", "Window size scaling factor", Int, Dec,
        "The multiplier for the window field, from the window scale options of the handshake (-1 unknown, -2 not used).";
    WINDOW_SIZE_VALUE = "tcp.window_size_value", "Window", Uint, Dec,
        "The receive window as sent: how many more bytes the sender of this segment can accept (before scaling).";
}
