"""The client's address behind trusted proxies, as gunicorn and uvicorn do it.

Only when the TCP peer is a listed proxy (`--forwarded-allow-ips`, or $FORWARDED_ALLOW_IPS) is the
client's address taken from `X-Forwarded-For` (or, without it, RFC 7239 `Forwarded`): the
right-most hop that is not itself a trusted proxy, since every proxy appends the address it saw
and only the hops added by our own proxies can be believed. Otherwise the headers are ignored.
The address is only used as a rate-limit key (hashed, never stored or logged).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping

_FORWARDED_FOR = re.compile(r'(?:^|[;,\s])for="?\[?([^\]";,]+)', re.IGNORECASE)


class TrustedProxies:
    """Addresses and networks ("10.0.0.0/8") of proxies whose forwarding headers count; "*"
    trusts every peer (only behind a proxy that no one can bypass)."""

    def __init__(self, entries: Iterable[str]):
        entries = [e.strip() for e in entries if e.strip()]
        self.everyone = "*" in entries
        self.networks = [ipaddress.ip_network(e, strict=False) for e in entries if e != "*"]

    @classmethod
    def parse(cls, value: str) -> TrustedProxies:
        """From a comma-separated list, as in FORWARDED_ALLOW_IPS."""
        return cls(value.split(","))

    def __contains__(self, address: str | None) -> bool:
        if self.everyone:
            return True
        try:
            ip = ipaddress.ip_address(address or "")
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def client_address(self, peer: str | None, headers: Mapping[str, str]) -> str | None:
        """The address to rate-limit: the peer, or the client a trusted proxy forwarded."""
        if peer not in self:
            return peer
        hops = forwarded_hops(headers)
        for hop in reversed(hops):
            if hop not in self:
                return hop
        return hops[0] if hops else peer


def forwarded_hops(headers: Mapping[str, str]) -> list[str]:
    """The addresses in X-Forwarded-For (or Forwarded), client first, ports removed."""
    if value := headers.get("X-Forwarded-For"):
        return [_without_port(hop.strip().strip("[]")) for hop in value.split(",") if hop.strip()]
    found = _FORWARDED_FOR.findall(headers.get("Forwarded", ""))
    return [_without_port(hop.strip()) for hop in found]


def _without_port(hop: str) -> str:
    """ "192.0.2.60:4711" -> "192.0.2.60"; an IPv6 address (brackets already gone) stays whole."""
    if hop.count(":") == 1:
        return hop.split(":")[0]
    return hop
