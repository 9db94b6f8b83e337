"""What one answered message adds to the counters (bot/core/metrics.py), read in the Rasa process.

The tracker stores call `count_turn` when Rasa saves a conversation after answering a message.
`read_turn` is pure: from the conversation's newest events it reads what was decided (the topic,
the writer's role, the danger verdict, a question asked, a fallback) and how the previous
question was answered; `count` adds one to the counters. Nothing of the turn is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Reversible
from dataclasses import dataclass
from typing import Any

from rasa.shared.core.events import Restarted, SessionStarted, UserUttered

from bot.core import metrics
from bot.understanding.danger_dialogue import INTENTS as DANGER_INTENTS
from bot.understanding.danger_dialogue import UNSURE
from bot.understanding.role_model import CONCERNED, PROFESSIONAL, SUBJECTED, USES_VIOLENCE
from bot.understanding.roles import ANSWER_ROLE, FALLBACK, ROLE_QUESTION
from bot.understanding.triage import ACUTE, NONE, UNCERTAIN

ROLES = (SUBJECTED, USES_VIOLENCE, CONCERNED, PROFESSIONAL)
# the intents whose answer is a question, and the question's name in the counters
QUESTION_OF = {ROLE_QUESTION: "who_is_writing", UNSURE: "danger_check"}
NOT_COUNTED = frozenset({"restart", "session_start"})  # the gateway's /api/end, Rasa's own
DELETE = "delete_conversation"
TRIAGE_OUTCOMES = (ACUTE, UNCERTAIN, NONE)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Turn:
    """What the counters learn from one answered message (labels only, no text)."""

    topic: str
    role: str
    first: bool  # the conversation's first message
    triage: str | None  # None for a button: buttons are not triaged
    question: tuple[str, str] | None  # (question asked now, the topic it was unsure about)
    answer: tuple[str, str] | None  # (the previous message's question, how it was answered)
    fallback_about: str | None  # the best guess when the message was not understood


def read_turn(events: Reversible[Any], role: object, intents: Collection[str]) -> Turn | None:
    """The turn of the newest user message in `events` (None when there is none to count).

    Reads back only as far as the previous user message of the same session: the cost does not
    grow with the conversation.
    """
    users = []
    for event in reversed(events):
        if isinstance(event, UserUttered):
            users.append(event.parse_data or {})
            if len(users) == 2:
                break
        elif isinstance(event, (SessionStarted, Restarted)) and users:
            break
    if not users:
        return None
    parse = users[0]
    intent = (parse.get("intent") or {}).get("name")
    if not intent or intent in NOT_COUNTED:
        return None
    topic = metrics.bounded(intent, intents)
    verdict = parse.get("danger") or {}
    triage = verdict.get("level") if verdict.get("level") in TRIAGE_OUTCOMES else None
    question = None
    if intent in QUESTION_OF:
        # the classifier's topic: for a danger check, as danger triage saw it (the intent is
        # already the danger one when the role is read)
        source = verdict if intent == UNSURE else parse.get("role") or {}
        about = source.get("topic")
        question = (QUESTION_OF[intent], metrics.bounded(about, intents) if about else "none")
    answer = None
    previous = ((users[1].get("intent") or {}).get("name")) if len(users) == 2 else None
    if previous in QUESTION_OF:
        asked = QUESTION_OF[previous]
        if asked == "danger_check":
            answer = (asked, "yes" if intent in DANGER_INTENTS and intent != UNSURE else "no")
        else:
            answer = (asked, topic)
    fallback_about = None
    if intent == FALLBACK:
        guesses = [r.get("name") for r in parse.get("intent_ranking") or []]
        best = next((g for g in guesses if g and g != FALLBACK), None)
        fallback_about = metrics.bounded(best, intents) if best else "none"
    if role not in ROLES and str(parse.get("text") or "").startswith("/"):
        role = ANSWER_ROLE.get(intent)  # a button says who is writing ("Någon gör mig illa")
    return Turn(
        topic=topic,
        role=role if role in ROLES else "unknown",
        first=len(users) == 1,
        triage=triage,
        question=question,
        answer=answer,
        fallback_about=fallback_about,
    )


def count(turn: Turn) -> None:
    """Add the turn to this process's counters."""
    if turn.first:
        metrics.CONVERSATIONS.inc()
    metrics.TOPICS.labels(turn.topic).inc()
    metrics.ROLES.labels(turn.role).inc()
    if turn.triage:
        metrics.TRIAGE.labels(turn.triage).inc()
    if turn.question:
        metrics.QUESTIONS.labels(*turn.question).inc()
    if turn.answer:
        metrics.ANSWERS_TO_QUESTIONS.labels(*turn.answer).inc()
    if turn.fallback_about:
        metrics.FALLBACKS.labels(turn.fallback_about).inc()
    if turn.topic == DELETE:
        metrics.DELETED.inc()


_known_intents: tuple[Any, frozenset[str]] = (None, frozenset())


def intents_of(domain: Any) -> frozenset[str]:
    """The domain's intents as a set, worked out once per domain object."""
    global _known_intents
    if _known_intents[0] is not domain:
        _known_intents = (domain, frozenset(domain.intents if domain else ()))
    return _known_intents[1]


def count_turn(tracker: Any, domain: Any) -> None:
    """Count the newest answered message of a Rasa tracker (called by the tracker stores when
    they save it)."""
    try:
        turn = read_turn(tracker.events, tracker.get_slot("role"), intents_of(domain))
        if turn is not None:
            count(turn)
    except Exception as e:  # a counter never costs an answer
        log.error("Counting a turn failed: %s", type(e).__name__)
