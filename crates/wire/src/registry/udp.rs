//! UDP: field definitions.

fields! {
    QUOTED = "udp", "Original UDP header", None, Dec,
        "The start of the packet that caused this ICMP error, quoted so the sender can tell which connection it concerns.";
    CHECKSUM = "udp.checksum", "Checksum", Uint, Hex(4),
        "Detects corruption; optional in IPv4 (0 = not computed).";
    DSTPORT = "udp.dstport", "Destination Port", Uint, Dec,
        "The receiving program's port (9999 in the UDP demo).";
    LENGTH = "udp.length", "Length", Uint, Dec,
        "Length of the UDP header (8 bytes) plus data.";
    PAYLOAD = "udp.payload", "UDP payload", Bytes, Dec,
        "The application's bytes in this datagram.";
    PORT = "udp.port", "Source or Destination Port", Uint, Dec,
        "Either UDP port: matches the source or the destination.";
    SRCPORT = "udp.srcport", "Source Port", Uint, Dec,
        "The sending program's port.";
    STREAM generated = "udp.stream", "Stream index", Uint, Dec,
        "Wireshark's index of the UDP conversation (address and port pair), counted from 0.";
}
