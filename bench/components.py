"""Our replacements for parts of Rasa against Rasa's own, on the same trained model, in one run.

    .venv/bin/python -m bench.components

- FastLogisticRegressionClassifier (bot/rasa_plugins/intent_classifier.py) against Rasa's
  LogisticRegressionClassifier: the same trained weights and featurized inputs (the held-out eval
  messages, one at a time as in serving).
- SentenceCountVectorsFeaturizer against CountVectorsFeaturizer (the char n-gram one), and
  RememberingRulePolicy (bot/rasa_plugins/rule_policy.py) against RulePolicy at every prediction
  point of simulated conversations.
- The check of an action server's answer (bot/rasa_plugins/rasa_speedups.py) against
  jsonschema.validate, Domain.is_empty remembered per domain against Rasa's (which builds an empty
  domain to compare with), and a full garbage collection with the loaded model frozen (gc.freeze, as
  `bot serve` does after loading) and not.
- Danger triage (bot/understanding/danger_model.py): the model's own arithmetic against
  scikit-learn's transform and predict_proba on the same fitted estimators, and the whole triage
  against the patterns alone (what it adds to every message).
- A whole message through Agent.handle_message (bench/run.py's conversation mix) with the model's
  graph run by SequentialGraphRunner (bot/rasa_plugins/rasa_speedups.py) and by Rasa's
  DaskGraphRunner.
- The counters (bot/core/metrics.py) against that whole message: what the Rasa process counts for a
  turn (bot/rasa_plugins/turn_metrics.py) and what the gateway counts for an answer, per message.

Rounds alternate so that machine noise hits both alike. Prints ms per call and the ratio.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import logging
import random
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import yaml

from bench.run import messages as conversation_messages
from bot import PROJECT_ROOT
from bot.rasa_plugins.intent_classifier import (
    FastLogisticRegressionClassifier,
    SentenceCountVectorsFeaturizer,
)
from bot.rasa_plugins.rasa_speedups import validate_action_result
from bot.rasa_plugins.rule_policy import RememberingRulePolicy
from bot.tools.local_agent import component, load_agent, say, stock_copy

ROUNDS = 7


async def prediction_points(agent: Any, count: int) -> list[Any]:
    """Trackers at every point where a policy predicts, from simulated conversations."""
    from rasa.shared.core.events import ActionExecuted
    from rasa.shared.core.trackers import DialogueStateTracker

    sent = conversation_messages(count, seed=3)
    for session, text in sent:
        await say(agent, session, text)
    found = []
    for session in dict.fromkeys(s for s, _ in sent):
        tracker = await agent.tracker_store.retrieve(session)
        events = list(tracker.events) if tracker else []
        found += [
            DialogueStateTracker.from_events(session, events[:i], agent.domain.slots)
            for i, event in enumerate(events)
            if isinstance(event, ActionExecuted)
        ]
    return found


def tokenized(agent: Any, texts: list[str]) -> list[Any]:
    """Messages as the featurizers see them."""
    from rasa.nlu.tokenizers.tokenizer import Tokenizer
    from rasa.shared.nlu.training_data.message import Message

    tokenizer = component(agent, Tokenizer)
    messages = [Message(data={"text": text}) for text in texts]
    tokenizer.process(messages)
    return messages


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


def timed(calls: list[Callable[[], Any]]) -> Callable[[], float]:
    """A round: make every call; return ms per call."""

    def round_() -> float:
        started = time.perf_counter()
        for call in calls:
            call()
        return (time.perf_counter() - started) / len(calls) * 1000

    return round_


def compare(
    name: str, ours: Callable[[], float], theirs: Callable[[], float], base_name: str = "Rasa's"
) -> None:
    """Alternate rounds of both; print the medians (ms per call) and their ratio."""
    mine, base = [], []
    for _ in range(ROUNDS):
        base.append(theirs())
        mine.append(ours())
    m, b = float(np.median(mine)), float(np.median(base))
    print(f"{name:<40} ours {m:6.3f} ms  {base_name} {b:6.3f} ms  ratio {m / b:5.2f}")


def danger_triage(texts: list[str]) -> None:
    """Danger triage's cost per message: the model's own arithmetic against scikit-learn on the
    same fitted estimators, and the whole triage (patterns + model) against the patterns alone."""
    from bot.understanding import danger
    from bot.understanding.danger_model import (
        TRAIN_DIR,
        DangerModel,
        Thresholds,
        corpus_files,
        everyday_examples,
        fit_estimators,
        load_examples,
    )
    from bot.understanding.triage import Triager

    fitted = fit_estimators(load_examples(corpus_files(TRAIN_DIR)) + everyday_examples())
    model = DangerModel.from_estimators(fitted, Thresholds(0.5, 0.5, 0.5, 0.5, 0.5))

    def with_scikit_learn(text: str) -> None:
        x = fitted.vectors([text])
        fitted.acute.predict_proba(x)
        fitted.kind.predict_proba(x)

    compare(
        f"danger model ({len(texts)} messages)",
        timed([lambda t=t: model.predict(t) for t in texts]),
        timed([lambda t=t: with_scikit_learn(t) for t in texts]),
        "scikit-learn",
    )
    triager = Triager.load()
    compare(
        f"danger triage ({len(texts)} messages)",
        timed([lambda t=t: triager.triage(t) for t in texts]),
        timed([lambda t=t: danger.detect(t) for t in texts]),
        "patterns alone",
    )


def conversations(agent: Any, runner: Any, count: int) -> Callable[[], float]:
    """A round: `count` messages of new simulated conversations through Agent.handle_message,
    with the model's graph run by `runner`; return ms per message."""

    async def send_all() -> float:
        agent.processor.graph_runner = runner
        started = time.perf_counter()
        for session, text in conversation_messages(count, seed=5):
            await say(agent, session, text)
        return (time.perf_counter() - started) / count * 1000

    return lambda: asyncio.run(send_all())


