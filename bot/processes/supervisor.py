"""Start and supervise the processes: action server, one or more Rasa processes, the gateway.

`python -m bot serve` runs them as children, restarts a child that dies (with back-off), and
stops them on Ctrl-C / SIGTERM: the gateway first, so that it can finish the requests it has
(it stops accepting new ones at once), then Rasa and the action server. Children inherit
stdout/stderr; none of them logs text.

With `--rasa-workers N` it runs N Rasa processes on consecutive ports from `--rasa-port`; the
gateway spreads conversations across them. With `--redis-url` (or $BOT_REDIS_URL) conversations
and locks live in Redis (bot/rasa_plugins/redis_store.py), which must have persistence off.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot import PROJECT_ROOT
from bot.core import settings
from bot.core.redis_check import redis_problem

MODEL_PATH = settings.RASA_MODEL


@dataclass
class ServeOptions:
    """What `bot serve` was asked for."""

    host: str = "127.0.0.1"
    port: int = 8080
    rasa_port: int = 5005
    actions_port: int = 5055
    idle_timeout: int = 30 * 60
    max_conversations: int = 10_000
    model: Path = MODEL_PATH
    embed_origins: list[str] = field(default_factory=list)
    debug: bool = False
    staff: bool = False
    address_rate: float = 3.0
    forwarded_allow_ips: str = "127.0.0.1,::1"
    rasa_workers: int = 1
    redis_url: str | None = None
    metrics_port: int = 9464  # the gateway's; Rasa process i on the i+1-th next; 0: none
    metrics_host: str = "127.0.0.1"

    def rasa_ports(self) -> list[int]:
        return [self.rasa_port + i for i in range(self.rasa_workers)]

    def port_problem(self) -> str | None:
        """Why these ports cannot all be used (one port twice, or above 65535), or None."""
        used = [self.port, *self.rasa_ports(), self.actions_port]
        if self.metrics_port:
            used += [self.metrics_port + i for i in range(self.rasa_workers + 1)]
        if max(used) > 65535:
            return f"port {max(used)} is above 65535"
        twice = sorted({port for port in used if used.count(port) > 1})
        if twice:
            return (
                f"port {twice[0]} would be used twice: --port, --rasa-port (one per Rasa worker), "
                "--actions-port and --metrics-port (one more per Rasa worker) must not overlap"
            )
        return None

    def metrics_options(self, process: int | None = None) -> list[str]:
        """`--metrics-port/--metrics-host` of the gateway (None) or of Rasa process i."""
        if not self.metrics_port:
            return []
        port = self.metrics_port if process is None else self.metrics_port + 1 + process
        return ["--metrics-port", str(port), "--metrics-host", self.metrics_host]


def child_env(options: ServeOptions) -> dict[str, str]:
    """Environment for the children: telemetry off, logs at WARNING (INFO with --debug)."""
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        LOG_LEVEL="INFO" if options.debug else "WARNING",
        LOG_LEVEL_LIBRARIES="ERROR",
        SANIC_HOST="127.0.0.1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")])),
        TF_CPP_MIN_LOG_LEVEL="3",
        PYTHONWARNINGS="ignore",
        # A message holds its conversation's lock while Rasa handles it. If the Rasa process dies
        # meanwhile, the lock stays until it expires (Rasa's default: 60 s), and every further
        # message of that conversation waits. Handling takes milliseconds and the gateway gives
        # up after 3 s, so 10 s is plenty.
        TICKET_LOCK_LIFETIME="10",
    )
    # the service's own settings (bot.core.settings), as the children read them
    env[settings.IDLE_TIMEOUT] = str(options.idle_timeout)
    env[settings.MAX_CONVERSATIONS] = str(options.max_conversations)
    env[settings.STAFF] = "1" if options.staff else "0"
    if options.redis_url:
        env[settings.REDIS_URL] = options.redis_url
    else:
        env.pop(settings.REDIS_URL, None)
    return env


def write_endpoints(options: ServeOptions, directory: Path) -> Path:
    """endpoints.yml with this run's action server port and stores (a private temp copy)."""
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{options.actions_port}/webhook"
    if options.redis_url:  # the URL itself reaches the children through the environment
        endpoints["tracker_store"] = {"type": "bot.rasa_plugins.redis_store.ExpiringRedisTrackerStore"}
        endpoints["lock_store"] = {"type": "bot.rasa_plugins.redis_store.ExpiringRedisLockStore"}
    path = directory / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return path


def commands(options: ServeOptions, endpoints: Path) -> dict[str, list[str]]:
    """The command line of each child, in the order they start (the gateway last)."""
    py = sys.executable
    rasa = {
        f"rasa-{i}" if options.rasa_workers > 1 else "rasa": [
            py,
            "-m",
            "bot.rasa_plugins.rasa_cli",
            "run",
            "--model",
            str(options.model),
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(PROJECT_ROOT / "credentials.yml"),
            # Never --debug: at DEBUG Rasa logs message text. INFO is its most verbose safe level.
            "--verbose" if options.debug else "--quiet",
            *options.metrics_options(i),
        ]
        for i, port in enumerate(options.rasa_ports())
    }
    return {
        "actions": [
            py, "-m", "bot.processes.action_server",
            "--port", str(options.actions_port),
            "--verbose" if options.debug else "--quiet",
        ],
        **rasa,
        "gateway": [
            py, "-m", "bot", "gateway",
            "--host", options.host,
            "--port", str(options.port),
            *[arg for port in options.rasa_ports() for arg in ("--rasa-url", f"http://127.0.0.1:{port}")],
            "--actions-url", f"http://127.0.0.1:{options.actions_port}",
            *[arg for origin in options.embed_origins for arg in ("--embed-origin", origin)],
            *(["--debug"] if options.debug else []),
            *(["--staff"] if options.staff else []),
            "--address-rate", str(options.address_rate),
            "--forwarded-allow-ips", options.forwarded_allow_ips,
            *options.metrics_options(),
        ],
    }  # fmt: skip


