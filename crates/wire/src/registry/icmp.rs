//! ICMP: field definitions.

const TIMESTAMP_TEXT: &str =
    "Milliseconds since midnight UTC when the message was sent, received or answered.";

fields! {
    ADDRESS_MASK = "icmp.address_mask", "Address Mask", Ipv4, Dec,
        "The subnet mask asked for or given.";
    CHECKSUM = "icmp.checksum", "Checksum", Uint, Hex(4),
        "Detects corruption of the whole ICMP message.";
    CODE = "icmp.code", "Code", Uint, Dec,
        "Refines the type, e.g. for unreachable: 3 = port unreachable, 1 = host unreachable.";
    IDENT = "icmp.ident", "Identifier", Uint, Dec,
        "Identifier that pairs echo replies with the program that sent the requests.";
    MTU = "icmp.mtu", "MTU of next hop", Uint, Dec,
        "The largest packet the next hop accepts, so the sender can shrink its packets.";
    ORIGINATE_TIMESTAMP = "icmp.originate_timestamp", "Originate timestamp", Uint, Dec,
        TIMESTAMP_TEXT;
    POINTER = "icmp.pointer", "Pointer", Uint, Dec,
        "Which byte of the original header was wrong.";
    RECEIVE_TIMESTAMP = "icmp.receive_timestamp", "Receive timestamp", Uint, Dec,
        TIMESTAMP_TEXT;
    REDIR_GW = "icmp.redir_gw", "Gateway address", Ipv4, Dec,
        "The better router the host should use for this destination.";
    SEQ = "icmp.seq", "Sequence Number", Uint, Dec,
        "Sequence number that pairs each reply with its request.";
    TRANSMIT_TIMESTAMP = "icmp.transmit_timestamp", "Transmit timestamp", Uint, Dec,
        TIMESTAMP_TEXT;
    TYPE = "icmp.type", "Type", Uint, Dec,
        "What kind of ICMP message this is: 8 = echo request (ping), 0 = echo reply, 3 = destination unreachable, 11 = time exceeded.";
    UNUSED = "icmp.unused", "Unused", Bytes, Dec,
        "Unused in this message type, zero.";
}
