//! IGMP: field definitions.

const IGMP_TEXT: &str = "IGMP: how hosts tell routers which multicast groups they want.";

fields! {
    CHECKSUM = "igmp.checksum", "Checksum", Uint, Hex(4),
        IGMP_TEXT;
    MADDR = "igmp.maddr", "Multicast Address", Ipv4, Dec,
        IGMP_TEXT;
    MAX_RESP = "igmp.max_resp", "Max Resp Time", Uint, Dec,
        IGMP_TEXT;
    TYPE = "igmp.type", "Type", Uint, Hex(2),
        IGMP_TEXT;
}
