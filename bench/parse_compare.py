"""Parse time of this checkout's trained models against another checkout's, in one run.

    .venv/bin/python -m bench.parse_compare /path/to/other/checkout [--rounds 3]

For a change of training data or pipeline: copy the checkout (with its trained `models/`) before
the change, retrain here, then compare. Each round parses the same messages (the first of the
role dev set, people's own words of every length) in-process in a fresh subprocess per checkout,
alternating, so that machine noise hits both alike. Prints p50, p95 and mean per round and the
ratios of the medians over all rounds (this checkout / the other).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bot import PROJECT_ROOT

MESSAGES = 300
WARM_UP = 30


def measure() -> dict[str, float]:
    """Parse role dev messages with this checkout's model; milliseconds."""
    from bot.tools.local_agent import load_agent
    from bot.understanding.role_model import DEV_DIR, corpus_files, load_examples

    logging.basicConfig(level=logging.WARNING)
    agent = load_agent()
    examples = load_examples(corpus_files(DEV_DIR))[: MESSAGES + WARM_UP]
    texts = [example.text for example in examples]
    loop = asyncio.new_event_loop()
    times = []
    for index, text in enumerate(texts):
        started = time.perf_counter()
        loop.run_until_complete(agent.parse_message(text))
        if index >= WARM_UP:
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50": times[len(times) // 2],
        "p95": times[int(len(times) * 0.95)],
        "mean": statistics.fmean(times),
    }


def run_in(checkout: Path) -> dict[str, float]:
    """`measure()` in a subprocess whose code and models are `checkout`'s."""
    output = subprocess.run(
        [sys.executable, "-m", "bench.parse_compare", "--measure"],
        cwd=checkout, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", nargs="?", type=Path, help="the checkout to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure()))
        return
    if args.other is None:
        parser.error("name the other checkout")
    results: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
    for round_ in range(1, args.rounds + 1):
        for name, checkout in (("other", args.other), ("this", PROJECT_ROOT)):
            result = run_in(checkout)
            results[name].append(result)
            figures = "  ".join(f"{key} {value:.1f} ms" for key, value in result.items())
            print(f"round {round_}  {name:5}  {figures}")
    for key in ("p50", "p95", "mean"):
        this = statistics.median(r[key] for r in results["this"])
        other = statistics.median(r[key] for r in results["other"])
        print(f"{key}: this {this:.1f} ms / other {other:.1f} ms = {this / other:.2f}")


if __name__ == "__main__":
    main()
