"""Start and supervise the three processes: action server, Rasa and the gateway.

`python -m bot serve` runs them as children, restarts a child that dies (with back-off), and
stops all of them on Ctrl-C / SIGTERM. Children inherit stdout/stderr; none of them logs text.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot import PROJECT_ROOT

MODEL_PATH = PROJECT_ROOT / "models" / "current.tar.gz"


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


def child_env(options: ServeOptions) -> dict[str, str]:
    """Environment for the children: telemetry off, logs at WARNING (INFO with --debug)."""
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        LOG_LEVEL="INFO" if options.debug else "WARNING",
        LOG_LEVEL_LIBRARIES="ERROR",
        SANIC_HOST="127.0.0.1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")])),
        BOT_IDLE_TIMEOUT=str(options.idle_timeout),
        BOT_MAX_CONVERSATIONS=str(options.max_conversations),
        BOT_STAFF="1" if options.staff else "0",
        TF_CPP_MIN_LOG_LEVEL="3",
        PYTHONWARNINGS="ignore",
    )
    return env


def write_endpoints(options: ServeOptions, directory: Path) -> Path:
    """endpoints.yml with this run's action server port (a private temp copy, no user data)."""
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{options.actions_port}/webhook"
    path = directory / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return path


def commands(options: ServeOptions, endpoints: Path) -> dict[str, list[str]]:
    """The command line of each child."""
    py = sys.executable
    return {
        "actions": [
            py, "-m", "rasa_sdk",
            "--actions", "actions",
            "--port", str(options.actions_port),
            "--verbose" if options.debug else "--quiet",
        ],
        "rasa": [
            py, "-m", "bot.rasa_cli", "run",
            "--model", str(options.model),
            "--interface", "127.0.0.1",
            "--port", str(options.rasa_port),
            "--endpoints", str(endpoints),
            "--credentials", str(PROJECT_ROOT / "credentials.yml"),
            # Never --debug: at DEBUG Rasa logs message text. INFO is its most verbose safe level.
            "--verbose" if options.debug else "--quiet",
        ],
        "gateway": [
            py, "-m", "bot", "gateway",
            "--host", options.host,
            "--port", str(options.port),
            "--rasa-url", f"http://127.0.0.1:{options.rasa_port}",
            "--actions-url", f"http://127.0.0.1:{options.actions_port}",
            *[arg for origin in options.embed_origins for arg in ("--embed-origin", origin)],
            *(["--debug"] if options.debug else []),
            *(["--staff"] if options.staff else []),
            "--address-rate", str(options.address_rate),
        ],
    }  # fmt: skip


def wait_ready(url: str, timeout: float, children: dict[str, subprocess.Popen]) -> bool:
    """Poll `url` until it answers 200, a child exits, or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in children.values()):
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


class Supervisor:
    """Keeps the children running until asked to stop."""

    def __init__(self, options: ServeOptions):
        self.options = options
        self.children: dict[str, subprocess.Popen] = {}
        self.restarts: dict[str, int] = {}
        self.stopping = False

    def _start(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        self.children[name] = subprocess.Popen(argv, cwd=PROJECT_ROOT, env=env)

    def _stop_all(self) -> None:
        for proc in self.children.values():
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 10
        for proc in self.children.values():
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
        signal.signal(signal.SIGINT, self._request_stop)
        signal.signal(signal.SIGTERM, self._request_stop)
        env = child_env(self.options)
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="bot-serve-") as tmp:
            argvs = commands(self.options, write_endpoints(self.options, Path(tmp)))
            for name, argv in argvs.items():
                self._start(name, argv, env)
            url = f"http://{self.options.host}:{self.options.port}"
            if wait_ready(f"{url}/readyz", 120, self.children):
                print(f"Ready in {time.monotonic() - started:.1f} s. Demo page: {url}/", flush=True)
            try:
                self._watch(argvs, env)
            finally:
                self._stop_all()
        print("Stopped.", flush=True)
        return 0

    def _watch(self, argvs: dict[str, list[str]], env: dict[str, str]) -> None:
        """Restart children that exit, waiting longer after each quick crash (max 30 s)."""
        next_start: dict[str, float] = {}
        while not self.stopping:
            for name, proc in self.children.items():
                if proc.poll() is None or self.stopping:
                    continue
                now = time.monotonic()
                if name not in next_start:
                    self.restarts[name] = self.restarts.get(name, 0) + 1
                    delay = min(30.0, 0.5 * 2 ** (self.restarts[name] - 1))
                    print(
                        f"{name} exited ({proc.returncode}); restarting in {delay:.1f} s",
                        flush=True,
                    )
                    next_start[name] = now + delay
                elif now >= next_start[name]:
                    del next_start[name]
                    self._start(name, argvs[name], env)
            time.sleep(0.2)
