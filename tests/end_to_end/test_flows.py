"""Staff-written conversation tests (tests/flows/*.yml) against the trained model, in-process."""

import pytest

from bot.core.render import render
from bot.gateway.app import known_intents, message_for_rasa
from bot.tools.explain import from_tracker
from bot.tools.flows import load_flows, run_flow
from bot.tools.local_agent import say

INTENTS = known_intents()


@pytest.fixture(scope="module")
def ask(agent, catalogue):
    async def ask(session, text, lang):
        # the same path a message takes through the gateway: payload check, Rasa, rendering
        raw = await say(agent, session, message_for_rasa(text, lang, INTENTS), lang)
        answer = render(raw, catalogue, lang)
        if answer:  # as the gateway does in staff mode: why the bot answered so
            answer[0]["staff"] = from_tracker(await agent.tracker_store.retrieve(session))
        return answer

    return ask


@pytest.mark.parametrize("flow", load_flows(), ids=lambda f: f"{f.file}: {f.name}")
async def test_flow(flow, ask):
    assert await run_flow(flow, ask) == []
