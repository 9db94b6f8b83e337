"""Replace personal data in a message before it reaches Rasa.

Swedish personnummer and samordningsnummer, phone numbers (Swedish and international) and e-mail
addresses become neutral placeholders. Service numbers a user may quote (112, 114 14, 116 111,
1177, 90101 and every number in resources.yml) are kept, so the bot still understands them.

The text is first made plain (`plain`): compatibility forms become ordinary ones (fullwidth
digits, "＠"), invisible format characters go (a zero-width space inside a number), and every
kind of dash becomes "-", so that "850101–1234" or "０７０-１２３ ４５ ６７" cannot slip through.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import phonenumbers

PERSONNUMMER = "[personnummer]"
PHONE = "[telefonnummer]"
EMAIL = "[e-post]"

# YYMMDD or YYYYMMDD, optional - or + (or a space), then four digits. The day may be 61-91 for
# a samordningsnummer. Digits glued to other digits are not a personnummer.
_PERSONNUMMER = re.compile(
    r"(?<![\d+])(?:19|20)?\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?!\d)"
)
_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\{at\})\s*[\w-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[\w-]+)+",
    re.UNICODE | re.IGNORECASE,
)
# What the library misses: a run starting with 0, 00 or + (as Swedish and international numbers do)
# of digits, spaces, dashes and brackets with at least 7 digits. Dates and times start otherwise.
_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+|0)\d[\d\s()-]{5,}\d(?!\d)")
# ... and numbers written without their 0 or area code, in groups: "70 123 45 67", "123 45 67".
_DIGIT_GROUPS = re.compile(r"(?<![\w+-])(?<!\d )\d{2,3}(?:[ -]\d{2,3}){2,4}(?![\w-])")
_SPACED_DASH = re.compile(r"(?<=\d) ?- ?(?=\d{4}(?!\d))")  # "850101 - 1234"
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
SHORT_SERVICE_NUMBERS = ("112", "11414", "116111", "116006", "1177", "90101", "113113")


def plain(text: str) -> str:
    """`text` in plain form: NFKC, no invisible format characters, every dash as "-"."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _DASHES.sub("-", text)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class Redactor:
    """Redacts personal data; keeps the service numbers it was given (as digits)."""

    def __init__(self, service_numbers: Iterable[str] = ()):
        self.keep = frozenset(_digits(n) for n in (*SHORT_SERVICE_NUMBERS, *service_numbers))

    def _is_service_number(self, text: str) -> bool:
        digits = _digits(text)
        return digits in self.keep or digits.lstrip("0").removeprefix("46") in {
            k.lstrip("0") for k in self.keep
        }

    def _phone(self, match: re.Match[str]) -> str:
        candidate = match.group(0)
        if self._is_service_number(candidate) or len(_digits(candidate)) < 7:
            return candidate
        stripped = candidate.rstrip(" .-(")
        return PHONE + candidate[len(stripped) :]

    def redact(self, text: str) -> str:
        """`text` in plain form, with personnummer, phone numbers and e-mail addresses replaced."""
        text = _EMAIL.sub(EMAIL, plain(text))
        text = self._redact_with_phonenumbers(text)
        text = _PERSONNUMMER.sub(PERSONNUMMER, _SPACED_DASH.sub("-", text))
        text = _PHONE_LIKE.sub(self._phone, text)
        return _DIGIT_GROUPS.sub(self._phone, text)

    def _redact_with_phonenumbers(self, text: str) -> str:
        """Numbers the phonenumbers library recognises in Swedish or international format."""
        pieces, last = [], 0
        for match in phonenumbers.PhoneNumberMatcher(
            text, "SE", leniency=phonenumbers.Leniency.VALID
        ):
            if self._is_service_number(match.raw_string):
                continue
            pieces += [text[last : match.start], PHONE]
            last = match.end
        return "".join(pieces) + text[last:] if pieces else text
