"""Spreading conversations over several Rasa processes, and failing over when one is gone."""

from __future__ import annotations

import asyncio
import secrets

from aiohttp import web

from bot.gateway.rasa_client import RasaPool, conversation_id, instance_order
from tests.conftest import _free_port, new_session


def test_conversation_id_is_stable_and_hides_the_session():
    session = new_session()
    assert conversation_id(session) == conversation_id(session)
    assert conversation_id(session) != conversation_id(new_session())
    assert session not in conversation_id(session)


def test_conversations_are_spread_evenly_and_fail_over_to_another_process():
    firsts = [instance_order(conversation_id(new_session()), 3) for _ in range(3000)]
    counts = [sum(order[0] == i for order in firsts) for i in range(3)]
    assert all(900 < c < 1100 for c in counts), counts
    assert all(len(order) == 2 and order[0] != order[1] for order in firsts)
    assert instance_order(conversation_id(new_session()), 1) == [0]


class FakeRasa:
    """A Rasa REST channel that answers with its own name, after `delay` seconds."""

    def __init__(self, name: str, delay: float = 0.0):
        self.name, self.delay, self.received = name, delay, []

    async def webhook(self, request: web.Request) -> web.Response:
        self.received.append(await request.json())
        await asyncio.sleep(self.delay)
        return web.json_response([{"recipient_id": "x", "text": self.name}])


async def start_fake(aiohttp_server, fake: FakeRasa) -> str:
    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", fake.webhook)
    server = await aiohttp_server(app)
    return str(server.make_url("")).rstrip("/")


def session_whose_first_choice_is(index: int, count: int) -> str:
    while True:
        session = secrets.token_hex(24)
        if instance_order(conversation_id(session), count)[0] == index:
            return session


async def test_a_process_that_cannot_be_reached_is_skipped_once(aiohttp_server):
    alive = FakeRasa("alive")
    dead_url = f"http://127.0.0.1:{_free_port()}"  # nothing listens: connection refused
    pool = RasaPool([dead_url, await start_fake(aiohttp_server, alive)], timeout=2)
    await pool.open()
    try:
        for first in (0, 1):
            answer = await pool.ask(session_whose_first_choice_is(first, 2), "hej", "sv")
            assert answer == [{"recipient_id": "x", "text": "alive"}]
        assert len(alive.received) == 2
    finally:
        await pool.close()


async def test_a_slow_process_is_not_retried(aiohttp_server):
    slow, other = FakeRasa("slow", delay=1.0), FakeRasa("other")
    urls = [await start_fake(aiohttp_server, slow), await start_fake(aiohttp_server, other)]
    pool = RasaPool(urls, timeout=0.3)
    await pool.open()
    try:
        assert await pool.ask(session_whose_first_choice_is(0, 2), "hej", "sv") is None
        assert len(slow.received) == 1 and other.received == []
    finally:
        await pool.close()


async def test_end_restarts_the_conversation_only_where_it_can_be(aiohttp_server):
    fakes = [FakeRasa("a"), FakeRasa("b"), FakeRasa("c")]
    pool = RasaPool([await start_fake(aiohttp_server, f) for f in fakes], timeout=2)
    await pool.open()
    session = session_whose_first_choice_is(1, 3)
    try:
        await pool.end(session)
    finally:
        await pool.close()
    restart = [(conversation_id(session), "/restart")]
    # its own process and the one that takes over when that one is down; not the third
    assert [[(m["sender"], m["message"]) for m in f.received] for f in fakes] == [
        [],
        restart,
        restart,
    ]
