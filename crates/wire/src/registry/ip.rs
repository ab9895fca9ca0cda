//! IPv4: field definitions.

const OPTION_TEXT: &str = "One IPv4 option.";

const TIMESTAMP_OPTION_TEXT: &str =
    "Timestamp option data: routers record when they handled the packet.";

const OPTION_TYPE_TEXT: &str =
    "The option's type: whether it is copied into fragments, its class and its number.";

const ROUTE_ADDRESS_TEXT: &str = "A router address recorded in, or requested by, a route option.";

fields! {
    QUOTED = "ip", "Original IPv4 header", None, Dec,
        "The start of the packet that caused this ICMP error, quoted so the sender can tell which connection it concerns.";
    ADDR = "ip.addr", "Source or Destination Address", Ipv4, Dec,
        "Either IPv4 address: matches the source or the destination.";
    CHECKSUM = "ip.checksum", "Header Checksum", Uint, Hex(4),
        "Detects corruption of the IPv4 header; every router recomputes it because the TTL changes.";
    DSFIELD = "ip.dsfield", "Differentiated Services Field", Uint, Hex(2),
        "Differentiated services: how routers should prioritise the packet, and congestion signalling.";
    DSFIELD_DSCP = "ip.dsfield.dscp", "Differentiated Services Codepoint", Uint, Dec,
        "The traffic class routers use for quality of service (0 = best effort).";
    DSFIELD_ECN = "ip.dsfield.ecn", "Explicit Congestion Notification", Uint, Dec,
        "Explicit congestion notification: lets routers signal congestion without dropping the packet.";
    DST = "ip.dst", "Destination Address", Ipv4, Dec,
        "The IP address of the destination.";
    FLAGS = "ip.flags", "Flags", Uint, Hex(2),
        "Three control bits about fragmentation.";
    FLAGS_DF = "ip.flags.df", "Don't fragment", Bool, Dec,
        "Don't fragment: routers must drop the packet rather than split it (used to discover the path MTU).";
    FLAGS_MF = "ip.flags.mf", "More fragments", Bool, Dec,
        "More fragments: set on every fragment except the last.";
    FLAGS_RB = "ip.flags.rb", "Reserved bit", Bool, Dec,
        "Reserved, must be zero.";
    FRAG_OFFSET = "ip.frag_offset", "Fragment Offset", Uint, Dec,
        "Where this fragment's data belongs in the original datagram, in units of 8 bytes.";
    HDR_LEN = "ip.hdr_len", "Header Length", Uint, Dec,
        "Length of the IPv4 header including options, stored in 4-byte words so the receiver knows where the payload starts.";
    ID = "ip.id", "Identification", Uint, Hex(4),
        "A number shared by all fragments of one datagram, so the receiver can put them back together.";
    LEN = "ip.len", "Total Length", Uint, Dec,
        "Total length of the IPv4 packet, header plus data, in bytes.";
    OPT ours = "ip.opt", "Unknown option", Bytes, Dec,
        OPTION_TEXT;
    OPT_DATA ours = "ip.opt.data", "Data", Bytes, Dec,
        OPTION_TEXT;
    OPT_FLAG = "ip.opt.flag", "Flag", Uint, Dec,
        TIMESTAMP_OPTION_TEXT;
    OPT_LEN = "ip.opt.len", "Length", Uint, Dec,
        "Length of the option in bytes.";
    OPT_MALFORMED ours = "ip.opt.malformed", "Malformed option", Bytes, Dec,
        OPTION_TEXT;
    OPT_OVERFLOW = "ip.opt.overflow", "Overflow", Uint, Dec,
        TIMESTAMP_OPTION_TEXT;
    OPT_PTR = "ip.opt.ptr", "Pointer", Uint, Dec,
        "Where the next address or timestamp will be written in the option.";
    OPT_RA = "ip.opt.ra", "Router Alert", Uint, Dec,
        "Router alert: asks every router on the path to look at this packet (used by IGMP and RSVP).";
    OPT_TIME_STAMP = "ip.opt.time_stamp", "Time stamp", Uint, Dec,
        TIMESTAMP_OPTION_TEXT;
    OPT_TYPE = "ip.opt.type", "Type", Uint, Dec,
        OPTION_TYPE_TEXT;
    OPT_TYPE_CLASS = "ip.opt.type.class", "Class", Uint, Dec,
        OPTION_TYPE_TEXT;
    OPT_TYPE_COPY = "ip.opt.type.copy", "Copy on fragmentation", Bool, Dec,
        OPTION_TYPE_TEXT;
    OPT_TYPE_NUMBER = "ip.opt.type.number", "Number", Uint, Dec,
        OPTION_TYPE_TEXT;
    OPTIONS ours = "ip.options", "Options", Bytes, Dec,
        "Optional header extensions, rare today.";
    OPTIONS_EOL = "ip.options.eol", "End of Options List (EOL)", None, Dec,
        OPTION_TEXT;
    OPTIONS_NOP = "ip.options.nop", "No Operation (NOP)", None, Dec,
        OPTION_TEXT;
    PROTO = "ip.proto", "Protocol", Uint, Dec,
        "Which protocol the payload is, so the receiver hands it to TCP (6), UDP (17), ICMP (1) and so on.";
    REC_RT = "ip.rec_rt", "Address", Ipv4, Dec,
        ROUTE_ADDRESS_TEXT;
    SRC = "ip.src", "Source Address", Ipv4, Dec,
        "The IP address of the sender.";
    SRC_RT = "ip.src_rt", "Address", Ipv4, Dec,
        ROUTE_ADDRESS_TEXT;
    TTL = "ip.ttl", "Time to Live", Uint, Dec,
        "Time to live: each router subtracts one and drops the packet at zero, so packets cannot loop forever.";
    VERSION = "ip.version", "Version", Uint, Dec,
        "The IP version of this header: 4 for IPv4, 6 for IPv6.";
}
