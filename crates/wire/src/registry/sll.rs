//! Linux cooked capture (v1 and v2): field definitions.

const SOURCE_TEXT: &str = "The link-layer address of the sender, as the kernel recorded it.";

fields! {
    ETYPE = "sll.etype", "Type", Uint, Hex(4),
        "The protocol carried, as an EtherType.";
    HALEN = "sll.halen", "Link-layer address length", Uint, Dec,
        "How many bytes of the address field are used.";
    HATYPE = "sll.hatype", "Link-layer address type", Uint, Dec,
        "The kind of link the packet was captured on (1 = Ethernet, 772 = loopback).";
    IFINDEX = "sll.ifindex", "Interface index", Uint, Dec,
        "The kernel's number for the interface the packet was seen on.";
    LTYPE = "sll.ltype", "Protocol", Uint, Dec,
        "A Linux-internal protocol number for frames that have no EtherType.";
    PKTTYPE = "sll.pkttype", "Packet type", Uint, Dec,
        "How the packet reached the capture: sent by us, addressed to us, broadcast, multicast or to another host.";
    RESERVED ours = "sll.reserved", "Reserved", Uint, Dec,
        "Unused, always zero.";
    SRC_ETH = "sll.src.eth", "Source", Mac, Dec,
        SOURCE_TEXT;
    SRC_OTHER = "sll.src.other", "Source", Bytes, Dec,
        SOURCE_TEXT;
}
