//! Where phones in the room can reach the PC, and the QR code that takes
//! them there.

use std::net::Ipv4Addr;

/// The PC's addresses on a local network (Wi-Fi, cable or its own
/// hotspot), the likeliest first; empty when it is on none.
pub fn room_addresses() -> Vec<Ipv4Addr> {
    let mut found: Vec<(u8, String, Ipv4Addr)> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| match i.ip() {
            std::net::IpAddr::V4(ip) => Some((i.name, ip)),
            std::net::IpAddr::V6(_) => None,
        })
        .filter_map(|(name, ip)| rank(&name, ip).map(|r| (r, name, ip)))
        .collect();
    found.sort();
    found.dedup_by_key(|f| f.2);
    found.into_iter().map(|f| f.2).collect()
}

/// How likely phones reach the PC at `ip`: lower is likelier; `None` for
/// addresses no phone can use (loopback, link-local, unset).
fn rank(interface: &str, ip: Ipv4Addr) -> Option<u8> {
    if ip.is_loopback() || ip.is_link_local() || ip.is_unspecified() || ip.is_multicast() {
        return None;
    }
    let name = interface.to_ascii_lowercase();
    // Containers' and virtual machines' own bridges: not the room's network.
    let virtual_bridge = [
        "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "tun",
    ]
    .iter()
    .any(|p| name.starts_with(p));
    let o = ip.octets();
    let private = match o {
        [192, 168, ..] => 0,
        [10, ..] => 1,
        [172, b, ..] if (16..32).contains(&b) => 2,
        _ => 3,
    };
    Some(private + if virtual_bridge { 10 } else { 0 })
}

/// The address a phone opens: the page, the PIN filled in.
pub fn join_url(ip: Ipv4Addr, port: u16, pin: &str) -> String {
    format!("http://{ip}:{port}/?pin={pin}")
}

/// The address as typed by hand (no scheme, no PIN).
pub fn typed_address(ip: Ipv4Addr, port: u16) -> String {
    if port == 80 {
        ip.to_string()
    } else {
        format!("{ip}:{port}")
    }
}

/// A QR code: its width in modules and, row by row, which are dark.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl Qr {
    /// `None` only for text too long for a QR code (an address never is).
    pub fn of(text: &str) -> Option<Qr> {
        let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Some(Qr { width, dark })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_room_network_comes_before_virtual_bridges() {
        let wifi = rank("wlan0", Ipv4Addr::new(192, 168, 1, 20)).unwrap();
        let docker = rank("docker0", Ipv4Addr::new(172, 17, 0, 1)).unwrap();
        let office = rank("eth0", Ipv4Addr::new(10, 0, 3, 7)).unwrap();
        assert!(wifi < office && office < docker);
        assert_eq!(rank("lo", Ipv4Addr::LOCALHOST), None);
        assert_eq!(rank("eth0", Ipv4Addr::new(169, 254, 3, 1)), None);
    }

    #[test]
    fn the_qr_code_holds_the_address() {
        let url = join_url(Ipv4Addr::new(192, 168, 137, 1), 8080, "4821");
        assert_eq!(url, "http://192.168.137.1:8080/?pin=4821");
        let qr = Qr::of(&url).unwrap();
        assert_eq!(qr.dark.len(), qr.width * qr.width);
        // The three finder patterns' corners are dark.
        assert!(qr.is_dark(0, 0) && qr.is_dark(qr.width - 1, 0) && qr.is_dark(0, qr.width - 1));
        assert_eq!(typed_address(Ipv4Addr::new(10, 0, 0, 2), 80), "10.0.0.2");
    }
}
