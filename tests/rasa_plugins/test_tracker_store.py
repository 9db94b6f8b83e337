"""The forgetful tracker store: idle expiry, a size cap, delete on restart."""

import asyncio

import pytest
from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Restarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot import PROJECT_ROOT
from bot.rasa_plugins import tracker_store
from bot.rasa_plugins.tracker_store import ForgetfulTrackerStore

DOMAIN = Domain.empty()


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def tracker(sender: str, *events) -> DialogueStateTracker:
    t = DialogueStateTracker(sender, slots=[])
    for e in events or (UserUttered("hej"),):
        t.update(e)
    return t


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(clock):
    return ForgetfulTrackerStore(DOMAIN, idle_timeout=60, max_conversations=3, clock=clock)


async def test_saved_conversation_can_be_retrieved(store):
    await store.save(tracker("a"))
    assert (await store.retrieve("a")).sender_id == "a"


async def test_conversation_expires_after_idle_timeout(store, clock):
    await store.save(tracker("a"))
    clock.now += 59
    assert await store.retrieve("a") is not None
    clock.now += 2
    assert await store.retrieve("a") is None
    assert "a" not in store.store


async def test_idle_conversations_expire_on_a_timer_without_traffic(store, clock, monkeypatch):
    monkeypatch.setattr(tracker_store, "EXPIRY_INTERVAL", 0.05)
    await store.save(tracker("a"))
    clock.now += 61
    await asyncio.sleep(0.3)  # no message, no retrieve: only the timer runs
    assert "a" not in store.store


async def test_activity_keeps_a_conversation_alive(store, clock):
    await store.save(tracker("a"))
    clock.now += 50
    await store.save(tracker("a"))
    clock.now += 50
    assert await store.retrieve("a") is not None


async def test_oldest_conversation_is_evicted_at_the_cap(store, clock):
    for name in "abcd":
        await store.save(tracker(name))
        clock.now += 1
    assert sorted(await store.keys()) == ["b", "c", "d"]


async def test_restart_deletes_the_conversation(store):
    await store.save(tracker("a"))
    await store.save(
        tracker("a", UserUttered("/restart"), ActionExecuted("action_restart"), Restarted())
    )
    assert await store.retrieve("a") is None
    assert "a" not in store.store and "a" not in store._last_seen


def test_delete_unknown_conversation_is_harmless(store):
    store.delete("nobody")


def test_endpoints_yml_selects_the_forgetful_store():
    # Rasa silently falls back to its never-forgetting store if the class cannot be loaded.
    config = read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "tracker_store")
    assert isinstance(create_tracker_store(config, DOMAIN), ForgetfulTrackerStore)


def test_timeout_and_cap_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("BOT_IDLE_TIMEOUT", "5")
    monkeypatch.setenv("BOT_MAX_CONVERSATIONS", "7")
    store = ForgetfulTrackerStore(DOMAIN)
    assert (store.idle_timeout, store.max_conversations) == (5.0, 7)


async def test_conversations_beyond_the_hot_ones_are_kept_compressed_and_come_back_whole(clock):
    store = ForgetfulTrackerStore(
        DOMAIN, idle_timeout=60, max_conversations=10, clock=clock, hot_conversations=2
    )
    for sender in "abc":
        await store.save(
            tracker(sender, UserUttered(f"hej från {sender}"), ActionExecuted("utter_greet"))
        )
    assert isinstance(store.store["a"], bytes)
    assert not isinstance(store.store["b"], bytes) and not isinstance(store.store["c"], bytes)
    back = await store.retrieve("a")
    assert [e.text for e in back.events if isinstance(e, UserUttered)] == ["hej från a"]
    assert [e.action_name for e in back.events if isinstance(e, ActionExecuted)] == ["utter_greet"]
    await store.save(back)  # the person wrote again: hot again, and "b" goes cold
    assert not isinstance(store.store["a"], bytes) and isinstance(store.store["b"], bytes)
    await store.save(tracker("b", Restarted()))
    assert "b" not in store.store and "b" not in store._hot
