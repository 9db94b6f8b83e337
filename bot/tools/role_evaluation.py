"""Score whose answer the bot gives, on messages the training data was not written around.

`python -m bot evaluate --roles [--misses] [--tune] [--final]` parses each Swedish and English
message of the role development set (data/roles/dev/) and, with `--final`, of each final round
(tests/eval/roles/, scored once, never tuned on) with the trained Rasa pipeline, and counts:
- wrong role: the answer speaks to another role than the writer's
  (bot.understanding.roles.ANSWER_ROLE), or, when the message shows no role, to those who use
  violence, or it is an answer for young people and the writer is an adult. This is the harm to
  avoid;
- asked: the bot asked who the message is about (one tap more);
- the same for the topic classifier alone (the intent before RoleDetector), as the baseline.

The development sets are the role corpus's dev set and the intent evaluation set (plain phrasings).
`--tune` searches the cut-offs of bot.understanding.roles.Limits on them: the fewest questions at
the lowest rate of wrong roles. Messages in other languages get the crisis card (gateway), not a
role's answer, and are not scored here.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot import PROJECT_ROOT
from bot.core.languages import CHAT_LANGUAGES
from bot.tools.danger_evaluation import final_rounds
from bot.understanding.role_model import (
    DEV_DIR,
    UNCLEAR,
    USES_VIOLENCE,
    RoleExample,
    RoleGuess,
    corpus_files,
    load_examples,
)
from bot.understanding.roles import ANSWER_ROLE, LIMITS, ROLE_QUESTION, YOUNG_ANSWER, Limits, decide

FINAL_DIR = PROJECT_ROOT / "tests" / "eval" / "roles"


def wrong_role(example: RoleExample, intent: str) -> bool:
    """Whether the answer to `intent` speaks to someone the writer is not."""
    if intent in YOUNG_ANSWER.values() and not example.young:
        return True  # "tell the school counsellor" to a man who grabbed his mother's arm
    speaks_to = ANSWER_ROLE.get(intent)
    if speaks_to is None:
        return False
    if example.role == UNCLEAR:
        return speaks_to == USES_VIOLENCE
    return speaks_to != example.role


@dataclass(frozen=True)
class Reading:
    """One message as the pipeline read it."""

    example: RoleExample
    topic: str  # the topic classifier's intent (after danger triage), before RoleDetector
    intent: str  # the intent answered
    guess: RoleGuess
    age: str | None = None  # what the message said of the writer's age (bot.understanding.age_cues)


@dataclass
class RoleScore:
    messages: int
    wrong: list[Reading]
    asked: list[Reading]
    wrong_before: int  # the topic classifier alone

    def summary(self) -> str:
        n = max(self.messages, 1)
        return (
            f"{self.messages} messages: wrong role {len(self.wrong)} ({len(self.wrong) / n:.1%}), "
            f"asked {len(self.asked)} ({len(self.asked) / n:.1%}); "
            f"topic classifier alone: wrong role {self.wrong_before} ({self.wrong_before / n:.1%})"
        )


def score(readings: Sequence[Reading]) -> RoleScore:
    return RoleScore(
        len(readings),
        [r for r in readings if wrong_role(r.example, r.intent)],
        [r for r in readings if r.intent == ROLE_QUESTION],
        sum(wrong_role(r.example, r.topic) for r in readings),
    )


def by_role(readings: Sequence[Reading]) -> str:
    """Wrong and asked per writer's role."""
    total, wrong, asked = Counter(), Counter(), Counter()
    for r in readings:
        total[r.example.role] += 1
        wrong[r.example.role] += wrong_role(r.example, r.intent)
        asked[r.example.role] += r.intent == ROLE_QUESTION
    return "\n".join(
        f"  {role:<14} {total[role]:>4}  wrong {wrong[role]:>3}  asked {asked[role]:>3}"
        for role in sorted(total)
    )


def read_all(agent: Any, examples: Sequence[RoleExample]) -> list[Reading]:
    """Each message parsed by the trained pipeline, as a first message of a conversation."""
    from rasa.core.channels.channel import UserMessage

    async def read(example: RoleExample) -> Reading:
        parsed = await agent.parse_message(UserMessage(example.text).text)
        reading = parsed.get("role") or {}
        guess = RoleGuess(reading.get("probabilities") or {UNCLEAR: 1.0}, reading.get("young", 0))
        intent = parsed["intent"]["name"]
        return Reading(example, reading.get("topic", intent), intent, guess, reading.get("age"))

    loop = asyncio.new_event_loop()
    try:
        return [loop.run_until_complete(read(e)) for e in examples]
    finally:
        loop.close()


