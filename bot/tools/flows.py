"""Conversation tests written by staff: tests/flows/*.yml (format in docs/testing-flows.md).

A flow is a list of steps. Each step is what the user writes (`user:`) or the button they press
(`button:`, by its title in the previous answer), and what the answer must contain:
`bot_says` (text anywhere in the answer), `bot_does_not_say`, `first_bubble_says`,
`emergency_first` (true: the first bubble is the emergency card itself; false: it is not, no
false alarm), `shows` (resource ids on
cards), `not_shows` (ids that must not be), `buttons` (button titles),
and, from the staff explanation of the turn (bot/tools/explain.py), `role` (who the bot takes the
writer to be) and `asks_who` (the bot asks whom the message is about).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot import PROJECT_ROOT
from bot.understanding.roles import ROLE_QUESTION

FLOWS_DIR = PROJECT_ROOT / "tests" / "flows"
Ask = Callable[[str, str, str], Awaitable[list[dict[str, Any]]]]


@dataclass(frozen=True)
class Flow:
    name: str
    lang: str
    steps: list[dict[str, Any]]
    file: str


def load_flows(folder: Path = FLOWS_DIR) -> list[Flow]:
    """Every flow in every YAML file of the folder."""
    flows = []
    for path in sorted(folder.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            flows.append(Flow(item["flow"], item.get("lang", "sv"), item["steps"], path.name))
    return flows


def _problems(step: dict[str, Any], answer: list[dict[str, Any]]) -> list[str]:
    text = " ".join(m.get("text", "") for m in answer)
    shown = {r["id"] for m in answer for r in m.get("resources", [])}
    titles = {b["title"] for m in answer for b in m.get("buttons", [])}
    problems = []
    if "bot_says" in step and step["bot_says"].lower() not in text.lower():
        problems.append(f"the answer does not say “{step['bot_says']}”")
    if "bot_does_not_say" in step and step["bot_does_not_say"].lower() in text.lower():
        problems.append(f"the answer says “{step['bot_does_not_say']}”")
    if "first_bubble_says" in step and (
        not answer or step["first_bubble_says"].lower() not in answer[0].get("text", "").lower()
    ):
        problems.append(f"the first bubble does not say “{step['first_bubble_says']}”")
    emergency = bool(answer and answer[0].get("emergency"))
    if "emergency_first" in step and emergency != step["emergency_first"]:
        shown = "is" if emergency else "is not"
        problems.append(f"the first bubble {shown} the emergency card")
    staff = (answer[0].get("staff") if answer else None) or {}
    if "role" in step and staff.get("writer") != step["role"]:
        problems.append(f"the writer is taken as {staff.get('writer')}, not {step['role']}")
    if "asks_who" in step and (staff.get("intent") == ROLE_QUESTION) != step["asks_who"]:
        problems.append(
            "the bot does not ask whom it is about"
            if step["asks_who"]
            else "the bot asks whom it is about"
        )
    problems += [f"no card for '{rid}'" for rid in step.get("shows", []) if rid not in shown]
    problems += [f"a card for '{rid}'" for rid in step.get("not_shows", []) if rid in shown]
    problems += [f"no button “{title}”" for title in step.get("buttons", []) if title not in titles]
    return problems


async def run_flow(flow: Flow, ask: Ask) -> list[str]:
    """Play the flow against `ask(session, text, lang)`; return what went wrong (empty: passed)."""
    session = secrets.token_hex(24)
    previous: list[dict[str, Any]] = []
    failures = []
    for number, step in enumerate(flow.steps, 1):
        if "button" in step:
            payloads = {b["title"]: b["payload"] for m in previous for b in m.get("buttons", [])}
            if step["button"] not in payloads:
                failures.append(
                    f"step {number}: the previous answer has no button “{step['button']}”"
                )
                break
            text = payloads[step["button"]]
        else:
            text = step["user"]
        previous = await ask(session, text, flow.lang)
        failures += [f"step {number} ({text}): {p}" for p in _problems(step, previous)]
    return failures
