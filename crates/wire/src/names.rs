//! Names for protocol numbers, as Wireshark shows them.

/// EtherType names (IEEE registry, the ones seen in practice).
pub fn ethertype(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0800 => "IPv4",
        0x0806 => "ARP",
        0x0842 => "Wake-on-LAN",
        0x8035 => "RARP",
        0x8100 => "802.1Q Virtual LAN",
        0x86dd => "IPv6",
        0x8808 => "Ethernet flow control",
        0x8809 => "Slow protocols (LACP)",
        0x8847 => "MPLS unicast",
        0x8848 => "MPLS multicast",
        0x8863 => "PPPoE discovery",
        0x8864 => "PPPoE session",
        0x888e => "802.1X authentication",
        0x88a8 => "802.1ad Provider Bridge (Q-in-Q)",
        0x88cc => "LLDP",
        0x88e5 => "MACsec",
        0x88f7 => "PTP",
        0x9100 => "VLAN double tagging",
        _ => return None,
    })
}

/// IP protocol numbers (IANA), for `ip.proto` and `ipv6.nxt`.
pub fn ip_protocol(p: u8) -> Option<&'static str> {
    Some(match p {
        0 => "IPv6 Hop-by-Hop Option",
        1 => "ICMP",
        2 => "IGMP",
        4 => "IPv4 (encapsulated)",
        6 => "TCP",
        17 => "UDP",
        41 => "IPv6 (encapsulated)",
        43 => "Routing Header for IPv6",
        44 => "Fragment Header for IPv6",
        47 => "GRE",
        50 => "Encap Security Payload",
        51 => "Authentication Header",
        58 => "ICMPv6",
        59 => "No Next Header for IPv6",
        60 => "Destination Options for IPv6",
        89 => "OSPF",
        103 => "PIM",
        112 => "VRRP",
        132 => "SCTP",
        135 => "Mobility Header",
        _ => return None,
    })
}

pub fn arp_opcode(op: u16) -> Option<&'static str> {
    Some(match op {
        1 => "request",
        2 => "reply",
        3 => "reverse request",
        4 => "reverse reply",
        8 => "inverse request",
        9 => "inverse reply",
        _ => return None,
    })
}

pub fn arp_hw_type(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "Ethernet",
        6 => "IEEE 802",
        15 => "Frame Relay",
        32 => "InfiniBand",
        772 => "Loopback",
        _ => return None,
    })
}

pub fn icmp_type(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "Echo (ping) reply",
        3 => "Destination unreachable",
        4 => "Source quench (flow control)",
        5 => "Redirect",
        8 => "Echo (ping) request",
        9 => "Router advertisement",
        10 => "Router solicitation",
        11 => "Time-to-live exceeded",
        12 => "Parameter problem",
        13 => "Timestamp request",
        14 => "Timestamp reply",
        15 => "Information request",
        16 => "Information reply",
        17 => "Address mask request",
        18 => "Address mask reply",
        30 => "Traceroute",
        _ => return None,
    })
}

pub fn icmp_code(t: u8, c: u8) -> Option<&'static str> {
    Some(match (t, c) {
        (3, 0) => "Network unreachable",
        (3, 1) => "Host unreachable",
        (3, 2) => "Protocol unreachable",
        (3, 3) => "Port unreachable",
        (3, 4) => "Fragmentation needed",
        (3, 5) => "Source route failed",
        (3, 6) => "Destination network unknown",
        (3, 7) => "Destination host unknown",
        (3, 9) => "Network administratively prohibited",
        (3, 10) => "Host administratively prohibited",
        (3, 13) => "Communication administratively filtered",
        (5, 0) => "Redirect for network",
        (5, 1) => "Redirect for host",
        (11, 0) => "Time to live exceeded in transit",
        (11, 1) => "Fragment reassembly time exceeded",
        (12, 0) => "Pointer indicates the error",
        _ => return None,
    })
}

pub fn icmpv6_type(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Destination Unreachable",
        2 => "Packet Too Big",
        3 => "Time Exceeded",
        4 => "Parameter Problem",
        128 => "Echo (ping) request",
        129 => "Echo (ping) reply",
        130 => "Multicast Listener Query",
        131 => "Multicast Listener Report",
        132 => "Multicast Listener Done",
        133 => "Router Solicitation",
        134 => "Router Advertisement",
        135 => "Neighbor Solicitation",
        136 => "Neighbor Advertisement",
        137 => "Redirect",
        143 => "Multicast Listener Report Message v2",
        _ => return None,
    })
}

pub fn icmpv6_code(t: u8, c: u8) -> Option<&'static str> {
    Some(match (t, c) {
        (1, 0) => "no route to destination",
        (1, 1) => "communication with destination administratively prohibited",
        (1, 2) => "beyond scope of source address",
        (1, 3) => "address unreachable",
        (1, 4) => "port unreachable",
        (3, 0) => "hop limit exceeded in transit",
        (3, 1) => "fragment reassembly time exceeded",
        (4, 0) => "erroneous header field encountered",
        (4, 1) => "unrecognized Next Header type encountered",
        (4, 2) => "unrecognized IPv6 option encountered",
        _ => return None,
    })
}

/// Linux `sll_pkttype` values.
pub fn sll_pkttype(t: u16) -> Option<&'static str> {
    Some(match t {
        0 => "Unicast to us",
        1 => "Broadcast",
        2 => "Multicast",
        3 => "Unicast to another host",
        4 => "Sent by us",
        _ => return None,
    })
}

/// BSD address families seen in DLT_NULL/DLT_LOOP headers.
pub fn bsd_family(f: u32) -> Option<&'static str> {
    Some(match f {
        2 => "IP",
        7 => "OSI",
        23 => "IPX",
        24 | 28 | 30 => "IPv6",
        _ => return None,
    })
}

/// Well-known ports, for the "server port" heuristics and Info column.
pub fn service(port: u16) -> Option<&'static str> {
    Some(match port {
        20 | 21 => "ftp",
        22 => "ssh",
        23 => "telnet",
        25 => "smtp",
        53 => "dns",
        67 | 68 => "dhcp",
        80 | 8080 => "http",
        123 => "ntp",
        443 => "https",
        _ => return None,
    })
}

/// "5 words of 4 bytes": the meaning of an IPv4 or TCP header length field (4 bits, so a
/// table: it is shown for every packet).
pub fn words_of_4_bytes(words: u8) -> &'static str {
    const WORDS: [&str; 16] = [
        "0 words of 4 bytes",
        "1 words of 4 bytes",
        "2 words of 4 bytes",
        "3 words of 4 bytes",
        "4 words of 4 bytes",
        "5 words of 4 bytes",
        "6 words of 4 bytes",
        "7 words of 4 bytes",
        "8 words of 4 bytes",
        "9 words of 4 bytes",
        "10 words of 4 bytes",
        "11 words of 4 bytes",
        "12 words of 4 bytes",
        "13 words of 4 bytes",
        "14 words of 4 bytes",
        "15 words of 4 bytes",
    ];
    WORDS[(words & 0x0f) as usize]
}
