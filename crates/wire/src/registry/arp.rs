//! ARP: field definitions.

const DST_HW_TEXT: &str =
    "The target's MAC address; zero in a request because that is what is being asked.";

const DST_PROTO_TEXT: &str = "The IP address whose MAC address is wanted (or was asked for).";

const SRC_HW_TEXT: &str = "The sender's MAC address, which the receiver can cache.";

const SRC_PROTO_TEXT: &str = "The sender's IP address.";

fields! {
    DST_HW = "arp.dst.hw", "Target MAC address", Bytes, Dec,
        DST_HW_TEXT;
    DST_HW_MAC = "arp.dst.hw_mac", "Target MAC address", Mac, Dec,
        DST_HW_TEXT;
    DST_PROTO = "arp.dst.proto", "Target IP address", Bytes, Dec,
        DST_PROTO_TEXT;
    DST_PROTO_IPV4 = "arp.dst.proto_ipv4", "Target IP address", Ipv4, Dec,
        DST_PROTO_TEXT;
    HW_SIZE = "arp.hw.size", "Hardware size", Uint, Dec,
        "Length of a hardware address in bytes (6 for Ethernet).";
    HW_TYPE = "arp.hw.type", "Hardware type", Uint, Dec,
        "The kind of hardware address being resolved (1 = Ethernet).";
    OPCODE = "arp.opcode", "Opcode", Uint, Dec,
        "1 asks \"who has this IP address?\", 2 answers \"it is at this MAC address\".";
    PROTO_SIZE = "arp.proto.size", "Protocol size", Uint, Dec,
        "Length of a protocol address in bytes (4 for IPv4).";
    PROTO_TYPE = "arp.proto.type", "Protocol type", Uint, Hex(4),
        "The kind of protocol address being resolved (0x0800 = IPv4).";
    SRC_HW = "arp.src.hw", "Sender MAC address", Bytes, Dec,
        SRC_HW_TEXT;
    SRC_HW_MAC = "arp.src.hw_mac", "Sender MAC address", Mac, Dec,
        SRC_HW_TEXT;
    SRC_PROTO = "arp.src.proto", "Sender IP address", Bytes, Dec,
        SRC_PROTO_TEXT;
    SRC_PROTO_IPV4 = "arp.src.proto_ipv4", "Sender IP address", Ipv4, Dec,
        SRC_PROTO_TEXT;
}
