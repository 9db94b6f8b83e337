"""The replacements in bot/rasa_plugins/rasa_speedups.py give Rasa exactly what Rasa's own code gives."""

from __future__ import annotations

import random

import jsonschema
import pytest
import yaml
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from bot import PROJECT_ROOT
from bot.rasa_plugins.rasa_speedups import SequentialGraphRunner, validate_action_result
from bot.tools.local_agent import say
from tests.conftest import new_session

PLACEHOLDER_MESSAGE, PLACEHOLDER_TRACKER = "__message__", "__tracker__"


def both(runner, inputs_factory, target):
    ours = runner.run(inputs=inputs_factory(), targets=[target])[target]
    theirs = DaskGraphRunner.run(runner, inputs=inputs_factory(), targets=[target])[target]
    return ours, theirs


def test_the_agent_runs_on_the_sequential_runner(agent):
    assert isinstance(agent.processor.graph_runner, SequentialGraphRunner)


def test_parses_match_dask(agent):
    runner, target = agent.processor.graph_runner, agent.processor.model_metadata.nlu_target
    texts = [
        m["text"] for m in yaml.safe_load((PROJECT_ROOT / "tests/eval/messages.yml").read_text())
    ]
    tracker = DialogueStateTracker(new_session(), agent.domain.slots)
    for text in texts:

        def inputs(text=text):
            message = UserMessage(text, sender_id=tracker.sender_id, metadata={"lang": "sv"})
            return {PLACEHOLDER_MESSAGE: [message], PLACEHOLDER_TRACKER: tracker}

        ours, theirs = both(runner, inputs, target)
        keys = ("intent", "intent_ranking", "entities")
        assert {k: ours[0].get(k) for k in keys} == {k: theirs[0].get(k) for k in keys}


async def test_predictions_match_dask(agent, tracker_store):
    runner, target = agent.processor.graph_runner, agent.processor.model_metadata.core_target
    rng = random.Random(2)
    texts = [
        "hej",
        "min sambo slår mig",
        "/victim",
        "/shelter",
        "han slår mig nu",
        "tack",
        "/anonymity",
    ]
    compared = 0
    for _ in range(10):
        session = new_session()
        for _turn in range(3):
            await say(agent, session, rng.choice(texts))
        events = list((await tracker_store.retrieve(session)).events)
        for end, event in enumerate(events):
            if isinstance(event, ActionExecuted):
                before = DialogueStateTracker.from_events(session, events[:end], agent.domain.slots)
                ours, theirs = both(runner, lambda t=before: {PLACEHOLDER_TRACKER: t}, target)
                assert (ours.probabilities, ours.policy_name) == (
                    theirs.probabilities,
                    theirs.policy_name,
                )
                compared += 1
    assert compared > 50


ACTION_RESULTS = [
    {"events": [], "responses": [{"response": "utter_open_now", "resources": ["bris"]}]},
    {"events": [{"event": "slot", "name": "language", "value": "en"}], "responses": []},
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "not a list", "responses": []},
    {"events": [], "responses": ["not an object"]},
]


@pytest.mark.parametrize("result", ACTION_RESULTS)
def test_action_results_are_judged_as_rasa_judges_them(result):
    def verdict(check):
        try:
            check()
            return "valid"
        except jsonschema.ValidationError as e:
            return e.validator

    rasa = verdict(lambda: jsonschema.validate(result, RemoteAction.action_response_format_spec()))
    ours = verdict(lambda: validate_action_result(RemoteAction("x", None), result))
    assert ours == rasa


def test_domain_emptiness_is_what_rasa_says():
    from rasa.shared.core.domain import Domain

    from bot.rasa_plugins.rasa_speedups import _domain_is_empty, domain_is_empty

    ours = Domain.load(str(PROJECT_ROOT / "domain"))
    for domain in (ours, Domain.empty()):
        assert domain_is_empty(domain) == _domain_is_empty(domain)
        assert domain_is_empty(domain) == domain_is_empty(domain)  # and again, from the cache
    assert not domain_is_empty(ours) and domain_is_empty(Domain.empty())


def test_the_replacements_refuse_a_rasa_they_were_not_written_for(monkeypatch):
    import rasa

    from bot.rasa_plugins.rasa_speedups import WRITTEN_FOR_RASA, install

    assert rasa.__version__ == WRITTEN_FOR_RASA
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="written for Rasa 3.6.21, not 3.7.0"):
        install()
