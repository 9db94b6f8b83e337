"""The client's address behind trusted proxies (no server needed)."""

import pytest

from bot.gateway.forwarded import TrustedProxies, forwarded_hops

PROXIES = TrustedProxies(["127.0.0.1", "10.0.0.0/8", "::1"])


def test_an_untrusted_peer_is_the_client_whatever_it_sends():
    headers = {"X-Forwarded-For": "192.0.2.1"}
    assert PROXIES.client_address("203.0.113.5", headers) == "203.0.113.5"


def test_the_right_most_untrusted_hop_is_the_client():
    # "6.6.6.6" was written by the client itself; only what our proxies appended counts
    headers = {"X-Forwarded-For": "6.6.6.6, 198.51.100.2, 10.1.2.3"}
    assert PROXIES.client_address("127.0.0.1", headers) == "198.51.100.2"


def test_only_trusted_hops_give_the_left_most():
    assert PROXIES.client_address("10.0.0.1", {"X-Forwarded-For": "10.9.9.9"}) == "10.9.9.9"
    assert PROXIES.client_address("10.0.0.1", {}) == "10.0.0.1"


def test_the_forwarded_header_with_ports_and_ipv6():
    headers = {"Forwarded": 'for=192.0.2.60:4711;proto=https, for="[2001:db8::17]:4711"'}
    assert forwarded_hops(headers) == ["192.0.2.60", "2001:db8::17"]
    assert PROXIES.client_address("::1", headers) == "2001:db8::17"


def test_everyone_trusted_with_a_star_and_nonsense_refused():
    assert TrustedProxies.parse("*").client_address(
        "203.0.113.5", {"X-Forwarded-For": "1.2.3.4"}
    ) == ("1.2.3.4")
    with pytest.raises(ValueError):
        TrustedProxies.parse("10.0.0.0/8,nonsense")


def test_a_port_on_a_forwarded_hop_does_not_make_a_new_client():
    headers = {"X-Forwarded-For": "198.51.100.2:5678, 10.1.2.3"}
    assert PROXIES.client_address("127.0.0.1", headers) == "198.51.100.2"
