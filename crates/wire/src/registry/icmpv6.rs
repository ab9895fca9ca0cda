//! ICMPv6: field definitions.

const NA_FLAG_TEXT: &str =
    "Advertisement flags: sent by a router, solicited by a question, and whether to override cached entries.";

const RA_SETTING_TEXT: &str = "Router advertisement settings hosts adopt for the link.";

const REDIRECT_TEXT: &str = "Redirect: a better first hop for a destination.";

const OPT_TEXT: &str = "One neighbour-discovery option.";

const PREFIX_TEXT: &str = "A network prefix hosts on the link can build addresses from.";

fields! {
    CHECKSUM = "icmpv6.checksum", "Checksum", Uint, Hex(4),
        "Detects corruption of the message and of the addresses it travels between.";
    CODE = "icmpv6.code", "Code", Uint, Dec,
        "Refines the type.";
    ECHO_IDENTIFIER = "icmpv6.echo.identifier", "Identifier", Uint, Hex(4),
        "Pairs echo replies with the program that sent the requests.";
    ECHO_SEQUENCE_NUMBER = "icmpv6.echo.sequence_number", "Sequence", Uint, Dec,
        "Pairs each echo reply with its request.";
    MTU = "icmpv6.mtu", "MTU", Uint, Dec,
        "The largest packet the next link accepts (packet too big).";
    ND_NA_FLAG = "icmpv6.nd.na.flag", "Flags", Uint, Hex(8),
        NA_FLAG_TEXT;
    ND_NA_FLAG_O = "icmpv6.nd.na.flag.o", "Override", Bool, Dec,
        NA_FLAG_TEXT;
    ND_NA_FLAG_R = "icmpv6.nd.na.flag.r", "Router", Bool, Dec,
        NA_FLAG_TEXT;
    ND_NA_FLAG_S = "icmpv6.nd.na.flag.s", "Solicited", Bool, Dec,
        NA_FLAG_TEXT;
    ND_NA_TARGET_ADDRESS = "icmpv6.nd.na.target_address", "Target Address", Ipv6, Dec,
        "The address this advertisement gives the link-layer address of.";
    ND_NS_TARGET_ADDRESS = "icmpv6.nd.ns.target_address", "Target Address", Ipv6, Dec,
        "The address whose link-layer address is being asked for (IPv6's replacement for ARP).";
    ND_RA_CUR_HOP_LIMIT = "icmpv6.nd.ra.cur_hop_limit", "Cur hop limit", Uint, Dec,
        RA_SETTING_TEXT;
    ND_RA_FLAG = "icmpv6.nd.ra.flag", "Flags", Uint, Hex(2),
        RA_SETTING_TEXT;
    ND_RA_FLAG_M = "icmpv6.nd.ra.flag.m", "Managed address configuration", Bool, Dec,
        RA_SETTING_TEXT;
    ND_RA_FLAG_O = "icmpv6.nd.ra.flag.o", "Other configuration", Bool, Dec,
        RA_SETTING_TEXT;
    ND_RA_REACHABLE_TIME = "icmpv6.nd.ra.reachable_time", "Reachable time (ms)", Uint, Dec,
        RA_SETTING_TEXT;
    ND_RA_RETRANS_TIMER = "icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)", Uint, Dec,
        RA_SETTING_TEXT;
    ND_RA_ROUTER_LIFETIME = "icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", Uint, Dec,
        RA_SETTING_TEXT;
    ND_RD_TARGET_ADDRESS = "icmpv6.nd.rd.target_address", "Target Address", Ipv6, Dec,
        REDIRECT_TEXT;
    OPT = "icmpv6.opt", "Invalid option", Bytes, Dec,
        OPT_TEXT;
    OPT_LENGTH = "icmpv6.opt.length", "Length", Uint, Dec,
        OPT_TEXT;
    OPT_LINKADDR = "icmpv6.opt.linkaddr", "Link-layer address", Mac, Dec,
        "A link-layer (MAC) address carried in neighbour discovery.";
    OPT_MTU = "icmpv6.opt.mtu", "MTU", Uint, Dec,
        "The MTU of the link.";
    OPT_PREFIX = "icmpv6.opt.prefix", "Prefix", Ipv6, Dec,
        PREFIX_TEXT;
    OPT_PREFIX_LENGTH = "icmpv6.opt.prefix.length", "Prefix Length", Uint, Dec,
        PREFIX_TEXT;
    OPT_PREFIX_PREFERRED_LIFETIME = "icmpv6.opt.prefix.preferred_lifetime", "Preferred Lifetime", Uint, Dec,
        PREFIX_TEXT;
    OPT_PREFIX_VALID_LIFETIME = "icmpv6.opt.prefix.valid_lifetime", "Valid Lifetime", Uint, Dec,
        PREFIX_TEXT;
    OPT_TYPE = "icmpv6.opt.type", "Type", Uint, Dec,
        OPT_TEXT;
    POINTER = "icmpv6.pointer", "Pointer", Uint, Dec,
        "Which byte of the original packet caused the problem.";
    RD_NA_DESTINATION_ADDRESS = "icmpv6.rd.na.destination_address", "Destination Address", Ipv6, Dec,
        REDIRECT_TEXT;
    RESERVED = "icmpv6.reserved", "Reserved", Bytes, Dec,
        "Reserved, zero.";
    TYPE = "icmpv6.type", "Type", Uint, Dec,
        "What kind of ICMPv6 message this is: 128/129 = echo, 135/136 = neighbour solicitation/advertisement, 1 = destination unreachable.";
}
