//! BSD loopback: field definitions.

fields! {
    FAMILY = "null.family", "Family", Uint, Dec,
        "The address family of the packet on a BSD loopback interface (2 = IPv4, 24/28/30 = IPv6).";
}
