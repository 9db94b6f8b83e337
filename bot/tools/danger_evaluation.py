"""Score danger triage on the development and final sets: recall and false alarms.

    python -m bot evaluate --danger            # every set, per language and per situation
    python -m bot evaluate --danger --misses   # and every miss and false alarm
    python -m bot evaluate --danger-features   # candidate features, trained and compared on dev

A message counts as *caught* when 112 comes first (acute or uncertain) and as a *false alarm*
when a message that is not acute gets 112 first. The development set (data/danger/dev/) sets
the thresholds; the final sets (tests/eval/danger/final-<date>[-r<n>]-*.yml) are scored once per round
and never tuned on. Borderline messages are left out of both counts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from bot import PROJECT_ROOT
from bot.core.languages import (
    CARD_LANGUAGES,
    CHAT_LANGUAGES,
    UNSERVED,
    LanguageIdentifier,
    answer_language,
)
from bot.understanding.danger_model import (
    ACUTE,
    DEV_DIR,
    NONE,
    TRAIN_DIR,
    Example,
    corpus_files,
    everyday_examples,
    fit,
    load_examples,
    tune_thresholds,
)
from bot.understanding.text_features import FEATURES, augmented
from bot.understanding.triage import (
    Triager,
    Verdict,
    is_alarm,
    own_violence_told,
    violence_told_before,
)

FINAL_DIR = PROJECT_ROOT / "tests" / "eval" / "danger"


ROUND = re.compile(r"^final-(\d{4}-\d{2}-\d{2}(?:-r\d+)?)-")


def final_rounds(directory: Path = FINAL_DIR) -> dict[str, list[Path]]:
    """The final sets by round (`final-<date>[-r<n>]-<author>.yml`), oldest first."""
    rounds: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(directory.glob("final-*.yml")):
        if match := ROUND.match(path.name):
            rounds[match.group(1)].append(path)
    return dict(sorted(rounds.items()))


@dataclass
class Tally:
    """Counts for one group of messages."""

    acute: int = 0
    caught: int = 0
    negative: int = 0
    alarms: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.acute if self.acute else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.alarms / self.negative if self.negative else 0.0


@dataclass
class DangerScore:
    """Recall and false alarms overall, per language and per situation, with the misses."""

    overall: Tally = field(default_factory=Tally)
    chat_languages: Tally = field(default_factory=Tally)
    # messages in other languages as the gateway answers them: 112 first whenever the language is
    # identified as one the bot does not converse in, else as triage decides
    other_languages_answered: Tally = field(default_factory=Tally)
    by_lang: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_situation: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[tuple[Example, Verdict]] = field(default_factory=list)
    false_alarms: list[tuple[Example, Verdict]] = field(default_factory=list)


def score(
    examples: Sequence[Example],
    verdicts: Sequence[Verdict],
    card_answered: Sequence[bool] | None = None,
) -> DangerScore:
    """Tally each example's verdict (borderline examples are skipped); `card_answered[i]`: the
    gateway would answer example i with its 112-first card (its language was identified)."""
    result = DangerScore()
    card_answered = card_answered or [False] * len(examples)
    for example, verdict, by_card in zip(examples, verdicts, card_answered, strict=True):
        if example.label not in (ACUTE, NONE):
            continue
        alarm = is_alarm(verdict)
        groups = [
            result.overall,
            result.by_lang[example.lang],
            result.by_situation[example.situation],
        ]
        if example.lang in CHAT_LANGUAGES:
            groups.append(result.chat_languages)
        else:
            _count(result.other_languages_answered, example, alarm or by_card)
        for tally in groups:
            _count(tally, example, alarm)
        if example.acute and not alarm:
            result.misses.append((example, verdict))
        elif not example.acute and alarm:
            result.false_alarms.append((example, verdict))
    return result


def _count(tally: Tally, example: Example, alarm: bool) -> None:
    if example.acute:
        tally.acute += 1
        tally.caught += alarm
    else:
        tally.negative += 1
        tally.alarms += alarm


def _row(name: str, tally: Tally) -> str:
    recall = f"{tally.recall:7.1%} {tally.caught:>4}/{tally.acute:<4}" if tally.acute else " " * 17
    alarms = (
        f"{tally.false_alarm_rate:7.1%} {tally.alarms:>4}/{tally.negative:<4}"
        if tally.negative
        else ""
    )
    return f"{name:<26} {recall} {alarms}"


def report(name: str, result: DangerScore, show_misses: bool = False) -> str:
    """A plain-text table: recall (112 first) and false alarms, per language and situation."""
    header = f"{'':<26} {'recall (112 first)':>17} {'false alarms':>17}"
    lines = [f"== {name}", header, _row("all", result.overall)]
    lines.append(_row("Swedish + English", result.chat_languages))
    if result.other_languages_answered.acute + result.other_languages_answered.negative:
        lines.append(_row("other languages, answered", result.other_languages_answered))
    lines += [_row(f"  lang {lang}", t) for lang, t in sorted(result.by_lang.items())]
    lines += [_row(f"  {s}", t) for s, t in sorted(result.by_situation.items())]
    if show_misses:
        lines += [f"  MISSED [{e.situation}] {e.text}   ({v.reason})" for e, v in result.misses]
        lines += [
            f"  FALSE ALARM [{e.situation}] {e.text}   ({v.reason})" for e, v in result.false_alarms
        ]
    return "\n".join(lines)


def verdict_for(triager: Triager, example: Example) -> Verdict:
    """The triage of the example's message, with its conversation (`history`) as context.

    As in the bot (bot.rasa_plugins.nlu_components.danger_context), an earlier message that raised
    an alarm or reached the disclosure threshold makes the check stricter. (The bot also relaxes it
    when the intent classifier hears "he has left"; without Rasa that is not modelled here.)
    """
    earlier = [triager.triage(h) for h in example.history]
    context = any(is_alarm(v) or v.probability >= triager.disclosure_threshold for v in earlier)
    kinds = frozenset(v.kind for v in earlier if is_alarm(v) and v.kind)
    history = list(example.history)
    own = own_violence_told(history)
    violence = violence_told_before(history, context, own)
    just_before = earlier[-1] if earlier else None
    acute_before = just_before.kind if just_before and just_before.level == ACUTE else None
    return triager.triage(
        example.text, context, earlier_kinds=kinds, violence_earlier=violence,
        own_violence_earlier=own, acute_before=acute_before,
    )  # fmt: skip


def evaluate(triager: Triager, paths: Sequence[Path]) -> DangerScore:
    examples = load_examples(paths)
    identifier = LanguageIdentifier()
    by_card = [
        e.lang not in CHAT_LANGUAGES
        and answer_language("sv", e.text, identifier) in (*CARD_LANGUAGES, UNSERVED)
        for e in examples
    ]
    return score(examples, [verdict_for(triager, e) for e in examples], by_card)


def evaluate_in_rasa(agent: Any, paths: Sequence[Path]) -> DangerScore:
    """Conversations judged as the bot judges them: each earlier message parsed by the trained
    Rasa pipeline into the conversation's tracker, then the last one (with the DangerDetector's
    context and its "he has left" rule)."""
    import asyncio

    from rasa.core.channels.channel import UserMessage
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    async def judge(example: Example) -> Verdict:
        tracker = DialogueStateTracker("evaluation", agent.domain.slots)
        for text in example.history:
            parsed = await agent.processor.parse_message(UserMessage(text), tracker)
            tracker.update(UserUttered(text, parsed["intent"], parsed["entities"], parsed))
        parsed = await agent.processor.parse_message(UserMessage(example.text), tracker)
        verdict = parsed["danger"]
        return Verdict(**{f.name: verdict[f.name] for f in fields(Verdict)})

    examples = load_examples(paths)
    loop = asyncio.new_event_loop()
    try:
        return score(examples, [loop.run_until_complete(judge(e)) for e in examples])
    finally:
        loop.close()


def compare_features() -> str:
    """Each candidate feature set trained on train and scored on dev at thresholds tuned there."""
    from bot.understanding.danger import detect

    train = augmented(load_examples(corpus_files(TRAIN_DIR))) + everyday_examples()
    dev = load_examples(corpus_files(DEV_DIR))
    lines = [f"{'features':<24} {'recall':>7} {'false alarms':>13}  (dev, thresholds tuned on dev)"]
    for features in FEATURES:
        model = fit(train, features)
        model.thresholds = tune_thresholds(model, dev, lambda text: detect(text) is not None)
        triager = Triager(model)
        result = score(dev, [verdict_for(triager, e) for e in dev]).overall
        lines.append(f"{features:<24} {result.recall:>7.1%} {result.false_alarm_rate:>13.1%}")
    return "\n".join(lines)


def main(show_misses: bool = False, features: bool = False) -> int:
    """Print the danger scores of the trained triage on the development and final sets.

    Single messages are triaged directly; conversations go through the trained Rasa pipeline.
    """
    if features:
        print(compare_features())
        return 0
    from bot.tools.local_agent import load_agent

    triager, agent = Triager.load(), load_agent()
    sets = [("dev (thresholds set here)", corpus_files(DEV_DIR))]
    sets += [(f"final {day} (never tuned on)", paths) for day, paths in final_rounds().items()]
    for name, paths in sets:
        singles = [p for p in paths if not has_history(p)]
        talks = [p for p in paths if has_history(p)]
        print(report(f"{name}: single messages", evaluate(triager, singles), show_misses))
        if talks:
            result = evaluate_in_rasa(agent, talks)
            print(report(f"{name}: conversations, last message", result, show_misses))
        print()
    return 0


def has_history(path: Path) -> bool:
    """Whether a set holds conversations (messages with a `history`)."""
    return any(e.history for e in load_examples([path]))
