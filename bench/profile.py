"""Where a message's time goes inside Rasa: the bench's conversation mix, in-process, profiled.

    .venv/bin/python -m bench.profile            # pyinstrument tree of Agent.handle_message
    .venv/bin/python -m bench.profile --messages 2000

Loads the trained model with the forgetful tracker store (as `bot serve` does), warms up, then
profiles the bench's conversations (bench/run.py) and prints the time per message and the call
tree. No HTTP: this is Rasa's own cost per message.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time

from pyinstrument import Profiler

from bench.run import messages
from bot.tools.local_agent import MODEL, load_agent, say


async def run(agent, count: int, seed: int) -> float:
    started = time.perf_counter()
    for sid, text in messages(count, seed=seed):
        await say(agent, sid, text)
    return (time.perf_counter() - started) / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1000)
    args = parser.parse_args()
    from rasa.core.tracker_store import create_tracker_store
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import read_endpoint_config

    from bot import PROJECT_ROOT

    config = read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "tracker_store")
    store = create_tracker_store(config, Domain.load(str(PROJECT_ROOT / "domain")))
    agent = load_agent(MODEL, tracker_store=store)
    # no action server here: action_open_now fails (logged with a traceback) and is not measured
    logging.getLogger("rasa.core.processor").setLevel(logging.CRITICAL)
    asyncio.run(run(agent, 200, seed=7))  # warm up
    profiler = Profiler(interval=0.0005)
    profiler.start()
    per_message = asyncio.run(run(agent, args.messages, seed=11))
    profiler.stop()
    print(f"{per_message:.2f} ms per message in-process ({args.messages} messages)")
    print(profiler.output_text(unicode=True, color=False, show_all=True))


if __name__ == "__main__":
    main()