def main() -> None:
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        CountVectorsFeaturizer,
    )

    agent = load_agent()
    eval_file = PROJECT_ROOT / "tests" / "eval" / "messages.yml"
    texts = [m["text"] for m in yaml.safe_load(eval_file.read_text(encoding="utf-8"))]
    danger_triage(texts)

    fast_clf = component(agent, FastLogisticRegressionClassifier)
    stock_clf = stock_copy(fast_clf, LogisticRegressionClassifier)
    stock_clf.clf = copy.deepcopy(fast_clf.clf)
    stock_clf.clf.coef_ = np.ascontiguousarray(stock_clf.clf.coef_)  # as Rasa loads it
    msgs = featurized(agent, texts)
    compare(
        f"intent classifier ({len(msgs)} messages)",
        timed([lambda m=m: fast_clf.process([m]) for m in msgs]),
        timed([lambda m=m: stock_clf.process([m]) for m in msgs]),
    )

    from rasa.shared.nlu.training_data.message import Message

    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    fast_featurizer = next(
        n._component
        for n in nodes
        if isinstance(n._component, SentenceCountVectorsFeaturizer)
        and n._component.analyzer == "char_wb"
    )
    stock_featurizer = stock_copy(fast_featurizer, CountVectorsFeaturizer)
    tokens = tokenized(agent, texts)
    compare(
        f"featurizer, char n-grams ({len(tokens)} msgs)",
        timed([lambda m=m: fast_featurizer.process([Message(data=dict(m.data))]) for m in tokens]),
        timed([lambda m=m: stock_featurizer.process([Message(data=dict(m.data))]) for m in tokens]),
    )

    # no action server here: action_open_now fails (and logs that) alike for both
    logging.getLogger("rasa.core.processor").setLevel(logging.CRITICAL)
    fast_policy = component(agent, RememberingRulePolicy)
    stock_policy = stock_copy(fast_policy, RulePolicy)
    points = asyncio.run(prediction_points(agent, 400))
    random.Random(1).shuffle(points)
    compare(
        f"rule policy ({len(points)} predictions)",
        timed(
            [lambda t=t: fast_policy.predict_action_probabilities(t, agent.domain) for t in points]
        ),
        timed(
            [lambda t=t: stock_policy.predict_action_probabilities(t, agent.domain) for t in points]
        ),
    )

    import jsonschema
    from rasa.core.actions.action import RemoteAction

    answer = {"events": [], "responses": [{"response": "utter_open_now", "resources": ["bris"]}]}
    spec, action = RemoteAction.action_response_format_spec(), RemoteAction("action_open_now", None)
    compare(
        "action server answer check (200 checks)",
        timed([lambda: validate_action_result(action, answer)] * 200),
        timed([lambda: jsonschema.validate(answer, spec)] * 200),
    )

    from bot.rasa_plugins.rasa_speedups import _domain_is_empty, domain_is_empty

    compare(
        "Domain.is_empty (200 calls)",
        timed([lambda: domain_is_empty(agent.domain)] * 200),
        timed([lambda: _domain_is_empty(agent.domain)] * 200),
    )

    def full_collection(frozen: bool) -> Callable[[], float]:
        def round_() -> float:
            gc.unfreeze()
            if frozen:
                gc.freeze()
            started = time.perf_counter()
            gc.collect()
            return (time.perf_counter() - started) * 1000

        return round_

    compare(
        "full garbage collection (model frozen)",
        full_collection(frozen=True),
        full_collection(frozen=False),
    )
    gc.freeze()

    ours = agent.processor.graph_runner
    compare(
        "whole message, graph runner (300 msgs)",
        conversations(agent, ours, 300),
        conversations(agent, stock_copy(ours, DaskGraphRunner), 300),
    )
    counting(agent, points)


def counting(agent: Any, trackers: list[Any]) -> None:
    """What the counters add to a message, against the whole message through Rasa."""
    from bot.core import metrics
    from bot.rasa_plugins.turn_metrics import count_turn

    def count_both(tracker: Any) -> None:
        count_turn(tracker, agent.domain)
        metrics.count_answer("sv", 0.02)

    compare(
        f"counters per message ({len(trackers)} turns)",
        timed([lambda t=t: count_both(t) for t in trackers]),
        conversations(agent, agent.processor.graph_runner, 300),
        "whole message",
    )


if __name__ == "__main__":
    main()
