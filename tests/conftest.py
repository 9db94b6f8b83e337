"""Shared fixtures and helpers: the resource catalogue, the texts files as written, the trained
Rasa agent, a stand-in Rasa, the running service, a real Redis and headless Chromium. The tests
import the helpers from here (`from tests.conftest import ...`): one copy of each."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from aiohttp import web

from bot import PROJECT_ROOT
from bot.core.resources import load
from bot.core.texts import TEXTS_DIR
from bot.tools.local_agent import MODEL, action_server, load_agent


@pytest.fixture(scope="session")
def catalogue():
    return load(PROJECT_ROOT / "resources.yml")


def new_session() -> str:
    """A session id like the widget makes: random, 48 hex characters."""
    return secrets.token_hex(24)


def texts_file(lang: str) -> dict:
    """bot/core/texts/<lang>.yml as written (bot.core.texts falls back to Swedish)."""
    return yaml.safe_load((TEXTS_DIR / f"{lang}.yml").read_text(encoding="utf-8"))


# What the stand-in Rasa answers unless told otherwise: a number, a button and a card to fill in.
GREETING = [
    {
        "recipient_id": "x",
        "text": "Hej! Ring [[emergency.phone]].",
        "buttons": [{"title": "A", "payload": "/victim"}],
    },
    {"recipient_id": "x", "custom": {"resources": ["kvinnofridslinjen"], "emergency": True}},
]


class FakeRasa:
    """A stand-in for Rasa's REST channel that records what it was sent.

    It answers `answer` (GREETING by default) with HTTP `status` after `delay` seconds; its `/`
    (the gateway's status probe) is counted in `status_requests`. Change them during a test.
    """

    def __init__(self, answer: list[dict] | None = None, delay: float = 0.0):
        self.received: list[dict] = []
        self.answer = GREETING if answer is None else answer
        self.delay = delay
        self.status = 200
        self.status_requests = 0

    async def webhook(self, request):
        self.received.append(await request.json())
        await asyncio.sleep(self.delay)
        return web.json_response(self.answer, status=self.status)

    async def root(self, _request):
        self.status_requests += 1
        await asyncio.sleep(self.delay)
        return web.Response(text="Hello from Rasa")

    def app(self):
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        app.router.add_get("/", self.root)
        return app

    async def start(self, aiohttp_server) -> FakeRasa:
        """Serve it on a free port with pytest-aiohttp's `aiohttp_server` fixture."""
        self.server = await aiohttp_server(self.app())
        return self

    @property
    def url(self) -> str:
        """Its base URL, as the gateway's settings take it (`rasa_urls`)."""
        return str(self.server.make_url("")).rstrip("/")


@pytest.fixture
async def rasa(aiohttp_server) -> FakeRasa:
    """A stand-in Rasa, running, for an in-process gateway."""
    return await FakeRasa().start(aiohttp_server)


@pytest.fixture(scope="session")
def tracker_store():
    """The forgetful tracker store, as endpoints.yml configures it."""
    from rasa.core.tracker_store import create_tracker_store
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "tracker_store")
    return create_tracker_store(config, Domain.load(str(PROJECT_ROOT / "domain")))


@pytest.fixture(scope="session")
def agent(tracker_store):
    """The trained model loaded in-process, with the forgetful tracker store, quiet logs and a
    real action server."""
    with action_server() as action_url:
        yield load_agent(MODEL, tracker_store=tracker_store, action_url=action_url)


