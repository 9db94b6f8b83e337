"""Staff-written conversation tests (tests/flows/*.yml) against the trained model, in-process."""

import pytest

from bot.core.render import render
from bot.gateway.app import known_intents, message_for_rasa
from bot.tools.explain import from_tracker
from bot.tools.flows import Flow, load_flows, run_flow
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


async def test_a_flow_fails_when_the_answer_says_what_it_must_not():
    # a pure check of the flow runner: "the danger question is not asked again"
    flow = Flow("no question twice", "sv", [{"user": "hej", "bot_does_not_say": "I FARA"}], "x")

    async def answering(text):
        async def ask(session, message, lang):
            return [{"text": text}]

        return ask

    assert await run_flow(flow, await answering("Är du i fara just nu?")) == [
        "step 1 (hej): the answer says “I FARA”"
    ]
    assert await run_flow(flow, await answering("Polisen utreder.")) == []


async def test_a_flow_can_require_that_an_answer_does_not_open_with_112():
    # a pure check of the flow runner: "15" after "who is it about?" is no emergency
    flow = Flow("no false alarm", "sv", [{"user": "15", "emergency_first": False}], "x")

    async def ask_with(first):
        async def ask(session, message, lang):
            return [first, {"text": "BRIS 116 111"}]

        return ask

    card = {"text": "Ring 112", "emergency": True}
    assert await run_flow(flow, await ask_with(card)) == [
        "step 1 (15): the first bubble is the emergency card"
    ]
    assert await run_flow(flow, await ask_with({"text": "Hej"})) == []
