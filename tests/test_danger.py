"""The deterministic danger detector: what must and must not be flagged."""

import pytest

from bot.danger import DANGER_NOW, SUICIDAL, detect, normalise

DANGER_MESSAGES = [
    "Han slår mig nu",
    "han slar mig nu",
    "HAN SLÅR MIG JUST NU!!",
    "nu slår han mig igen",
    "han har en kniv",
    "Han tog strypgrepp på mig igår",
    "min pappa hotar att döda mig",
    "han ska ta livet av mig",
    "jag är inlåst i badrummet",
    "han står utanför dörren",
    "de ska gifta bort mig i sommar",
    "jag är rädd att de tar mig till hemlandet, de ska skicka mig utomlands",
    "he is hitting me right now",
    "he has a gun",
    "he threatened to kill me",
    "they locked me in",
    "he is outside my door",
    "they want to send me back home to marry",
    "my family is taking me abroad next week",
    "يضربني",  # Arabic: he hits me
    "منو میزنه",  # Persian: he hits me
    "wuu i garaacayaa",  # Somali: he is beating me
    "ሓገዝ",  # Tigrinya: help
    "mąż mnie bije, pomocy",  # Polish
]

SUICIDAL_MESSAGES = [
    "jag vill inte leva längre",
    "Jag vill dö",
    "jag tänker på självmord",
    "sjalvmord",
    "jag vill ta livet av mig",
    "har tänkt ta livet av mig",
    "I want to kill myself",
    "i don't want to live",
    "أفكر في الانتحار",  # Arabic
    "chcę umrzeć",  # Polish
]

SAFE_MESSAGES = [
    "Hej",
    "Är det här anonymt?",
    "Hur gör jag en polisanmälan?",
    "min man kontrollerar mina pengar",
    "jag har använt våld och vill sluta",
    "vem kan jag ringa nu",
    "nu vet jag inte vad jag ska göra",
    "Is this anonymous?",
]


@pytest.mark.parametrize("text", DANGER_MESSAGES)
def test_immediate_danger_is_detected(text):
    verdict = detect(text)
    assert verdict is not None and verdict.kind == DANGER_NOW


@pytest.mark.parametrize("text", SUICIDAL_MESSAGES)
def test_suicidal_thoughts_are_detected(text):
    verdict = detect(text)
    assert verdict is not None and verdict.kind == SUICIDAL


@pytest.mark.parametrize("text", SAFE_MESSAGES)
def test_ordinary_messages_are_not_danger(text):
    assert detect(text) is None


def test_normalise_removes_swedish_diacritics_case_and_spaces():
    assert normalise("  Hjälp   MIG, han SLÅR  ") == "hjalp mig, han slar"


def test_normalise_unifies_persian_zero_width_joiner():
    assert normalise("می\u200cزند") == normalise("میزند")
