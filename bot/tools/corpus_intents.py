"""Topic training examples from the role corpus: words nobody here wrote.

The role corpus (data/roles/train/) holds thousands of first messages by independent authors,
each labelled with who is writing (`role`) and what they mainly want (`need`). Together the two
name the answer that fits: "tar soc mina barn?" from a parent subjected to violence wants the
answer on children and social services, the same question from a parent who hits wants the
answer for parents who use violence. `intent_for` is that mapping; `bot train` writes the mapped
messages as Rasa NLU data next to the model (models/, never committed), so the topic classifier
learns the everyday phrasings as well as data/nlu's.

Where one need has two answers (anonymity or hiding traces, cost or opening hours, ...), a few
words in the message choose; a message the mapping cannot place is left out. The development
set (data/roles/dev/) is never used here: it measures the mapping's result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from bot.core.languages import CHAT_LANGUAGES
from bot.understanding.role_cues import defended_self
from bot.understanding.role_model import (
    CONCERNED,
    PROFESSIONAL,
    SUBJECTED,
    TRAIN_DIR,
    UNCLEAR,
    USES_VIOLENCE,
    RoleExample,
    corpus_files,
    load_examples,
)
from bot.understanding.roles import ROLE_INTENT, YOUNG_ANSWER

# Words that choose between two answers for one need.
HONOUR = re.compile(r"heder|honou?r|skam|shame|släkt|slakt|kusin|cousin|gifta|marr|oskuld|virgin", re.I)
FAMILY_HONOUR = re.compile(
    r"\b(heder\w*|honou?r\w*|oskuld\w*|virgin\w*|gifta bort|marry (her|him) off|"
    r"(släktens|familjens|slaktens) rykte|family'?s (name|reputation)|sharaf|namus|izzat)\b",
    re.I,
)  # not "skäms"/"ashamed": remorse is no honour (the review of round 10)
HONOUR_NAMED = re.compile(r"heder|honou?r", re.I)  # "is this honour violence?"
VIRGINITY = re.compile(r"oskuld|virgin|mödomshinna|modomshinna|hymen|blödde|bleed", re.I)
TRACES = re.compile(r"histori|radera|spår|spar\b|delete|clear|trace|browser|webbläsar", re.I)
HOURS = re.compile(r"öppe|oppe|open|natt|night|helg|weekend|kväll|kvall|evening|dygnet|24", re.I)
DEVICE = re.compile(r"gps|plats|location|track|spår|app\b|appen|lösenord|password|hack|spion|spy|airtag|kamera|camera", re.I)  # fmt: skip
NUDES = re.compile(r"naken|nude|intim|sexfilm|sex.?vid|porr|porn|deepfake|leak|läck|sextort|sprid\w* bild|bilder på mig|pictures of me|photos of me|pics of me", re.I)  # fmt: skip
BLAME = re.compile(r"\bfel\b|skuld|fault|blame|förtjän|fortjan|deserve", re.I)
# A professional asking about an adult (a patient, client, colleague) and no child in the message
_CHILD = (r"elev|barn|förskol|forskol|skol|\b1[0-7]\W?år|\b1[0-7] ?ar\b|åring|aring|tonår|"
          r"ungdom|minderår|konfirmand|pupil|child|kid|teen|under 18|\bunga?\b|youth|minor|"
          r"\b[PFU]1\d|flick|pojk|tjej|kille|\bgirl|\bboy|\bson\b|dotter|daughter|bris")
_ADULT = (r"patient|brukare|klient|kund|vuxen|vuxna|adult|client|customer|äldre|aldre|elder|"
          r"hustru|\bfru\b|wife|husband|\bmake\b|maken|sambo|partner|kvinna|woman|women|"
          r"gravid|pregnan|dement|pension|hemtjänst|hemtjanst|\bsfi\b|medarbetare|kollega|"
          r"employee|colleague|anställd")
ADULT_CLIENT = re.compile(rf"^(?!.*(?:{_CHILD})).*(?:{_ADULT})", re.I | re.S)

# need -> {role -> intent}; a role not listed is left out for that need.
ANY = (SUBJECTED, USES_VIOLENCE, CONCERNED, PROFESSIONAL, UNCLEAR)
NOT_USING = (SUBJECTED, CONCERNED, PROFESSIONAL, UNCLEAR)
ASKING_FOR_SELF = (SUBJECTED, UNCLEAR)


def _same(intent: str, roles: Iterable[str]) -> dict[str, str]:
    return dict.fromkeys(roles, intent)


BY_NEED: dict[str, dict[str, str]] = {
    "support": {role: ROLE_INTENT[role] for role in (SUBJECTED, USES_VIOLENCE, CONCERNED, PROFESSIONAL)},
    "is_it_violence": _same("forms_of_violence", ASKING_FOR_SELF)
    | {role: ROLE_INTENT[role] for role in (USES_VIOLENCE, CONCERNED, PROFESSIONAL)},
    "stop_own_violence": {USES_VIOLENCE: "uses_violence"},
    "how_to_help_someone": {CONCERNED: "concerned", PROFESSIONAL: "professional"},
    "children_and_social_services": _same("children_social_services", ASKING_FOR_SELF)
    | {USES_VIOLENCE: "perpetrator_children", CONCERNED: "report_concern_child",
       PROFESSIONAL: "professional"},
    "custody_or_taking_children_abroad": _same("children_custody", ASKING_FOR_SELF),
    "police_or_report": _same("police_report", NOT_USING)
    | {USES_VIOLENCE: "reported_for_violence"},
    "restraining_order": _same("restraining_order", NOT_USING)
    | {USES_VIOLENCE: "reported_for_violence"},
    "forced_marriage_or_abroad": _same("forced_marriage", ASKING_FOR_SELF)
    | {CONCERNED: "concerned_honour", PROFESSIONAL: "professional",
       USES_VIOLENCE: "controls_for_honour"},
    "virginity_or_honour_norms": _same("honour", ASKING_FOR_SELF)
    | {CONCERNED: "concerned_honour", PROFESSIONAL: "professional",
       USES_VIOLENCE: "controls_for_honour"},
    "interpreter_or_language": _same("interpreter", ANY),
    "anonymity_or_hiding_traces": _same("anonymity", ANY),
    "cost_or_opening_hours": _same("costs_and_anonymity", ANY),
    "digital_or_threat_messages": _same("threat_messages", ASKING_FOR_SELF),
    # the one who did it: the topic, whose counterpart for them is their own answer (roles.py)
    "sexual_violence": _same("sexual_violence", (*ASKING_FOR_SELF, USES_VIOLENCE))
    | {role: ROLE_INTENT[role] for role in (CONCERNED, PROFESSIONAL)},
    "health_or_injuries": _same("health_care", ASKING_FOR_SELF),
    "feelings_fear_or_shame": _same("feeling_bad", ASKING_FOR_SELF)
    | {USES_VIOLENCE: "uses_violence", CONCERNED: "concerned"},
    "leave_or_shelter": _same("shelter", ASKING_FOR_SELF),
    "outside_orebro": _same("outside_orebro", ANY),
}  # fmt: skip

# (intent, what the message must say, the other intent that chooses)
REFINEMENTS = (
    ("concerned", HONOUR.search, "concerned_honour"),
    ("honour", VIRGINITY.search, "virginity"),
    ("anonymity", TRACES.search, "hide_traces"),
    ("costs_and_anonymity", HOURS.search, "open_now"),
    ("threat_messages", NUDES.search, "image_abuse"),
    ("threat_messages", DEVICE.search, "digital_safety"),
    ("police_report", defended_self, "hit_back"),
    ("victim", defended_self, "hit_back"),
    ("forms_of_violence", defended_self, "hit_back"),
    ("feeling_bad", BLAME.search, "self_blame"),
    ("professional", ADULT_CLIENT.search, "professional_adult"),
    ("forms_of_violence", HONOUR_NAMED.search, "honour_explained"),
    # a parent or brother who wants to stop controlling a daughter or sister for honour
    ("uses_violence", FAMILY_HONOUR.search, "controls_for_honour"),
)


def intent_for(example: RoleExample) -> str | None:
    """The intent whose answer fits the message's writer and need, or None."""
    if example.lang not in CHAT_LANGUAGES:  # the others get the crisis card
        return None
    intent = BY_NEED.get(example.need, {}).get(example.role)
    if intent == ROLE_INTENT.get(example.role) and example.young:
        return YOUNG_ANSWER.get(example.role, intent)
    for chosen, says, other in REFINEMENTS:
        if intent == chosen and says(example.text):
            return other
    return intent


def nlu_data(examples: Iterable[RoleExample]) -> dict:
    """Rasa NLU training data (as a YAML document) with every example that maps to an intent."""
    by_intent: dict[str, list[str]] = {}
    for example in examples:
        intent = intent_for(example)
        if intent:
            by_intent.setdefault(intent, []).append(" ".join(example.text.split()))
    return {
        "version": "3.1",
        "nlu": [
            {"intent": intent, "examples": "".join(f"- {text}\n" for text in texts)}
            for intent, texts in sorted(by_intent.items())
        ],
    }


def corpus_intents(corpus: Path = TRAIN_DIR) -> set[str]:
    """The intents the role corpus's training messages teach."""
    return {item["intent"] for item in nlu_data(load_examples(corpus_files(corpus)))["nlu"]}


def write_nlu(out: Path, corpus: Path = TRAIN_DIR) -> int:
    """Write the role corpus's training messages as NLU data to `out`; return how many."""
    data = nlu_data(load_examples(corpus_files(corpus)))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "# Generated by bot/tools/corpus_intents.py from data/roles/train/ at training; never edit.\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8",
    )
    return sum(item["examples"].count("\n") for item in data["nlu"])
