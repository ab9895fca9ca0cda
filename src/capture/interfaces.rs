//! Network interfaces, listed through pnet (no privilege needed): names, addresses, flags.

use std::fmt::Write;

/// One interface, loopback first when sorted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interface {
    pub name: String,
    pub description: String,
    /// Addresses with prefix length, e.g. `127.0.0.1/8`.
    pub addresses: Vec<String>,
    pub mac: Option<String>,
    pub is_loopback: bool,
    pub is_up: bool,
    pub flags: Vec<&'static str>,
}

pub fn list() -> Vec<Interface> {
    let mut out: Vec<Interface> = pnet_datalink::interfaces()
        .into_iter()
        .map(|i| {
            let mut flags = Vec::new();
            if i.is_up() {
                flags.push("UP");
            }
            // pnet knows no "running" state on Windows.
            #[cfg(not(windows))]
            if i.is_running() {
                flags.push("RUNNING");
            }
            if i.is_loopback() {
                flags.push("LOOPBACK");
            }
            if i.is_broadcast() {
                flags.push("BROADCAST");
            }
            if i.is_multicast() {
                flags.push("MULTICAST");
            }
            if i.is_point_to_point() {
                flags.push("POINTOPOINT");
            }
            Interface {
                is_loopback: i.is_loopback(),
                is_up: i.is_up(),
                addresses: i.ips.iter().map(|n| n.to_string()).collect(),
                mac: i.mac.filter(|m| !m.is_zero()).map(|m| m.to_string()),
                description: i.description.clone(),
                name: i.name,
                flags,
            }
        })
        .collect();
    // Loopback first: that is where socket demos run.
    out.sort_by_key(|i| (!i.is_loopback, !i.is_up, i.name.clone()));
    out
}

/// The `layerscope interfaces` listing.
pub fn render(list: &[Interface]) -> String {
    let mut s = String::new();
    for (n, i) in list.iter().enumerate() {
        let _ = write!(s, "{}. {}", n + 1, i.name);
        if i.is_loopback {
            s.push_str(" (loopback)");
        }
        let _ = writeln!(s, "  <{}>", i.flags.join(","));
        if let Some(mac) = &i.mac {
            let _ = writeln!(s, "     link  {mac}");
        }
        for a in &i.addresses {
            let _ = writeln!(s, "     inet  {a}");
        }
    }
    s
}

/// The interface to capture on when none is named: the one libpcap flags as loopback (`lo`
/// on Linux, `lo0` on macOS, Npcap's `\\Device\\NPF_Loopback` on Windows, which the
/// system's own list does not show), else the system's loopback, else `lo`.
pub fn default_loopback() -> String {
    pcap::Device::list()
        .ok()
        .and_then(|devices| devices.into_iter().find(|d| d.flags.is_loopback()))
        .map(|d| d.name)
        .unwrap_or_else(|| loopback_name(&list()))
}

/// The loopback interface's name (`lo` on Linux, `lo0` on BSD and macOS).
pub fn loopback_name(list: &[Interface]) -> String {
    list.iter()
        .find(|i| i.is_loopback)
        .map(|i| i.name.clone())
        .unwrap_or_else(|| "lo".into())
}
