"""Cues in bot/understanding/topic_cues.py that need no model."""

from bot.understanding.topic_cues import opens_with_a_greeting


def test_an_opening_line_begins_with_a_greeting():
    for text in ("hej. jag undrar en sak", "Hejsan! kan jag fråga", "salaam, är detta för män", "hi"):
        assert opens_with_a_greeting(text), text
    for text in ("hejdå", "hjälp han har en kniv", "they said hi to me", "min man slår mig. hej"):
        assert not opens_with_a_greeting(text), text
