//! Who is at the other end of a request: the one place that decides the
//! address recorded in the audit trail and counted by the login limit.
//!
//! Behind a reverse proxy or load balancer every connection comes from the
//! proxy. When the peer is a configured trusted proxy, the client is the
//! right-most `X-Forwarded-For` entry that is not itself a trusted proxy:
//! entries further left were written by the client and prove nothing.

use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// Networks whose `X-Forwarded-For` is believed. Empty: the header is ignored.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

#[derive(Debug, thiserror::Error)]
#[error("trusted_proxies: {0:?} is neither an address nor a network like 10.0.0.0/8")]
pub struct BadProxy(String);

impl TrustedProxies {
    /// Addresses (`10.1.2.3`) and networks (`10.0.0.0/8`, `fd00::/8`).
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<Self, BadProxy> {
        entries
            .iter()
            .map(|e| {
                let e = e.as_ref().trim();
                e.parse::<IpNet>()
                    .or_else(|_| e.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| BadProxy(e.to_owned()))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address, given the connection's peer and the
    /// `X-Forwarded-For` header values in order.
    pub fn client<'a>(&self, peer: IpAddr, forwarded: impl Iterator<Item = &'a str>) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            // A malformed entry ends the walk: nothing to its left can be trusted.
            let Some(ip) = parse_hop(hop) else {
                break;
            };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        client
    }
}

/// One `X-Forwarded-For` entry: an address, or an address with a port as
/// some load balancers write it (`192.0.2.1:5060`, `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(canonical)
}

/// IPv4 clients of a dual-stack listener arrive as `::ffff:a.b.c.d`.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// The client's address as text, ready for the audit trail.
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = StatusCode;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            // Served without connection info is a programming error, not the client's.
            .ok_or(StatusCode::INTERNAL_SERVER_ERROR)?;
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok());
        Ok(ClientIp(
            state.trusted_proxies.client(peer, forwarded).to_string(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("192.0.2.1"), ["198.51.100.9"].into_iter()),
            ip("192.0.2.1")
        );
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse(&["10.0.0.0/8", "192.0.2.1"]).unwrap();
        // The client forged the first entry; the proxies appended the rest.
        let header = ["203.0.113.66, 198.51.100.9", "10.1.1.1"];
        assert_eq!(
            proxies.client(ip("192.0.2.1"), header.into_iter()),
            ip("198.51.100.9")
        );
        // A peer that is not a proxy is the client, whatever it claims.
        assert_eq!(
            proxies.client(ip("198.51.100.20"), header.into_iter()),
            ip("198.51.100.20")
        );
        // Garbage stops the walk at the last trusted hop.
        assert_eq!(
            proxies.client(ip("192.0.2.1"), ["nonsense, 10.1.1.1"].into_iter()),
            ip("10.1.1.1")
        );
        // No header from a proxy: the proxy is all we know.
        assert_eq!(
            proxies.client(ip("192.0.2.1"), std::iter::empty()),
            ip("192.0.2.1")
        );
        // Entries with ports, as some load balancers write them.
        assert_eq!(
            proxies.client(
                ip("192.0.2.1"),
                ["198.51.100.9:51234, [2001:db8::7]:443"].into_iter()
            ),
            ip("2001:db8::7")
        );
        // IPv4 over a dual-stack socket.
        assert_eq!(
            proxies.client(ip("::ffff:192.0.2.1"), ["198.51.100.9"].into_iter()),
            ip("198.51.100.9")
        );
    }

    #[test]
    fn bad_entries_are_named() {
        let err = TrustedProxies::parse(&["10.0.0.0/8", "proxy.example"]).unwrap_err();
        assert!(err.to_string().contains("proxy.example"));
    }
}
