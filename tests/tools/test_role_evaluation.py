"""The role evaluation's figures, on readings made by hand (no model needed)."""

from bot.tools.role_evaluation import Reading, topic_found
from bot.understanding.role_model import RoleExample, RoleGuess

NOBODY = RoleGuess({"unclear": 1.0}, 0.0)


def reading(text: str, role: str, need: str, topic: str) -> Reading:
    return Reading(RoleExample(text, role, need=need), topic, topic, NOBODY)


def test_topic_found_counts_the_answer_the_writer_and_need_name():
    readings = [
        reading("kostar det något?", "unclear", "cost_or_opening_hours", "costs_and_anonymity"),
        reading("får jag tolk?", "unclear", "interpreter_or_language", "anonymity"),
        # a need with no answer for that writer is not counted
        reading("hur hjälper jag henne?", "unclear", "how_to_help_someone", "concerned"),
    ]
    assert topic_found(readings) == (1, 2)
    assert topic_found([]) == (0, 0)
