"""Load the trained model in this process (for tools and tests), quietly.

Rasa's Agent.load does not configure logging; left alone, its debug lines print message text. This
sets Rasa's logging to WARNING first, imports skops before Rasa (see bot/rasa_plugins/rasa_cli.py)
and runs the model's graph without dask, as `bot serve` does (bot/rasa_plugins/rasa_speedups.py).
`action_server()` runs the custom actions (actions/) beside it, quietly, on a free port.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import skops.io  # noqa: F401  (before rasa: 10 s faster start)

from bot import PROJECT_ROOT
from bot.core import privacy, settings

MODEL = settings.RASA_MODEL


def free_port() -> int:
    """A free loopback port below Linux's range for outgoing connections (32768-60999), where no
    connection can take it before the server binds it."""
    for _ in range(200):
        port = random.randrange(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port")


@contextmanager
def action_server(timeout: float = 60.0) -> Iterator[str]:
    """Run the action server on a free loopback port; yield its webhook URL."""
    port = free_port()
    command = [sys.executable, "-m", "bot.processes.action_server", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--quiet"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                    break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the action server did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        process.terminate()
        process.wait(timeout=10)


def load_agent(
    model: Path = MODEL, tracker_store: Any = None, action_url: str | None = None
) -> Any:
    """A Rasa Agent for `model` that logs nothing below WARNING (and calls `action_url`)."""
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    from bot.rasa_plugins.rasa_speedups import install

    privacy.install(rasa=True)
    install()
    configure_structlog(logging.WARNING)
    logging.getLogger().setLevel(logging.WARNING)
    endpoint = EndpointConfig(url=action_url) if action_url else None
    return Agent.load(str(model), tracker_store=tracker_store, action_endpoint=endpoint)


async def say(agent: Any, session: str, text: str, lang: str = "sv") -> list[dict[str, Any]]:
    """Rasa's raw answer to `text` (as the REST channel would return it)."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    collector = CollectingOutputChannel()
    await agent.handle_message(UserMessage(text, collector, session, metadata={"lang": lang}))
    return collector.messages


def component(agent: Any, cls: type) -> Any:
    """The loaded graph component of class `cls` in the agent's model (for tests and benches)."""
    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    return next(n._component for n in nodes if isinstance(n._component, cls))


def stock_copy(instance: Any, stock_cls: type) -> Any:
    """The same trained component as an instance of Rasa's own class (what ours replaces)."""
    stock = stock_cls.__new__(stock_cls)
    stock.__dict__.update(instance.__dict__)
    return stock
