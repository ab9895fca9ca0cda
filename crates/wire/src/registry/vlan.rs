//! IEEE 802.1Q and 802.1ad VLAN tags: field definitions.

const DEI_TEXT: &str =
    "Drop eligible: this frame may be dropped first when the network is congested.";

const ID_TEXT: &str =
    "The virtual LAN this frame belongs to; switches keep different VLANs apart as if they were separate networks.";

const PRIORITY_TEXT: &str =
    "Priority class (0-7) switches use to decide which frames to forward first.";

const ETYPE_TEXT: &str =
    "The protocol carried after the VLAN tag, like the EtherType of an untagged frame.";

fields! {
    IEEE8021AD_DEI = "ieee8021ad.dei", "DEI", Uint, Dec,
        DEI_TEXT;
    IEEE8021AD_ID = "ieee8021ad.id", "ID", Uint, Dec,
        ID_TEXT;
    IEEE8021AD_PRIORITY = "ieee8021ad.priority", "Priority", Uint, Dec,
        PRIORITY_TEXT;
    IEEE8021AH_ETYPE = "ieee8021ah.etype", "Type", Uint, Hex(4),
        ETYPE_TEXT;
    DEI = "vlan.dei", "DEI", Uint, Dec,
        DEI_TEXT;
    ETYPE = "vlan.etype", "Type", Uint, Hex(4),
        ETYPE_TEXT;
    ID = "vlan.id", "ID", Uint, Dec,
        ID_TEXT;
    PRIORITY = "vlan.priority", "Priority", Uint, Dec,
        PRIORITY_TEXT;
}
