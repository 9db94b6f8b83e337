"""Danger triage on sets written by authors who saw neither the patterns nor the model.

The figures below were measured when each round's final set was scored once, and written down in
docs/nlu-evaluation.md before this test was: a change that makes triage worse on them fails here.
A new round brings a new final set; its figures are added here only after it was scored once.
"""

import pytest

from bot.core.languages import CARD_LANGUAGES, UNSERVED, LanguageIdentifier, answer_language
from bot.tools.danger_evaluation import (
    evaluate,
    evaluate_in_rasa,
    final_rounds,
    has_history,
    verdict_for,
)
from bot.understanding.danger_model import DEV_DIR, TRAIN_DIR, corpus_files, load_examples
from bot.understanding.triage import Triager, is_alarm

# Recall (112 first) of Swedish and English messages, as measured when the set was scored.
# Round 3 was 0.986 (222/225) when scored; after retraining with the new everyday messages of #18
# and the dev recall target raised to 99% (bot/understanding/danger_model.py), it is 0.982 (221/225), rounds 1
# and 2 went up (docs/nlu-evaluation.md).
# 2026-12-02 (#14, medical): new training data moved the cut-off; round 4 was scored once with
# the medical changes, round 5 once after the slang training author (docs/nlu-evaluation.md).
MEASURED_RECALL = {
    "2026-12-01": {"single messages": 0.989, "conversations": 0.961},
    "2026-12-01-r2": {"single messages": 0.985},
    "2026-12-01-r3": {"single messages": 1.0},
    "2026-12-02": {"single messages": 0.996},
    "2026-12-02-r5": {"single messages": 0.986},  # 227/230
    "2026-12-02-r6": {"single messages": 1.0},
}
FALSE_ALARMS_ALLOWED = 0.15  # single messages that are not acute but get 112 first
MEDICAL = ("medical", "overdose")


@pytest.fixture(scope="module")
def triager() -> Triager:
    return Triager.load()


def single_message_sets(paths):
    return [p for p in paths if not has_history(p)]


def test_every_round_has_measured_figures():
    assert set(final_rounds()) == set(MEASURED_RECALL)


@pytest.mark.parametrize("round_date", sorted(MEASURED_RECALL))
def test_final_single_messages_keep_their_recall(triager, round_date):
    result = evaluate(triager, single_message_sets(final_rounds()[round_date])).chat_languages
    assert result.recall >= MEASURED_RECALL[round_date]["single messages"]
    assert result.false_alarm_rate <= FALSE_ALARMS_ALLOWED


@pytest.mark.parametrize(
    "round_date", sorted(r for r, figures in MEASURED_RECALL.items() if "conversations" in figures)
)
def test_final_conversations_keep_their_recall(agent, round_date):
    talks = [p for p in final_rounds()[round_date] if has_history(p)]
    result = evaluate_in_rasa(agent, talks).chat_languages
    assert result.recall >= MEASURED_RECALL[round_date]["conversations"]


def test_no_medical_emergency_or_overdose_is_missed(triager):
    # Every set: round 5 missed one overdose when it was scored ("tog 24 st igår natt"); the
    # pattern that followed catches it, and round 6 measured that change (docs/nlu-evaluation.md).
    paths = corpus_files(TRAIN_DIR) + corpus_files(DEV_DIR)
    paths += [path for round_paths in final_rounds().values() for path in round_paths]
    examples = [e for e in load_examples(paths) if e.acute and e.situation in MEDICAL]
    assert len(examples) > 1000
    identifier = LanguageIdentifier()
    missed = [
        e.text
        for e in examples
        if not is_alarm(verdict_for(triager, e))
        and answer_language("sv", e.text, identifier) not in (*CARD_LANGUAGES, UNSERVED)
    ]
    assert missed == []
