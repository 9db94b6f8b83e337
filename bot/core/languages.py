"""Languages beyond Swedish and English.

The bot converses in Swedish and English. For Arabic, Persian, Somali, Tigrinya, Polish, Ukrainian,
Bosnian/Croatian/Serbian and easy-to-read Swedish it answers with a crisis card and a short menu of
the main routes, from bot/core/texts/<code>.yml (machine-assisted until a translator sets `reviewed:
true`). A message clearly in a language the service has no texts for (Spanish, German, Turkish ...)
gets the same card in English (`UNSERVED`): it cannot be asked in that language whether anyone is in
danger either. The language is the one chosen in the widget, unless the message is clearly written
in another (identified with lingua, or by its script).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from bot.core import texts
from bot.core.render import fill, resource_cards
from bot.core.resources import Catalogue

# The one list of languages: every surface (the widget's chooser, the texts files with the widget's
# texts, the NLU pipeline, the evaluations) follows it, and tests/core/test_languages.py fails if one
# does not.
CHAT_LANGUAGES = ("sv", "en")  # conversed in
CARD_LANGUAGES = ("ar", "fa", "so", "ti", "pl", "uk", "bs", "sv-ll")  # 112, the crisis card, menu
ALL_LANGUAGES = (*CHAT_LANGUAGES, *CARD_LANGUAGES)
UNSERVED = "other"  # a language the service has no texts for: the English card
# Latin-script languages spoken in Örebro that the service has no texts for (Danish and Norwegian
# readers manage in Swedish). A second detector that knows them too decides: a message is taken as
# one of them when it is UNSERVED_CONFIDENCE sure and our own languages fit less than OURS_BELOW,
# or when it is UNSERVED_WHATEVER_OURS_SAY sure. Chosen so that none of the 13,106 Swedish and
# English messages of the corpora is taken for one (tests/core/test_languages.py).
UNSERVED_LANGUAGES = (
    "SPANISH", "GERMAN", "FRENCH", "TURKISH", "ITALIAN", "PORTUGUESE", "FINNISH", "ALBANIAN",
    "ROMANIAN", "HUNGARIAN", "VIETNAMESE",
)  # fmt: skip
OURS_BELOW = 0.9
UNSERVED_CONFIDENCE = 0.99
UNSERVED_WHATEVER_OURS_SAY = 0.9999
MENU_RESOURCES = ("kvinnofridslinjen", "socialtjansten", "socialjouren", "bris", "valj_att_sluta")
MIN_WORDS = 3  # Latin-script messages of fewer different words are too ambiguous ("hej": Polish?)
MIN_CONFIDENCE = 0.5
SURE = 0.7  # below this, a Latin-script card language needs the second detector to agree

_GEEZ = re.compile("[\u1200-\u137f]")
# A phone number (digits in groups) inside right-to-left text: isolated as left-to-right
# (U+2066 ... U+2069), or "116 111" would show as "111 116".
_NUMBER = re.compile(r"\+?\d[\d -]*\d")


def isolate_numbers(text: str) -> str:
    """`text` with every phone number wrapped as a left-to-right island."""
    return _NUMBER.sub(lambda m: f"\u2066{m.group(0)}\u2069", text)


# Swedish words no language without our texts shares: two of them and the message is (partly)
# Swedish, not one to answer with the English card ("asså han e helt psycho, hes outside my door
# rn och bankar" looked German to the second detector)
_SWEDISH_WORDS = re.compile(
    r"\b(och|jag|han|hon|inte|att|som|mig|mej|är|asså|också|från|eller|när|vad|hur|ska|vill|"
    r"hej|här|prata|finns|hjälp|snälla|kanske|bara|mycket|varför)\b",
    re.IGNORECASE,
)  # "hej, kan man prata här? sorry my swedish is not so good" (a round's final set)


def _partly_swedish(text: str) -> bool:
    return len({word.lower() for word in _SWEDISH_WORDS.findall(text)}) >= 2


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# A language's name in Swedish or English ("ni har tolk somaliska?") looks like that language to
# a detector; the message is in Swedish or English all the same
_LANGUAGE_NAMES = re.compile(
    r"\b(?:somaliska|somali|arabiska|arabic|persiska|persian|farsi|dari|tigrinja|tigrinya|"
    r"polska|polish|ukrainska|ukrainian|bosniska|bosnian|kroatiska|croatian|serbiska|serbian|"
    r"turkiska|turkish|kurdiska|kurdish|ryska|russian|amhariska|amharic)\b",
    re.IGNORECASE,
)


# A name inside a sentence ("do I have to live in Örebro? I live in Hallsberg" looked Swedish:
# round 45 answered it in Swedish); a name that opens a sentence is left alone
_NAME_IN_SENTENCE = re.compile(r"(?<=[^\s.!?:] )[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\b")
# An English greeting alone: too short to identify, but it says which language (round 45: "hi",
# "hello", "salam. hello" were greeted in Swedish five times). "hej" says less: English speakers
# in Sweden use it too.
_ENGLISH_GREETING = re.compile(
    r"^((salaa?m|salam aleikum|as-?salaa?mu? alaikum)[\s.!,]+)?(hi|hello|hey|hiya|good (morning"
    r"|afternoon|evening))( there)?[\s.!,]*$",
    re.IGNORECASE,
)


class LanguageIdentifier:
    """Which of our languages a message is written in (about 0.1 ms a message)."""

    @cached_property
    def _detector(self) -> Any:
        from lingua import Language, LanguageDetectorBuilder

        self._codes = {
            Language.SWEDISH: "sv", Language.ENGLISH: "en", Language.ARABIC: "ar",
            Language.PERSIAN: "fa", Language.SOMALI: "so", Language.POLISH: "pl",
            Language.UKRAINIAN: "uk", Language.BOSNIAN: "bs", Language.CROATIAN: "bs",
            Language.SERBIAN: "bs",
        }  # fmt: skip
        return (
            LanguageDetectorBuilder.from_languages(*self._codes)
            .with_preloaded_language_models()
            .build()
        )

    @cached_property
    def _unserved_detector(self) -> Any:
        """Ours and the unserved languages, in lingua's low-accuracy mode (34 MB instead of 250)."""
        from lingua import Language, LanguageDetectorBuilder

        self._unserved = {getattr(Language, name) for name in UNSERVED_LANGUAGES}
        return (
            LanguageDetectorBuilder.from_languages(*self._codes, *self._unserved)
            .with_low_accuracy_mode()
            .with_preloaded_language_models()
            .build()
        )

    def warm_up(self) -> None:
        """Load the language models now rather than on the first message."""
        self._detector.detect_language_of("hej")
        self._unserved_detector.detect_language_of("hej")

    def _second_opinion(self, text: str) -> tuple[str, float]:
        """The best language among ours and the unserved ones (its code) and how sure."""
        best = self._unserved_detector.compute_language_confidence_values(text)[0]
        code = UNSERVED if best.language in self._unserved else self._codes[best.language]
        return code, best.value

    def identify(self, text: str) -> str | None:
        """The language code, or None when the text is too short or unclear to tell."""
        if _GEEZ.search(text):
            return "ti"
        if _ENGLISH_GREETING.match(text.strip()):
            return "en"
        text = _NAME_IN_SENTENCE.sub(" ", _LANGUAGE_NAMES.sub(" ", text))
        non_latin = _ARABIC_SCRIPT.search(text) or _CYRILLIC.search(text)
        if not non_latin and len(set(text.lower().split())) < MIN_WORDS:  # "plz plz plz"
            return None
        # Bosnian, Croatian and Serbian share one code: add up their confidence.
        by_code: dict[str, float] = {}
        for value in self._detector.compute_language_confidence_values(text):
            code = self._codes[value.language]
            by_code[code] = by_code.get(code, 0.0) + value.value
        if not by_code:
            return None
        code, confidence = max(by_code.items(), key=lambda item: item[1])
        if non_latin:
            return code
        second, sure = self._second_opinion(text)
        if (
            second == UNSERVED
            and not _partly_swedish(text)
            and (
                sure >= UNSERVED_WHATEVER_OURS_SAY  # Turkish looks Swedish to a detector without it
                or (confidence < OURS_BELOW and sure >= UNSERVED_CONFIDENCE)
            )
        ):
            return UNSERVED
        if code not in CHAT_LANGUAGES and confidence < SURE and second != code:
            return None  # "jag e radd" looked Somali to one detector only
        return code if confidence >= MIN_CONFIDENCE else None


