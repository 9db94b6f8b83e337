"""Our intent classifier against Rasa's own, on the same trained model, in one run.

    .venv/bin/python -m bench.components

FastLogisticRegressionClassifier (bot/intent_classifier.py) against Rasa's
LogisticRegressionClassifier: the same trained weights, the same featurized inputs (the held-out
eval messages, one at a time as in serving), timed in alternating rounds so that machine noise
hits both alike. Prints ms per message and the ratio.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import yaml

from bot import PROJECT_ROOT
from bot.intent_classifier import FastLogisticRegressionClassifier
from bot.local_agent import component, load_agent, stock_copy

ROUNDS = 7


def featurized(agent: Any, texts: list[str]) -> list[Any]:
    """Messages as the classifier sees them: tokenized and featurized by the model's own nodes."""
    from rasa.nlu.featurizers.featurizer import Featurizer
    from rasa.nlu.tokenizers.tokenizer import Tokenizer
    from rasa.shared.nlu.training_data.message import Message

    nodes = agent.processor.graph_runner._instantiated_nodes
    steps = [
        nodes[name]._component
        for name in sorted(nodes, key=lambda n: int("".join(c for c in n if c.isdigit()) or 0))
        if name.startswith("run_") and isinstance(nodes[name]._component, Tokenizer | Featurizer)
    ]
    out = []
    for text in texts:
        message = Message(data={"text": text})
        for step in steps:
            step.process([message])
        out.append(message)
    return out


def timed(calls: list[Callable[[], Any]]) -> float:
    started = time.perf_counter()
    for call in calls:
        call()
    return (time.perf_counter() - started) / len(calls) * 1000


def compare(name: str, ours: list[Callable[[], Any]], theirs: list[Callable[[], Any]]) -> None:
    mine, base = [], []
    for _ in range(ROUNDS):
        base.append(timed(theirs))
        mine.append(timed(ours))
    m, b = float(np.median(mine)), float(np.median(base))
    print(f"{name:<34} ours {m:6.3f} ms  Rasa's {b:6.3f} ms  ratio {m / b:5.2f}")


def main() -> None:
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )

    agent = load_agent()
    eval_file = PROJECT_ROOT / "tests" / "eval" / "messages.yml"
    texts = [m["text"] for m in yaml.safe_load(eval_file.read_text(encoding="utf-8"))]

    fast_clf = component(agent, FastLogisticRegressionClassifier)
    stock_clf = stock_copy(fast_clf, LogisticRegressionClassifier)
    stock_clf.clf = copy.deepcopy(fast_clf.clf)
    stock_clf.clf.coef_ = np.ascontiguousarray(stock_clf.clf.coef_)  # as Rasa loads it
    msgs = featurized(agent, texts)
    compare(
        f"intent classifier ({len(msgs)} messages)",
        [lambda m=m: fast_clf.process([m]) for m in msgs],
        [lambda m=m: stock_clf.process([m]) for m in msgs],
    )


if __name__ == "__main__":
    main()
