"""RememberingRulePolicy must predict exactly what Rasa's RulePolicy predicts, at every turn."""

from __future__ import annotations

import random

import yaml
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from bot import PROJECT_ROOT
from bot.rasa_plugins.rule_policy import RememberingRulePolicy
from bot.tools.local_agent import component, say, stock_copy
from tests.conftest import new_session

BUTTONS = ["/victim", "/shelter", "/safety_plan", "/police_report", "/anonymity", "/restart"]


async def test_predictions_match_rasa_rule_policy_on_real_conversations(agent, tracker_store):
    policy = component(agent, RememberingRulePolicy)
    stock = stock_copy(policy, RulePolicy)
    eval_file = PROJECT_ROOT / "tests" / "eval" / "messages.yml"
    texts = [m["text"] for m in yaml.safe_load(eval_file.read_text(encoding="utf-8"))]
    rng = random.Random(5)
    compared = 0
    for _ in range(40):
        session = new_session()
        for _turn in range(rng.randint(1, 6)):
            await say(agent, session, rng.choice(texts + BUTTONS))
        tracker = await tracker_store.retrieve(session)
        if tracker is None:  # the conversation ended with /restart
            continue
        events = list(tracker.events)
        for end, event in enumerate(events):
            if isinstance(event, ActionExecuted):
                before = DialogueStateTracker.from_events(session, events[:end], agent.domain.slots)
                for _twice in range(2):  # the second time from memory
                    ours = policy.predict_action_probabilities(before, agent.domain)
                    theirs = stock.predict_action_probabilities(before, agent.domain)
                    assert ours.probabilities == theirs.probabilities
                    assert ours.action_metadata == theirs.action_metadata
                compared += 1
    assert compared > 150
    assert policy._remembered  # it did remember


async def test_no_user_text_is_remembered(agent):
    policy = component(agent, RememberingRulePolicy)
    marker = "zqxmarker" + new_session()[:8]
    await say(agent, new_session(), f"min sambo {marker} slår mig")
    assert marker not in repr(list(policy._remembered))
