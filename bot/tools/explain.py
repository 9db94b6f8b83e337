"""Why the bot answered as it did: intent, confidence, danger triage, who is writing, the rule.

Used by `python -m bot chat --explain` and by the widget's staff mode (`bot serve --staff`).
Never logged; shown only to the person testing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from bot import PROJECT_ROOT
from bot.core.dialogue_files import one_turn_rules
from bot.understanding.triage import danger_summary


@cache
def rule_names(root: Path = PROJECT_ROOT) -> dict[str, str]:
    """The rule that answers each intent (rules here are one intent, then the answer)."""
    return {intent: rule.label for intent, rule in one_turn_rules(root).items()}


def explanation(parse_data: dict[str, Any], policy: str | None) -> dict[str, Any]:
    """A small, JSON-safe summary of one turn for staff."""
    intent = parse_data.get("intent") or {}
    danger = parse_data.get("danger")
    role = parse_data.get("role") or {}
    name = intent.get("name")
    return {
        "intent": name,
        "confidence": round(float(intent.get("confidence") or 0.0), 3),
        "danger": danger_summary(danger) if danger else None,
        "writer": role.get("writer"),
        "role": role_summary(role) if role else None,
        # RulePolicy or our RememberingRulePolicy (bot/rasa_plugins/rule_policy.py)
        "rule": rule_names().get(name) if policy and policy.endswith("RulePolicy") else None,
        "policy": policy,
    }


def role_summary(role: dict[str, Any]) -> str:
    """ "writer subjected (guess subjected 0.91); topic uses_violence: switched"."""
    probabilities = role.get("probabilities") or {}
    guess = role.get("guess")
    return (
        f"writer {role.get('writer') or 'unknown'} "
        f"(guess {guess} {probabilities.get(guess, 0.0):.2f}); "
        f"topic {role.get('topic')}: {role.get('reason')}"
    )


def from_tracker(tracker: Any) -> dict[str, Any] | None:
    """The explanation of the latest turn in a Rasa tracker (None when there is none)."""
    if tracker is None or tracker.latest_message is None:
        return None
    policy = None
    for event in reversed(tracker.events):
        if (
            getattr(event, "policy", None)
            and getattr(event, "action_name", None) != "action_listen"
        ):
            policy = event.policy
            break
        if type(event).__name__ == "UserUttered":
            break
    return explanation(tracker.latest_message.parse_data, policy)


def describe(info: dict[str, Any]) -> str:
    """One line for the terminal or a staff badge."""
    parts = [f"intent {info['intent']} ({info['confidence']:.2f})"]
    if info.get("danger"):
        parts.append(f"danger triage: {info['danger']}")
    if info.get("role"):
        parts.append(f"role: {info['role']}")
    if info.get("rule"):
        parts.append(f"rule {info['rule']}")
    elif info.get("policy"):
        parts.append(f"policy {info['policy']}")
    return " · ".join(parts)