def wait_ready(
    url: str, timeout: float, children: dict[str, subprocess.Popen], every_rasa: bool = True
) -> bool:
    """Poll the gateway's /readyz at `url` until it is ready (with `every_rasa`: and every Rasa
    process answers), a child exits, or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in children.values()):
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200 and not (
                    every_rasa and "down" in json.loads(resp.read())["rasa"]
                ):
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


# A child that ran this long before it exited was working: its back-off starts again at 0.5 s.
STABLE_AFTER = 60.0


def restart_delay(restarts: int, ran_for: float) -> tuple[int, float]:
    """After a child ran `ran_for` seconds and exited: its new restart count and the wait before
    starting it again (0.5 s, doubling with each quick crash, at most 30 s)."""
    restarts = 1 if ran_for >= STABLE_AFTER else restarts + 1
    return restarts, min(30.0, 0.5 * 2 ** (restarts - 1))


class Supervisor:
    """Keeps the children running until asked to stop."""

    def __init__(self, options: ServeOptions):
        self.options = options
        self.children: dict[str, subprocess.Popen] = {}
        self.restarts: dict[str, int] = {}
        self.started_at: dict[str, float] = {}
        self.stopping = False

    def _start(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        self.children[name] = subprocess.Popen(argv, cwd=PROJECT_ROOT, env=env)
        self.started_at[name] = time.monotonic()

    def _stop_all(self) -> None:
        """Stop the gateway first (it finishes its requests), then the rest."""
        gateway = self.children.pop("gateway", None)
        for group in ([gateway] if gateway else [], list(self.children.values())):
            for proc in group:
                if proc.poll() is None:
                    proc.terminate()
            deadline = time.monotonic() + 10
            for proc in group:
                try:
                    proc.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    proc.kill()

    def _request_stop(self, _signum: int, _frame: object) -> None:
        self.stopping = True

    def run(self) -> int:
        if not self.options.model.exists():
            print(
                f"No trained model at {self.options.model}. Run 'make run' (it trains).",
                file=sys.stderr,
            )
            return 1
        if self.options.redis_url and (problem := redis_problem(self.options.redis_url)):
            print(f"Refusing to start: {problem}", file=sys.stderr)
            return 2
        signal.signal(signal.SIGINT, self._request_stop)
        signal.signal(signal.SIGTERM, self._request_stop)
        env = child_env(self.options)
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="bot-serve-") as tmp:
            argvs = commands(self.options, write_endpoints(self.options, Path(tmp)))
            # Each Rasa process needs a core for about ten seconds to start. The first one starts
            # with the rest and the others after it answers, so the service answers sooner (the
            # gateway sends everything to the processes that are up).
            later = [name for name in argvs if name.startswith("rasa-") and name != "rasa-0"]
            for name, argv in argvs.items():
                if name not in later:
                    self._start(name, argv, env)
            url = f"http://{self.options.host}:{self.options.port}"
            if wait_ready(f"{url}/readyz", 120, self.children, every_rasa=False):
                print(f"Ready in {time.monotonic() - started:.1f} s. Demo page: {url}/", flush=True)
            else:
                print(
                    f"Not ready yet ({time.monotonic() - started:.0f} s): a part exited or is "
                    f"slow; restarting what exited. {url}/readyz says which part is down.",
                    file=sys.stderr,
                    flush=True,
                )
            for name in later:
                self._start(name, argvs[name], env)
            if later:
                threading.Thread(
                    target=self._announce_all_up, args=(url, started), daemon=True
                ).start()
            try:
                self._watch(argvs, env)
            finally:
                self._stop_all()
        print("Stopped.", flush=True)
        return 0

    def _announce_all_up(self, url: str, started: float) -> None:
        if wait_ready(f"{url}/readyz", 120, self.children):
            count = self.options.rasa_workers
            print(
                f"All {count} Rasa processes up in {time.monotonic() - started:.1f} s.", flush=True
            )

    def _watch(self, argvs: dict[str, list[str]], env: dict[str, str]) -> None:
        """Restart children that exit, waiting longer after each quick crash (`restart_delay`)."""
        next_start: dict[str, float] = {}
        while not self.stopping:
            for name, proc in self.children.items():
                if proc.poll() is None or self.stopping:
                    continue
                now = time.monotonic()
                if name not in next_start:
                    self.restarts[name], delay = restart_delay(
                        self.restarts.get(name, 0), now - self.started_at[name]
                    )
                    print(
                        f"{name} exited ({proc.returncode}); restarting in {delay:.1f} s",
                        flush=True,
                    )
                    next_start[name] = now + delay
                elif now >= next_start[name]:
                    del next_start[name]
                    self._start(name, argvs[name], env)
            time.sleep(0.2)