def answer_language(requested: str, text: str, identifier: LanguageIdentifier) -> str:
    """The language to answer in: the one asked for, unless the text clearly is in another."""
    requested = requested if requested in CHAT_LANGUAGES + CARD_LANGUAGES else _base(requested)
    if text.startswith("/"):  # a button: no text to identify
        return requested
    found = identifier.identify(text)
    if found is None or found == requested or (requested == "sv-ll" and found == "sv"):
        return requested
    return found


def _base(lang: str) -> str:
    base = lang.split("-")[0]
    return base if base in CHAT_LANGUAGES + CARD_LANGUAGES else "sv"


def right_to_left(lang: str) -> bool:
    """Whether `lang` is written right to left (its texts file says `dir: rtl`)."""
    return texts.value("dir", lang) == "rtl"


def service_text_language(lang: str) -> str:
    """The language the services' own texts (resources.yml: names, descriptions, hours) are
    shown in for `lang`, everywhere: chat cards, the finder and /stod. They exist in Swedish and
    English: Swedish for sv and easy-to-read Swedish, English for English and every other
    language we know (a reader of Arabic more often reads English than Swedish), Swedish for a
    code we do not know."""
    if lang in ("sv", "sv-ll"):
        return "sv"
    return "en" if lang in (*CHAT_LANGUAGES, *CARD_LANGUAGES, UNSERVED) else "sv"


def card_answer(lang: str, catalogue: Catalogue) -> list[dict[str, Any]]:
    """112 first (always: the bot cannot ask in this language whether anyone is in danger), then
    the crisis card and menu in `lang` (in English for an UNSERVED language)."""
    lang = "en" if lang == UNSERVED else lang
    card_lang = service_text_language(lang)
    marks = {"lang": lang, "machine_translated": not texts.value("reviewed", lang)}
    rtl = right_to_left(lang)

    def filled(template: str) -> str:
        text = fill(template, catalogue, card_lang)
        return isolate_numbers(text) if rtl else text

    emergency = {
        "text": filled(texts.text("danger", lang)),
        "emergency": True,
        "resources": resource_cards(["emergency"], catalogue, card_lang),
    }
    intro = filled(texts.text("intro", lang))
    menu = "\n".join(filled(line) for line in texts.value("menu", lang))
    rest = {
        "text": f"{intro}\n{menu}",
        "resources": resource_cards(list(MENU_RESOURCES), catalogue, card_lang),
    }
    return [emergency | marks, rest | marks]