def replay(readings: Sequence[Reading], limits: Limits) -> list[Reading]:
    """The readings as RoleDetector would have decided them with other cut-offs."""
    return [
        replace(r, intent=decide(r.topic, r.guess, None, limits, age=r.age).intent)
        for r in readings
    ]


GRID = {
    "sure": (0.3, 0.4, 0.5, 0.6, 0.7),
    "switch": (0.6, 0.7, 0.8, 0.9, 1.01),
    "switch_to_uses_violence": (0.9, 0.95, 0.98, 1.01),
    "uses_violence": (0.3, 0.5, 0.7),
}


def tune(readings: Sequence[Reading]) -> list[tuple[int, int, Limits]]:
    """Every combination of the grid's cut-offs with its wrong roles and questions, best first."""
    rows = []
    for values in itertools.product(*GRID.values()):
        limits = Limits(**dict(zip(GRID, values, strict=True)), young=LIMITS.young)
        result = score(replay(readings, limits))
        rows.append((len(result.wrong), len(result.asked), limits))
    return sorted(rows, key=lambda row: (row[0], row[1]))


def scored(paths: Sequence[Path]) -> list[RoleExample]:
    return [e for e in load_examples(paths) if e.lang in CHAT_LANGUAGES]


def topic_found(readings: Sequence[Reading]) -> tuple[int, int]:
    """Of the messages whose writer and need name an answer (corpus_intents.intent_for), how many
    the topic classifier read as that answer's topic, and how many there are."""
    from bot.tools.corpus_intents import intent_for

    expected = [(r, intent_for(r.example)) for r in readings]
    named = [(r, intent) for r, intent in expected if intent]
    return sum(r.topic == intent for r, intent in named), len(named)


def report(name: str, readings: Sequence[Reading], show_misses: bool) -> str:
    found, named = topic_found(readings)
    lines = [
        f"{name}: {score(readings).summary()}",
        by_role(readings),
        f"  topic the need names: {found} of {named} ({found / max(named, 1):.1%})",
    ]
    if show_misses:
        for r in score(readings).wrong:
            lines.append(f"  WRONG {r.example.role} -> {r.intent} ({r.topic}): {r.example.text}")
    return "\n".join(lines)


def intent_eval_examples() -> list[RoleExample]:
    """The intent evaluation set (tests/eval/messages.yml, plain everyday phrasings) as a second
    development set: the role each expected answer speaks to, or unclear for answers to anyone,
    and young when it is an answer for young people.
    Danger messages are left out (their answer is for anyone; who writes is often open)."""
    from bot.tools.evaluation import DANGER_INTENTS, load_messages

    return [
        RoleExample(
            m.text,
            ANSWER_ROLE.get(m.intent, UNCLEAR),
            young=m.intent in YOUNG_ANSWER.values(),
            lang=m.lang,
        )
        for m in load_messages()
        if m.intent not in DANGER_INTENTS
    ]


# Messages from the middle of the used final conversations, labelled as each alone shows them
# (data/roles/README.md): how the topic classifier reads follow-ups
CONVERSATION_DEV_DIR = DEV_DIR.parent / "dev-conversations"


def development_sets() -> dict[str, list[RoleExample]]:
    return {
        "dev: role corpus": scored(corpus_files(DEV_DIR)),
        "dev: intent evaluation set": intent_eval_examples(),
        "dev: conversation messages": scored(corpus_files(CONVERSATION_DEV_DIR)),
    }


def main(show_misses: bool = False, tune_limits: bool = False, final: bool = False) -> int:
    """Print the scores on dev; with `final`, also on each final round (score a round once)."""
    from bot.tools.local_agent import load_agent

    agent = load_agent()
    devs = {name: read_all(agent, examples) for name, examples in development_sets().items()}
    if tune_limits:
        for wrong, asked, limits in tune([r for rs in devs.values() for r in rs])[:10]:
            print(f"wrong {wrong:>3} asked {asked:>3}  {limits}")
        return 0
    for name, readings in devs.items():
        print(report(f"{name} (cut-offs set here)", readings, show_misses))
    for day, paths in final_rounds(FINAL_DIR).items() if final else ():
        print(report(f"final {day} (never tuned on)", read_all(agent, scored(paths)), show_misses))
    return 0
