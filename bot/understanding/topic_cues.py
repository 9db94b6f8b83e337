"""Words that name what a message is about, where the topic classifier's answer speaks past them.

The classifier learns topics from examples; a topic with few examples (a pregnancy, money, a
secret address) loses to a general one with many ("is it violence?", "I am subjected"), and an
answer for the cost of calling is given to a question about the cost of a shelter. These cues
name the topic in the message's own words; `bot.understanding.roles.with_premise` uses them to
give the specific answer instead of a general one (round 9: a general answer to a specific
question was the judges' largest complaint). Matched against `bot.understanding.danger.normalise`d
text (lower case, no accents).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.understanding.danger import normalise

_SHELTER = re.compile(
    r"skydda\w* boende|\bshelter|\bboendet\b|\bbo (dar|pa boende)\b|stay there|safe hous\w*"
    r"|protected hous\w*|kvinnohus"
)
_CHILDREN = re.compile(
    r"\b(barn\w*|bebis\w*|baby|babies|bebbe|sons?|sonen|soner|dotter\w*|dottrar\w*|daughters?"
    r"|kids?|child\w*|unge|ungen|ungar\w*|ungarna|tonaring\w*|teenager\w*|toddler\w*|vardnad\w*"
    r"|custody|gravid\w*|pregnan\w*|forskola\w*|dagis|preschool|nursery|\d+.?aring\w*|pojk\w*"
    r"|flick\w*|grabben|little (boy|girl)|my (boy|girl))\b"
)
_PREGNANCY = re.compile(
    r"\b(gravid\w*|graviditet\w*|pregnan\w*|mvc|modravard\w*|barnmorsk\w*|midwife|midwives"
    r"|nyfodd\w*|newborn|forlossning\w*|fick (bebis|barn) for|just had a baby)\b"
)
_MONEY = re.compile(
    r"\b(lon|lonen|pengar\w*|bankkort\w*|bank.?kort|bankkonto\w*|lan i mitt namn|lanat|skuld\w*"
    r"|kronofogd\w*|swish\w*|barnbidrag\w*|foraldrapenning\w*|ekonomi\w*|bidrag\w*|salary|wages"
    r"|money|bank card|bank account|loans?|debts?|credit card|benefits|finances"
    r"|betalningsanmark\w*)\b"
)
_PROTECTED_DETAILS = (
    r"skyddad\w* (identitet|personuppgift\w*|adress\w*|folkbokf\w*)|sekretessmark\w*"
    r"|protected (identity|address|personal)|secrecy mark\w*|confidential address"
)
_NAMES_PROTECTED_DETAILS = re.compile(_PROTECTED_DETAILS)
_SECRET_ADDRESS = re.compile(
    rf"{_PROTECTED_DETAILS}|\b(min|mitt|var) (nya )?adress|var (jag|vi) bor\b"
    r"|where (i|we) live\b|\b(my|our) (new )?address"
)


def _says(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    def says(text: str) -> bool:
        return pattern.search(normalise(text)) is not None

    return says


about_shelter = _says(_SHELTER)  # "what does the shelter cost?", not the cost of calling a line
mentions_children = _says(_CHILDREN)  # a child of theirs or one they care for
about_pregnancy = _says(_PREGNANCY)
about_money = _says(_MONEY)
about_secret_address = _says(_SECRET_ADDRESS)
names_protected_details = _says(_NAMES_PROTECTED_DETAILS)  # "skyddade personuppgifter" by name
