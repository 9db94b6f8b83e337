"""`python -m bot review`: one offline HTML file for staff to proofread and sign off the dialogue.

For every topic: what users write (examples per intent), the rule that answers, and the answers in
Swedish and English side by side with the services they show. Buttons link to where they lead, so
the page is also a map of the flows.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import yaml

from bot import PROJECT_ROOT
from bot.check import step_intents
from bot.danger_dialogue import DANGER_ACTION, plan
from bot.render import fill
from bot.resources import Catalogue, load

EXAMPLES_SHOWN = 6
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


def _yaml_files(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        for p in sorted(folder.glob("*.yml"))
    }


def _examples(nlu: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for doc in nlu.values():
        for item in doc.get("nlu") or []:
            lines = [line.strip()[2:] for line in item["examples"].splitlines() if line.strip()]
            found.setdefault(item["intent"], []).extend(lines)
    return found


def _responses_of(action: str, intent: str) -> list[str]:
    """The responses an action sends: the danger answer's first-time responses, else itself."""
    if action == DANGER_ACTION:
        return [utterance.response for utterance in plan(intent, None, shown=None)]
    return [action]


def _rules(rules: dict[str, dict[str, Any]]) -> dict[str, tuple[str, list[str]]]:
    """intent -> (rule name, the actions it runs)."""
    found = {}
    for topic, doc in rules.items():
        for rule in doc.get("rules") or []:
            steps = rule.get("steps") or []
            turns = [s for s in steps if step_intents(s)]
            if len(turns) == 1:  # one user turn: each of its intents is answered by this rule
                for intent in step_intents(turns[0]):
                    found[intent] = (
                        f"{topic}.yml: {rule['rule']}",
                        [
                            a
                            for s in steps
                            if "action" in s
                            for a in _responses_of(s["action"], intent)
                        ],
                    )
    return found


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
            + ", ".join(escape(f"{c['name']} {c.get('phone', '')}".strip()) for c in cards)
            + "</p>"
        )
    buttons = [
        f'<a href="#{escape(b["payload"].lstrip("/"))}">{escape(b["title"])}</a>'
        for b in variation.get("buttons") or []
    ]
    if buttons:
        parts.append("<p class=meta>Knappar → " + " · ".join(buttons) + "</p>")
    return f'<div class="{css}" lang="{lang}">{"".join(parts)}</div>'


def build(root: Path = PROJECT_ROOT, catalogue: Catalogue | None = None) -> str:
    """The whole review page."""
    catalogue = catalogue or load(root / "resources.yml")
    domain, nlu, rules = (_yaml_files(root / d) for d in ("domain", "data/nlu", "data/rules"))
    responses = {
        name: v for doc in domain.values() for name, v in (doc.get("responses") or {}).items()
    }
    examples, rule_of = _examples(nlu), _rules(rules)
    topics = [t for t, doc in domain.items() if doc.get("intents")]
    sections = []
    for topic in topics:
        parts = [f'<h2 id="topic-{topic}">{escape(topic)}</h2>']
        for intent in domain[topic]["intents"]:
            rule, actions = rule_of.get(intent, ("(ingen regel)", []))
            said = "".join(
                f"<li>{escape(e)}</li>" for e in examples.get(intent, [])[:EXAMPLES_SHOWN]
            )
            answers = []
            for action in actions:
                if action in responses:
                    answers.append(
                        '<div class="answers">'
                        + "".join(
                            _answer(_variation(responses[action], lang), catalogue, lang)
                            for lang in ("sv", "en")
                        )
                        + "</div>"
                    )
                else:
                    answers.append(
                        f"<p class=meta>Åtgärd: {escape(action)} (svar som räknas fram, t.ex. öppna nu)</p>"
                    )
            parts.append(
                f'<section class="intent" id="{escape(intent)}"><h3>{escape(intent)}</h3>'
                f"<p class=meta>Regel: {escape(rule)} · {len(examples.get(intent, []))} exempel</p>"
                f"<p>Användare skriver till exempel:</p><ul>{said}</ul>{''.join(answers)}</section>"
            )
        sections.append("".join(parts))
    nav = " ".join(f'<a href="#topic-{t}">{escape(t)}</a>' for t in topics)
    return (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
        "<title>Granskning av chattens samtal</title>"
        f"<style>{STYLE}</style></head><body><h1>Granskning av chattens samtal</h1>"
        "<p>Svenska till vänster, engelska till höger. Knapparna länkar dit de leder.</p>"
        f"<nav>{nav}</nav>{''.join(sections)}</body></html>"
    )


def main(out: Path) -> int:
    out.write_text(build(), encoding="utf-8")
    print(f"Wrote {out}")
    return 0
