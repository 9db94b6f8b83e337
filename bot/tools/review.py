"""`python -m bot review`: one offline HTML file for staff to proofread and sign off the dialogue.

Organised the way staff think: by who an answer speaks to (the one subjected, the one who uses
violence, someone worried, a professional, anyone), then danger and the conversation's small
talk. Each answer has a Swedish name (the button that leads to it, or its first sentence), what
users write, the answers in Swedish and English side by side with their cards and the languages
each service answers in, and whose answer the bot gives instead when someone else writes it.
Buttons link to where they lead, so the page is also a map of the flows. A last part shows the
kinds of message the danger triage answers with 112 first, and messages it must not.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from bot import PROJECT_ROOT
from bot.core import dialogue_files
from bot.core.dialogue_files import one_turn_rules
from bot.core.render import fill
from bot.core.resources import Catalogue, load
from bot.understanding.danger_dialogue import DANGER_ACTION, plan
from bot.understanding.danger_model import SITUATION_KIND, corpus_files, load_examples
from bot.understanding.role_model import CONCERNED, PROFESSIONAL, SUBJECTED, USES_VIOLENCE
from bot.understanding.roles import ANSWER_ROLE, COUNTERPART, ROLE_NAMES

EXAMPLES_SHOWN = 6
DANGER_EXAMPLES_SHOWN = 2  # per situation of the danger corpus
DANGER, CONVERSATION, ANYONE = "danger", "conversation", "anyone"
# (heading, whose answers): the page's parts, in order
PARTS = (
    ("Till den som utsätts", SUBJECTED),
    ("Till den som använder våld", USES_VIOLENCE),
    ("Till den som är orolig för någon", CONCERNED),
    ("Till den som frågar i sitt arbete", PROFESSIONAL),
    ("Till alla som skriver", ANYONE),
    ("Fara: 112 först", DANGER),
    ("Samtalet: hälsning, meny och korta svar", CONVERSATION),
)
CONVERSATION_TOPICS = frozenset({"core", "greeting", "replies", "bot"})  # domain files
OPENERS = ("Tack för att du skriver", "Bra att du bryr dig", "Det låter tungt")
SHORT_REPLY_NAMES = {  # answered by the bot's last question or answer (bot/understanding/short_replies.py)
    "affirm": "Ja",
    "deny": "Nej",
    "acknowledge": "Ok",
    "dont_know": "Vet inte",
    "what_do_you_mean": "Vad menar du?",
}
SITUATION_NAMES = {
    "violence_now": "våld pågår",
    "threat_imminent": "hot om våld nu",
    "weapon": "vapen",
    "strangling": "strypning",
    "locked_in": "inlåst",
    "abuser_nearby": "förövaren i närheten",
    "taken_abroad": "förs utomlands",
    "hiding": "gömmer sig",
    "plea": "ropar på hjälp",
    "asks_bot_to_call": "ber roboten ringa",
    "medical": "skadad, behöver ambulans",
    "overdose": "överdos",
    "bystander": "ser eller hör våld",
    "caused_harm": "har skadat någon",
    "suicidal_direct": "självmordstankar",
    "suicidal_indirect": "självmordstankar, indirekt",
}
STYLE = """
body { font-family: system-ui, sans-serif; max-width: 70rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
h2 { border-bottom: 2px solid #1d3557; margin-top: 2.5rem; }
section.intent { border: 1px solid #999; border-radius: 0.5rem; padding: 0.5rem 1rem; margin: 1rem 0; }
.answers { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.answer { background: #eef2f7; border-radius: 0.5rem; padding: 0.5rem 0.75rem; }
.emergency { border-left: 0.4rem solid #b00020; }
.meta { color: #444; font-size: 0.9rem; }
nav a { margin-right: 0.75rem; }
@media print { section.intent { break-inside: avoid; } }
"""


def _responses_of(action: str, intent: str) -> list[str]:
    """The responses an action sends: the danger answer's first-time responses, else itself."""
    if action == DANGER_ACTION:
        return [utterance.response for utterance in plan(intent, None, shown=None)]
    return [action]


def _rules(root: Path) -> dict[str, tuple[str, list[str]]]:
    """intent -> (the rule that answers it, the responses it sends)."""
    return {
        intent: (rule.label, [r for action in rule.actions for r in _responses_of(action, intent)])
        for intent, rule in one_turn_rules(root).items()
    }


def _variation(variations: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    for variation in variations:
        conditions = variation.get("condition") or []
        if (lang == "sv" and not conditions) or any(c.get("value") == lang for c in conditions):
            return variation
    return variations[0]


def _answer(variation: dict[str, Any], catalogue: Catalogue, lang: str) -> str:
    custom = variation.get("custom") or {}
    css = "answer emergency" if custom.get("emergency") else "answer"
    parts = [f"<p>{escape(fill(variation.get('text', ''), catalogue, lang))}</p>"]
    cards = [
        catalogue.get(rid).public(lang) for rid in custom.get("resources", []) if rid in catalogue
    ]
    if cards:
        parts.append(
            "<p class=meta>Kort: "
            + ", ".join(escape(_card(card)) for card in cards)
            + "</p>"
        )
    buttons = [
        f'<a href="#{escape(b["payload"].lstrip("/"))}">{escape(b["title"])}</a>'
        for b in variation.get("buttons") or []
    ]
    if buttons:
        parts.append("<p class=meta>Knappar → " + " · ".join(buttons) + "</p>")
    return f'<div class="{css}" lang="{lang}">{"".join(parts)}</div>'


def _card(card: dict[str, Any]) -> str:
    """A card in one line: name, number and the languages the service answers in."""
    line = f"{card['name']} {card.get('phone', '')}".strip()
    if card.get("languages"):
        line += f" (svarar på {', '.join(card['languages'])})"
    return line


def _names(responses: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """intent -> its Swedish name: the title of a Swedish button that leads to it, the start
    menu's first (the way staff and users know them)."""
    names: dict[str, str] = dict(SHORT_REPLY_NAMES)
    menu_first = sorted(responses.items(), key=lambda item: item[0] != "utter_greet")
    for _, variations in menu_first:
        for button in _variation(variations, "sv").get("buttons") or []:
            intent = button["payload"].lstrip("/").split("{")[0]
            names.setdefault(intent, button["title"])
    return names


def _first_sentence(text: str, limit: int = 80) -> str:
    """The answer's first sentence that says something of its own (not "Tack för att du skriver")."""
    sentences = [s.split("? ")[0] for s in text.split(". ")]
    said = next((s for s in sentences if not s.startswith(OPENERS)), sentences[0])
    return said if len(said) <= limit else said[: limit - 1] + "…"


def _part_of(intent: str, topic: str) -> str:
    """Which part of the page an intent belongs to (see PARTS)."""
    if topic == DANGER:
        return DANGER
    if topic in CONVERSATION_TOPICS:
        return CONVERSATION
    return ANSWER_ROLE.get(intent, ANYONE)


def _instead(intent: str, names: dict[str, str]) -> str:
    """Whose answer the bot gives instead when someone else writes this (bot/understanding/roles.py)."""
    others = [
        f'{escape(ROLE_NAMES[role])} → <a href="#{escape(counterpart)}">'
        f"{escape(names.get(counterpart, counterpart))}</a>"
        for (asked, role), counterpart in COUNTERPART.items()
        if asked == intent
    ]
    if not others:
        return ""
    return f"<p class=meta>Svar i stället, efter vem som skriver: {' · '.join(others)}</p>"


def _danger_examples(root: Path, names: dict[str, str]) -> str:
    """What danger triage must answer with 112 first, and what it must not, by situation."""
    examples = load_examples(corpus_files(root / "data" / "danger" / "train"))
    rows = []
    for situation, name in SITUATION_NAMES.items():
        found = [e.text for e in examples if e.situation == situation and e.acute]
        said = "".join(f"<li>{escape(t)}</li>" for t in found[:DANGER_EXAMPLES_SHOWN])
        kind = SITUATION_KIND[situation]
        if said:
            answer = f'<a href="#{kind}">{escape(names.get(kind, kind))}</a>'
            rows.append(f"<h3>{escape(name)} → {answer}</h3><ul>{said}</ul>")
    calm = [e.text for e in examples if not e.acute and e.label == "none"]
    rows.append(
        "<h3>Inte fara just nu → ämnets svar</h3><ul>"
        + "".join(f"<li>{escape(t)}</li>" for t in calm[:: max(1, len(calm) // 8)][:8])
        + "</ul>"
    )
    return (
        '<h2 id="part-triage">Vad faroavkänningen fångar</h2>'
        "<p>Varje meddelande bedöms: akut fara (112 först), oklart (112 först och frågan "
        "”Är du eller någon annan i fara just nu?”) eller ingen fara. Exempel ur träningsdata "
        "(data/danger/train):</p>" + "".join(rows)
    )


def _section(
    intent: str,
    topic: str,
    answers: list[str],
    names: dict[str, str],
    examples: dict[str, list[str]],
    rule: str,
) -> str:
    said = "".join(f"<li>{escape(e)}</li>" for e in examples.get(intent, [])[:EXAMPLES_SHOWN])
    return (
        f'<section class="intent" id="{escape(intent)}"><h3>{escape(names[intent])}</h3>'
        f"<p class=meta>Ämne: {escape(topic)} · intent: {escape(intent)} · regel: {escape(rule)}"
        f" · {len(examples.get(intent, []))} exempel</p>"
        f"<p>Användare skriver till exempel:</p><ul>{said}</ul>{''.join(answers)}"
        f"{_instead(intent, names)}</section>"
    )


def build(root: Path = PROJECT_ROOT, catalogue: Catalogue | None = None) -> str:
    """The whole review page."""
    catalogue = catalogue or load(root / "resources.yml")
    responses = dialogue_files.responses(root)
    examples, rule_of = dialogue_files.examples(root), _rules(root)
    names = _names(responses)
    by_part: dict[str, list[str]] = {part: [] for _, part in PARTS}
    for intent, file in dialogue_files.declared_intents(root).items():
        topic = file.topic
        rule, actions = rule_of.get(intent, ("(ingen regel)", []))
        answers = []
        for action in actions:
            if action in responses:
                variations = responses[action]
                first = _first_sentence(_variation(variations, "sv")["text"])
                names.setdefault(intent, fill(first, catalogue, "sv"))
                answers.append(
                    '<div class="answers">'
                    + "".join(
                        _answer(_variation(variations, lang), catalogue, lang)
                        for lang in ("sv", "en")
                    )
                    + "</div>"
                )
            else:
                answers.append(
                    f"<p class=meta>Åtgärd: {escape(action)} (svaret räknas fram, "
                    "till exempel vilka linjer som har öppet nu)</p>"
                )
        names.setdefault(intent, intent)
        part = _part_of(intent, topic)
        by_part[part].append(_section(intent, topic, answers, names, examples, rule))
    body = "".join(
        f'<h2 id="part-{index}">{escape(heading)}</h2>{"".join(by_part[part])}'
        for index, (heading, part) in enumerate(PARTS)
    )
    nav = " ".join(f'<a href="#part-{i}">{escape(h)}</a>' for i, (h, _) in enumerate(PARTS))
    nav += ' <a href="#part-triage">Vad faroavkänningen fångar</a>'
    return (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
        "<title>Granskning av chattens samtal</title>"
        f"<style>{STYLE}</style></head><body><h1>Granskning av chattens samtal</h1>"
        "<p>Svaren står efter vem de talar till. Svenska till vänster, engelska till höger. "
        "Knapparna länkar dit de leder. Är roboten osäker på vem som skriver frågar den, i "
        "stället för att ge ett svar som är till någon annan.</p>"
        f"<nav>{nav}</nav>{body}{_danger_examples(root, names)}</body></html>"
    )


def main(out: Path) -> int:
    out.write_text(build(), encoding="utf-8")
    print(f"Wrote {out}")
    return 0
