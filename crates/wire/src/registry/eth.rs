//! Ethernet II: field definitions.

const DST_IG_TEXT: &str =
    "Set when the address names a group (multicast or broadcast) instead of one card.";

const DST_LG_TEXT: &str =
    "Set when the address was assigned locally rather than burnt in by the manufacturer.";

fields! {
    ADDR = "eth.addr", "Address", Mac, Dec,
        "Either MAC address: matches the source or the destination.";
    DST = "eth.dst", "Destination", Mac, Dec,
        "The MAC address of the network card this frame is for; on loopback it is all zeros because no card is involved.";
    DST_IG = "eth.dst.ig", "IG bit (group address)", Bool, Dec,
        DST_IG_TEXT;
    DST_LG = "eth.dst.lg", "LG bit (locally administered)", Bool, Dec,
        DST_LG_TEXT;
    LEN = "eth.len", "Length", Uint, Dec,
        "In IEEE 802.3 frames this position holds the payload length instead of a type; an LLC header then names the protocol.";
    PADDING = "eth.padding", "Padding", Bytes, Dec,
        "Zero bytes added because an Ethernet frame must carry at least 46 bytes of payload.";
    SRC = "eth.src", "Source", Mac, Dec,
        "The MAC address of the network card that sent the frame; all zeros on loopback.";
    SRC_IG = "eth.src.ig", "IG bit (group address)", Bool, Dec,
        DST_IG_TEXT;
    SRC_LG = "eth.src.lg", "LG bit (locally administered)", Bool, Dec,
        DST_LG_TEXT;
    TRAILER = "eth.trailer", "Trailer", Bytes, Dec,
        "Extra bytes after the packet that belong to no protocol (often added by the capturing hardware).";
    TYPE = "eth.type", "Type", Uint, Hex(4),
        "Which protocol the frame carries, so the receiver knows which part of its stack gets the payload (0x0800 = IPv4, 0x86dd = IPv6, 0x0806 = ARP).";
}
