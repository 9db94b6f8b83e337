"""`python -m bot chat`: talk to the local model in a terminal, for quick testing by staff.

Buttons are numbered: type the number to press one. `/sv` and `/en` switch language, `/quit` ends.
With --explain every answer is followed by the intent, its confidence, the danger detector's
verdict and the rule that fired. Nothing is written anywhere.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from bot.core.render import render
from bot.core.resources import load
from bot.gateway.app import known_intents, message_for_rasa
from bot.tools.explain import describe, from_tracker
from bot.tools.local_agent import action_server, load_agent, say


def format_answer(messages: list[dict[str, Any]]) -> tuple[str, list[dict[str, str]]]:
    """The answer as terminal text, and its buttons in the order they are numbered."""
    lines, buttons = [], []
    for message in messages:
        prefix = "!! " if message.get("emergency") else ""
        if message.get("text"):
            lines.append(f"bot> {prefix}{message['text']}")
        for card in message.get("resources", []):
            contact = " · ".join(str(card[k]) for k in ("phone", "url", "hours") if k in card)
            lines.append(f"     [{card['name']}] {contact}")
        for button in message.get("buttons", []):
            buttons.append(button)
            lines.append(f"     {len(buttons)}) {button['title']}")
    return "\n".join(lines), buttons


async def chat(explain: bool, lang: str, action_url: str) -> None:
    print("Laddar modellen …", flush=True)
    agent, catalogue = load_agent(action_url=action_url), load()
    intents = known_intents()
    session, buttons = secrets.token_hex(24), []
    print("Skriv ett meddelande. Siffra = knapp, /sv eller /en byter språk, /quit avslutar.")
    while True:
        try:
            line = input(f"du ({lang})> ").strip()
        except EOFError:
            break
        if line in ("/quit", "/exit"):
            break
        if line in ("/sv", "/en"):
            lang = line[1:]
            continue
        if line.isdigit() and 0 < int(line) <= len(buttons):
            line = buttons[int(line) - 1]["payload"]
        if not line:
            continue
        raw = await say(agent, session, message_for_rasa(line, lang, intents), lang)
        text, buttons = format_answer(render(raw, catalogue, lang))
        print(text)
        if explain:
            info = from_tracker(await agent.tracker_store.retrieve(session))
            print(f"     ({describe(info)})" if info else "     (the conversation was deleted)")


def main(explain: bool, lang: str) -> int:
    with action_server() as action_url:
        asyncio.run(chat(explain, lang, action_url))
    return 0
