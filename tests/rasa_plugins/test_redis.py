"""Conversations in a real Redis: expiry, delete, locks that expire, refusal of a persisting Redis,
and one conversation served by two Rasa processes (`bot serve --rasa-workers 2 --redis-url`)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Restarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import PROJECT_ROOT
from bot.core.redis_check import check_no_persistence, redis_problem
from bot.gateway.rasa_client import conversation_id, instance_order
from bot.rasa_plugins.redis_store import (
    LOCK_PREFIX,
    TRACKER_PREFIX,
    ExpiringRedisLockStore,
    ExpiringRedisTrackerStore,
)
from tests.conftest import new_session, post_json, running_redis, running_service

pytestmark = pytest.mark.redis

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain"))


@pytest.fixture
def client(redis_url):
    red = redis.Redis.from_url(redis_url)
    red.flushdb()
    return red


def tracker(sender: str, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [ActionExecuted("action_listen"), *events])


async def test_a_conversation_is_stored_with_the_idle_timeout_and_read_back(client):
    store = ExpiringRedisTrackerStore(DOMAIN, idle_timeout=30, client=client)
    await store.save(tracker("c1", UserUttered("hej")))
    assert 0 < client.ttl(TRACKER_PREFIX + "c1") <= 30
    stored = await store.retrieve("c1")
    assert [e.text for e in stored.events if isinstance(e, UserUttered)] == ["hej"]
    assert list(await store.keys()) == ["c1"]


async def test_a_conversation_expires_after_the_idle_timeout(client):
    store = ExpiringRedisTrackerStore(DOMAIN, idle_timeout=1, client=client)
    await store.save(tracker("c2", UserUttered("hej")))
    await asyncio.sleep(1.6)
    assert await store.retrieve("c2") is None
    assert client.keys("*") == []


async def test_a_restarted_conversation_is_deleted_at_once(client):
    store = ExpiringRedisTrackerStore(DOMAIN, idle_timeout=30, client=client)
    await store.save(tracker("c3", UserUttered("hej")))
    await store.save(tracker("c3", UserUttered("hej"), Restarted()))
    assert client.keys("*") == []


async def test_a_redis_that_dies_never_parks_a_conversation_in_memory():
    from rasa.core.tracker_store import FailSafeTrackerStore

    with running_redis() as url:
        red = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        store = FailSafeTrackerStore(ExpiringRedisTrackerStore(DOMAIN, idle_timeout=30, client=red))
        await store.save(tracker("c9", UserUttered("hej")))
        red.shutdown(nosave=True)
        await store.save(tracker("c9", UserUttered("hej"), UserUttered("jag heter Anna")))
        assert await store.retrieve("c9") is None
    # Rasa's fail-safe wrapper switched to its never-forgetting in-memory store: it must not have
    assert store._fallback_tracker_store is None


async def test_lock_keys_expire_and_are_removed_after_use(client):
    store = ExpiringRedisLockStore(client=client)
    async with store.lock("c4"):
        assert 0 < client.ttl(LOCK_PREFIX + "c4") <= 61
    assert client.keys("*") == []


def test_our_test_redis_does_not_persist(client):
    assert check_no_persistence(client) is None


@pytest.mark.parametrize(
    ("settings", "named"),
    [(("--save", "60 1"), "save"), (("--appendonly", "yes"), "appendonly yes")],
)
def test_a_redis_that_writes_to_disk_is_refused(settings, named):
    with running_redis(*settings) as url:
        problem = check_no_persistence(redis.Redis.from_url(url))
        assert problem and named in problem
        serve = subprocess.run(
            [sys.executable, "-m", "bot", "serve", "--redis-url", url, "--port", "9"],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert serve.returncode == 2
    assert "Refusing to start" in serve.stderr and named in serve.stderr


def test_an_unreachable_redis_is_refused():
    serve = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--redis-url", "redis://127.0.0.1:9/0"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert serve.returncode == 2 and "cannot reach Redis" in serve.stderr


PASSWORD = "test-password-" + "x" * 16


def shipped_acl_rules() -> dict[str, list[str]]:
    """The Redis user rules as deploy/ ships them: the systemd ACL file and Kubernetes args."""
    systemd = [
        line.split()[1:]
        for line in (PROJECT_ROOT / "deploy/systemd/redis.acl.example").read_text().splitlines()
    ]
    doc = next(yaml.safe_load_all((PROJECT_ROOT / "deploy/kubernetes/redis.yaml").read_text()))
    args = doc["spec"]["template"]["spec"]["containers"][0]["args"]
    users, current = [], None
    for arg in args:
        if arg == "--user":
            current = []
            users.append(current)
        elif arg.startswith("--"):
            current = None
        elif current is not None:
            current.append(arg)
    rules = {"systemd": systemd, "kubernetes": users}
    for users in rules.values():
        for user in users:
            user[:] = [f">{PASSWORD}" if r.startswith(("#", ">")) else r for r in user]
    return rules


def test_redis_starts_with_the_shipped_acl_file(tmp_path):
    # an ACL file takes only user lines: a comment would stop Redis from starting
    acl = tmp_path / "redis.acl"
    text = (PROJECT_ROOT / "deploy/systemd/redis.acl.example").read_text()
    digest = hashlib.sha256(PASSWORD.encode()).hexdigest()  # as the docs make it, with sha256sum
    acl.write_text(text.replace("REPLACE_WITH_SHA256_OF_THE_PASSWORD", digest))
    ready = f"redis://orebro-stod:{PASSWORD}@{{host}}/0"
    with running_redis("--aclfile", str(acl), ready_url=ready) as url:
        assert redis_problem(url) is None


@pytest.mark.parametrize("where", ["systemd", "kubernetes"])
async def test_the_shipped_redis_user_cannot_watch_or_persist_but_can_serve(where):
    flags = [arg for user in shipped_acl_rules()[where] for arg in ("--user", *user)]
    with running_redis(*flags, ready_url=f"redis://orebro-stod:{PASSWORD}@{{host}}/0") as url:
        service = redis.Redis.from_url(url)
        assert redis_problem(url) is None  # reachable, and it can check persistence
        store = ExpiringRedisTrackerStore(DOMAIN, idle_timeout=30, client=service)
        await store.save(tracker("acl", UserUttered("hej")))
        assert (await store.retrieve("acl")) is not None and list(await store.keys()) == ["acl"]
        for refused in (
            lambda: service.execute_command("MONITOR"),
            lambda: service.config_set("save", "60 1"),
            lambda: service.save(),
            lambda: service.bgsave(),
            lambda: service.keys("*"),
            lambda: service.set("not-ours", "1"),
        ):
            with pytest.raises(redis.exceptions.NoPermissionError):
                refused()
        with pytest.raises(redis.exceptions.AuthenticationError):  # the default user is off
            redis.Redis.from_url(url.replace(f"orebro-stod:{PASSWORD}@", "")).ping()


IDLE_TIMEOUT = 4


@pytest.fixture(scope="module")
def scaled(redis_url):
    """`bot serve` with two Rasa processes sharing the test Redis."""
    with running_service(
        "--rasa-workers", "2", "--redis-url", redis_url, "--idle-timeout", str(IDLE_TIMEOUT),
        "--address-rate", "1000",
    ) as svc:  # fmt: skip
        yield svc


def chat(service, session: str, text: str) -> dict:
    status, body, _ = service.chat(text, session)
    assert status == 200
    return body


def rasa_direct(service, index: int, session: str, text: str) -> None:
    """A message straight to one Rasa process, as the gateway would send it."""
    status, _, _ = post_json(
        f"http://127.0.0.1:{service.rasa_port + index}/webhooks/rest/webhook",
        {"sender": conversation_id(session), "message": text, "metadata": {"lang": "sv"}},
    )
    assert status == 200


def test_turns_on_two_rasa_processes_make_one_conversation(scaled, client):
    session = new_session()
    first, second = instance_order(conversation_id(session), 2)
    assert not chat(scaled, session, "hej")["degraded"]  # goes to `first`
    rasa_direct(scaled, second, session, '/victim{"language": "sv"}')
    rasa_direct(scaled, first, session, "tack")
    store = ExpiringRedisTrackerStore(DOMAIN, client=client)
    stored = asyncio.run(store.retrieve(conversation_id(session)))
    said = [e.text for e in stored.events if isinstance(e, UserUttered)]
    assert said == ["hej", '/victim{"language": "sv"}', "tack"]
    bot_turns = [e for e in stored.events if e.type_name == "bot"]
    assert len(bot_turns) >= 3  # each process answered its turn


def test_a_conversation_expires_from_redis_after_the_idle_timeout(scaled, client):
    session = new_session()
    chat(scaled, session, "hej")
    key = TRACKER_PREFIX + conversation_id(session)
    assert 0 < client.ttl(key) <= IDLE_TIMEOUT
    time.sleep(IDLE_TIMEOUT + 0.5)
    assert not client.exists(key)


def test_end_deletes_the_conversation_from_redis(scaled, client):
    session = new_session()
    chat(scaled, session, "min sambo slår mig")
    key = TRACKER_PREFIX + conversation_id(session)
    assert client.exists(key)
    status, _, _ = post_json(f"{scaled.url}/api/end", {"session": session})
    assert status == 204
    assert client.keys("*") == []


def test_no_key_ever_lacks_a_ttl_under_load(scaled, client):
    texts = ["hej", "/victim", "han slår mig nu", "/shelter", "vem kan jag ringa"]
    sessions = [new_session() for _ in range(20)]
    seen_without_ttl: set[bytes] = set()
    seen = 0
    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(chat, scaled, s, t) for t in texts for s in sessions]
        while not all(f.done() for f in futures):
            for key in client.scan_iter("*"):
                seen += 1
                if client.ttl(key) == -1:  # -2 means it just went away, which is fine
                    seen_without_ttl.add(key)
        assert all(not f.result()["degraded"] for f in futures)
    assert seen > 0 and not seen_without_ttl
    assert all(
        k.startswith((TRACKER_PREFIX.encode(), LOCK_PREFIX.encode())) for k in client.scan_iter("*")
    )


def test_a_killed_rasa_process_is_failed_over_and_restarted(scaled):
    victim = scaled.child(f"--port {scaled.rasa_port} ")
    os.kill(victim, signal.SIGKILL)
    sessions = [new_session() for _ in range(30)]
    # half of them would go to the killed process first
    assert {instance_order(conversation_id(s), 2)[0] for s in sessions} == {0, 1}
    answers = [chat(scaled, s, "min pappa slår mig") for s in sessions]
    assert not any(a["degraded"] for a in answers)
    scaled.wait_ready(120)
    assert "rasa-0 exited" in scaled.printed()
    assert scaled.child(f"--port {scaled.rasa_port} ") != victim


async def test_readyz_fails_while_redis_persists_or_is_down(aiohttp_client, aiohttp_server):
    from aiohttp import web

    from bot.gateway.app import Settings, create_app
    from tests.conftest import FakeRasa

    rasa = await aiohttp_server(FakeRasa().app())
    actions = web.Application()
    actions.router.add_get("/health", lambda _request: web.json_response({"status": "ok"}))
    actions_server = await aiohttp_server(actions)

    def url_of(server):
        return str(server.make_url("")).rstrip("/")

    with running_redis() as url:
        settings = Settings(
            rasa_urls=[url_of(rasa)], actions_url=url_of(actions_server), redis_url=url
        )
        client = await aiohttp_client(create_app(settings))
        ready = await client.get("/readyz")
        assert ready.status == 200 and (await ready.json())["redis"] == "ok"
        redis.Redis.from_url(url).config_set("save", "60 1")  # someone turns snapshots on
        persisting = await client.get("/readyz")
        assert persisting.status == 503
        assert "save" in (await persisting.json())["redis"]["problem"]
    down = await client.get("/readyz")
    assert down.status == 503 and "cannot reach Redis" in (await down.json())["redis"]["problem"]
