"""Short replies ("ja", "nej", "ok", "vet inte", "vad menar du") answered in the context of the
bot's last message, not as new topics.

The intent classifier knows the five kinds (data/nlu/replies.yml). Two things follow from the
context, both pure functions here:
- `answer_to_question`: a yes or a no to the bot's last question is the button whose title
  starts with "Ja"/"Yes" or "Nej"/"No" ("Är du i fara just nu?" - "ja" is "Ja, just nu");
  `bot.rasa_plugins.nlu_components.ShortReplies` turns the reply into that button's intent;
- `buttons_to_offer`: any other short reply gets a short line (domain/replies.yml) with the
  buttons of the bot's last answer again (action_short_reply), so the way forward stays open.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

AFFIRM, DENY = "affirm", "deny"
KINDS = (AFFIRM, DENY, "acknowledge", "dont_know", "what_do_you_mean")
MAX_WORDS = 3  # longer messages are read for what they say, not as a reply
CONFIDENCE = 0.5  # the classifier must be at least this sure it is a reply of that kind

_STARTS = {
    AFFIRM: re.compile(r"^(ja|yes)\b", re.IGNORECASE),
    DENY: re.compile(r"^(nej|no)\b", re.IGNORECASE),
}


def says_no(text: str) -> bool:
    """Whether the message starts with a no ("nej barnen sover när det händer")."""
    return bool(_STARTS[DENY].match(text.strip()))


def is_short(text: str) -> bool:
    """Whether the message is a word or three: read as a reply, not for what it says."""
    return 0 < len(text.split()) <= MAX_WORDS


def last_bot_buttons(bot_messages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The buttons of the newest bot message that had any (`bot_messages` newest first)."""
    for message in bot_messages:
        buttons = message.get("buttons") or []
        if buttons:
            return list(buttons)
    return []


# Replies after which the last answer's services are shown again: someone who does not know or
# did not understand needs the number, not only the buttons
SHOWS_SERVICES_AGAIN = ("dont_know", "what_do_you_mean")


def last_bot_services(bot_messages: Iterable[dict[str, Any]]) -> list[str]:
    """The resource ids on the newest bot message that showed any (`bot_messages` newest first)."""
    for message in bot_messages:
        services = (message.get("custom") or {}).get("resources") or []
        if services:
            return list(services)
    return []


def answer_to_question(kind: str, buttons: list[dict[str, Any]]) -> str | None:
    """The intent of the button a yes or a no answers, if the last question had one."""
    start = _STARTS.get(kind)
    if start is None:
        return None
    for button in buttons:
        payload = str(button.get("payload") or "")
        if start.match(str(button.get("title") or "")) and payload.startswith("/"):
            return payload[1:].split("{")[0] or None
    return None


def buttons_to_offer(buttons: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The last answer's buttons, as title and payload only."""
    return [{"title": b["title"], "payload": b["payload"]} for b in buttons if "payload" in b]


def previous_bot_turn(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bot's messages (tracker events) that answered the message before the newest one.
    `events` oldest first, as in a tracker."""
    turn, users = [], 0
    for event in reversed(list(events)):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                break
        elif event.get("event") == "bot" and users == 1:
            turn.append(event)
    return turn[::-1]


def emergency_just_shown(events: Iterable[dict[str, Any]]) -> bool:
    """Whether the bot's previous answer showed the emergency bubble: then a short reply ("ja",
    "ok") gets 112 again first."""
    return any(
        ((event.get("data") or {}).get("custom") or {}).get("emergency")
        for event in previous_bot_turn(events)
    )


def said_in_a_row(events: Iterable[dict[str, Any]], responses: Collection[str]) -> int:
    """How many of the bot's latest answers in a row were one of `responses` (any other answer
    or a restart ends the row). `events` oldest first."""
    count = 0
    for event in events:
        if event.get("event") == "restart":
            count = 0
        elif event.get("event") == "bot":
            said = (event.get("metadata") or {}).get("utter_action")
            count = count + 1 if said in responses else 0
    return count


def said_since_restart(events: Iterable[dict[str, Any]]) -> list[str]:
    """The responses (`utter_action` names) the bot said since the conversation last restarted.
    `events` oldest first."""
    said: list[str] = []
    for event in events:
        if event.get("event") == "restart":
            said = []
        elif event.get("event") == "bot":
            said.append((event.get("metadata") or {}).get("utter_action") or "")
    return said
