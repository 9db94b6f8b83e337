"""Score the NLU on the held-out messages in tests/eval/messages.yml.

`python -m bot evaluate` prints accuracy per topic, overall accuracy, danger recall and the
fallback rate for the trained model; with `--config FILE` (repeatable) it first trains a model
for each config on the same data, so pipelines and thresholds can be compared in one run.
Danger triage has its own sets and scores: bot/tools/danger_evaluation.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot import PROJECT_ROOT
from bot.core.dialogue_files import declared_intents
from bot.understanding.danger_dialogue import INTENTS as DANGER_ANSWERS

EVAL_PATH = PROJECT_ROOT / "tests" / "eval" / "messages.yml"
DANGER_INTENTS = frozenset(DANGER_ANSWERS)  # every one of them puts 112 first
FALLBACK_INTENT = "nlu_fallback"


@dataclass(frozen=True)
class EvalMessage:
    text: str
    intent: str
    lang: str


def load_messages(path: Path = EVAL_PATH) -> list[EvalMessage]:
    """The held-out messages with their expected intent."""
    return [EvalMessage(**item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def topics_by_intent(root: Path = PROJECT_ROOT) -> dict[str, str]:
    """Each intent's topic: the name of the domain file that declares it."""
    return {intent: file.topic for intent, file in declared_intents(root).items()}


@dataclass
class Score:
    """How well predictions matched the expected intents."""

    total: int = 0
    correct: int = 0
    danger_total: int = 0
    danger_found: int = 0
    fallbacks: int = 0
    by_topic: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[EvalMessage, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def danger_recall(self) -> float:
        return self.danger_found / self.danger_total if self.danger_total else 1.0

    @property
    def fallback_rate(self) -> float:
        return self.fallbacks / self.total if self.total else 0.0


def score(
    messages: Iterable[EvalMessage], predict: Callable[[str], str], topics: dict[str, str]
) -> Score:
    """Compare `predict(text)` with each message's intent.

    A danger message counts as found when it gets any danger intent: all their answers put 112
    first.
    """
    result = Score()
    for message in messages:
        predicted = predict(message.text)
        result.total += 1
        hit = predicted == message.intent
        result.correct += hit
        topic = result.by_topic[topics.get(message.intent, "?")]
        topic[0] += hit
        topic[1] += 1
        result.fallbacks += predicted == FALLBACK_INTENT
        if message.intent in DANGER_INTENTS:
            result.danger_total += 1
            result.danger_found += predicted in DANGER_INTENTS
        if not hit:
            result.misses.append((message, predicted))
    return result


def report(name: str, result: Score) -> str:
    """A plain-text table of one model's score."""
    lines = [f"== {name}", f"{'topic':<14} {'accuracy':>9} {'n':>5}"]
    for topic, (hits, n) in sorted(result.by_topic.items()):
        lines.append(f"{topic:<14} {hits / n:>9.1%} {n:>5}")
    lines += [
        f"{'overall':<14} {result.accuracy:>9.1%} {result.total:>5}",
        f"danger recall  {result.danger_recall:>9.1%} {result.danger_total:>5}",
        f"fallback rate  {result.fallback_rate:>9.1%}",
    ]
    return "\n".join(lines)


def load_predictor(model: Path) -> Callable[[str], str]:
    """An intent predictor backed by a trained Rasa model (loaded in this process)."""
    import asyncio

    from bot.tools.local_agent import load_agent

    agent = load_agent(model)
    loop = asyncio.new_event_loop()

    def predict(text: str) -> str:
        return loop.run_until_complete(agent.parse_message(text))["intent"]["name"]

    return predict


def train_with(config: Path, out: Path) -> tuple[Path, float]:
    """Train a model with another pipeline config on the same data; return it and the seconds."""
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable, "-m", "bot.rasa_plugins.rasa_cli", "train",
            "--config", str(config), "--domain", "domain", "--data", "data",
            "--out", str(out), "--fixed-model-name", config.stem, "--force",
        ],
        cwd=PROJECT_ROOT, env=dict(os.environ, RASA_TELEMETRY_ENABLED="false"),
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return out / f"{config.stem}.tar.gz", time.monotonic() - started


def main(model: Path, configs: list[Path], show_misses: bool) -> int:
    """Print the score of the trained model and of a fresh model per extra config, on
    messages.yml; the trained model also on each newer development file (messages-*.yml)."""
    messages, topics = load_messages(), topics_by_intent()
    candidates = [("config.yml (trained model)", model, None)]
    with tempfile.TemporaryDirectory(prefix="bot-eval-") as tmp:
        for config in configs:
            path, seconds = train_with(config, Path(tmp))
            candidates.append((str(config), path, seconds))
        for name, path, seconds in candidates:
            started = time.monotonic()
            predict = load_predictor(path)
            result = score(messages, predict, topics)
            per_message = (time.monotonic() - started) / len(messages) * 1000
            print(report(name, result))
            timing = f"parse {per_message:.1f} ms/message"
            print(timing + (f", training {seconds:.0f} s" if seconds else ""))
            print()
            if show_misses:
                print_misses(result)
            if path == model:  # the newer development files, with the model already loaded
                for extra in sorted(EVAL_PATH.parent.glob("messages-*.yml")):
                    result = score(load_messages(extra), predict, topics)
                    print(report(f"{extra.name} (trained model)", result), end="\n\n")
                    if show_misses:
                        print_misses(result)
    return 0


def print_misses(result: Score) -> None:
    for message, predicted in result.misses:
        print(f"  expected {message.intent:<22} got {predicted:<22} {message.text}")
