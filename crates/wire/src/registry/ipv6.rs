//! IPv6 and its extension headers (AH included): field definitions.

const AH_TEXT: &str =
    "IPsec authentication header: proves who sent the packet and that it was not changed.";

const EXTENSION_LENGTH_TEXT: &str =
    "Length of this extension header in 8-byte units, not counting the first 8 bytes.";

const EXTENSION_NEXT_TEXT: &str = "The header that follows this extension header.";

const EXTENSION_HEADER_TEXT: &str =
    "An IPv6 extension header, chained between the IPv6 header and the upper layer.";

const EXTENSION_LEN_OCT_TEXT: &str = "Length of this extension header in bytes.";

const RESERVED_TEXT: &str = "Reserved, zero.";

const OPTION_TEXT: &str = "One option inside a hop-by-hop or destination options header.";

fields! {
    AH = "ah", "Authentication Header", None, Dec,
        AH_TEXT;
    AH_LENGTH = "ah.length", "Length", Uint, Dec,
        EXTENSION_LENGTH_TEXT;
    AH_NEXT_HEADER = "ah.next_header", "Next Header", Uint, Dec,
        EXTENSION_NEXT_TEXT;
    AH_SEQUENCE = "ah.sequence", "AH Sequence", Uint, Dec,
        AH_TEXT;
    AH_SPI = "ah.spi", "AH SPI", Uint, Hex(8),
        AH_TEXT;
    QUOTED = "ipv6", "Original IPv6 header", None, Dec,
        "The start of the packet that caused this ICMP error, quoted so the sender can tell which connection it concerns.";
    ADDR = "ipv6.addr", "Source or Destination Address", Ipv6, Dec,
        "Either IPv6 address: matches the source or the destination.";
    DST = "ipv6.dst", "Destination Address", Ipv6, Dec,
        "The IPv6 address of the destination.";
    DSTOPTS = "ipv6.dstopts", "Destination Options", None, Dec,
        EXTENSION_HEADER_TEXT;
    DSTOPTS_LEN = "ipv6.dstopts.len", "Length", Uint, Dec,
        EXTENSION_LENGTH_TEXT;
    DSTOPTS_LEN_OCT = "ipv6.dstopts.len_oct", "Length in bytes", Uint, Dec,
        EXTENSION_LEN_OCT_TEXT;
    DSTOPTS_NXT = "ipv6.dstopts.nxt", "Next Header", Uint, Dec,
        EXTENSION_NEXT_TEXT;
    FLOW = "ipv6.flow", "Flow Label", Uint, Hex(5),
        "Flow label: lets routers keep the packets of one flow on the same path.";
    FRAGHDR = "ipv6.fraghdr", "Fragment Header", None, Dec,
        EXTENSION_HEADER_TEXT;
    FRAGHDR_IDENT = "ipv6.fraghdr.ident", "Identification", Uint, Hex(8),
        "Shared by all fragments of one packet so they can be reassembled.";
    FRAGHDR_MORE = "ipv6.fraghdr.more", "More Fragments", Bool, Dec,
        "Set on every fragment except the last.";
    FRAGHDR_NXT = "ipv6.fraghdr.nxt", "Next Header", Uint, Dec,
        EXTENSION_NEXT_TEXT;
    FRAGHDR_OFFSET = "ipv6.fraghdr.offset", "Offset", Uint, Dec,
        "Where this fragment's data belongs in the original packet, in units of 8 bytes.";
    FRAGHDR_RESERVED_BITS = "ipv6.fraghdr.reserved_bits", "Reserved bits", Uint, Dec,
        RESERVED_TEXT;
    FRAGHDR_RESERVED_OCTET = "ipv6.fraghdr.reserved_octet", "Reserved octet", Uint, Dec,
        RESERVED_TEXT;
    HLIM = "ipv6.hlim", "Hop Limit", Uint, Dec,
        "Hop limit: like IPv4's TTL, decremented by each router.";
    HOPOPTS = "ipv6.hopopts", "Hop-by-Hop Options", None, Dec,
        EXTENSION_HEADER_TEXT;
    HOPOPTS_LEN = "ipv6.hopopts.len", "Length", Uint, Dec,
        EXTENSION_LENGTH_TEXT;
    HOPOPTS_LEN_OCT = "ipv6.hopopts.len_oct", "Length in bytes", Uint, Dec,
        EXTENSION_LEN_OCT_TEXT;
    HOPOPTS_NXT = "ipv6.hopopts.nxt", "Next Header", Uint, Dec,
        EXTENSION_NEXT_TEXT;
    NXT = "ipv6.nxt", "Next Header", Uint, Dec,
        "Which header follows: an extension header or the upper-layer protocol (6 = TCP, 17 = UDP, 58 = ICMPv6).";
    OPT = "ipv6.opt", "IPv6 Option", Bytes, Dec,
        OPTION_TEXT;
    OPT_JUMBO = "ipv6.opt.jumbo", "Payload Length", Uint, Dec,
        "The real payload length of a jumbogram larger than 65535 bytes.";
    OPT_LENGTH = "ipv6.opt.length", "Length", Uint, Dec,
        OPTION_TEXT;
    OPT_PADN = "ipv6.opt.padn", "PadN", Bytes, Dec,
        OPTION_TEXT;
    OPT_ROUTER_ALERT = "ipv6.opt.router_alert", "Router Alert", Uint, Dec,
        "Asks routers on the path to examine this packet.";
    OPT_TYPE = "ipv6.opt.type", "Type", Uint, Dec,
        OPTION_TEXT;
    OPT_UNKNOWN = "ipv6.opt.unknown", "Data", Bytes, Dec,
        OPTION_TEXT;
    PLEN = "ipv6.plen", "Payload Length", Uint, Dec,
        "Length of everything after the 40-byte IPv6 header, in bytes.";
    ROUTING = "ipv6.routing", "Routing Header", None, Dec,
        EXTENSION_HEADER_TEXT;
    ROUTING_LEN = "ipv6.routing.len", "Length", Uint, Dec,
        EXTENSION_LENGTH_TEXT;
    ROUTING_NXT = "ipv6.routing.nxt", "Next Header", Uint, Dec,
        EXTENSION_NEXT_TEXT;
    ROUTING_SEGLEFT = "ipv6.routing.segleft", "Segments Left", Uint, Dec,
        "How many listed routers are still to be visited.";
    ROUTING_SRC_ADDR = "ipv6.routing.src.addr", "Address", Ipv6, Dec,
        "A router the packet must pass through.";
    ROUTING_TYPE = "ipv6.routing.type", "Type", Uint, Dec,
        "Which kind of routing header this is.";
    SRC = "ipv6.src", "Source Address", Ipv6, Dec,
        "The IPv6 address of the sender (::1 is loopback).";
    TCLASS = "ipv6.tclass", "Traffic Class", Uint, Hex(2),
        "Traffic class: priority and congestion signalling, like IPv4's DS field.";
    TCLASS_DSCP = "ipv6.tclass.dscp", "Differentiated Services Codepoint", Uint, Dec,
        "The traffic class routers use for quality of service.";
    TCLASS_ECN = "ipv6.tclass.ecn", "Explicit Congestion Notification", Uint, Dec,
        "Explicit congestion notification bits.";
    VERSION = "ipv6.version", "Version", Uint, Dec,
        "The IP version: 6.";
}
