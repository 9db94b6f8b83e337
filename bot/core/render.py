"""Turn Rasa's REST output into the messages of the public HTTP contract.

Responses in domain/ never contain a service's number or link. They refer to resources.yml:
- in text, `[[kvinnofridslinjen.phone]]` becomes that resource's phone number (also `.name`,
  `.url`, `.sms`, `.chat_url`);
- a response's `custom: {resources: [ids], emergency: true}` becomes resource cards and the
  emergency flag on the bubble it belongs to.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from bot.core import texts
from bot.core.resources import Catalogue

log = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"\[\[([a-z0-9_]+)\.(phone|sms|name|url|chat_url)\]\]")
CRISIS_RESOURCES = ("emergency", "kvinnofridslinjen", "socialjouren")


def fill(text: str, catalogue: Catalogue, lang: str) -> str:
    """Replace `[[id.field]]` placeholders with the values from resources.yml."""

    def value(match: re.Match[str]) -> str:
        resource_id, field = match.groups()
        if resource_id not in catalogue:
            log.error("A response refers to an unknown resource id %r", resource_id)
            return ""
        public = catalogue.get(resource_id).public(lang)
        return str(public.get(field, ""))

    return PLACEHOLDER.sub(value, text)


def resource_cards(
    ids: list[str], catalogue: Catalogue, lang: str, at: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """The public resource objects for `ids`, skipping (and logging) unknown ids."""
    cards = []
    for resource_id in ids:
        if resource_id in catalogue:
            cards.append(catalogue.get(resource_id).public(lang, at))
        else:
            log.error("A response refers to an unknown resource id %r", resource_id)
    return cards


def render(rasa_messages: list[dict[str, Any]], catalogue: Catalogue, lang: str) -> list[dict]:
    """Contract messages for Rasa's output.

    Rasa sends a response's `custom` part as a message of its own right after the text; it joins
    that text's bubble unless the bubble already has cards.
    """
    out: list[dict[str, Any]] = []
    for message in rasa_messages:
        bubble: dict[str, Any] = {}
        if message.get("text"):
            bubble["text"] = fill(message["text"], catalogue, lang)
            if message.get("buttons"):
                bubble["buttons"] = [
                    {"title": fill(b["title"], catalogue, lang), "payload": b["payload"]}
                    for b in message["buttons"]
                ]
            out.append(bubble)
        custom = message.get("custom")
        if not isinstance(custom, dict):
            continue
        if not bubble:
            if out and "resources" not in out[-1]:
                bubble = out[-1]
            else:
                out.append(bubble)
        if custom.get("resources"):
            bubble["resources"] = resource_cards(list(custom["resources"]), catalogue, lang)
        if custom.get("emergency"):
            bubble["emergency"] = True
        if custom.get("deleted"):  # the conversation was deleted: the widget clears the screen
            bubble["deleted"] = True
    return [m for m in out if m]


def crisis_card(
    catalogue: Catalogue, lang: str, extra: list[str] | None = None
) -> list[dict[str, Any]]:
    """The answer when the bot cannot answer: 112, Kvinnofridslinjen and Socialjouren (and
    `extra` resources, such as Mind when the message speaks of suicide)."""
    return [
        {
            "text": fill(texts.text("crisis", lang), catalogue, lang),
            "emergency": True,
            "resources": resource_cards([*CRISIS_RESOURCES, *(extra or [])], catalogue, lang),
        }
    ]
