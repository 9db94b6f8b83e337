"""Spreading conversations over several Rasa processes, and failing over when one is gone."""

from __future__ import annotations

from bot.gateway.rasa_client import RasaPool, conversation_id, instance_order
from tests.conftest import FakeRasa, _free_port, new_session


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


def named(name: str, delay: float = 0.0) -> FakeRasa:
    """A stand-in Rasa process that answers with its own name, after `delay` seconds."""
    return FakeRasa([{"recipient_id": "x", "text": name}], delay)


async def start_fake(aiohttp_server, fake: FakeRasa) -> str:
    return (await fake.start(aiohttp_server)).url


def session_whose_first_choice_is(index: int, count: int) -> str:
    while True:
        session = new_session()
        if instance_order(conversation_id(session), count)[0] == index:
            return session


async def test_a_process_that_cannot_be_reached_is_skipped_once(aiohttp_server):
    alive = named("alive")
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
    slow, other = named("slow", delay=1.0), named("other")
    urls = [await start_fake(aiohttp_server, slow), await start_fake(aiohttp_server, other)]
    pool = RasaPool(urls, timeout=0.3)
    await pool.open()
    try:
        assert await pool.ask(session_whose_first_choice_is(0, 2), "hej", "sv") is None
        assert len(slow.received) == 1 and other.received == []
    finally:
        await pool.close()


async def test_end_restarts_the_conversation_only_where_it_can_be(aiohttp_server):
    fakes = [named("a"), named("b"), named("c")]
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
