"""Gateway hardening in-process: rate limits, body limit, CORS, redaction, and a fuzz test."""

import asyncio
import json

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.gateway.app import Settings, create_app
from bot.gateway.rate_limit import AddressKey, RateLimiter
from tests.conftest import FakeRasa, new_session

ORIGIN = "https://www.orebro.se"
SESSION = "a" * 16


def settings_for(rasa, **kwargs):
    return Settings(rasa_urls=[rasa.url], embed_origins=[ORIGIN], **kwargs)


@pytest.fixture
async def client(aiohttp_client, rasa):
    return await aiohttp_client(create_app(settings_for(rasa)))


async def test_personal_data_never_reaches_rasa(client, rasa):
    text = "ring mig på 070-123 45 67, mejla mig på a.b@example.se, pnr 850312-1234"
    resp = await client.post("/api/chat", json={"session": new_session(), "text": text})
    assert resp.status == 200
    sent = rasa.received[-1]["message"]
    assert "070" not in sent and "example" not in sent and "850312" not in sent
    assert "[telefonnummer]" in sent and "[e-post]" in sent and "[personnummer]" in sent


@pytest.mark.parametrize(
    "text, digits",
    [
        ("pnr 850312–1234", "850312"),
        ("pnr ８５０３１２-１２３４", "850312"),
        ("pnr 8503\u200b12-1234", "1234"),
        ("ring 70 123 45 67", "123 45 67"),
        ("mejla anna＠example.se", "anna"),
    ],
)
async def test_disguised_personal_data_never_reaches_rasa(client, rasa, text, digits):
    resp = await client.post("/api/chat", json={"session": new_session(), "text": text})
    assert resp.status == 200
    assert digits not in rasa.received[-1]["message"]


async def test_too_many_messages_from_one_session_get_a_kind_429(client):
    session = new_session()
    statuses = [
        (await client.post("/api/chat", json={"session": session, "text": "hej"}))
        for _ in range(12)
    ]
    assert [r.status for r in statuses[:10]] == [200] * 10
    limited = statuses[-1]
    assert limited.status == 429
    message = (await limited.json())["error"]["message"]
    assert "112" in message
    other = await client.post("/api/chat", json={"session": new_session(), "text": "hej"})
    assert other.status == 200


