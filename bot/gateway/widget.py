"""The widget as the gateway serves it: widget/widget.js and /widget/i18n/<code>.json.

The widget's texts live with the service's other texts in bot/core/texts/<code>.yml: the labels
on a service's card (`card`, which /stod shows too) and the widget's own (`widget`). Swedish and
English are built into the script together with the crisis cards of resources.yml, so that the
widget can show them when the service cannot be reached later; the widget fetches the other
languages when one is chosen.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core import texts
from bot.core.languages import CHAT_LANGUAGES, right_to_left
from bot.core.render import CRISIS_RESOURCES, resource_cards
from bot.core.resources import Catalogue


def ui_texts(lang: str) -> dict[str, Any]:
    """Every text the widget shows in `lang`, with the language's name, whether a translator has
    reviewed it and its direction."""
    return {
        "name": texts.value("name", lang),
        "reviewed": texts.value("reviewed", lang),
        "dir": "rtl" if right_to_left(lang) else "ltr",
        **texts.value("card", lang),
        **texts.value("widget", lang),
    }


def _built_in(script: str, name: str, value: Any) -> str:
    """`script` with its empty `var <name> = {};` set to `value`."""
    literal = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return script.replace(f"var {name} = {{}};", f"var {name} = {literal};", 1)


def built_script(source: str, catalogue: Catalogue) -> str:
    """widget.js (`source`) with the Swedish and English texts and the crisis cards of
    `catalogue` (112, Kvinnofridslinjen, Socialjouren) built in."""
    cards = {
        lang: [
            card | {"open_now": None}
            for card in resource_cards(list(CRISIS_RESOURCES), catalogue, lang)
        ]
        for lang in CHAT_LANGUAGES
    }
    script = _built_in(source, "OFFLINE_CARDS", cards)
    return _built_in(script, "TEXTS", {lang: ui_texts(lang) for lang in CHAT_LANGUAGES})
