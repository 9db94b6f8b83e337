"""Deterministic danger detection: fixed patterns, no model, no randomness.

Runs before and beside the ML classifier (see `bot.nlu_components.DangerDetector`) and in the
gateway's degraded mode. A match can never be out-voted. Text is normalised first so that Swedish
without å/ä/ö, mixed case, extra spaces and Arabic-script diacritics match the same patterns.

Two kinds of danger:
- `danger_now`: violence happening now, weapons, strangling, threats to kill, being locked in,
  someone at the door, being taken abroad;
- `suicidal`: thoughts of taking one's own life.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DANGER_NOW = "danger_now"
SUICIDAL = "suicidal"

# Latin letters lose their accents (å->a, ö->o, ł->l ...); Arabic-script diacritics and the
# zero-width non-joiner used in Persian are dropped; Arabic and Persian letter variants are unified.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d]")
_LETTER_VARIANTS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ł": "l"}
)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case, accent-free, single-spaced form of `text` for pattern matching."""
    text = _ARABIC_MARKS.sub("", text.lower()).translate(_LETTER_VARIANTS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(
        ch for ch in decomposed if not (unicodedata.combining(ch) and ord(ch) < 0x0600)
    )
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", stripped)).strip()


# Each pattern is written against the normalised text (no å/ä/ö, lower case).
# Swedish and English first, then Arabic, Persian, Somali, Tigrinya and Polish key phrases.
_PATTERNS: dict[str, list[str]] = {
    DANGER_NOW: [
        # violence going on now
        r"\b(sla+r|slo+r|sparkar|misshandlar|bankar|skadar|attackerar|jagar|valdtar)\b.*\b(nu|just nu)\b",
        r"\b(nu|just nu)\b.*\b(sla+r|sparkar|misshandlar|skadar|attackerar|jagar)\b",
        r"\b(hitting|beating|kicking|attacking|hurting|raping) me\b.*\b(now|right now)\b",
        # strangling (a strong warning sign, also in the past)
        r"\b(stryp\w*|kvav(er|de|a)|tog strypgrepp|strangl\w*|chok(e|es|ed|ing) me)\b",
        # threats to kill / fear for one's life
        r"\b(doda|doden|mordar|morda|ta livet av|skjuta|skjuter) (mig|oss|barnen|mitt barn)\b",
        r"\b(mordhot|dodshot|hotar att doda|hotat att doda|radd for mitt liv)\b",
        r"\b(kill|murder|shoot|stab) (me|us|my (child|children|kids))\b",
        r"\b(threat\w* to kill|afraid for my life|fear for my life)\b",
        # weapons
        r"\b(kniv|kniven|vapen|vapnet|pistol|gevar|yxa|knife|gun|weapon)\b",
        # locked in / not allowed out
        r"\b(inlast|last in mig|laste in mig|laser in mig|stanger in mig|instangd|kommer inte ut)\b",
        r"\b(locked (me )?in|won'?t let me (leave|out)|can'?t get out)\b",
        # someone at the door
        r"\b(utanfor|vid|pa) (dorren|min dorr|fonstret|lagenheten)\b",
        r"\b(outside|at) (my|the) (door|window|flat|apartment)\b",
        r"\b(han|hon|de) (ar|kommer) hit\b.*\bnu\b",
        # being taken abroad / forced marriage
        r"\b(utomlands|till hemlandet|gifta bort|bortgift|tvangsgifte|tvangsgift|tvingas gifta)\b",
        r"\b(taken? (me )?abroad|send me (back|abroad|home)|forced? (to )?marr\w*|forced marriage)\b",
        # immediate, explicit calls for help
        r"\b(hjalp mig nu|ring polisen|call the police|help me now)\b",
        # Arabic: he hits me, he will kill me, knife, help me
        r"(یضربنی|سیقتلنی|یرید قتلی|سکین|ساعدونی|ساعدنی)",
        # Persian: he hits me, he wants to kill me, knife, help
        r"(منو میزنه|مرا میزند|منو بکشه|مرا بکشد|چاقو|کمکم کنید)",
        # Somali: he is beating me, he will kill me, knife, help
        r"\b(wuu i garaacayaa|i garaacayaa|i dilayaa|i dili doonaa|mindi|i caawiya)\b",
        # Tigrinya: help, he beats me, he will kill me, knife
        r"(ሓገዝ|ይወቕዓኒ|ክቐትለኒ|ካራ)",
        # Polish: he beats me, he will kill me, knife, help
        r"\b(bije mnie|zabije mnie|zabic mnie|noz|pomocy)\b",
    ],
    SUICIDAL: [
        r"\b(sjalvmord\w*|ta mitt liv|ta livet av mig|vill inte leva|vill do|orkar inte leva)\b",
        r"\b(suicid\w*|kill myself|end my life|want to die|don'?t want to live)\b",
        r"(انتحار|اقتل نفسی|ارید ان اموت|خودکشی|میخواهم بمیرم)",
        r"\b(is dil|isdil|waan is dilayaa)\b",
        r"(ርእሰይ ክቐትል)",
        r"\b(samoboj\w*|chce umrzec|zabic sie|zabije sie)\b",
    ],
}


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a pattern with the same letter unification the text gets."""
    return re.compile(_ARABIC_MARKS.sub("", pattern).translate(_LETTER_VARIANTS))


_COMPILED = {kind: [_compile(p) for p in patterns] for kind, patterns in _PATTERNS.items()}


@dataclass(frozen=True)
class Verdict:
    """A danger match: which kind, and the pattern that fired (for staff explanations)."""

    kind: str
    pattern: str


def detect(text: str) -> Verdict | None:
    """Return the danger verdict for `text`, or None. Suicidal thoughts are checked first."""
    norm = normalise(text)
    for kind in (SUICIDAL, DANGER_NOW):
        for pattern in _COMPILED[kind]:
            if pattern.search(norm):
                return Verdict(kind, pattern.pattern)
    return None