async def test_too_many_messages_from_one_address_are_limited(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(settings_for(rasa, address_rate=(0.01, 3))))
    statuses = [
        (await client.post("/api/chat", json={"session": new_session(), "text": "hej"})).status
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


async def statuses_from(client, addresses, text="hej"):
    """Send one message (each in a conversation of its own) per address, as a proxy forwards."""
    statuses = []
    for address in addresses:
        resp = await client.post(
            "/api/chat",
            json={"session": new_session(), "text": text},
            headers={"X-Forwarded-For": f"{address}, 10.0.0.7"},  # client, then the inner proxy
        )
        statuses.append(resp.status)
    return statuses


async def test_behind_a_trusted_proxy_each_client_has_its_own_limit(aiohttp_client, rasa):
    trusted = settings_for(rasa, forwarded_allow_ips=("127.0.0.1", "10.0.0.0/8"))
    client = await aiohttp_client(create_app(trusted))
    people = [f"198.51.{i // 250}.{i % 250 + 1}" for i in range(200)]
    assert 429 not in await statuses_from(client, people)
    # one client sending far too much is limited (right after its last request, before its
    # bucket refills on a slow machine), and a danger message from it still gets 112 and the
    # crisis card ...
    assert 429 in await statuses_from(client, ["203.0.113.9"] * 100)
    resp = await client.post(
        "/api/chat",
        json={"session": new_session(), "text": "han slår mig nu, vad ska jag göra"},
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    body = await resp.json()
    assert resp.status == 429
    assert body["messages"][0]["emergency"] is True and "112" in body["messages"][0]["text"]
    # ... alone
    assert 429 not in await statuses_from(client, people[:10])


async def test_an_untrusted_peer_cannot_choose_its_address(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(settings_for(rasa, forwarded_allow_ips=())))
    people = [f"198.51.{i // 250}.{i % 250 + 1}" for i in range(200)]
    assert 429 in await statuses_from(client, people)  # one peer, one limit


async def test_a_calm_message_over_the_limit_gets_only_the_429(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(settings_for(rasa, address_rate=(0.01, 1))))
    await client.post("/api/chat", json={"session": new_session(), "text": "hej"})
    resp = await client.post("/api/chat", json={"session": new_session(), "text": "öppettider?"})
    assert resp.status == 429 and "messages" not in await resp.json()


def test_rate_limiter_refills_and_forgets_idle_keys():
    now = [0.0]
    limiter = RateLimiter(per_second=1, burst=2, max_keys=2, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(3)] == [True, True, False]
    now[0] += 1
    assert limiter.allow("a")
    limiter.allow("b")
    limiter.allow("c")
    assert len(limiter) == 2


def test_address_key_hides_the_address():
    key = AddressKey()
    assert key("192.0.2.1") == key("192.0.2.1") != key("192.0.2.2")
    assert "192.0.2" not in key("192.0.2.1")  # (a random digest may hold "192" by chance)
    assert AddressKey()("192.0.2.1") != key("192.0.2.1")  # the key lives only in one process


async def test_a_compressed_body_is_refused_before_it_is_inflated(client):
    import zlib

    bomb = zlib.compress(b"[" * 5_000_000)  # 5 MB of JSON once inflated
    resp = await client.post(
        "/api/chat",
        data=bomb,
        headers={"Content-Type": "application/json", "Content-Encoding": "deflate"},
    )
    assert resp.status == 415
    assert (await resp.json())["error"]["code"] == "compressed_body"


@pytest.mark.parametrize(
    "body",
    [
        "[" * 5000 + "]" * 5000,  # nested too deep for json
        f'{{"session": "{SESSION}", "text": {"9" * 5000}}}',  # an integer too long to read
        f'{{"session": "{SESSION}", "text": "\\ud800 hej"}}',  # a lone surrogate
        f'{{"session": "{SESSION}\\n", "text": "hej"}}',  # a session ending in a newline
    ],
)
async def test_malformed_input_gets_400_not_500(client, body):
    resp = await client.post("/api/chat", data=body, headers={"Content-Type": "application/json"})
    assert resp.status == 400


async def test_oversized_body_gets_413_json(client):
    resp = await client.post(
        "/api/chat", data=b"{" + b" " * 20_000 + b"}", headers={"Content-Type": "application/json"}
    )
    assert resp.status == 413
    assert (await resp.json())["error"]["message"]


async def test_cors_only_for_configured_origins(client):
    allowed = await client.options("/api/chat", headers={"Origin": ORIGIN})
    assert allowed.status == 204 and allowed.headers["Access-Control-Allow-Origin"] == ORIGIN
    other = await client.options("/api/chat", headers={"Origin": "https://evil.example"})
    assert other.status == 403 and "Access-Control-Allow-Origin" not in other.headers
    assert "Access-Control-Allow-Credentials" not in allowed.headers


async def test_frame_ancestors_name_the_embedding_origin(client):
    resp = await client.get("/")
    assert f"frame-ancestors 'self' {ORIGIN}" in resp.headers["Content-Security-Policy"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
chat_bodies = st.fixed_dictionaries(
    {},
    optional={
        "session": st.one_of(
            st.text(max_size=80),
            st.from_regex(r"[A-Za-z0-9_-]{16,64}", fullmatch=True),
            json_values,
        ),
        "text": st.one_of(st.text(max_size=1100), json_values),
        "lang": st.one_of(
            st.sampled_from(["sv", "en", "ar", "", "xx-YY"]), st.text(max_size=8), json_values
        ),
    },
)
raw_bodies = st.one_of(
    chat_bodies.map(json.dumps),
    json_values.map(json.dumps),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
)


def test_fuzzed_requests_never_get_a_5xx():
    """A few thousand generated requests against the real gateway app: 2xx or 4xx only."""
    loop = asyncio.new_event_loop()
    fake = FakeRasa()  # runs on this test's own loop, like the gateway
    rasa_server = TestServer(fake.app(), loop=loop)
    loop.run_until_complete(rasa_server.start_server())
    app = create_app(
        Settings(
            rasa_urls=[str(rasa_server.make_url("")).rstrip("/")],
            session_rate=(1000.0, 10_000),
            address_rate=(1000.0, 10_000),
        )
    )
    client = TestClient(TestServer(app, loop=loop), loop=loop)
    loop.run_until_complete(client.start_server())
    paths = st.sampled_from(["/api/chat", "/api/end", "/api/chat?x=1", "/api/resources"])
    seen = []

    @settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
    @given(paths, raw_bodies)
    def one_request(path, body):
        async def go():
            method = client.get if path == "/api/resources" else client.post
            resp = await method(
                path,
                data=body.encode("utf-8", "surrogatepass"),
                headers={"Content-Type": "application/json"},
            )
            await resp.read()
            return resp.status

        status = loop.run_until_complete(go())
        seen.append(status)
        assert status < 500, (path, body[:200])

    try:
        one_request()
    finally:
        loop.run_until_complete(client.close())
        loop.run_until_complete(rasa_server.close())
        loop.close()
    assert len(seen) >= 1000 and 200 in seen and 400 in seen


async def raw_connection(client):
    return await asyncio.open_connection(client.server.host, client.server.port)


async def test_a_connection_that_never_finishes_its_headers_is_closed(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(settings_for(rasa, header_timeout=0.5)))
    reader, writer = await raw_connection(client)
    writer.write(b"POST /api/chat HTTP/1.1\r\nHost: x\r\n")  # and then nothing more
    await writer.drain()
    started = asyncio.get_running_loop().time()
    assert await asyncio.wait_for(reader.read(), 5) == b""  # closed by the gateway
    assert asyncio.get_running_loop().time() - started < 2
    writer.close()
    # a client that sends its request in time is answered as before
    resp = await client.post("/api/chat", json={"session": new_session(), "text": "hej"})
    assert resp.status == 200


async def test_a_body_that_never_arrives_gets_408(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(settings_for(rasa, body_timeout=0.5)))
    reader, writer = await raw_connection(client)
    writer.write(
        b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"session": '
    )
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(2000), 5)
    assert answer.startswith(b"HTTP/1.1 408")
    writer.close()