@dataclass
class Service:
    """A `python -m bot serve` started by the tests, with what its processes printed."""

    url: str
    process: subprocess.Popen
    rasa_port: int = 0  # the first Rasa process; with --rasa-workers N, the next N-1 follow
    metrics_port: int = 0  # the gateway's /metrics; Rasa process i's on the i+1-th next port
    started: float = field(default_factory=time.time)
    output: list[str] = field(default_factory=list)

    def printed(self) -> str:
        return "".join(self.output)

    def children(self) -> dict[int, str]:
        """Child pids of `bot serve` with their command lines (from /proc)."""
        found = {}
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
                found[int(child)] = cmdline.decode(errors="replace")
        return found

    def child(self, needle: str) -> int:
        """The one child whose command line contains `needle`."""
        pids = [pid for pid, cmd in self.children().items() if needle in cmd]
        assert len(pids) == 1, pids
        return pids[0]

    def readyz(self) -> dict | None:
        """The gateway's /readyz body, whatever its status; None when it does not answer."""
        try:
            with urllib.request.urlopen(f"{self.url}/readyz", timeout=5) as resp:
                return json.loads(resp.read())
        except urllib.error.HTTPError as e:
            return json.loads(e.read())
        except OSError:
            return None

    def metrics(self, rasa_process: int | None = None) -> str:
        """The /metrics text of the gateway, or of Rasa process `rasa_process` (0, 1, …)."""
        port = self.metrics_port + (0 if rasa_process is None else 1 + rasa_process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
            return resp.read().decode()

    def chat(
        self, text: str, session: str | None = None, lang: str = "sv"
    ) -> tuple[int, dict | None, dict[str, str]]:
        """One message to /api/chat (a new session unless given); as post_json returns it."""
        body = {"session": session or new_session(), "text": text, "lang": lang}
        return post_json(f"{self.url}/api/chat", body)

    def count(self, name: str, rasa_process: int | None = None, **labels: str) -> float:
        """One counter of the gateway or a Rasa process (the series with these labels)."""
        from bot.tools.stats import add_up

        series = add_up([self.metrics(rasa_process)]).counts.get(name, {})
        return sum(v for k, v in series.items() if labels.items() <= dict(k).items())

    def wait_ready(self, seconds: float = 90) -> None:
        """Wait until every process behind the gateway answers again."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status = self.readyz()
            if status and status["actions"] == "up" and "down" not in status["rasa"]:
                return
            time.sleep(0.5)
        raise AssertionError("the service did not become ready again")


# Ports for servers the tests start are taken below the kernel's range for outgoing connections
# (32768-60999 on Linux): a port from that range, free when chosen, can be taken as the local port
# of some connection before a (re)started server binds it.
_SERVER_PORTS = (20000, 32000)


def _free_ports_in_a_row(count: int) -> int:
    """The first of `count` consecutive free loopback ports, outside the outgoing range."""
    import random
    import socket

    for _ in range(200):
        first = random.randrange(_SERVER_PORTS[0], _SERVER_PORTS[1] - count)
        try:
            for offset in range(count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", first + offset))
            return first
        except OSError:
            continue
    raise RuntimeError("no consecutive free ports")


def _free_port() -> int:
    """A free loopback port for a server, outside the range of outgoing connections."""
    return _free_ports_in_a_row(1)


@contextmanager
def running_service(*extra_args: str) -> Iterator[Service]:
    """`python -m bot serve` on free ports, with its output kept in memory (never on disk)."""
    # one block of free ports, so that no two of them can be the same (chosen apart, they were
    # once in a few hundred starts): the gateway, 4 for Rasa, the action server, 5 for metrics
    # (the gateway's, then one for each Rasa process)
    port = _free_ports_in_a_row(11)
    rasa_port, actions_port, metrics_port = port + 1, port + 5, port + 6
    env = dict(os.environ, PYTHONUNBUFFERED="1", RASA_TELEMETRY_ENABLED="false")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "bot", "serve", *extra_args,
            "--port", str(port), "--rasa-port", str(rasa_port), "--actions-port", str(actions_port),
            "--metrics-port", str(metrics_port),
        ],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    svc = Service(
        url=f"http://127.0.0.1:{port}", process=proc, rasa_port=rasa_port, metrics_port=metrics_port
    )
    reader = threading.Thread(target=lambda: svc.output.extend(iter(proc.stdout.readline, "")))
    reader.daemon = True
    reader.start()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and "Ready in" not in svc.printed():
        if proc.poll() is not None:
            pytest.fail("bot serve exited during start-up:\n" + svc.printed()[-3000:])
        time.sleep(0.2)
    if "Ready in" not in svc.printed():
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("bot serve did not become ready:\n" + svc.printed()[-3000:])
    if "--rasa-workers" in extra_args:  # the other Rasa processes start after the first answers
        while time.monotonic() < deadline and "Rasa processes up in" not in svc.printed():
            time.sleep(0.2)
        if "Rasa processes up in" not in svc.printed():
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("not every Rasa process came up:\n" + svc.printed()[-3000:])
    try:
        yield svc
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)  # the test failed: never leave the service running
        raise
    proc.send_signal(signal.SIGTERM)
    try:
        returncode = proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("bot serve did not stop within 20 s of SIGTERM")
    reader.join(timeout=5)
    assert returncode == 0 and "Stopped." in svc.printed(), "bot serve did not stop cleanly"


# A site that embeds the chat, on an origin of its own (tests/end_to_end/test_browser.py serves
# its page).
EMBEDDING_PORT = _free_port()
EMBEDDING_SITE = f"http://localhost:{EMBEDDING_PORT}"


@pytest.fixture(scope="session")
def service() -> Iterator[Service]:
    """The real service (action server, Rasa, gateway), embeddable by EMBEDDING_SITE.

    Started with --debug: the most verbose logging it has must still print no message text.
    """
    with running_service("--debug", "--embed-origin", EMBEDDING_SITE) as svc:
        yield svc


def post_json(
    url: str, body: dict, headers: dict[str, str] | None = None
) -> tuple[int, dict | None, dict[str, str]]:
    """POST JSON with the standard library; returns (status, parsed body or None, headers)."""
    req = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(req, timeout=15) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None), dict(resp.headers)
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, (json.loads(raw) if raw else None), dict(e.headers)


ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"  # screenshots; not committed
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, driven by Playwright.

    Module scope: sync Playwright keeps an event loop running while it is open, which the
    asyncio tests of other modules must not see.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run 'make test' (it installs Debian's chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@contextmanager
def running_redis(*settings: str, ready_url: str = "redis://{host}/0") -> Iterator[str]:
    """A real redis-server on a free loopback port, in a throw-away directory; yields its URL.

    By default persistence is off (`save ""`, `appendonly no`), as production must run it;
    `settings` are extra command-line settings (e.g. "--save", "60 1"); `ready_url` is the URL
    to use it with ({host} is filled in), e.g. with a user and password.
    """
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is missing: `make test` installs it (scripts/ensure-packages.sh)")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="bot-redis-") as tmp:
        proc = subprocess.Popen(
            [
                server, "--port", str(port), "--bind", "127.0.0.1", "--dir", tmp,
                "--save", "", "--appendonly", "no", *settings,
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = ready_url.format(host=f"127.0.0.1:{port}")
        try:
            import redis

            client = redis.Redis.from_url(url)
            deadline = time.monotonic() + 10
            while True:
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        pytest.fail("redis-server did not start")
                    time.sleep(0.05)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A redis-server with persistence off, for the whole test session."""
    with running_redis() as url:
        yield url
