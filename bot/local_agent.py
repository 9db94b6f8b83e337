"""Load the trained model in this process (for tools and tests), quietly.

Rasa's Agent.load does not configure logging; left alone, its debug lines print message text.
This sets Rasa's logging to WARNING first, imports skops before Rasa (see bot/rasa_cli.py) and
runs the model's graph without dask, as `bot serve` does (bot/rasa_speedups.py).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import skops.io  # noqa: F401  (before rasa: 10 s faster start)

from bot import PROJECT_ROOT

MODEL = PROJECT_ROOT / "models" / "current.tar.gz"


def load_agent(model: Path = MODEL, tracker_store: Any = None) -> Any:
    """A Rasa Agent for `model` that logs nothing below WARNING."""
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    from bot.rasa_speedups import install

    install()
    configure_structlog(logging.WARNING)
    logging.getLogger().setLevel(logging.WARNING)
    return Agent.load(str(model), tracker_store=tracker_store)


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
